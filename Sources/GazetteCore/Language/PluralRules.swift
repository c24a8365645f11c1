/// The plural category of a whole number in a language, as Unicode CLDR's plural rules
/// define them (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
/// Foundation has no public API for these rules, and counts of articles are whole numbers,
/// so the integer part of the rules for the languages newsrooms publish in is written here.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

public enum PluralRules {
    public static func category(of n: Int, language: String) -> PluralCategory {
        let n = abs(n), mod10 = n % 10, mod100 = n % 100
        switch language {
        case "ko", "zh", "ja", "vi", "id", "ms", "th", "lo", "km", "my", "yue":
            return .other
        case "fr", "pt", "hi", "bn", "fa", "gu", "kn", "zu", "am":
            return n <= 1 ? .one : .other
        case "ru", "uk", "be", "sr", "hr", "bs":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return language == "sr" || language == "hr" || language == "bs" ? .other : .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "cs", "sk":
            return n == 1 ? .one : (2...4).contains(n) ? .few : .other
        case "ar":
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(mod100) { return .few }
            if (11...99).contains(mod100) { return .many }
            return .other
        case "he":
            return n == 1 ? .one : n == 2 ? .two : .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
