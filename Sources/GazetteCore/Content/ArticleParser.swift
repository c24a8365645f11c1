import Foundation
import Yams

/// Turns one article file's text into an `Article`, or the list of what is wrong with it.
public struct ArticleParser: Sendable {
    public var dates: DateParser
    public var summarizer: Summarizer
    /// How titles become slugs (`slug_style:` in gazette.yml, or an edition's), by the
    /// article's language (nil: the site's).
    public var slugStyle: @Sendable (String?) -> SlugStyle = { _ in .native }

    static let knownKeys: Set<String> = [
        "title", "date", "updated", "section", "source", "byline", "photo_credit", "people", "countries",
        "summary", "slug", "draft", "imported_from", "image", "image_alt", "image_caption", "image_credit", "aliases",
        "language", "translation_key",
    ]

    public init(dates: DateParser, summarizer: Summarizer = Summarizer()) {
        self.dates = dates
        self.summarizer = summarizer
    }

    /// The parser for a site: its time zone reads dates, its slug style makes slugs.
    public init(config: SiteConfig) {
        self.init(dates: DateParser(zone: config.timeZone))
        slugStyle = { [config] in config.slugStyle(for: $0) }
    }

    public func parse(_ text: String, file: String) -> Result<Article, GazetteError> {
        guard let split = FrontMatterSplit(text) else {
            return .failure(GazetteError(file: file, line: 1, message: "an article starts with a '---' line, then 'title:' and 'date:' lines, then another '---' line"))
        }
        var fields = YAMLFields(yaml: String(split.yaml), file: file, lineOffset: 1)
        if !fields.diagnostics.isEmpty { return .failure(GazetteError(fields.diagnostics)) }

        let title = fields.string("title")?.trimmed() ?? ""
        if title.isEmpty {
            fields.diagnostics.append(Diagnostic(file: file, line: fields.line(ofKey: "title") ?? 2, message: "missing 'title'; add a line such as: title: \"Parliament passes the budget\""))
        }
        let date = requiredDate(&fields)
        let updated = optionalDate(&fields, "updated")
        let section = fields.string("section")
        let source = fields.string("source")
        let byline = fields.string("byline")
        // `image_credit` goes with the other image keys; `photo_credit` is what imports wrote first.
        let photoCredit = fields.string("image_credit") ?? fields.string("photo_credit")
        let lead = fields.string("image")?.nonEmpty.map { reference in
            ArticleImages.Lead(reference: reference, line: fields.line(ofKey: "image") ?? 1,
                               alt: fields.string("image_alt")?.nonEmpty, caption: fields.string("image_caption")?.nonEmpty)
        }
        let people = unique(fields.stringList("people", what: "name"))
        let countries = unique(fields.stringList("countries", what: "country"))
        let explicitSummary = fields.string("summary")
        let slugText = fields.string("slug")
        let draft = fields.bool("draft") ?? false
        let importedFrom = fields.string("imported_from")
        let aliases = fields.stringList("aliases", what: "old address")
        var language: String?
        if let text = fields.string("language") {
            if let tag = LanguageTag(text) { language = tag.code } else { fields.fail("language", LanguageTag.unknown(text)) }
        }
        let translationKey = fields.string("translation_key")?.nonEmpty
        var params: [String: ParamValue] = [:]
        for (key, node) in fields.values where !Self.knownKeys.contains(key) {
            params[key] = ParamValue(node)
        }
        guard fields.diagnostics.isEmpty, let date else { return .failure(GazetteError(fields.diagnostics)) }

        let slug = Slug.make(slugText ?? title, fallback: "article", style: slugStyle(language))
        var article = Article(
            file: file, bodyOffset: split.bodyOffset, bodyLine: split.bodyLine,
            title: title, date: date, updated: updated, section: section?.nonEmpty, source: source?.nonEmpty,
            byline: byline?.nonEmpty, photoCredit: photoCredit?.nonEmpty, people: people, countries: countries,
            summary: explicitSummary?.nonEmpty ?? summarizer.summary(ofMarkdown: split.body),
            slug: slug, draft: draft, importedFrom: importedFrom, params: params)
        article.aliases = aliases
        article.language = language
        article.translationKey = translationKey
        article.images = ArticleImages(lead: lead, body: BodyImageScanner.images(in: split.body, firstLine: split.bodyLine))
        return .success(article)
    }

    private func requiredDate(_ fields: inout YAMLFields) -> ArticleDate? {
        guard fields.node("date") != nil else {
            fields.diagnostics.append(Diagnostic(file: fields.file, line: 2, message: "missing 'date'; add a line such as: date: 2024-03-05T09:30:00+09:00"))
            return nil
        }
        return optionalDate(&fields, "date")
    }

    private func optionalDate(_ fields: inout YAMLFields, _ key: String) -> ArticleDate? {
        guard let text = fields.string(key) else { return nil }
        if let date = dates.parse(text) { return date }
        fields.fail(key, "cannot read '\(key): \(text)' as a date; write 2024-03-05T09:30:00+09:00, 2024-03-05 09:30 or 2024-03-05")
        return nil
    }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { $0.trimmed() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension String {
    var nonEmpty: String? {
        let t = trimmed()
        return t.isEmpty ? nil : t
    }
}


extension ParamValue {
    init(_ node: Node) {
        switch node {
        case .scalar(let s): self = .text(s.string)
        case .sequence(let seq): self = .list(seq.map(ParamValue.init))
        case .mapping(let map):
            var dict: [String: ParamValue] = [:]
            for (k, v) in map { if let key = k.string { dict[key] = ParamValue(v) } }
            self = .map(dict)
        case .alias: self = .text("")
        }
    }
}
