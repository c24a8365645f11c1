import Testing
@testable import GazetteCore

@Suite struct ByteSearchTests {
    @Test func replacesEveryOccurrenceAndKeepsTheRest() {
        #expect("<table>a</table><table>b".replacingBytes(of: "<table>", with: "<table x>") == "<table x>a</table><table x>b")
    }

    @Test func replacesAtTheVeryEndAndLeavesTextWithoutTheNeedleAlone() {
        #expect("Seite {n}".replacingBytes(of: "{n}", with: "3") == "Seite 3")
        #expect("Seite {n".replacingBytes(of: "{n}", with: "3") == "Seite {n")
        #expect("".replacingBytes(of: "{n}", with: "3") == "")
    }

    @Test func comparesBytesSoTextAroundTheNeedleIsAnyLanguage() {
        #expect("{name}님의 기사 {name}".replacingBytes(of: "{name}", with: "김") == "김님의 기사 김")
        #expect("مقالات {name}".replacingBytes(of: "{name}", with: "é") == "مقالات é")
    }

    @Test func doesNotMatchANeedleAcrossAReplacement() {
        #expect("aaa".replacingBytes(of: "aa", with: "b") == "ba")
    }

    @Test func findsTheNeedleAfterTheStartInAStringOrASubstring() {
        let text = "Ünïcode <table> then <table>"
        let first = text.byteRange(of: "<table>")!
        #expect(text[first] == "<table>" && text[..<first.lowerBound] == "Ünïcode ")
        let second = text.byteRange(of: "<table>", from: first.upperBound)!
        #expect(text[second.upperBound...].isEmpty && text[first.upperBound..<second.lowerBound] == " then ")
        let tail = text[first.upperBound...]
        #expect(tail.byteRange(of: "<table>") == second)
        #expect(text.byteRange(of: "<table>", from: second.upperBound) == nil)
        #expect("Ünïcode <tab".byteRange(of: "<table>") == nil)
    }
}
