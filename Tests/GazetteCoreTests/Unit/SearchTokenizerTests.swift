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

    @Test func keepsWordsOfOtherScriptsWhole() {
        #expect(terms("서울 시장, 東京都") == ["서울", "시장", "東京都"])
        #expect(terms("한") == ["한"])  // one character, but not ASCII: a word in Korean
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
