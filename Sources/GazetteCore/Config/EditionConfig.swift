import Foundation
import Yams

/// One language edition of a multilingual site (`languages:` in gazette.yml): its own
/// front page, lists, people and country pages, archives, feeds and search index, under
/// its path prefix. The site's own `language` is the edition at the root unless it says
/// otherwise.
///
///     language: en
///     languages:
///       en: {}
///       ko: { title: 하버 와이어 }             # at /ko/
///       ar: { prefix: arabic, name: عربي }     # at /arabic/
///       ru: { slug_style: transliterate }     # Latin slugs for this edition
public struct EditionConfig: Sendable, Equatable {
    public var language: LanguageTag
    /// The folder the edition lives in, "" for the root, else "ko/".
    public var prefix: String
    /// Shown in the language switcher; the language's own name unless set.
    public var name: String
    public var title: String?
    public var description: String?
    /// The edition's own `slug_style`, over the site's.
    public var slugStyle: SlugStyle?

    static let keys = ["prefix", "name", "title", "description", "slug_style"]

    /// Reads `languages:`; the edition of `siteLanguage` defaults to the root.
    static func read(_ node: Node, siteLanguage: String, fields: inout YAMLFields) -> [EditionConfig] {
        guard case .mapping = node else {
            fields.fail("languages", "'languages' maps each language code to its options, such as ko: { title: 하버 와이어 }")
            return []
        }
        let declared = YAMLFields(node: node, file: fields.file, lineOffset: fields.lineOffset)
        var editions: [EditionConfig] = []
        for code in declared.keys {
            let line = declared.line(ofKey: code)
            guard let tag = LanguageTag(code) else {
                fields.diagnostics.append(Diagnostic(file: fields.file, line: line, message: LanguageTag.unknown(code)))
                continue
            }
            var o = YAMLFields(node: declared.node(code) ?? .scalar(.init("")), file: fields.file, lineOffset: fields.lineOffset)
            for key in o.keys where !keys.contains(key) {
                o.fail(key, "unknown option '\(key)' for the \(tag.code) edition; the options are \(keys.joined(separator: ", "))")
            }
            var prefix = tag.code == siteLanguage ? "" : tag.code.lowercased() + "/"
            if let v = o.string("prefix") {
                let trimmed = v.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                let slug = Slug.make(trimmed, fallback: "")
                if !trimmed.isEmpty && slug != trimmed.lowercased() {
                    o.fail("prefix", "the prefix '\(v)' must be one folder name of letters, digits and hyphens, such as ko or /ko/")
                }
                prefix = trimmed.isEmpty ? "" : slug + "/"
            }
            if SitePaths.reservedEditionPrefixes.contains(String(prefix.dropLast())) {
                o.fail("prefix", "the prefix '\(prefix)' is a folder the site already uses; choose another")
            }
            var style: SlugStyle?
            if let v = o.string("slug_style") {
                style = SlugStyle(rawValue: v)
                if style == nil { o.fail("slug_style", "'slug_style' is native or transliterate, not '\(v)'") }
            }
            editions.append(EditionConfig(language: tag, prefix: prefix, name: o.string("name") ?? tag.nativeName,
                                          title: o.string("title"), description: o.string("description"), slugStyle: style))
            fields.diagnostics += o.diagnostics
        }
        var seen: [String: String] = [:]
        for e in editions {
            if let other = seen[e.prefix] {
                fields.fail("languages", "the \(other) and \(e.language.code) editions share the prefix '/\(e.prefix)'; "
                    + "give one its own 'prefix:'")
            }
            seen[e.prefix] = e.language.code
        }
        if !editions.isEmpty && !editions.contains(where: { $0.language.code == siteLanguage }) {
            fields.fail("languages", "'languages' must include the site's own language (\(siteLanguage)); add \(siteLanguage): {} to it")
        }
        return editions
    }
}
