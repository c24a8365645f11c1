/// A word or punctuation mark of running text, with what recognisers need to know
/// about its surroundings.
struct Token: Sendable, Equatable {
    enum Kind: Sendable { case word, punctuation }
    var text: String
    var kind: Kind
    /// Character offset in the text, for ordering mentions.
    var offset: Int
    /// First word of a sentence: its capital says nothing about it being a name.
    var sentenceStart = false
    /// "Seoul's", "Esper's", "U.S.'": the possessive was cut off `text`.
    var possessive = false

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { text.first?.isUppercase == true }
    var isAllCaps: Bool { text.count > 1 && text.allSatisfy { !$0.isLetter || $0.isUppercase } && text.contains(where: \.isLetter) }
}

/// Splits text into words and punctuation the way news text needs: "Gen." and "U.S."
/// keep their stops, "Han-ki" stays one word, "Seoul's" is "Seoul" with a possessive.
enum Tokenizer {
    /// Abbreviations whose full stop belongs to the word, not the sentence.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Gov", "Sen",
        "Rep", "Rev", "Prof", "St", "Jr", "Sr", "Mt", "Ft", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep",
        "Oct", "Nov", "Dec", "Inc", "Co", "Corp", "Ltd", "vs", "etc", "Pres", "Supt", "Insp", "Amb", "Atty", "Brig", "Lt.Gen",
    ]

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        var atSentenceStart = true
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                if c == "\n" { atSentenceStart = true }
                i += 1
                continue
            }
            if c.isLetter || c.isNumber {
                let start = i
                while i < chars.count {
                    let d = chars[i]
                    if d.isLetter || d.isNumber { i += 1; continue }
                    // Inner hyphen, apostrophe or stop followed by a letter or digit: same word
                    // ("Han-ki", "O'Brien", "3.5", "U.S", "www.kbs.co.kr").
                    if "-'’.".contains(d), i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1].isNumber {
                        if (d == "'" || d == "’"), i + 1 < chars.count, chars[i + 1] == "s", i + 2 >= chars.count || !(chars[i + 2].isLetter) { break }
                        i += 1
                        continue
                    }
                    break
                }
                var word = String(chars[start..<i])
                var possessive = false
                // A stop that belongs to the word: initials ("S."), dotted initialisms ("U.S."), abbreviations ("Gen.").
                if i < chars.count, chars[i] == "." {
                    let isInitial = word.count == 1 && word.first!.isUppercase
                    let isInitialism = word.contains(".") && word.split(separator: ".").allSatisfy { $0.count == 1 }
                    if isInitial || isInitialism || abbreviations.contains(word) {
                        word += "."
                        i += 1
                    }
                }
                if i < chars.count, chars[i] == "'" || chars[i] == "’" {
                    if i + 1 < chars.count, chars[i + 1] == "s", i + 2 >= chars.count || !chars[i + 2].isLetter {
                        possessive = true
                        i += 2
                    } else if word.hasSuffix(".") || word.hasSuffix("s") {
                        possessive = true  // "U.S.'", "allies'"
                        i += 1
                    }
                }
                tokens.append(Token(text: word, kind: .word, offset: start, sentenceStart: atSentenceStart, possessive: possessive))
                atSentenceStart = false
                continue
            }
            tokens.append(Token(text: String(c), kind: .punctuation, offset: i, sentenceStart: false))
            if ".!?".contains(c) { atSentenceStart = true }
            i += 1
        }
        return tokens
    }
}
