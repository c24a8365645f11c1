/// The words the search page's script (and the name filter's) prints, as JSON for its
/// `data-words` attribute.
/// Words with plural forms go as a map of CLDR categories; the script picks one with the
/// browser's `Intl.PluralRules`, which follows the same CLDR rules.
enum SearchPageWords {
    static let keys = [
        "type_to_search", "type_longer", "no_match", "found", "best_found", "index_failed",
        "people_in_results", "countries_in_results", "person", "country", "remove_filter", "page_status", "articles",
    ]

    /// The name filter's words (`terms.js`).
    static let nameFilterKeys = ["no_names", "names_found", "names_found_first", "names_failed"]

    static func json(_ words: ThemeWords, keys: [String] = keys) -> String {
        let members = keys.map { key -> String in
            let value: String
            switch words.words[key] {
            case .plural(let forms)?:
                let sorted = PluralCategory.allCases.compactMap { c in forms[c].map { (c.rawValue, $0) } }
                value = "{" + sorted.map { "\(Escape.jsonString($0.0)):\(Escape.jsonString($0.1))" }.joined(separator: ",") + "}"
            default:
                value = Escape.jsonString(words.text(key))
            }
            return "\(Escape.jsonString(key)):\(value)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}
