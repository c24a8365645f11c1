import Foundation
import Testing
@testable import GazetteCore

/// With `search_phrases: true`, words in double quotes are a phrase: they match side by side,
/// answered from the index's pair terms (`final agreement`, `state of emergency`), counted
/// whole like words.
@Suite struct PhraseSearchTests {
    static let config = "title: Phrases\nsearch_phrases: true\n"

    /// The last path component of each result (`final-0`), sorted.
    static func slugs(_ answer: SearchAnswer) -> [String] {
        answer.paths.map { $0.split(separator: "/").last.map(String.init) ?? "" }.sorted()
    }

    static func build(_ files: [String: String], config: String = config) throws -> TemporaryDirectory {
        let site = TemporaryDirectory().write(files.merging(["gazette.yml": config]) { $1 }), out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        return out
    }

    @Test func aQuotedPhraseFindsOnlyTheArticlesWithItsWordsSideBySide() throws {
        let out = try Self.build([
            "content/a.md": article("Side by side", body: "Both parties signed the Final Agreement on Monday."),
            "content/b.md": article("Apart", body: "The agreement, the minister said, was final."),
            "content/c.md": article("Another word between", body: "A final, binding agreement was near."),
            "content/d.md": article("Across a full stop", body: "The talks were final. Agreement came later."),
        ])
        let answers = try searchAnswers(out.path, [("\"final agreement\"", []), ("final agreement", []), ("“final agreement”", [])])
        #expect(Self.slugs(answers[0]) == ["across-a-full-stop", "side-by-side"], "punctuation between words is no word")
        #expect(answers[0].complete)
        #expect(Self.slugs(answers[1]).count == 4, "without quotes, each word anywhere")
        #expect(Self.slugs(answers[2]) == Self.slugs(answers[0]), "curly quotes are quotes")
    }

    /// Pairs start with their first word; a word being typed stands for words only.
    @Test func aPrefixBeingTypedMatchesWordsNotPairs() throws {
        let out = try Self.build([
            "content/a.md": article("One", body: "The final agreement was signed."),
            "content/b.md": article("Two", body: "The finals were played. A final whistle, a final goal."),
            "content/c.md": article("Three", body: "Nothing here."),
        ])
        let answer = try searchAnswers(out.path, [("fina", [])])[0]
        #expect(Self.slugs(answer) == ["one", "two"])
    }

    @Test func aPhraseMatchesTheStopWordsBetweenItsWords() throws {
        let out = try Self.build([
            "content/one.md": article("One", body: "A state of emergency was declared."),
            "content/none.md": article("None", body: "The state emergency services came."),
            "content/two.md": article("Two", body: "The state of the emergency was unclear."),
            "content/other.md": article("Other", body: "A state in emergency, they said."),
        ])
        let answers = try searchAnswers(out.path, [("\"state of emergency\"", []), ("\"state emergency\"", []),
                                                   ("\"state of the emergency\"", []), ("\"State IN emergency\"", [])])
        #expect(Self.slugs(answers[0]) == ["one"])
        #expect(Self.slugs(answers[1]) == ["none"])
        #expect(Self.slugs(answers[2]) == ["two"])
        #expect(Self.slugs(answers[3]) == ["other"])
    }

    @Test func aPhraseDoesNotRunFromTheTitleIntoTheBody() throws {
        let out = try Self.build([
            "content/a.md": article("Talks reach final", body: "Agreement is near."),
            "content/b.md": article("Ministers hope", body: "A final agreement is near."),
        ])
        let answers = try searchAnswers(out.path, [("\"final agreement\"", [])])
        #expect(Self.slugs(answers[0]) == ["ministers-hope"])
    }

    @Test func aPhraseOfThreeWordsNeedsBothOfItsPairs() throws {
        let out = try Self.build([
            "content/a.md": article("Whole", body: "They reached a final trade agreement."),
            "content/b.md": article("Pairs apart", body: "A final trade round ended; trade agreement talks go on."),
            "content/c.md": article("Words apart", body: "Trade was final; agreement is not."),
        ])
        let answers = try searchAnswers(out.path, [("\"final trade agreement\"", []), ("whole \"final trade agreement\"", [])])
        // Both pairs in one article, not side by side, match too: the cost of pairs over positions.
        #expect(Self.slugs(answers[0]) == ["pairs-apart", "whole"])
        #expect(Self.slugs(answers[1]) == ["whole"], "a word outside the quotes is still required")
    }

    @Test func aPhraseInAnotherScriptMatchesAsTheIndexWroteIt() throws {
        let out = try Self.build([
            "content/ru.md": article("Ru", body: "Президент России заявил в Москве, что переговоры продолжатся."),
            "content/vi.md": article("Vi", body: "Thủ tướng Việt Nam phát biểu tại Hà Nội về hợp tác kinh tế."),
            "content/zh.md": article("Zh", body: "中国外交部发言人在北京表示会谈将继续。"),
            "content/mixed.md": article("Mixed", body: "Việt Nam và Hà Nội; переговоры России."),
        ])
        let answers = try searchAnswers(out.path, [
            ("\"президент россии\"", []), ("\"Viet Nam phat bieu\"", []), ("\"外交部发言人\"", []), ("\"ha noi ve\"", []),
        ])
        #expect(Self.slugs(answers[0]) == ["ru"])
        #expect(Self.slugs(answers[1]) == ["vi"], "accents need not be typed")
        #expect(Self.slugs(answers[2]) == ["zh"], "unspaced scripts keep their character pairs")
        #expect(Self.slugs(answers[3]) == ["vi"])
    }

