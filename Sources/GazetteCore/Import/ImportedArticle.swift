/// One article as the importer will write it.
public struct ImportedArticle: Sendable, Equatable {
    public var title: String
    public var date: ArticleDate
    public var updated: ArticleDate?
    public var section: String?
    public var source: String?
    public var byline: String?
    public var photoCredit: String?
    public var people: [String]
    public var countries: [String]
    public var importedFrom: String
    /// Fields a person should check: the title made from the first sentence, a guessed date.
    public var review: [String]
    public var paragraphs: [String]
    /// Tags a feed or WordPress export gave that are neither people nor countries.
    public var tags: [String] = []
    public var draft = false
    public var language: String?
    /// The lead photo's URL and description, when the page named them.
    public var image: String?
    public var imageAlt: String?
    public var imageCaption: String?
    public var imageCredit: String?
    /// Old addresses of the article (its page's own URL, when the page declared one).
    public var aliases: [String] = []

    /// `YYYY/MM/<slug>.md` under the content folder, by the article's own date.
    public func relativePath(slug: String) -> String {
        let t = date.local
        return "\(t.year)/\(pad(t.month))/\(slug).md"
    }

    public var slug: String { Slug.make(title, fallback: "article") }

    /// The file's text with the slug the title gives.
    public var fileText: String { fileText(slug: slug) }

    /// The file's text: YAML front matter, then the body's paragraphs. The slug is written
    /// out, so that a later edit of the title does not move the article's URL.
    public func fileText(slug: String) -> String {
        var lines = ["---", "title: \(YAMLText.quoted(title))", "slug: \(YAMLText.quoted(slug))", "date: \(date.rfc3339)"]
        if let updated { lines.append("updated: \(updated.rfc3339)") }
        for (key, value) in [("section", section), ("source", source), ("byline", byline), ("photo_credit", photoCredit),
                             ("image", image), ("image_alt", imageAlt), ("image_caption", imageCaption),
                             ("image_credit", imageCredit)] {
            if let value { lines.append("\(key): \(YAMLText.plainOrQuoted(value))") }
        }
        for (key, names) in [("people", people), ("countries", countries)] {
            if names.isEmpty {
                lines.append("\(key): []")
            } else {
                lines.append("\(key):")
                lines += names.map { "  - \(YAMLText.plainOrQuoted($0))" }
            }
        }
        if let language { lines.append("language: \(YAMLText.plainOrQuoted(language))") }
        if !aliases.isEmpty { lines.append("aliases: [\(aliases.map(YAMLText.quoted).joined(separator: ", "))]") }
        if !tags.isEmpty { lines.append("tags: [\(tags.map(YAMLText.quoted).joined(separator: ", "))]") }
        if draft { lines.append("draft: true") }
        lines.append("imported_from: \(YAMLText.plainOrQuoted(importedFrom))")
        if !review.isEmpty { lines.append("review: [\(review.joined(separator: ", "))]") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }
}

extension YAMLText {
    /// Plain when YAML reads it back as the same string, double-quoted otherwise.
    public static func plainOrQuoted(_ s: String) -> String {
        guard let first = s.first, let last = s.last, !s.isEmpty else { return quoted(s) }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        // ':' and '#' are left out of the safe set, so "key: value" and " #comment" cannot occur.
        let safe = s.unicodeScalars.allSatisfy { Tokenizer.isLetter($0) || Tokenizer.isDigit($0) || " -.,()/&'\u{2019}".unicodeScalars.contains($0) }
            && (first.isLetter || first == "(") && last != " " && !reserved.contains(s.lowercased())
        return safe ? s : quoted(s)
    }
}
