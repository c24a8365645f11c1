import Foundation

/// What a page declares about its article in schema.org JSON-LD
/// (`<script type="application/ld+json">`): most news sites publish a `NewsArticle` there
/// for search engines, often with the whole text in `articleBody`.
struct StructuredArticle: Equatable {
    var headline: String?
    var published: String?
    var modified: String?
    var authors: [String] = []
    var section: String?
    var publisher: String?
    var body: String?
    var language: String?
    /// The lead image: its URL, caption and credit (an `ImageObject`, a list of them, or a URL).
    var image: String?
    var imageCaption: String?
    var imageCredit: String?

    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
    ]

    /// The first article object among the page's JSON-LD blocks (top level, in an array, or
    /// in an `@graph`); nil when there is none or none parses.
    init?(jsonLD blocks: [String]) {
        for block in blocks {
            guard let data = block.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            if let found = Self.firstArticle(in: json, depth: 0) {
                self.init(found)
                return
            }
        }
        return nil
    }

    private init(_ object: [String: Any]) {
        headline = Self.text(object["headline"]) ?? Self.text(object["name"])
        published = Self.text(object["datePublished"]) ?? Self.text(object["dateCreated"])
        modified = Self.text(object["dateModified"])
        authors = Self.names(object["author"]) + Self.names(object["creator"]).filter { _ in object["author"] == nil }
        section = Self.text(object["articleSection"]) ?? (object["articleSection"] as? [Any]).flatMap { Self.text($0.first) }
        publisher = Self.names(object["publisher"]).first
        body = Self.text(object["articleBody"])
        language = Self.text(object["inLanguage"])
        let lead = (object["image"] as? [Any])?.first ?? object["image"]
        if let imageObject = lead as? [String: Any] {
            image = Self.text(imageObject["url"]) ?? Self.text(imageObject["contentUrl"])
            imageCaption = Self.text(imageObject["caption"]) ?? Self.text(imageObject["description"])
            imageCredit = Self.text(imageObject["creditText"]) ?? Self.names(imageObject["copyrightHolder"]).first
                ?? Self.names(imageObject["author"]).first
        } else {
            image = Self.text(lead)
        }
    }

    private static func firstArticle(in json: Any, depth: Int) -> [String: Any]? {
        guard depth < 8 else { return nil }
        if let list = json as? [Any] {
            for item in list { if let found = firstArticle(in: item, depth: depth + 1) { return found } }
            return nil
        }
        guard let object = json as? [String: Any] else { return nil }
        let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
        if types.contains(where: articleTypes.contains) { return object }
        if let graph = object["@graph"] { return firstArticle(in: graph, depth: depth + 1) }
        if let main = object["mainEntity"] { return firstArticle(in: main, depth: depth + 1) }
        return nil
    }

    /// A string value, with entities and white space as a page would show them.
    private static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let folded = string.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ").trimmed()
        return folded.isEmpty ? nil : folded
    }

    /// Names of a `Person` or `Organization`, a list of them, or a plain string.
    private static func names(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        if let object = value as? [String: Any] { return text(object["name"]).map { [$0] } ?? [] }
        return text(value).map { [$0] } ?? []
    }

    /// The article body's paragraphs: sites separate them with line breaks, or not at all.
    var bodyParagraphs: [String] {
        guard let body else { return [] }
        return body.components(separatedBy: "\n").map { $0.trimmed() }.filter { !$0.isEmpty }
    }
}
