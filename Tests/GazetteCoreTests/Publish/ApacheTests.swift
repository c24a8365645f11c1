import Foundation
import Testing
@testable import GazetteCore

/// The built site on a real Apache (Debian's apache2, on loopback) with the virtual host
/// `gazette deploy --print-config apache` prints and the `.htaccess` the build writes.
@Suite(.enabled(if: LoopbackApache.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct ApacheTests {
    let moved: MovedArticleSite
    var output: String { moved.output }
    static let oldPath = MovedArticleSite.oldPath, newPath = MovedArticleSite.newPath

    init() throws { moved = try MovedArticleSite(redirectFormat: "apache") }

    func server() throws -> LoopbackApache {
        // The printed host serves `root`; the site is the whole root here.
        try LoopbackApache(virtualHost: HostConfig.apache(base: BaseURL("https://example.org/")!, root: output))
    }

    @Test func movedAndOldQueryAddressesAnswer301AndUnknownOnes404() throws {
        let apache = try server()
        let old = try apache.get(Self.oldPath)
        #expect(old.status == 301, "\(old)")
        #expect(old.headers["location"]?.hasSuffix(Self.newPath) == true, "\(old.headers)")
        let query = try apache.get("/news/view.htm?id=149306")
        #expect(query.status == 301 && query.headers["location"]?.hasSuffix(Self.newPath) == true, "\(query.headers)")
        let missing = try apache.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Page not found"))
    }

    @Test func aBrowserThatTakesBrotliOrGzipGetsTheCopyMadeAtBuildTime() throws {
        let apache = try server()
        try moved.expectPrecompressedCopies { try apache.get($0, headers: $1) }
    }
}
