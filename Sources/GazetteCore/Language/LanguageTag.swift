import Foundation

/// A language as content and settings name it: a BCP 47 tag such as `ko`, `zh-Hans` or
/// `pt-BR`. Its first part must be a language ISO 639 knows (the list comes with the ICU
/// that Foundation brings), so a typo such as `kr` is caught before it reaches a page.
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    /// As written, with the case BCP 47 recommends (`zh-Hans`, `pt-BR`).
    public let code: String

    /// Nil when `text` is not a well-formed tag or its language is unknown.
    public init?(_ text: String) {
        let parts = text.trimmed().replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              Self.knownLanguages.contains(first.lowercased()) else { return nil }
        var normalized = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            switch part.count {
            case 4 where part.allSatisfy(\.isLetter): normalized.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            case 2 where part.allSatisfy(\.isLetter): normalized.append(part.uppercased())
            default: normalized.append(part.lowercased())
            }
        }
        code = normalized.joined(separator: "-")
    }

    public var description: String { code }

    /// `zh` of `zh-Hans`: what plural rules, scripts and right-to-left go by.
    public var language: String { String(code.prefix { $0 != "-" }) }

    /// Languages written from right to left.
    public var isRightToLeft: Bool {
        ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "syr"].contains(language)
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The language's name in itself ("한국어", "العربية"), for a language switcher.
    public var nativeName: String {
        let locale = Locale(identifier: code)
        return locale.localizedString(forIdentifier: code).map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? code
    }

    static let knownLanguages = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

    /// The message for a code that is not a language.
    static func unknown(_ text: String) -> String {
        "'\(text)' is not a language code; write a BCP 47 tag such as en, ko, zh, ja, ar, es, fr, de, ru, vi, id or pt-BR"
    }
}
