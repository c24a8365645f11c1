import Foundation

/// A JSON Feed 1.1 (https://jsonfeed.org/version/1.1), encoded by Foundation so every
/// string is escaped correctly.
public struct JSONFeed: Sendable {
    public var title: String
    public var description: String
    public var homePageURL: String
    public var feedURL: String
    public var language: String
    public var entries: [FeedEntry]

    private struct Document: Encodable {
        let version = "https://jsonfeed.org/version/1.1"
        var title: String
        var description: String?
        var home_page_url: String
        var feed_url: String
        var language: String
        var items: [Item]
    }

    private struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var summary: String?
        var content_html: String?
        var content_text: String?
        var date_published: String
        var date_modified: String
        var authors: [Author]?
        var tags: [String]?
    }

    private struct Author: Encodable { var name: String }

    public func render() -> String {
        let doc = Document(
            title: title, description: description.isEmpty ? nil : description, home_page_url: homePageURL,
            feed_url: feedURL, language: language,
            items: entries.map { e in
                Item(id: e.url, url: e.url, title: e.title, summary: e.summary.isEmpty ? nil : e.summary,
                     content_html: e.contentHTML, content_text: e.contentHTML == nil ? e.summary : nil,
                     date_published: e.published.rfc3339, date_modified: e.updated.rfc3339,
                     authors: e.author.map { [Author(name: $0)] }, tags: e.tags.isEmpty ? nil : e.tags)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings cannot fail; an empty feed beats a crash if it ever did.
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
