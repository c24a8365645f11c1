import Foundation
import Testing
@testable import GazetteCore

@Suite struct SearchTokenizerTests {
    func terms(_ text: String) -> [String] {
        var out: [String] = []
        SearchTokenizer.terms(text) { out.append($0) }
        return out
    }

    @Test func lowercasesAndSplitsAtPunctuation() {
        #expect(terms("Kim's U.N. speech—in Seoul, 2024!") == ["kim", "speech", "in", "seoul", "2024"])
    }

    @Test func removesAccentsSoQueriesNeedNotTypeThem() {
        #expect(terms("José Núñez, Zürich, İstanbul") == ["jose", "nunez", "zurich", "istanbul"])
    }

    @Test func keepsWordsOfSpacedScriptsWhole() {
        #expect(terms("Москва заявила, القاهرة") == ["москва", "заявила", "القاهرة"])
    }

    @Test func indexesHanAndKanaAsCharactersAndPairs() {
        #expect(terms("岸田文雄") == ["岸", "岸田", "田", "田文", "文", "文雄", "雄"])
        #expect(terms("東京ドーム") == ["東", "東京", "京", "京ド", "ド", "ドー", "ー", "ーム", "ム"])
    }

    @Test func koreanWordsShareThePairsOfTheirStem() {
        let stem = Set(terms("대통령").filter { $0.count == 2 })
        #expect(stem == ["대통", "통령"])
        #expect(stem.isSubset(of: Set(terms("대통령은")))) // the particle leaves the stem's pairs in place
        #expect(terms("한") == ["한"])  // one character, but not ASCII: a word in Korean
    }

    @Test func splitsLatinFromHanInsideOneWord() {
        #expect(terms("G7峰会 2024年") == ["g7", "峰", "峰会", "会", "2024", "年"])
    }

    @Test func dropsArabicVowelSignsButKeepsKanaVoicing() {
        #expect(terms("مُحَمَّد") == terms("محمد"))
        #expect(terms("が") == ["が"])
    }

    @Test func dropsOneLetterASCIITerms() {
        #expect(terms("a b 5 ok") == ["ok"])
    }

    @Test func markdownDestinationsTagsAndEntitiesAreNotWords() {
        let source = "See [the report](https://example.org/a-report) <b>now</b> at www.example.org &amp; http://x.test/y ok"
        let plain = Array(source.utf8).withUnsafeBufferPointer { MarkdownPlainText.strip($0) }
        #expect(terms(String(decoding: plain, as: UTF8.self)) == ["see", "the", "report", "now", "at", "ok"])
    }

    /// The script in the theme must split text exactly as the index did, or a query misses.
    @Test func theSearchScriptSplitsTextTheSameWay() throws {
        let sample = "Ñúñez met Kim Jong-un's envoy in Pyeongyang; 서울 talks (2024) — “Zürich” İSTANBUL café naïve a1 x Straße MÜNCHEN-Ost ABCé éABC Ab"
        let script = TestPaths.themes + "/default/assets/search.js"
        let output = try runNode("process.stdout.write(JSON.stringify(require(process.argv[1]).terms(process.argv[2])))", arguments: [script, sample])
        let fromScript = try JSONDecoder().decode([String].self, from: Data(output.utf8))
        #expect(fromScript == terms(sample))
    }

    /// The same, for every script the archives publish in.
    @Test(arguments: [
        "岸田文雄首相は東京で記者会見を開いた。「G7サミット」について説明した",
        "中国外交部发言人在北京表示，中美两国元首将举行会晤（2024年）",
        "윤석열 대통령은 서울에서 기자회견을 열었다. 대통령이 말했다",
        "قال الرئيسُ المصريّ في القاهرة إنّ المحادثاتِ ستستمرّ ـ غداً",
        "Президент России заявил в Москве, что переговоры продолжатся",
        "Thủ tướng Việt Nam phát biểu tại Hà Nội về hợp tác kinh tế",
        "นายกรัฐมนตรีไทยกล่าวที่กรุงเทพฯ ว่าการเจรจาจะดำเนินต่อไป",
        "प्रधानमंत्री ने नई दिल्ली में कहा कि वार्ता जारी रहेगी",
        "ראש הממשלה אָמַר בירושלים שהשיחות יימשכו",
        "ｶﾀｶﾅ 〇々 𠮷野家 ㄱㄴ x線 Ａbc",
    ])
    func theSearchScriptSplitsEveryScriptTheSameWay(_ sample: String) throws {
        let script = TestPaths.themes + "/default/assets/search.js"
        let output = try runNode("process.stdout.write(JSON.stringify(require(process.argv[1]).terms(process.argv[2])))", arguments: [script, sample])
        let fromScript = try JSONDecoder().decode([String].self, from: Data(output.utf8))
        #expect(fromScript == terms(sample))
        #expect(!fromScript.isEmpty)
    }

    /// A query asks for a run's pairs only, so a name of four characters asks for three terms.
    @Test func theSearchScriptAsksForPairsOfAQuery() throws {
        let script = TestPaths.themes + "/default/assets/search.js"
        let program = "process.stdout.write(JSON.stringify(require(process.argv[1]).parseQuery(process.argv[2], new Set()).words))"
        let output = try runNode(program, arguments: [script, "岸田文雄 대통령 东"])
        #expect(try JSONDecoder().decode([String].self, from: Data(output.utf8)) == ["岸田", "田文", "文雄", "대통", "통령", "东"])
    }
}

/// Runs a Node.js program (the search script's engine is plain JavaScript that also loads
/// under Node); `make test` installs Node.
func runNode(_ program: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["node", "-e", program] + arguments
    let pipe = Pipe(), errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NodeFailure(message: "node exited with \(process.terminationStatus): \(errorText) (is Node.js installed? make test installs it)")
    }
    return String(decoding: data, as: UTF8.self)
}

struct NodeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
