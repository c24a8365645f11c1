import Foundation
import Testing
@testable import GazetteCore

/// Queries of words in more articles than a term's weighted postings hold, answered whole
/// from the second tier (every article of a common term), and queries read as names.
@Suite struct CompleteSearchTests {
    /// More than `SearchIndex.postingLimit`: "harbour" is in every article, "ferry" in three
    /// of four, "storm" in one of five.
    static let articles = 1_500

    static func body(_ n: Int) -> String {
        (["Harbour report."] + (n % 4 != 0 ? ["The ferry sailed."] : []) + (n % 5 == 0 ? ["A storm passed."] : []))
            .joined(separator: " ")
    }

    static func date(_ n: Int) -> String {
        let day = n / 24
        return String(format: "2020-%02d-%02dT%02d:00:00+09:00", 1 + day / 28, 1 + day % 28, n % 24)
    }

    /// The article numbers of result paths (`…/story-N/`).
    static func numbers(_ paths: [String]) -> [Int] {
        paths.compactMap { Int($0.split(separator: "-").last!.dropLast()) }
    }

    @Test func aQueryOfCommonWordsCountsAndListsEveryArticleWithThemAll() throws {
        #expect(Self.articles > SearchIndex.postingLimit)
        var files: [String: String] = [:]
        for n in 0..<Self.articles { files["content/s\(n).md"] = article("Story \(n)", date: Self.date(n), body: Self.body(n)) }
        let site = TemporaryDirectory().write(files), out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        let answers = try searchAnswers(out.path, [("harbour ferry", []), ("ferry storm harbour", []), ("harbour", [])])
        let both = (0..<Self.articles).filter { $0 % 4 != 0 }
        let three = (0..<Self.articles).filter { $0 % 4 != 0 && $0 % 5 == 0 }
        #expect(Set(Self.numbers(answers[0].paths)) == Set(both) && answers[0].paths.count == both.count)
        #expect(Set(Self.numbers(answers[1].paths)) == Set(three) && answers[1].paths.count == three.count)
        #expect(answers[2].paths.count == Self.articles, "a word in every article lists every article")
        #expect(answers.allSatisfy { $0.complete })
        // Equal weights: newest first, which is the highest article number here.
        #expect(Self.numbers(Array(answers[0].paths.prefix(3))) == Array(both.suffix(3).reversed()))
        let completeSets = try FileManager.default.contentsOfDirectory(atPath: out.path + "/search-index/a")
        let key = { (word: String) in SearchIndexFiles.setKey(word) + ".json" }
        #expect(completeSets.contains(key("harbour")) && completeSets.contains(key("ferry")), "past the limit: a complete set")
        #expect(!completeSets.contains(key("storm")), "within the limit: the postings are every article")
    }

    @Test func editingOneArticleInPlaceKeepsTheOtherCompleteSetsAndMatchesACleanBuild() throws {
        var files: [String: String] = [:]
        for n in 0..<Self.articles { files["content/s\(n).md"] = article("Story \(n)", date: Self.date(n), body: Self.body(n)) }
        let site = TemporaryDirectory().write(files), out = TemporaryDirectory()
        try buildSite(site.path, into: out.path)
        // Article 1 loses its ferry (the set of ferry changes); harbour's set stays as it was.
        site.write(["content/s1.md": article("Story 1", date: Self.date(1), body: "Harbour report. A storm passed.")])
        let report = try buildSite(site.path, into: out.path)
        #expect(report.writtenPaths.contains("search-index/a/\(SearchIndexFiles.setKey("ferry")).json"))
        #expect(!report.writtenPaths.contains("search-index/a/\(SearchIndexFiles.setKey("harbour")).json"))
        let answers = try searchAnswers(out.path, [("harbour ferry", []), ("storm harbour", [])])
        #expect(answers[0].paths.count == (0..<Self.articles).filter { $0 % 4 != 0 }.count - 1)
        #expect(answers[1].paths.count == (0..<Self.articles).filter { $0 % 5 == 0 }.count + 1)
        try expectMatchesCleanBuild(site: site.path, output: out.path, "one article of a large archive edited in place")
    }

    @Test func aQueryThatIsANameRanksThatPersonsArticlesFirstInAnyCase() throws {
        var files: [String: String] = [:]
        for n in 0..<2 {
            files["content/ji\(n).md"] = article("Council hearing \(n)", date: "2024-01-0\(n + 1)T10:00:00+09:00",
                                                 extra: "people: [Ji Won-jae]\n", body: "The council met for a long hearing.")
        }
        // Another person whose name has the same words, in newer articles whose titles have them again.
        for n in 0..<5 {
            files["content/hong\(n).md"] = article("Jae-ji won the vote, Ji says \(n)", date: "2024-02-0\(n + 1)T10:00:00+09:00",
                                                   extra: "people: [Hong Jae-ji]\ncountries: [South Korea]\n", body: "Won by Hong Jae-ji.")
        }
        let site = TemporaryDirectory().write(files), out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        let answers = try searchAnswers(out.path, [("ji won-jae", []), ("JI WON JAE", []), ("Ji Won-jae", []), ("south korea", [])])
        for answer in answers.prefix(3) {
            #expect(answer.names == ["ji-won-jae"])
            #expect(Set(answer.paths.prefix(2).map { $0.split(separator: "/").last.map(String.init) ?? "" })
                    == ["council-hearing-0", "council-hearing-1"], "\(answer.paths)")
        }
        #expect(answers[3].names == ["south-korea"])
    }

    @Test func aWordInNoArticleMakesNoCompleteSet() throws {
        let site = TemporaryDirectory().write(["content/a.md": article("Harbour", body: "Harbour.")])
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        let answers = try searchAnswers(out.path, [("lighthouse", []), ("harbour lighthouse ", [])])
        #expect(answers[0].paths.isEmpty && answers[0].complete)
        let folder = out.path + "/search-index/a"
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