    /// More articles than a term's weighted postings hold: the phrase's pair has a complete
    /// set, and an edit that breaks the phrase in one article rewrites it like a clean build.
    @Test func aCommonPhraseIsCountedWholeAndKeptCurrentByAnEdit() throws {
        let count = 1_500
        #expect(count > SearchIndex.postingLimit)
        func body(_ n: Int) -> String {
            n % 4 == 0 ? "The agreement was final." : "The final agreement was signed."
        }
        var files = ["gazette.yml": Self.config]
        for n in 0..<count { files["content/s\(n).md"] = article("Story \(n)", date: CompleteSearchTests.date(n), body: body(n)) }
        let site = TemporaryDirectory().write(files), out = TemporaryDirectory()
        try buildSite(site.path, into: out.path)
        let withPhrase = (0..<count).filter { $0 % 4 != 0 }
        var answer = try searchAnswers(out.path, [("\"final agreement\"", [])])[0]
        #expect(Set(CompleteSearchTests.numbers(answer.paths)) == Set(withPhrase) && answer.paths.count == withPhrase.count)
        #expect(answer.complete)
        let sets = try FileManager.default.contentsOfDirectory(atPath: out.path + "/search-index/a")
        #expect(sets.contains(SearchIndexFiles.setKey("final agreement") + ".json"))

        site.write(["content/s1.md": article("Story 1", date: CompleteSearchTests.date(1), body: "The agreement was final.")])
        try buildSite(site.path, into: out.path)
        answer = try searchAnswers(out.path, [("\"final agreement\"", [])])[0]
        #expect(answer.paths.count == withPhrase.count - 1)
        try expectMatchesCleanBuild(site: site.path, output: out.path, "a phrase broken in one article of many")
    }

    /// A pair in more articles than the limit keeps no weights of its own: its articles are
    /// ranked by its words' weights, so an older article with the phrase in its title comes
    /// first (newest first would put it last).
    @Test func aCommonPhrasesArticlesAreRankedByTheWeightsOfItsWords() throws {
        // In half of the articles: a word in all of them would weigh the same in each.
        let count = 2_200
        var files: [String: String] = [:]
        for n in 0..<count {
            let title = n == 6 ? "Final agreement \(n)" : "Story \(n)"
            let body = n % 2 == 0 ? "The final agreement was signed." : "Harbour report."
            files["content/s\(n).md"] = article(title, date: CompleteSearchTests.date(n), body: body)
        }
        let out = try Self.build(files)
        let answer = try searchAnswers(out.path, [("\"final agreement\"", [])])[0]
        #expect(answer.paths.count == count / 2)
        #expect(answer.paths.first?.hasSuffix("/final-agreement-6/") == true, "\(answer.paths.prefix(3))")
    }

    @Test func withoutTheSettingQuotedWordsAreWordsAndTheIndexHasNoPairs() throws {
        let files = [
            "content/a.md": article("Side by side", body: "The final agreement was signed."),
            "content/b.md": article("Apart", body: "The agreement was final."),
        ]
        let out = try Self.build(files, config: "title: Words\n")
        let answer = try searchAnswers(out.path, [("\"final agreement\"", [])])[0]
        #expect(Self.slugs(answer) == ["apart", "side-by-side"])
        let shards = try FileManager.default.contentsOfDirectory(atPath: out.path + "/search-index/t")
            .map { try String(contentsOfFile: out.path + "/search-index/t/" + $0, encoding: .utf8) }.joined()
        #expect(!shards.contains("\"final agreement\""))
    }

    /// The setting changes every article's terms: a build after it is switched reads every
    /// article again (the last build's term vectors are of the other kind) and equals a
    /// clean build.
    @Test func switchingPhrasesOnAndOffMatchesACleanBuild() throws {
        let site = TemporaryDirectory().write([
            "gazette.yml": "title: Words\n",
            "content/a.md": article("Side by side", body: "The final agreement was signed."),
            "content/b.md": article("Apart", body: "The agreement was final."),
        ])
        let out = TemporaryDirectory()
        try buildSite(site.path, into: out.path)
        site.write(["gazette.yml": Self.config])
        try buildSite(site.path, into: out.path)
        #expect(Self.slugs(try searchAnswers(out.path, [("\"final agreement\"", [])])[0]) == ["side-by-side"])
        try expectMatchesCleanBuild(site: site.path, output: out.path, "phrases switched on")
        site.write(["gazette.yml": "title: Words\n"])
        try buildSite(site.path, into: out.path)
        #expect(Self.slugs(try searchAnswers(out.path, [("\"final agreement\"", [])])[0]).count == 2)
        try expectMatchesCleanBuild(site: site.path, output: out.path, "phrases switched off")
    }
}
