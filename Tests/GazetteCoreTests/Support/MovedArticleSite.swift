import Foundation
import Testing
@testable import GazetteCore

/// A site whose one article moved (its headline's typo fixed) and that also answers an old
/// query-string address, built with the host rules of `format` and precompressed copies:
/// what the nginx and Apache tests serve.
struct MovedArticleSite {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }
    static let oldPath = "/2024/01/02/harbour-cranes-stand-stil/"
    static let newPath = "/2024/01/02/harbour-cranes-stand-still/"

    init(redirectFormat format: String) throws {
        let body = String(repeating: "The cranes stopped on Monday. ", count: 80)
        func cranes(_ title: String) -> String { article(title, extra: "aliases: [\"/news/view.htm?id=149306\"]\n", body: body) }
        site.write([
            "gazette.yml": "title: Moves\nbase_url: https://example.org/\nredirects: [html, \(format)]\ncompress: [gzip, brotli]\n",
            "content/cranes.md": cranes("Harbour cranes stand stil"),
        ])
        try buildSite(site.path, into: output)
        site.write(["content/cranes.md": cranes("Harbour cranes stand still")])
        try buildSite(site.path, into: output)
    }

    typealias Get = (_ path: String, _ headers: [String: String]) throws -> (status: Int, headers: [String: String], body: Data)

    /// A browser that takes Brotli (when the server can send it) or gzip gets the copy made at
    /// build time; one that takes neither gets the page itself.
    func expectPrecompressedCopies(brotli: Bool = true, _ get: Get) throws {
        let file = output + Self.newPath + "index.html"
        if brotli {
            let br = try get(Self.newPath, ["Accept-Encoding": "br"])
            #expect(br.status == 200 && br.headers["content-encoding"] == "br", "\(br.headers)")
            #expect(br.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(br.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".br"))))
        }
        let gz = try get(Self.newPath, ["Accept-Encoding": "gzip"])
        #expect(gz.headers["content-encoding"] == "gzip")
        #expect(gz.body == (try Data(contentsOf: URL(fileURLWithPath: file + ".gz"))))
        let plain = try get(Self.newPath, [:])
        #expect(plain.headers["content-encoding"] == nil)
        #expect(plain.body == (try Data(contentsOf: URL(fileURLWithPath: file))))
    }
}
