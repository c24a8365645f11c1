import Foundation

/// Renders one planned page to its path and bytes. Pure apart from reading article
/// bodies from the content folder, so pages can be rendered on any thread.
struct PageRenderer: Sendable {
    let site: Site
    let plan: BuildPlan
    let theme: Theme
    let context: PageContext
    let markdown: MarkdownRenderer

    init(site: Site, plan: BuildPlan, theme: Theme) {
        self.site = site
        self.plan = plan
        self.theme = theme
        context = PageContext(site: site)
        markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
    }

    /// The article's body as HTML, read from its file again (bodies are not kept in memory).
    func bodyHTML(_ i: Int) throws(GazetteError) -> String {
        let article = site.articles[i]
        guard let data = FileManager.default.contents(atPath: article.file) else {
            throw GazetteError(file: article.file, message: "the file disappeared or became unreadable during the build")
        }
        guard data.count >= article.bodyOffset, let body = String(validatingUTF8Data: data[article.bodyOffset...]) else {
            throw GazetteError(file: article.file, message: "the file changed during the build; build again")
        }
        return markdown.html(body)
    }

    func render(_ job: PageJob) throws(GazetteError) -> (path: String, text: String) {
        switch job {
        case .article(let i):
            let html = try bodyHTML(i)
            return (site.articlePaths[i] + "index.html", theme.render(context.article(i, bodyHTML: html), template: "article"))
        case .home(let n):
            let p = Pagination(basePath: "", itemCount: site.articles.count, perPage: site.config.perPage)
            return (p.path(ofPage: n) + "index.html", theme.render(context.home(p, page: n), template: "home"))
        case .term(let t, let k, let n):
            let taxonomy = site.taxonomies[t], term = taxonomy.terms[k]
            let p = Pagination(basePath: taxonomy.path(of: term), itemCount: term.articles.count, perPage: taxonomy.config.perPage)
            return (p.path(ofPage: n) + "index.html", theme.render(context.term(taxonomy, term, p, page: n), template: "term"))
        case .termFeed(let t, let k):
            let taxonomy = site.taxonomies[t], term = taxonomy.terms[k]
            let path = SitePaths.termFeed(taxonomy.config, slug: term.slug)
            let feed = AtomFeed(
                title: "\(term.name) · \(site.config.title)", subtitle: "Articles on \(term.name)",
                feedURL: site.config.baseURL.absolute(path), pageURL: site.config.baseURL.absolute(taxonomy.path(of: term)),
                language: site.config.language,
                entries: term.articles.prefix(site.config.feedLimit).map { context.feedEntry($0, contentHTML: nil) })
            return (path, feed.render())
        case .terms(let t, let byName, let n):
            let taxonomy = site.taxonomies[t]
            let p = BuildPlan.termsPagination(taxonomy, byName: byName)
            let sorted = byName ? taxonomy.terms : plan.termsByCount[t]
            return (p.path(ofPage: n) + "index.html", theme.render(context.terms(taxonomy, sorted: sorted, byName: byName, p, page: n), template: "terms"))
        case .year(let y, let n):
            let year = site.years[y]
            let p = Pagination(basePath: SitePaths.year(year.year), itemCount: year.articles.count, perPage: site.config.perPage)
            return (p.path(ofPage: n) + "index.html", theme.render(context.archive(year: year, month: nil, p, page: n), template: "archive"))
        case .month(let y, let m, let n):
            let year = site.years[y], month = year.months[m]
            let p = Pagination(basePath: SitePaths.month(month.year, month.month), itemCount: month.articles.count, perPage: site.config.perPage)
            return (p.path(ofPage: n) + "index.html", theme.render(context.archive(year: year, month: month, p, page: n), template: "archive"))
        case .archives:
            return (SitePaths.archives + "index.html", theme.render(context.archives(), template: "archives"))
        case .notFound:
            return (SitePaths.notFound, theme.render(context.notFound(), template: "404"))
        }
    }

    /// The site-wide feeds, the sitemap and robots.txt.
    func siteFiles(htmlPaths: [String]) throws(GazetteError) -> [(path: String, text: String)] {
        let c = site.config
        var entries: [FeedEntry] = []
        for i in site.articles.indices.prefix(c.feedLimit) {
            entries.append(context.feedEntry(i, contentHTML: try bodyHTML(i)))
        }
        let atom = AtomFeed(title: c.title, subtitle: c.description, feedURL: c.baseURL.absolute(SitePaths.feedAtom),
                            pageURL: c.baseURL.string, language: c.language, entries: entries)
        let json = JSONFeed(title: c.title, description: c.description, homePageURL: c.baseURL.string,
                            feedURL: c.baseURL.absolute(SitePaths.feedJSON), language: c.language, entries: entries)
        var lastModified: [String: ArticleDate] = [:]
        for (i, a) in site.articles.enumerated() { lastModified[site.articlePaths[i]] = a.updated ?? a.date }
        let sitemap = Sitemap(entries: htmlPaths.map { path in
            Sitemap.Entry(url: c.baseURL.absolute(path), lastModified: lastModified[path])
        })
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(c.baseURL.absolute(SitePaths.sitemap))\n"
        return [(SitePaths.feedAtom, atom.render()), (SitePaths.feedJSON, json.render()), (SitePaths.robots, robots)]
            + sitemap.render(baseURL: c.baseURL)
    }
}
