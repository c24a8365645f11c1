/// One article's metadata, as loaded from its file. The body stays on disk until the
/// page is rendered, so memory grows with the archive's metadata, not its text.
///
/// A value type whose fields live in one shared, copy-on-write box: an archive's articles
/// are copied from the cache into records, into the site's sorted list, into pages, and a
/// copy of a plain struct of seventeen fields costs a dozen reference-count updates, which at
/// 100,000 articles was a good part of a rebuild. Now a copy costs one; a change to a copy
/// copies its box first, so no other copy ever sees it.
public struct Article: Sendable {
    private final class Fields: @unchecked Sendable {
        var file: String
        var bodyOffset: Int
        var bodyLine: Int
        var title: String
        var date: ArticleDate
        var updated: ArticleDate?
        var section: String?
        var source: String?
        var byline: String?
        var photoCredit: String?
        var people: [String]
        var countries: [String]
        var summary: String
        var slug: String
        var draft: Bool
        var importedFrom: String?
        var params: [String: ParamValue]
        var contentHash: UInt64 = 0
        var images = ArticleImages()
        var aliases: [String] = []
        var language: String?
        var translationKey: String?

        init(file: String, bodyOffset: Int, bodyLine: Int, title: String, date: ArticleDate, updated: ArticleDate?, section: String?, source: String?, byline: String?, photoCredit: String?, people: [String], countries: [String], summary: String, slug: String, draft: Bool, importedFrom: String?, params: [String: ParamValue]) {
            self.file = file
            self.bodyOffset = bodyOffset
            self.bodyLine = bodyLine
            self.title = title
            self.date = date
            self.updated = updated
            self.section = section
            self.source = source
            self.byline = byline
            self.photoCredit = photoCredit
            self.people = people
            self.countries = countries
            self.summary = summary
            self.slug = slug
            self.draft = draft
            self.importedFrom = importedFrom
            self.params = params
        }

        func copy() -> Fields {
            let fields = Fields(file: file, bodyOffset: bodyOffset, bodyLine: bodyLine, title: title, date: date, updated: updated, section: section, source: source, byline: byline, photoCredit: photoCredit, people: people, countries: countries, summary: summary, slug: slug, draft: draft, importedFrom: importedFrom, params: params)
            fields.contentHash = contentHash
            fields.images = images
            fields.aliases = aliases
            fields.language = language
            fields.translationKey = translationKey
            return fields
        }
    }

    // Sendable: the box is only written through `unique`, after a copy when it is shared.
    private var fields: Fields

    public init(file: String, bodyOffset: Int, bodyLine: Int, title: String, date: ArticleDate, updated: ArticleDate?, section: String?, source: String?, byline: String?, photoCredit: String?, people: [String], countries: [String], summary: String, slug: String, draft: Bool, importedFrom: String?, params: [String: ParamValue]) {
        fields = Fields(file: file, bodyOffset: bodyOffset, bodyLine: bodyLine, title: title, date: date, updated: updated, section: section, source: source, byline: byline, photoCredit: photoCredit, people: people, countries: countries, summary: summary, slug: slug, draft: draft, importedFrom: importedFrom, params: params)
    }

    private var unique: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    /// Path relative to the content folder, for messages and as a stable identity.
    public var file: String {
        get { fields.file }
        set { unique.file = newValue }
    }
    /// Byte offset where the Markdown body starts in the file.
    public var bodyOffset: Int {
        get { fields.bodyOffset }
        set { unique.bodyOffset = newValue }
    }
    /// Line number of the body's first line, for messages about the body.
    public var bodyLine: Int {
        get { fields.bodyLine }
        set { unique.bodyLine = newValue }
    }
    public var title: String {
        get { fields.title }
        set { unique.title = newValue }
    }
    public var date: ArticleDate {
        get { fields.date }
        set { unique.date = newValue }
    }
    public var updated: ArticleDate? {
        get { fields.updated }
        set { unique.updated = newValue }
    }
    public var section: String? {
        get { fields.section }
        set { unique.section = newValue }
    }
    public var source: String? {
        get { fields.source }
        set { unique.source = newValue }
    }
    public var byline: String? {
        get { fields.byline }
        set { unique.byline = newValue }
    }
    public var photoCredit: String? {
        get { fields.photoCredit }
        set { unique.photoCredit = newValue }
    }
    public var people: [String] {
        get { fields.people }
        set { unique.people = newValue }
    }
    public var countries: [String] {
        get { fields.countries }
        set { unique.countries = newValue }
    }
    /// Plain text: the front matter's `summary`, else the body's first paragraph.
    public var summary: String {
        get { fields.summary }
        set { unique.summary = newValue }
    }
    public var slug: String {
        get { fields.slug }
        set { unique.slug = newValue }
    }
    public var draft: Bool {
        get { fields.draft }
        set { unique.draft = newValue }
    }
    public var importedFrom: String? {
        get { fields.importedFrom }
        set { unique.importedFrom = newValue }
    }
    /// A hash of the file's bytes, set by the build when it reads the file (0 until then):
    /// what an article's page signature knows of its body.
    public var contentHash: UInt64 {
        get { fields.contentHash }
        set { unique.contentHash = newValue }
    }
    /// Its lead photo and body images, as the file names them.
    public var images: ArticleImages {
        get { fields.images }
        set { unique.images = newValue }
    }
    /// The article's language (`language:`, a normalized BCP 47 tag) when it differs from
    /// the site's or is given; nil means the site's.
    public var language: String? {
        get { fields.language }
        set { unique.language = newValue }
    }
    /// Articles that share this key (`translation_key:`) are translations of one another.
    public var translationKey: String? {
        get { fields.translationKey }
        set { unique.translationKey = newValue }
    }
    /// Old addresses of the article (`aliases:`), each redirected to it.
    public var aliases: [String] {
        get { fields.aliases }
        set { unique.aliases = newValue }
    }
    /// Keys the front matter has that Gazette does not use itself, for templates.
    public var params: [String: ParamValue] {
        get { fields.params }
        set { unique.params = newValue }
    }
}

/// A front-matter value Gazette keeps for templates without interpreting it.
public enum ParamValue: Sendable, Hashable {
    case text(String)
    case list([ParamValue])
    case map([String: ParamValue])

    /// As a Mustache context value: strings, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .text(let s): return s
        case .list(let items): return items.map(\.templateValue)
        case .map(let dict): return dict.mapValues(\.templateValue)
        }
    }
}
