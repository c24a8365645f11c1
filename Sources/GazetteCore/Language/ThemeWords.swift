import Foundation
import Yams

/// The words a theme prints, in one language: `Themes/<theme>/i18n/<code>.yml`, with the
/// site's own `i18n/<code>.yml` beside `gazette.yml` over it. A word is text, or a map of
/// CLDR plural categories (`one`, `few`, `other`, ...) for words that go with a number.
/// `{name}`-style slots are filled by the page: `"{count} articles"`, `"{title}, page {n}"`.
///
/// English (`en.yml`) names every word; a word another language lacks is shown in English,
/// with one warning per word naming the file it belongs in.
public struct ThemeWords: Sendable {
    public enum Word: Sendable, Equatable {
        case text(String)
        case plural([PluralCategory: String])
    }

    public let language: LanguageTag
    let words: [String: Word]

    init(language: LanguageTag, words: [String: Word]) {
        self.language = language
        self.words = words
    }

    /// The word, with its `{slots}` filled; the key itself when no file has it.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        switch words[key] {
        case .text(let s): return Self.fill(s, values)
        case .plural(let forms): return Self.fill(forms[.other] ?? forms.values.first ?? key, values)
        case nil: return key
        }
    }

    /// The form of the word for `count` (`{count}` is filled with it).
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        var all = values
        all["count"] = String(count)
        guard case .plural(let forms) = words[key] else { return text(key, all) }
        let category = PluralRules.category(of: count, language: language.language)
        return Self.fill(forms[category] ?? forms[.other] ?? forms.values.first ?? key, all)
    }

    /// Every text word, for templates as `{{t.key}}`.
    public var templateValues: [String: String] {
        var out: [String: String] = [:]
        for (key, word) in words { if case .text(let s) = word { out[key] = s } }
        return out
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.has(ascii: "{") else { return text }
        var out = text
        for (name, value) in values { out = out.replacingBytes(of: "{\(name)}", with: value) }
        return out
    }
}

/// Finds and reads the translation files of a theme's layers and the site.
public struct ThemeWordsLoader: Sendable {
    /// `i18n` folders, lowest precedence first (the built-in theme, the theme, the site).
    public var folders: [String]

    public init(folders: [String]) { self.folders = folders }

    /// The words for `language`, with warnings for words that fall back to English; errors
    /// for files that cannot be read.
    public func load(_ language: LanguageTag) -> (words: ThemeWords, warnings: [Diagnostic], errors: [Diagnostic]) {
        var errors: [Diagnostic] = []
        let english = layered(["en"], errors: &errors)
        guard language.language != "en" else { return (ThemeWords(language: language, words: english.words), [], errors) }
        // `zh-Hant` is read over `zh`.
        var codes = [language.language]
        if language.code != language.language { codes.append(language.code) }
        let own = layered(codes, errors: &errors)
        var words = english.words
        var warnings: [Diagnostic] = []
        let home = own.files.last ?? (folders.first.map { "\($0)/\(language.code).yml" } ?? "i18n/\(language.code).yml")
        if own.files.isEmpty {
            warnings.append(Diagnostic(file: home, message: "no translation file for '\(language.code)'; the theme's words "
                + "are shown in English until this file gives them"))
        } else {
            for key in english.words.keys.sorted() where own.words[key] == nil {
                let shown = english.words[key].map(Self.describe) ?? key
                warnings.append(Diagnostic(file: home, message: "no word for '\(key)'; the English \"\(shown)\" is shown until it is added"))
            }
        }
        for (key, word) in own.words { words[key] = word }
        return (ThemeWords(language: language, words: words), warnings, errors)
    }

    /// Every translation file's path and bytes, for the build's change tracking.
    public func files() -> [(String, Data)] {
        folders.flatMap { folder -> [(String, Data)] in
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
            return names.map { ("\(folder)/\($0)", FileManager.default.contents(atPath: "\(folder)/\($0)") ?? Data()) }
        }
    }

    private func layered(_ codes: [String], errors: inout [Diagnostic]) -> (words: [String: ThemeWords.Word], files: [String]) {
        var words: [String: ThemeWords.Word] = [:]
        var files: [String] = []
        for folder in folders {
            for code in codes {
                let path = "\(folder)/\(code).yml"
                guard FileManager.default.fileExists(atPath: path) else { continue }
                files.append(path)
                for (key, word) in Self.read(path, errors: &errors) { words[key] = word }
            }
        }
        return (words, files)
    }

    static func read(_ path: String, errors: inout [Diagnostic]) -> [String: ThemeWords.Word] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            errors.append(Diagnostic(file: path, message: "cannot read this translation file as UTF-8 text"))
            return [:]
        }
        var fields = YAMLFields(yaml: text, file: path)
        var words: [String: ThemeWords.Word] = [:]
        for (key, node) in fields.values {
            switch node {
            case .scalar(let s):
                words[key] = .text(s.string)
            case .mapping(let forms):
                var plural: [PluralCategory: String] = [:]
                for (formNode, value) in forms {
                    guard let name = formNode.string, let category = PluralCategory(rawValue: name), let text = value.string else {
                        fields.fail(key, "'\(key)' maps plural forms (zero, one, two, few, many, other) to text; "
                            + "'\(formNode.string ?? "?")' is not one")
                        continue
                    }
                    plural[category] = text
                }
                if plural[.other] == nil { fields.fail(key, "'\(key)' needs an 'other' form, used for any count no other form covers") }
                words[key] = .plural(plural)
            default:
                fields.fail(key, "'\(key)' must be text, or plural forms such as one: and other:")
            }
        }
        errors += fields.diagnostics
        return words
    }

    static func describe(_ word: ThemeWords.Word) -> String {
        switch word {
        case .text(let s): return s
        case .plural(let forms): return forms[.other] ?? ""
        }
    }
}
