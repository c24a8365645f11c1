/// `sitemap.xml`: one urlset, or past `limit` URLs an index of numbered urlsets
/// (the protocol allows 50,000 URLs a file).
public struct Sitemap: Sendable {
    public struct Entry: Sendable {
        public var url: String
        public var lastModified: ArticleDate?
        /// Absolute URLs of the page's photos, as `image:image` entries.
        public var images: [String] = []
    }

    public var entries: [Entry]
    public var limit = 50_000

    /// Files to write: path → contents. `sitemap.xml` is always one of them.
    public func render(baseURL: BaseURL) -> [(path: String, text: String)] {
        guard entries.count > limit else { return [(SitePaths.sitemap, urlset(entries[...]))] }
        var files: [(String, String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var start = 0
        var n = 1
        while start < entries.count {
            let part = entries[start..<min(entries.count, start + limit)]
            let path = "sitemap-\(n).xml"
            files.append((path, urlset(part)))
            let newest = part.compactMap(\.lastModified).max()
            index += "  <sitemap><loc>\(Escape.xml(baseURL.absolute(path)))</loc>\(newest.map { "<lastmod>\($0.rfc3339)</lastmod>" } ?? "")</sitemap>\n"
            start += limit
            n += 1
        }
        index += "</sitemapindex>\n"
        return [(SitePaths.sitemap, index)] + files
    }

    private func urlset(_ part: ArraySlice<Entry>) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        x += " xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n"
        for e in part {
            x += "  <url><loc>\(Escape.xml(e.url))</loc>"
            if let d = e.lastModified { x += "<lastmod>\(d.rfc3339)</lastmod>" }
            for image in e.images { x += "<image:image><image:loc>\(Escape.xml(image))</image:loc></image:image>" }
            x += "</url>\n"
        }
        return x + "</urlset>\n"
    }
}
