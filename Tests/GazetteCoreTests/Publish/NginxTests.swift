import Foundation
import Testing
@testable import GazetteCore

/// The built site on a real nginx (Debian's, on loopback) with the configuration
/// `gazette deploy --print-config nginx` prints: moved articles and old query-string
/// addresses answer 301, unknown addresses 404 with the theme's page, and a browser that
/// takes Brotli or gzip gets the precompressed copy.
@Suite(.enabled(if: LoopbackNginx.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct NginxTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }
    static let oldPath = "/2024/01/02/harbour-cranes-stand-stil/"
    static let newPath = "/2024/01/02/harbour-cranes-stand-still/"

    init() throws {
        site.write([
            "gazette.yml": "title: Moves\nbase_url: https://example.org/\nredirects: [html, nginx]\ncompress: [gzip, brotli]\n",
            "content/cranes.md": article("Harbour cranes stand stil", extra: "aliases: [\"/news/view.htm?id=149306\"]\n",
                                         body: String(repeating: "The cranes stopped on Monday. ", count: 80)),
        ])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        site.write(["content/cranes.md": article("Harbour cranes stand still", extra: "aliases: [\"/news/view.htm?id=149306\"]\n",
                                                 body: String(repeating: "The cranes stopped on Monday. ", count: 80))])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
    }

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
        let file = output + Self.newPath + "index.html"
        if LoopbackNginx.hasBrotli {
            let br = try nginx.get(Self.newPath, headers: ["Accept-Encoding": "br"])
            #expect(br.headers["content-encoding"] == "br")
            #expect(br.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".br"))))
        }
        let gz = try nginx.get(Self.newPath, headers: ["Accept-Encoding": "gzip"])
        #expect(gz.headers["content-encoding"] == "gzip")
        #expect(gz.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".gz"))))
        let plain = try nginx.get(Self.newPath)
        #expect(plain.headers["content-encoding"] == nil)
        #expect(plain.body == (try Data(contentsOf: URL(fileURLWithPath: file))))
    }
}
