/// One article's metadata, as loaded from its file. The body stays on disk until the
/// page is rendered, so memory grows with the archive's metadata, not its text.
public struct Article: Sendable {
    /// Path relative to the content folder, for messages and as a stable identity.
    public var file: String
    /// Byte offset where the Markdown body starts in the file.
    public var bodyOffset: Int
    /// Line number of the body's first line, for messages about the body.
    public var bodyLine: Int

    public var title: String
    public var date: ArticleDate
    public var updated: ArticleDate?
    public var section: String?
    public var source: String?
    public var byline: String?
    public var photoCredit: String?
    public var people: [String]
    public var countries: [String]
    /// Plain text: the front matter's `summary`, else the body's first paragraph.
    public var summary: String
    public var slug: String
    public var draft: Bool
    public var importedFrom: String?
    /// Keys the front matter has that Gazette does not use itself, for templates.
    public var params: [String: ParamValue]
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
