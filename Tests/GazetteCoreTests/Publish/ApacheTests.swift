import Foundation
import Testing
@testable import GazetteCore

/// The built site on a real Apache (Debian's apache2, on loopback) with the virtual host
/// `gazette deploy --print-config apache` prints and the `.htaccess` the build writes.
@Suite(.enabled(if: LoopbackApache.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct ApacheTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }
    static let oldPath = "/2024/01/02/harbour-cranes-stand-stil/"
    static let newPath = "/2024/01/02/harbour-cranes-stand-still/"

    init() throws {
        let body = String(repeating: "The cranes stopped on Monday. ", count: 80)
        site.write([
            "gazette.yml": "title: Moves\nbase_url: https://example.org/\nredirects: [html, apache]\ncompress: [gzip, brotli]\n",
            "content/cranes.md": article("Harbour cranes stand stil", extra: "aliases: [\"/news/view.htm?id=149306\"]\n", body: body),
        ])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        site.write(["content/cranes.md": article("Harbour cranes stand still", extra: "aliases: [\"/news/view.htm?id=149306\"]\n", body: body)])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
    }

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
        let file = output + Self.newPath + "index.html"
        let br = try apache.get(Self.newPath, headers: ["Accept-Encoding": "br"])
        #expect(br.status == 200 && br.headers["content-encoding"] == "br", "\(br.headers)")
        #expect(br.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(br.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".br"))))
        let gz = try apache.get(Self.newPath, headers: ["Accept-Encoding": "gzip"])
        #expect(gz.headers["content-encoding"] == "gzip")
        #expect(gz.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".gz"))))
        let plain = try apache.get(Self.newPath)
        #expect(plain.headers["content-encoding"] == nil)
        #expect(plain.body == (try Data(contentsOf: URL(fileURLWithPath: file))))
    }
}
