/// A word or punctuation mark of running text, with what recognisers need to know
/// about its surroundings.
struct Token: Sendable, Equatable {
    enum Kind: Sendable { case word, punctuation }
    var text: String
    var kind: Kind
    /// Position in the text (in Unicode scalars), for ordering mentions.
    var offset: Int
    /// Position just after the token (and its possessive, if any).
    var end: Int
    /// First word of a sentence: its capital says nothing about it being a name.
    var sentenceStart = false
    /// "Seoul's", "Esper's", "U.S.'": the possessive was cut off `text`.
    var possessive = false

    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { text.unicodeScalars.first.map(Tokenizer.isUpper) ?? false }
    var isAllCaps: Bool {
        var letters = 0
        for s in text.unicodeScalars where Tokenizer.isLetter(s) {
            if !Tokenizer.isUpper(s) { return false }
            letters += 1
        }
        return letters > 1
    }

    /// Whether `next` follows this token after exactly one space ("Seoul National", not "Seoul, Tokyo").
    func isRightBefore(_ next: Token) -> Bool { next.offset == end + 1 }
}

/// Splits text into words and punctuation the way news text needs: "Gen." and "U.S."
/// keep their stops, "Han-ki" stays one word, "Seoul's" is "Seoul" with a possessive.
///
/// Works on Unicode scalars with ASCII fast paths: iterating Characters (grapheme
/// clusters) and asking their properties was the importer's largest cost.
enum Tokenizer {
    /// Abbreviations whose full stop belongs to the word, not the sentence.
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Gov", "Sen",
        "Rep", "Rev", "Prof", "St", "Jr", "Sr", "Mt", "Ft", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep",
        "Oct", "Nov", "Dec", "Inc", "Co", "Corp", "Ltd", "vs", "etc", "Pres", "Supt", "Insp", "Amb", "Atty", "Brig",
    ]

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 48 && v <= 57 }
        return s.properties.numericType != nil
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 65 && v <= 90 }
        return s.properties.isUppercase
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{00A0}"
    }

    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    /// A word's text: ASCII words (most of them) written as bytes, without encoding scalar by scalar.
    @inline(__always) static func makeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (k, scalar) in scalars.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: scalar.value) }
                return scalars.count
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func tokenize(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        var i = 0
        var atSentenceStart = true
        while i < s.count {
            let c = s[i]
            if isSpace(c) {
                if c == "\n" { atSentenceStart = true }
                i += 1
                continue
            }
            guard isLetter(c) || isDigit(c) else {
                tokens.append(Token(text: makeString(s[i..<(i + 1)]), kind: .punctuation, offset: i, end: i + 1))
                if c == "." || c == "!" || c == "?" { atSentenceStart = true }
                i += 1
                continue
            }
            let start = i
            while i < s.count {
                let d = s[i]
                if isLetter(d) || isDigit(d) { i += 1; continue }
                // Inner hyphen, apostrophe or stop followed by a letter or digit: same word
                // ("Han-ki", "O'Brien", "3.5", "U.S", "www.kbs.co.kr"); but "'s" is a possessive.
                guard d == "-" || d == "." || isApostrophe(d), i + 1 < s.count, isLetter(s[i + 1]) || isDigit(s[i + 1]) else { break }
                if isApostrophe(d), s[i + 1] == "s", i + 2 >= s.count || !isLetter(s[i + 2]) { break }
                i += 1
            }
            var word = makeString(s[start..<i])
            // A stop that belongs to the word: initials ("S."), dotted initialisms ("U.S."), abbreviations ("Gen.").
            if i < s.count, s[i] == "." {
                let isInitial = i - start == 1 && isUpper(s[start])
                let isInitialism = word.has(ascii: ".") && word.split(separator: ".").allSatisfy { $0.unicodeScalars.count == 1 }
                if isInitial || isInitialism || abbreviations.contains(word) {
                    word += "."
                    i += 1
                }
            }
            var possessive = false
            if i < s.count, isApostrophe(s[i]) {
                if i + 1 < s.count, s[i + 1] == "s", i + 2 >= s.count || !isLetter(s[i + 2]) {
                    possessive = true
                    i += 2
                } else if word.hasSuffix(".") || word.hasSuffix("s") {
                    possessive = true  // "U.S.'", "allies'"
                    i += 1
                }
            }
            tokens.append(Token(text: word, kind: .word, offset: start, end: i, sentenceStart: atSentenceStart, possessive: possessive))
            atSentenceStart = false
        }
        return tokens
    }
}
