import Foundation
import Testing
@testable import GazetteCore

/// The built site on a real nginx (Debian's, on loopback) with the configuration
/// `gazette deploy --print-config nginx` prints: moved articles and old query-string
/// addresses answer 301, unknown addresses 404 with the theme's page, and a browser that
/// takes Brotli or gzip gets the precompressed copy.
@Suite(.enabled(if: LoopbackNginx.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct NginxTests {
    let moved: MovedArticleSite
    var output: String { moved.output }
    static let oldPath = MovedArticleSite.oldPath, newPath = MovedArticleSite.newPath

    init() throws { moved = try MovedArticleSite(redirectFormat: "nginx") }

    func server() throws -> LoopbackNginx {
        try LoopbackNginx(serverBlock: HostConfig.nginx(base: BaseURL("https://example.org/")!, root: output),
                          redirects: output + "/" + RedirectFiles.nginxFile)
    }

    @Test func aMovedArticlesOldAddressAnswers301ToTheNewOne() throws {
        let nginx = try server()
        let old = try nginx.get(Self.oldPath)
        #expect(old.status == 301)
        #expect(old.headers["location"]?.hasSuffix(Self.newPath) == true, "\(old.headers)")
        #expect(try nginx.get(Self.newPath).status == 200)
    }

    @Test func anOldAddressWithAQueryAnswers301() throws {
        let nginx = try server()
        let old = try nginx.get("/news/view.htm?id=149306")
        #expect(old.status == 301)
        #expect(old.headers["location"]?.hasSuffix(Self.newPath) == true)
        #expect(try nginx.get("/news/view.htm?id=1").status == 404, "another query is another page")
    }

    @Test func anUnknownAddressIsA404WithTheThemesPage() throws {
        let nginx = try server()
        let missing = try nginx.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Page not found"))
    }

    @Test func aBrowserThatTakesBrotliOrGzipGetsTheCopyMadeAtBuildTime() throws {
        let nginx = try server()
        try moved.expectPrecompressedCopies(brotli: LoopbackNginx.hasBrotli) { try nginx.get($0, headers: $1) }
    }
}
