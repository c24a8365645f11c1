import Testing
@testable import GazetteCore

/// Summaries, and the byte-level shortcuts that must give what the Character-level code gives.
@Suite struct SummarizerTests {
    let lines = ["One line.\n", "\n", "", "Two\nlines.\n", "Windows\r\nline ends\r\n", "  padded  \n", "no final line end",
                 "A café, naïve.\n", "Line\u{2028}separator\n", "Next\u{0085}line\n", "Tab\tinside\n", "Trailing no-break\u{00A0}\n"]

    @Test func joiningLinesAgreesWithTheCharacterWalk() {
        for text in lines {
            #expect(Summarizer.joinLines(text) == Summarizer.joinLinesByCharacter(text), "\(text.debugDescription)")
        }
        #expect(Summarizer.joinLines("Two\nlines.\n") == "Two lines.")
    }

    @Test func shorteningAgreesWithTheCharacterWalk() {
        let long = "Officials said on Monday that the talks, which began in March; would resume: soon, after a pause of some weeks"
        let texts = [long, "Short.", long.replacingOccurrences(of: " ", with: ""), "word, ; : " + long, long + " é", "Ünïcödé " + long,
                     String(repeating: "a, ", count: 40), String(repeating: ",", count: 60)]
        for text in texts {
            for limit in [0, 1, 10, 31, 33, 40, 60, 200] {
                #expect(Summarizer.shorten(text, to: limit) == Summarizer.shortenByCharacter(text, to: limit), "\(text) at \(limit)")
            }
        }
        #expect(Summarizer.shorten(long, to: 40) == "Officials said on Monday that the…")
    }

    @Test func trimmingAgreesWithTheCharacterWalk() {
        let texts = ["plain", " both ", "\tTab", "end\n", "\r\n", "\u{00A0}nbsp\u{00A0}", "\u{2028}x\u{2029}", " \u{0301}combining",
                     "é", "", "  ", "a\u{0085}", "x\r\n"]
        for text in texts {
            #expect(text.trimmed() == text.trimmedByCharacter(), "\(text.debugDescription)")
        }
    }

    @Test func theSummaryIsTheFirstProseParagraphAsPlainText() {
        let body = "# Heading\n\n![A photo](x.jpg)\n\n**Seoul:** The [bank](https://x) held rates,\nas expected.\n\nSecond paragraph."
        #expect(Summarizer().summary(ofMarkdown: body) == "Seoul: The bank held rates, as expected.")
    }
}
