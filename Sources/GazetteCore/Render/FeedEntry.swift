/// One article as feeds see it. `contentHTML` is set for the site feeds, which carry
/// whole articles; term feeds carry summaries only, to keep thousands of them cheap.
public struct FeedEntry: Sendable {
    public var title: String
    public var url: String
    public var published: ArticleDate
    public var updated: ArticleDate
    public var author: String?
    public var summary: String
    public var contentHTML: String?
    public var tags: [String]
}

extension PageContext {
    func feedEntry(_ i: Int, contentHTML: String?) -> FeedEntry {
        let a = site.articles[i]
        return FeedEntry(
            title: a.title, url: site.config.baseURL.absolute(site.articlePaths[i]), published: a.date,
            updated: max(a.updated ?? a.date, a.date), author: a.byline, summary: a.summary, contentHTML: contentHTML,
            tags: (a.section.map { [$0] } ?? []) + a.people + a.countries)
    }
}
