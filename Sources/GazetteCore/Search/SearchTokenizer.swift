/// Splits text into search terms exactly as the search page's script does (`terms()` in
/// Themes/default/assets/search.js): lowercase, accents removed, split at every character
/// that is not a letter or a digit, one-character ASCII terms dropped. If the two disagreed a
/// query would miss its articles, so a test runs both over the same text.
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
            var term = fold(String(decoding: word, as: UTF8.self))
            // Folding can leave nothing (a lone accent) or one ASCII letter ("É").
            if term.utf8.count > 1 || (term.utf8.first ?? 0) >= 0x80 { term.withUTF8(emit) }
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

    @inline(__always) static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// Lowercase, decompose, drop the marks, compose again: "Ñúñez" -> "nunez", "İ" -> "i".
    public static func fold(_ word: String) -> String {
        let lowered = word.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for s in lowered.unicodeScalars where !isMark(s) { scalars.append(s) }
        return String(scalars).precomposedStringWithCanonicalMapping
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

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
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
