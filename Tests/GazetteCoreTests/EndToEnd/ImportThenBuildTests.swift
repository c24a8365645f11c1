import Foundation
import Testing
@testable import GazetteCore

/// The README's walk-through: import the sample raw pages the repository ships, then build.
@Suite struct ImportThenBuildTests {
    @Test func sampleRawPagesImportAndBuildIntoASite() throws {
        let site = TemporaryDirectory()
        var options = ImportOptions(paths: [TestPaths.repository.path + "/samples/raw"], into: site.path + "/content", timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = DateParser(zone: options.timeZone).parse("2023-10-03")
        let report = Importer(options: options).run()
        #expect(report.count(.written) == 4 && report.failed.isEmpty)
        let out = TemporaryDirectory()
        let built = try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        #expect(built.articles == 4)
        #expect(out.exists("people/bang-moon-kyu/index.html"))
        #expect(out.exists("countries/france/index.html"))
        #expect(SiteInspector(root: out.path).brokenLinks() == [])
    }
}
