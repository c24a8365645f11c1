import Foundation

/// `news-sitemap.xml`, in the Google News sitemap format: the articles of the last two days
/// by the build's clock (at most 1,000, the format's limit), each with the publication's
/// name and language, its publication date and its title.
///
/// The file depends on the clock, so a build with no changed file is not a no-op once the
/// oldest listed article has aged out (`expiry`), as it is not when an embargo lifts.
struct NewsSitemap: Sendable {
    static let window: Int64 = 2 * 86_400
    static let limit = 1_000

    let site: Site
    /// Indices of the listed articles, newest first.
    let articles: [Int]
    let now: Int64

    init(site: Site, now: Date) {
        self.site = site
        self.now = Int64(now.timeIntervalSince1970)
        let from = self.now - Self.window, to = self.now
        articles = Array(site.articles.indices.lazy.filter {
            let seconds = site.articles[$0].date.seconds
            return seconds > from && seconds <= to
        }.prefix(Self.limit))
    }

    /// When the file next changes with no article changed: the oldest listed article leaves
    /// the window (Int64.max when none is listed).
    var expiry: Int64 { articles.map { site.articles[$0].date.seconds + Self.window }.min() ?? .max }

    func render() -> String {
        let c = site.config
        let name = Escape.xml(c.publisher ?? c.title)
        let language = Escape.xml(Self.newsLanguage(c.language))
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        for i in articles {
            let a = site.articles[i]
            x += "  <url><loc>\(Escape.xml(c.baseURL.absolute(site.articlePaths[i])))</loc><news:news>"
            x += "<news:publication><news:name>\(name)</news:name><news:language>\(language)</news:language></news:publication>"
            x += "<news:publication_date>\(a.date.rfc3339)</news:publication_date><news:title>\(Escape.xml(a.title))</news:title>"
            x += "</news:news></url>\n"
        }
        return x + "</urlset>\n"
    }

    /// The format wants ISO 639 codes, with zh-cn and zh-tw as the only regions kept.
    static func newsLanguage(_ code: String) -> String {
        let lower = code.lowercased().replacingOccurrences(of: "_", with: "-")
        if lower == "zh-cn" || lower == "zh-tw" { return lower }
        if lower.hasPrefix("zh-hans") { return "zh-cn" }
        if lower.hasPrefix("zh-hant") { return "zh-tw" }
        return String(lower.prefix { $0 != "-" })
    }
}
