import Foundation
import Testing
@testable import GazetteCore

/// A published article keeps its address: when its URL changes, the old one redirects, the
/// build says so and writes it down in `redirects.yml`; aliases redirect old addresses.
@Suite struct RedirectTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }
    static let oldPath = "2024/01/02/harbour-cranes-stand-stil/"
    static let newPath = "2024/01/02/harbour-cranes-stand-still/"

    init() {
        site.write([
            "gazette.yml": "title: Moves\nbase_url: https://example.org/\nredirects: [html, netlify, nginx, apache]\n",
            "content/cranes.md": article("Harbour cranes stand stil"),  // a typo, no slug: the URL follows the title
            "content/other.md": article("Another story", date: "2024-01-01T10:00:00+09:00"),
        ])
    }

    @discardableResult
    func build(clean: Bool = false, into path: String? = nil) throws -> BuildReport {
        var options = buildOptions(site: site.path, output: path ?? output)
        options.clean = clean
        return try SiteBuilder(options: options).build()
    }

    func fixTypo() {
        site.write(["content/cranes.md": article("Harbour cranes stand still")])
    }

    @Test func aTitleEditThatMovesAnArticleLeavesARedirectAndSaysSo() throws {
        try build()
        fixTypo()
        let report = try build()
        #expect(report.redirectsAdded == ["/" + Self.oldPath])
        #expect(report.summary.contains("1 article moved"))
        #expect(site.read("redirects.yml")?.contains("\"/\(Self.oldPath)\": \"/\(Self.newPath)\"") == true)
        let page = site.read("public/" + Self.oldPath + "index.html") ?? ""
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/\(Self.newPath)\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/\(Self.newPath)\">"))
        #expect(site.exists("public/" + Self.newPath + "index.html"))
    }

    @Test func aCleanBuildHasEveryRedirectBecauseTheFileLivesWithTheContent() throws {
        try build()
        fixTypo()
        try build()
        let clean = TemporaryDirectory()
        try build(clean: true, into: clean.path + "/out")
        for file in SiteInspector(root: output).files {
            #expect(FileManager.default.contentsEqual(atPath: output + "/" + file, andPath: clean.path + "/out/" + file), "\(file)")
        }
        #expect(SiteInspector(root: output).files == SiteInspector(root: clean.path + "/out").files)
    }

    @Test func aSecondMoveLeadsTheFirstAddressStraightToTheLatest() throws {
        try build()
        fixTypo()
        try build()
        site.write(["content/cranes.md": article("Harbour cranes stand still again")])
        try build()
        let first = site.read("public/" + Self.oldPath + "index.html") ?? ""
        #expect(first.contains("url=/2024/01/02/harbour-cranes-stand-still-again/"), "no chain through the second address")
        let report = try SiteChecker(output: output, base: BaseURL("https://example.org/")!).run()
        #expect(report.problems == [])
    }

    @Test func aliasesRedirectOldAddressesOnEveryKindOfHost() throws {
        site.write(["content/cranes.md": article("Harbour cranes stand still",
            extra: "aliases:\n  - /news/view.htm?id=149306\n  - https://old.example.com/story/12/\n")])
        try build()
        #expect(site.read("public/story/12/index.html")?.contains("url=/\(Self.newPath)") == true)
        #expect(site.read("public/_redirects")?.contains("/news/view.htm id=149306 /\(Self.newPath) 301") == true)
        #expect(site.read("public/_redirects")?.contains("/story/12/ /\(Self.newPath) 301") == true)
        #expect(site.read("public/nginx-redirects.conf")?.contains("\"/news/view.htm?id=149306\" \"/\(Self.newPath)\";") == true)
        let apache = site.read("public/.htaccess") ?? ""
        #expect(apache.contains("RewriteCond %{QUERY_STRING} ^id=149306$\nRewriteRule ^news/view\\.htm$ /\(Self.newPath)? [R=301,L]"))
    }

    @Test func anAddressALivePageHasIsNeverRedirected() throws {
        site.write(["redirects.yml": "\"/2024/01/01/another-story/\": \"/\(Self.newPath)\"\n"])
        try build()
        #expect(site.read("public/2024/01/01/another-story/index.html")?.contains("http-equiv=\"refresh\"") == false)
    }

    @Test func redirectsThatLoopOrLeadNowhereAreWarnedAboutAndLeftOut() throws {
        site.write(["redirects.yml": "/a/: /b/\n/b/: /a/\n/gone/: /2020/01/01/deleted-story/\n"])
        let report = try build()
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("redirects.yml:1") && $0.contains("loop") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("redirects.yml:3") && $0.contains("does not have") }, "\(warnings)")
        #expect(!site.exists("public/a/index.html") && !site.exists("public/gone/index.html"))
    }

    @Test func aBadRedirectsFileIsAnErrorWithItsLine() {
        site.write(["redirects.yml": "/old/: [not, a, path]\n"])
        #expect(throws: GazetteError.self) { try build() }
        let error = buildError(site: site.path, output: output)
        #expect(error?.diagnostics.first?.description.contains("redirects.yml:1") == true)
    }
}
