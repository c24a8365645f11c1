/// Every URL path the site uses, in one place. Paths are site-relative: no leading
/// slash, a trailing slash for pages (`2019/11/12/slug/`), none for files.
public enum SitePaths {
    public static func article(_ article: Article, slug: String) -> String {
        let t = article.date.local
        return "\(t.year)/\(pad(t.month))/\(pad(t.day))/\(slug)/"
    }

    public static func term(_ taxonomy: TaxonomyConfig, slug: String) -> String { "\(taxonomy.path)/\(slug)/" }
    public static func termFeed(_ taxonomy: TaxonomyConfig, slug: String) -> String { "\(taxonomy.path)/\(slug)/feed.xml" }
    public static func termIndex(_ taxonomy: TaxonomyConfig, byName: Bool) -> String {
        byName ? "\(taxonomy.path)/\(byNameSegment)/" : "\(taxonomy.path)/"
    }

    public static func year(_ year: Int) -> String { "\(year)/" }
    public static func month(_ year: Int, _ month: Int) -> String { "\(year)/\(pad(month))/" }
    public static let archives = "archive/"
    public static let feedAtom = "feed.xml"
    public static let feedJSON = "feed.json"
    public static let sitemap = "sitemap.xml"
    public static let newsSitemap = "news-sitemap.xml"
    public static let robots = "robots.txt"
    public static let notFound = "404.html"
    public static let search = "search/"
    public static let assets = "assets/"
    /// Image variants, in folders named by their key: never changed once written.
    public static let images = "images/"

    /// Segments a term slug may not take, since the index pages use them.
    static let byNameSegment = "by-name"
    static let reservedTermSlugs: Set<String> = ["page", byNameSegment]
    /// Folders every edition has at its root: no edition may live in one.
    static let reservedEditionPrefixes: Set<String> = ["page", "archive", "search", "search-index", "assets", "images"]
}
