/// An Atom 1.0 feed (RFC 4287).
public struct AtomFeed: Sendable {
    public var title: String
    public var subtitle: String
    /// Absolute URL of the feed itself and of the page it describes.
    public var feedURL: String
    public var pageURL: String
    public var language: String
    public var entries: [FeedEntry]
    /// The feed's own `updated`: its newest entry's, so the bytes only change when an
    /// entry does (a build-time clock would rewrite every feed on every build).
    public var updated: ArticleDate?

    public func render() -> String {
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Escape.xml(language))\">\n"
        x += "  <title>\(Escape.xml(title))</title>\n"
        if !subtitle.isEmpty { x += "  <subtitle>\(Escape.xml(subtitle))</subtitle>\n" }
        x += "  <link href=\"\(Escape.xml(feedURL))\" rel=\"self\" type=\"application/atom+xml\"/>\n"
        x += "  <link href=\"\(Escape.xml(pageURL))\" rel=\"alternate\" type=\"text/html\"/>\n"
        x += "  <id>\(Escape.xml(feedURL))</id>\n"
        let newest = entries.map(\.updated).max() ?? updated ?? ArticleDate(seconds: 0, offset: 0)
        x += "  <updated>\(newest.rfc3339)</updated>\n"
        x += "  <generator>Gazette</generator>\n"
        for e in entries {
            x += "  <entry>\n"
            x += "    <title>\(Escape.xml(e.title))</title>\n"
            x += "    <link href=\"\(Escape.xml(e.url))\" rel=\"alternate\" type=\"text/html\"/>\n"
            x += "    <id>\(Escape.xml(e.url))</id>\n"
            x += "    <published>\(e.published.rfc3339)</published>\n"
            x += "    <updated>\(e.updated.rfc3339)</updated>\n"
            // Atom requires an author for every entry when the feed has none.
            x += "    <author><name>\(Escape.xml(e.author ?? title))</name></author>\n"
            for tag in e.tags { x += "    <category term=\"\(Escape.xml(tag))\"/>\n" }
            if !e.summary.isEmpty { x += "    <summary>\(Escape.xml(e.summary))</summary>\n" }
            if let html = e.contentHTML { x += "    <content type=\"html\">\(Escape.xml(html))</content>\n" }
            x += "  </entry>\n"
        }
        x += "</feed>\n"
        return x
    }
}
