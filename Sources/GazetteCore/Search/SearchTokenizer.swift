/// Splits text into search terms exactly as the search page's script does (`terms()` in
/// Themes/default/assets/search.js): lowercase, accents removed, split at every character
/// that is not a letter, digit or mark, one-character ASCII terms dropped. If the two
/// disagreed a query would miss its articles, so a test runs both over the same text.
///
/// Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and
/// Hangul, whose words carry particles (`대통령은`, `대통령이`), are indexed as each character
/// and each overlapping pair of characters: a query of two or more such characters asks
/// for all its pairs, so `东京` finds `东京都`, and `대통령` finds `대통령은`. Pairs rather
/// than a Korean stemmer or a dictionary segmenter: they need no word list, behave the same
/// in every such script, and the search page's script can make them byte for byte alike.
/// The cost is a larger index for those scripts and some false matches of pairs that meet
/// across words; a query of one character matches that character anywhere.
///
/// Hand-written over UTF-8 bytes because it runs over every word of every article on each
/// full build (tens of millions at 100,000 articles); Foundation's word enumeration is
/// locale-aware and several times slower, and would not match the script's rule.
public enum SearchTokenizer {
    /// Calls `emit` with each term of `text`, in order.
    public static func terms(_ text: String, _ emit: (String) -> Void) {
        var text = text
        text.withUTF8 { terms(bytes: $0) { emit(String(decoding: $0, as: UTF8.self)) } }
    }

    /// Calls `emit` with the UTF-8 bytes of each term (valid only during the call): the
    /// indexer interns terms by their bytes and never makes a String for a known one.
    public static func terms(bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var folded = false
        var i = 0
        let n = bytes.count
        func flush() {
            defer { word.removeAll(keepingCapacity: true); folded = false }
            if word.count == 1 && word[0] < 0x80 { return }
            guard !word.isEmpty else { return }
            if !folded { word.withUnsafeBufferPointer(emit); return }
            segments(fold(String(decoding: word, as: UTF8.self)), emit)
        }
        while i < n {
            let b = bytes[i]
            // Fast path: a whole word of ASCII letters and digits, the common case, handed on
            // as a slice of the input (lowercased into `word` only if it has capitals).
            if word.isEmpty, b < 0x80, isASCIIWordByte(b) {
                var j = i, capitals = false
                while j < n, bytes[j] < 0x80, isASCIIWordByte(bytes[j]) {
                    if bytes[j] <= 0x5A && bytes[j] >= 0x41 { capitals = true }
                    j += 1
                }
                if j == n || bytes[j] < 0x80 {
                    if j - i > 1 {
                        if capitals {
                            for k in i..<j { word.append(bytes[k] <= 0x5A && bytes[k] >= 0x41 ? bytes[k] | 0x20 : bytes[k]) }
                            word.withUnsafeBufferPointer(emit)
                            word.removeAll(keepingCapacity: true)
                        } else {
                            emit(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                        }
                    }
                    i = j
                    continue
                }
                // The word goes on past ASCII: the byte-by-byte path below takes it whole.
            }
            if b < 0x80 {
                switch b {
                case 0x41...0x5A: word.append(b | 0x20)
                case 0x61...0x7A, 0x30...0x39: word.append(b)
                default: flush()
                }
                i += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: i)
            if let scalar, isWordScalar(scalar) {
                word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                folded = true
            } else {
                flush()
            }
            i += length
        }
        flush()
    }

    /// A folded word's terms: runs of characters from unspaced scripts as characters and
    /// pairs, the rest whole (unless it is one ASCII character, as folding can leave of "É").
    static func segments(_ term: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        func other(_ s: Substring) {
            var t = String(s)
            if t.utf8.count > 1 || (t.utf8.first ?? 0) >= 0x80 { t.withUTF8(emit) }
        }
        guard term.unicodeScalars.contains(where: { isUnspaced($0.value) }) else {
            var whole = term  // the common case: emitted without a copy into a substring
            if whole.utf8.count > 1 || (whole.utf8.first ?? 0) >= 0x80 { whole.withUTF8(emit) }
            return
        }
        var run: [Unicode.Scalar] = []
        var start = term.unicodeScalars.startIndex
        var index = start
        func flushRun() {
            for k in run.indices {
                var one = String(run[k])
                one.withUTF8(emit)
                if k + 1 < run.count {
                    var pair = one
                    pair.unicodeScalars.append(run[k + 1])
                    pair.withUTF8(emit)
                }
            }
            run.removeAll()
        }
        let scalars = term.unicodeScalars
        while index < scalars.endIndex {
            let s = scalars[index]
            if isUnspaced(s.value) {
                if start < index { other(Substring(scalars[start..<index])) }
                run.append(s)
                start = scalars.index(after: index)
            } else if !run.isEmpty {
                flushRun()
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex { other(Substring(scalars[start...])) }
        flushRun()
    }

    /// Whether a term is a word of a spaced script (which makes phrase pairs), not a character
    /// or pair of an unspaced run: `segments` never mixes the two in one term, so its first
    /// scalar tells.
    static func isSpacedTerm(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = term.first, first >= 0xE0 else { return true }
        let (scalar, _) = decode(term, at: 0)
        return !(scalar.map { isUnspaced($0.value) } ?? false)
    }

    /// Han, kana, Hangul, and the scripts of South-East Asia written without spaces.
    static func isUnspaced(_ v: UInt32) -> Bool {
        switch v {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x3005, 0x3007, 0x3040...0x30FF,
             0x3130...0x318F, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0xFF66...0xFF9F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// Lowercase, decompose, drop the diacritics, compose again: "Ñúñez" -> "nunez",
    /// "İ" -> "i", Arabic vowel signs and Hebrew points dropped. Marks that make letters of
    /// their own (Devanagari and Thai vowel signs, kana voicing) stay.
    public static func fold(_ word: String) -> String {
        let lowered = word.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for s in lowered.unicodeScalars where !isDiacritic(s.value) { scalars.append(s) }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// The combining diacritics folding drops (the same list as `DIACRITICS` in search.js),
    /// and the Arabic tatweel, which only stretches a word.
    static func isDiacritic(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
             0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7,
             0x0610...0x061A, 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED:
            return true
        default:
            return false
        }
    }

    /// Letters, digits and marks (which folding removes) make up words: JavaScript's
    /// `\p{L}`, `\p{N}` and `\p{M}`.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// The scalar starting at `i` and its length in bytes; nil for a malformed sequence
    /// (treated as a separator, one byte long).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
