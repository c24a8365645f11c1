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
        // Scalars, not Characters, and only as far as the first 800 words: lowercasing and
        // splitting the whole page by grapheme was most of the import of an English page.
        var word = String.UnicodeScalarView()
        func count() {
            guard !word.isEmpty else { return }
            words += 1
            let w = String(word).lowercased()
            for (k, language) in commonWords.enumerated() where language.words.contains(w) { hits[k] += 1 }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else {
                count()
                if words >= 800 { break }
            }
        }
        if words < 800 { count() }
        let ranked = hits.indices.sorted { hits[$0] > hits[$1] }
        guard words >= 20, let best = ranked.first, hits[best] >= 8, hits[best] * 2 >= hits[ranked[1]] * 3 else { return nil }
        return commonWords[best].code
    }
}
