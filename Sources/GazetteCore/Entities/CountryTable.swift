import Foundation

/// One country as the data sources give it.
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-2, "KR".
    public var code: String
    /// ISO 3166-1 alpha-3, "KOR".
    public var alpha3: String
    /// Common English short name, "South Korea": the name Gazette tags with.
    public var name: String
    public var officialName: String
    public var otherNames: [String]
    /// "South Korean", "American": the adjective news text uses.
    public var demonym: String
    /// "Seoul": a capital can stand for its government ("Seoul has said").
    public var capital: String

    /// The flag as two regional-indicator symbols: "KR" → 🇰🇷.
    public var flag: String {
        var out = ""
        for scalar in code.unicodeScalars {
            if let indicator = Unicode.Scalar(0x1F1E6 + scalar.value - 65) { out.unicodeScalars.append(indicator) }
        }
        return out
    }
}

/// All countries, with lookup by any of their names or codes.
public struct CountryTable: Sendable {
    public let countries: [Country]
    private let byKey: [String: Int]

    public static let shared = CountryTable(tsv: tsv)

    init(tsv: String) {
        var countries: [Country] = []
        var byKey: [String: Int] = [:]
        for line in tsv.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7 else { continue }
            let country = Country(code: f[0], alpha3: f[1], name: f[2], officialName: f[3],
                                  otherNames: f[4].split(separator: "|").map(String.init), demonym: f[5], capital: f[6])
            let index = countries.count
            countries.append(country)
            for key in [country.code, country.alpha3, country.name, country.officialName] + country.otherNames where !key.isEmpty {
                let k = Self.key(key)
                if byKey[k] == nil { byKey[k] = index }
            }
        }
        self.countries = countries
        self.byKey = byKey
    }

    /// "South Korea", "KR", "kor", "Korea, Republic of" → South Korea.
    public func country(named name: String) -> Country? {
        if let i = byKey[Self.key(name)] { return countries[i] }
        // A name in another language (`대한민국`, `日本`): only names no English key knows get here.
        guard name.utf8.contains(where: { $0 >= 0x80 }), let english = LocalizedCountryNames.country(named: name) else { return nil }
        return byKey[Self.key(english)].map { countries[$0] }
    }

    static func key(_ s: String) -> String {
        String(String.UnicodeScalarView(s.trimmed().lowercased().unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
