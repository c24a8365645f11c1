import Foundation
import Testing
@testable import GazetteCore

/// The repository's own `content/`: what `make run` builds.
@Suite struct SampleArchiveTests {
    @Test func buildsWithNoBrokenLinks() throws {
        let out = TemporaryDirectory()
        let options = BuildOptions(siteRoot: TestPaths.repository.path, output: out.path, themeSearchPaths: [TestPaths.themes])
        let report = try SiteBuilder(options: options).build()
        #expect((12...20).contains(report.articles))
        #expect(report.people >= 10 && report.countries >= 10)
        #expect(SiteInspector(root: out.path).brokenLinks() == [])
    }

    @Test func everyPageKindHasSomethingToShow() throws {
        let out = TemporaryDirectory()
        try SiteBuilder(options: BuildOptions(siteRoot: TestPaths.repository.path, output: out.path, themeSearchPaths: [TestPaths.themes])).build()
        let site = SiteInspector(root: out.path)
        #expect(site.files.contains("page/2/index.html"))
        #expect(site.files.filter { $0.hasPrefix("sections/") && $0.hasSuffix("/index.html") }.count >= 5)
        #expect(Set(site.files.compactMap { Int($0.prefix(4)) }).count >= 4, "articles across several years")
        let withTable = site.htmlFiles.filter { site.read($0).contains("<table tabindex=\"0\">") }
        #expect(!withTable.isEmpty)
    }
}
