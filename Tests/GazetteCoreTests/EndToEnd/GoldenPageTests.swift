import Foundation
import Testing
@testable import GazetteCore

/// One page of each kind, compared with `Fixtures/golden/`. After an intended change to
/// the default theme, run `GAZETTE_UPDATE_GOLDEN=1 swift test` and review the diff.
@Suite struct GoldenPageTests {
    static let pages: [(golden: String, path: String)] = [
        ("article.html", "2024/03/05/parliament-passes-the-budget/index.html"),
        ("home.html", "index.html"),
        ("term.html", "countries/japan/index.html"),
        ("terms.html", "people/index.html"),
        ("archive-month.html", "2024/03/index.html"),
        ("archives.html", "archive/index.html"),
        ("404.html", "404.html"),
        ("search.html", "search/index.html"),
        ("feed.xml", "feed.xml"),
        ("feed.json", "feed.json"),
    ]

    @Test(arguments: pages.map(\.golden))
    func pageMatchesItsGoldenFile(_ golden: String) throws {
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path)).build()
        let path = Self.pages.first { $0.golden == golden }!.path
        let actual = try #require(out.read(path))
        let goldenPath = TestPaths.fixtures + "/golden/" + golden
        if ProcessInfo.processInfo.environment["GAZETTE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: TestPaths.fixtures + "/golden", withIntermediateDirectories: true)
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from Fixtures/golden/\(golden); diff them, and update with GAZETTE_UPDATE_GOLDEN=1 if intended")
    }
}
