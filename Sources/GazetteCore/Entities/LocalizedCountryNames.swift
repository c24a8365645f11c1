import Foundation

/// Country names in other languages, from Unicode CLDR through the ICU that Foundation
/// brings (`대한민국`, `韩国`, `日本`, `اليابان`, `Япония`): so that an article written in
/// any of them, or tagged with such a name, leads to the one page of the country.
enum LocalizedCountryNames {
    /// The languages whose names are known: the editions newsrooms run, and their neighbours.
    static let languages = ["ko", "zh", "zh-Hant", "ja", "ar", "es", "fr", "de", "ru", "vi", "id", "pt", "it", "uk", "th",
                            "tr", "hi", "he", "fa", "pl", "nl"]

    /// Names news writes that CLDR's main names are not: the ICU here names China
    /// "China mainland" in every language, and Korea by its long name. Written by this
    /// project from common usage; CLDR's names are used beside them.
    static let commonNames: [String: [String: String]] = [
        "ko": ["한국": "South Korea", "중국": "China"],
        "ja": ["中国": "China", "米国": "United States", "アメリカ": "United States"],
        "zh": ["中国": "China"],
        "zh-Hant": ["中國": "China"],
        "ar": ["الصين": "China"],
        "ru": ["Китай": "China", "Южная Корея": "South Korea", "Северная Корея": "North Korea", "США": "United States"],
        "uk": ["Китай": "China", "США": "United States"],
        "es": ["China": "China", "Estados Unidos": "United States"],
        "fr": ["Chine": "China", "États-Unis": "United States"],
        "de": ["China": "China", "USA": "United States"],
        "pt": ["China": "China"],
        "it": ["Cina": "China"],
        "vi": ["Trung Quốc": "China", "Mỹ": "United States"],
        "id": ["Tiongkok": "China", "Cina": "China", "Amerika Serikat": "United States"],
    ]

    /// Each language's names, longest first, with the country each names (its English name).
    private static let byLanguage: [String: [(name: String, country: String)]] = {
        var out: [String: [(String, String)]] = [:]
        for code in languages {
            let locale = Locale(identifier: code)
            var names: [(String, String)] = (commonNames[code] ?? [:]).map { ($0.key, $0.value) }
            for country in CountryTable.shared.countries {
                guard let name = locale.localizedString(forRegionCode: country.code), !name.isEmpty,
                      name.uppercased() != country.code else { continue }
                names.append((name, country.name))
            }
            out[code] = names.sorted { $0.0.count > $1.0.count }
        }
        return out
    }()

    /// Every language's names, by their lowercased text, for front matter that names a
    /// country in another language.
    private static let byName: [String: String] = {
        var out: [String: String] = [:]
        for code in languages {
            for (name, country) in byLanguage[code] ?? [] where out[name.lowercased()] == nil { out[name.lowercased()] = country }
        }
        return out
    }()

    /// The English name of the country `name` names in any known language.
    static func country(named name: String) -> String? { byName[name.trimmed().lowercased()] }

    /// The countries a text in `language` names, by their English names, in the order they
    /// first appear. A name counts where it stands as a word: in Korean, followed by a
    /// particle or nothing (so `인도` is not read in `인도적`); in Han and kana, anywhere, the
    /// longest name at a place winning (`인도네시아` over `인도`); in Russian and Ukrainian,
    /// inflected (`Японией` for `Япония`).
    static func find(in text: String, language: String) -> [String] {
        let base = String(language.prefix { $0 != "-" })
        guard let names = byLanguage[language] ?? byLanguage[base] else { return [] }
        let chars = Array(text)
        var taken = [Bool](repeating: false, count: chars.count)
        var found: [(at: Int, country: String)] = []
        for (name, country) in names {
            let pattern = Array(inflectable(base) && name.count > 4 ? String(name.dropLast()) : name)
            guard let first = pattern.first, pattern.count <= chars.count else { continue }
            var i = 0
            while i + pattern.count <= chars.count {
                defer { i += 1 }
                guard chars[i] == first, !taken[i], Array(chars[i..<(i + pattern.count)]) == pattern,
                      standsAlone(chars, from: i, to: i + pattern.count, language: base) else { continue }
                for k in i..<(i + pattern.count) { taken[k] = true }
                found.append((i, country))
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.at < $1.at }.map(\.country).filter { seen.insert($0).inserted }
    }

    /// A country's name for pages in `language`: the name news writes when this project
    /// keeps one (`中国`, not CLDR's `中国大陆`), else CLDR's; nil for English or a language
    /// with no names here (the English name is shown).
    static func label(of country: Country, language: String) -> String? {
        guard language != "en", !language.hasPrefix("en-") else { return nil }
        let code = byLanguage[language] != nil ? language : String(language.prefix { $0 != "-" })
        guard byLanguage[code] != nil else { return nil }
        if let common = commonNames[code]?.first(where: { $0.value == country.name && !$0.key.contains(" ") })?.key { return common }
        return Locale(identifier: code).localizedString(forRegionCode: country.code)
    }

    static func inflectable(_ language: String) -> Bool { ["ru", "uk", "pl"].contains(language) }

    static let koreanParticles: Set<Character> = ["은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "서", "만", "측", "산"]

    private static func standsAlone(_ chars: [Character], from: Int, to: Int, language: String) -> Bool {
        let before = from > 0 ? chars[from - 1] : nil
        let after = to < chars.count ? chars[to] : nil
        switch language {
        case "zh", "ja", "th":
            return true
        case "ko":
            let hangul = { (c: Character?) in c.map { (0xAC00...0xD7A3).contains($0.unicodeScalars.first!.value) } ?? false }
            return !hangul(before) && (!hangul(after) || koreanParticles.contains(after!))
        case "ar", "fa", "he":
            return !(after?.isLetter ?? false)
        default:
            return !(before?.isLetter ?? false) && (inflectable(language) || !(after?.isLetter ?? false))
        }
    }
}
