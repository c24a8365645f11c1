import Foundation
import Testing
import Yams
@testable import GazetteCore

/// An extra check, run only on a machine where the team's `shared/` folder sits beside the
/// checkout: `shared/seeds/000_f85841c514b5761e.txt` must import to the `.expected.md`
/// beside it (every front-matter value and the body; key order and quoting may differ).
/// A clone of the repository alone skips it and says so; the suite's own import tests read
/// only the pages in `Fixtures/import`, written for this project in the same layouts.
@Suite struct SeedImportTests {
    static let seeds = TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
    static let seedIsHere: Bool = {
        let here = FileManager.default.fileExists(atPath: seeds + "/000_f85841c514b5761e.txt")
        if !here { print("SeedImportTests: skipped, no shared/seeds beside the checkout (an extra check; nothing in the suite needs it)") }
        return here
    }()

    @Test(.enabled(if: seedIsHere, "shared/seeds is not beside this checkout"))
    func seedImportsToTheExpectedArticle() throws {
        let raw = Self.seeds + "/000_f85841c514b5761e.txt"
        let expectedText = try String(contentsOfFile: Self.seeds + "/000_f85841c514b5761e.expected.md", encoding: .utf8)
        let out = TemporaryDirectory()
        let report = Importer(options: ImportOptions(paths: [raw], into: out.path, timeZone: SiteTimeZone("+09:00")!)).run()
        let written = try #require(report.outcomes.first?.article)
        let actualText = try #require(out.read(written))

        let expected = try #require(FrontMatterSplit(expectedText))
        let actual = try #require(FrontMatterSplit(actualText))
        let want = try #require(try Yams.load(yaml: String(expected.yaml)) as? [String: Any])
        let got = try #require(try Yams.load(yaml: String(actual.yaml)) as? [String: Any])
        for (key, value) in want {
            #expect(String(describing: got[key] ?? "missing") == String(describing: value), "front matter '\(key)'")
        }
        #expect(got["imported_from"] as? String == raw)
        #expect(actual.body.trimmingCharacters(in: .whitespacesAndNewlines) == expected.body.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(written == "2019/11/us-to-ramp-up-pressure-on-s-korea-to-reverse-gsomia-decision-as-expiration-looms.md")
    }
}
