/// An imported page's language: what the page declares (`<html lang>`, `og:locale`,
/// JSON-LD `inLanguage`), else what its script says for the scripts that say it plainly,
/// else, for Latin letters, what its commonest short words say when they say it clearly
/// (`fromWords`). A page that says nothing clearly gets none: a wrong guess is worse than
/// the site's default.
enum PageLanguage {
    /// The first usable code among `candidates`, normalised: "en_US" → "en-US", "KO" → "ko".
    static func declared(_ candidates: [String?]) -> String? {
        for candidate in candidates {
            guard let raw = candidate?.trimmed(), !raw.isEmpty else { continue }
            let parts = raw.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
            guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
            var code = primary.lowercased()
            if parts.count > 1, let region = parts.last, region.count == 2, region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                code += "-" + region.uppercased()
            }
            return code
        }
        return nil
    }

    /// The language a text's letters point to without doubt: Hangul → ko, kana → ja, Han
    /// alone → zh, Arabic → ar, Cyrillic → ru, Thai → th, Devanagari → hi, Hebrew → he, Greek → el.
    static func fromScript(_ text: String) -> String? {
        // Most pages are ASCII: nothing to tell, and no per-character property lookups.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var counts: [String: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars.prefix(4000) {
            if scalar.value < 0x80 {
                if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) { letters += 1 }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            letters += 1
            switch scalar.value {
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: counts["ko", default: 0] += 1
            case 0x3040...0x30FF: counts["ja", default: 0] += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: counts["han", default: 0] += 1
            case 0x0600...0x06FF, 0x0750...0x077F: counts["ar", default: 0] += 1
            case 0x0400...0x04FF: counts["ru", default: 0] += 1
            case 0x0E00...0x0E7F: counts["th", default: 0] += 1
            case 0x0900...0x097F: counts["hi", default: 0] += 1
            case 0x0590...0x05FF: counts["he", default: 0] += 1
            case 0x0370...0x03FF: counts["el", default: 0] += 1
            default: break
            }
        }
        guard letters > 0 else { return nil }
        // Japanese writes kana among its Han characters; Chinese has none.
        if let kana = counts["ja"], kana * 20 >= letters { return "ja" }
        if let han = counts.removeValue(forKey: "han") { counts["zh", default: 0] += han }
        guard let (code, count) = counts.max(by: { $0.value < $1.value }), count * 2 >= letters else { return nil }
        return code
    }

    /// A letter, or a mark that goes with one (Vietnamese written with combining accents).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    /// The short words each language writes most, which the others seldom do. Written by
    /// this project from common usage; a word two languages share counts for both.
    static let commonWords: [(code: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "is", "that", "for", "with", "was", "by", "said", "from", "have", "which"]),
        ("es", ["el", "los", "las", "del", "que", "y", "por", "para", "con", "una", "es", "se", "su", "como"]),
        ("fr", ["le", "les", "des", "du", "et", "est", "une", "dans", "pour", "pas", "sur", "au", "qui", "avec"]),
        ("de", ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "auf", "von"]),
        ("pt", ["os", "do", "da", "dos", "das", "em", "um", "uma", "não", "com", "ao", "pela", "pelo", "foi"]),
        ("it", ["il", "gli", "della", "che", "di", "del", "per", "un", "non", "sono", "nel", "alla", "anche", "è"]),
        ("nl", ["het", "een", "van", "niet", "dat", "op", "voor", "met", "zijn", "werd", "ook", "naar", "maar", "bij"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "akan", "dalam", "pada", "juga", "ke"]),
        ("vi", ["và", "của", "là", "các", "có", "được", "trong", "cho", "những", "này", "không", "một", "người", "đã"]),
    ]

    /// The language a Latin-script text's commonest words point to: at least eight of its
    /// words, and half again as many as any other language's; nil when not that clear.
    static func fromWords(_ text: String) -> String? {
        var hits = [Int](repeating: 0, count: commonWords.count)
        var words = 0
        // Only as far as the first 800 words, and without making a string of every word: an
        // ASCII word of up to eight letters is looked up as one integer, and only the few
        // words with other letters are made into lowercased strings (lowercasing and hashing
        // every word was a quarter of the import of an English page).
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0, length = 0, key: UInt64 = 0, ascii = true, index = 0
            func count(upTo end: Int) {
                guard length > 0 else { return }
                words += 1
                let languages: [Int]?
                if ascii {
                    languages = length <= 8 ? commonASCIIWords[key] : nil
                } else {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    languages = length <= 24 ? commonOtherWords[word.lowercased()] : nil
                }
                for k in languages ?? [] { hits[k] += 1 }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let isWord: Bool, width: Int
                if byte < 0x80 {
                    // An ASCII byte is a scalar of its own; letters go into the key lowercased.
                    isWord = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    width = 1
                } else {
                    let (scalar, scalarWidth) = Self.scalar(in: bytes, at: index)
                    isWord = isWordScalar(scalar)
                    width = scalarWidth
                }
                if isWord {
                    if length == 0 { start = index; key = 0; ascii = true }
                    length += 1
                    if byte < 0x80 {
                        if length <= 8 { key = key << 8 | UInt64(byte | 0x20) }
                    } else {
                        ascii = false
                    }
                } else {
                    count(upTo: index)
                    length = 0
                    if words >= 800 { return }
                }
                index += width
            }
            count(upTo: index)
        }
        let ranked = hits.indices.sorted { hits[$0] > hits[$1] }
        guard words >= 20, let best = ranked.first, hits[best] >= 8, hits[best] * 2 >= hits[ranked[1]] * 3 else { return nil }
        return commonWords[best].code
    }

    /// The scalar that starts at `index` of valid UTF-8, and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (width + 1))
        for k in 1..<width where index + k < bytes.count { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The common ASCII words, each packed into an integer a byte a letter, with the languages
    /// that write it.
    private static let commonASCIIWords: [UInt64: [Int]] = {
        var table: [UInt64: [Int]] = [:]
        for (k, language) in commonWords.enumerated() {
            for word in language.words where word.utf8.allSatisfy({ $0 < 0x80 }) {
                let key = word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                table[key, default: []].append(k)
            }
        }
        return table
    }()

    /// The common words with letters outside ASCII (`não`, `và`), with the languages that write them.
    private static let commonOtherWords: [String: [Int]] = {
        var table: [String: [Int]] = [:]
        for (k, language) in commonWords.enumerated() {
            for word in language.words where !word.utf8.allSatisfy({ $0 < 0x80 }) {
                table[word, default: []].append(k)
            }
        }
        return table
    }()
}
