/// An imported page's language: what the page declares (`<html lang>`, `og:locale`,
/// JSON-LD `inLanguage`), else what its script says for the scripts that say it plainly.
/// A page in Latin letters that declares nothing gets none: telling English from French or
/// Indonesian needs more than letters, and a wrong guess is worse than the site's default.
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
}
