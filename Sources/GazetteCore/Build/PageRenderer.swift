import Foundation

/// Renders one planned page to its path and bytes. Pure apart from reading article
/// bodies from the content folder, so pages can be rendered on any thread.
struct PageRenderer: Sendable {
    let site: Site
    let plan: BuildPlan
    let theme: Theme
    let context: PageContext
    let markdown: MarkdownRenderer
    let media: MediaLibrary

    init(site: Site, plan: BuildPlan, theme: Theme, media: MediaLibrary = .empty, languages: SiteLanguages? = nil) {
        self.site = site
        self.plan = plan
        self.theme = theme
        self.media = media
        context = PageContext(site: site, theme: theme, media: media, languages: languages)
        markdown = MarkdownRenderer(unsafeHTML: site.config.unsafeHTML)
    }

    /// An error writing an article's page names the content file it came from too.
    func naming(_ job: PageJob, in error: GazetteError) -> GazetteError {
        guard case .article(let i) = job else { return error }
        let source = site.articles[i].file
        return GazetteError(error.diagnostics.map { d in
            d.file == source || d.message.hasPrefix(OutputFailure.diskFull) ? d
                : Diagnostic(file: source, message: "its page \(d.file): \(d.message)")
        })
    }

    /// The article's Markdown body, read from its file again (bodies are not kept in memory).
    func bodyData(_ i: Int) throws(GazetteError) -> [UInt8] {
        let article = site.articles[i]
        guard let data = FileManager.default.contents(atPath: article.file) else {
            throw GazetteError(file: article.file, message: "the file disappeared or became unreadable during the build")
        }
        guard data.count >= article.bodyOffset else {
            throw GazetteError(file: article.file, message: "the file changed during the build; build again")
        }
        return [UInt8](data[article.bodyOffset...])
    }

    /// The article's body as HTML. (For the search index, an unreadable body is an empty
    /// one; the article's own page reports the error.)
    func bodyHTML(_ i: Int) throws(GazetteError) -> String {
        guard let body = String(validating: try bodyData(i), as: UTF8.self) else {
            throw GazetteError(file: site.articles[i].file, message: "the file changed during the build; build again")
        }
        let article = site.articles[i]
        let words = context.languages.of(article.language).words
        let labels = (done: words.text("task_done"), notDone: words.text("task_not_done"))
        // Only a body with images has its tree walked for them (the walk is under cmark-gfm's lock).
        guard !article.images.body.isEmpty else { return markdown.html(body, taskLabels: labels) }
        let file = article.file
        let media = self.media, pictures = context.pictures
        return markdown.html(body, images: { url, alt, title in
            media.image(url, in: file).map { pictures.html(.processed($0), alt: alt, slot: .article, title: title) }
        }, taskLabels: labels)
    }

    /// The search index's files, from the term vectors of the last build where an article's
    /// indexed content is unchanged and from its body where not; and the vectors to keep.
    func searchFiles(signatures: PageSignatures, previousVectors: SearchVectors?, previousOutputs: (@Sendable (String) -> UInt64?)?)
        -> (files: [SearchIndexFiles.File], vectors: SearchVectors) {
        let (index, vectors) = SearchIndex.build(site: site, keys: signatures.pages, previous: previousVectors) { try? bodyData($0) }
        let files = SearchIndexFiles(site: site, index: index)
            .files(pages: signatures.pages, indexSignature: signatures.searchIndex(), previous: previousOutputs)
        return (files, vectors)
    }

    /// Where a page is written, site-relative.
    func path(of job: PageJob) -> String {
        switch job {
        case .article(let i): return site.articlePaths[i] + "index.html"
        case .home(let n): return Pagination(basePath: "", itemCount: 0, perPage: 1).path(ofPage: n) + "index.html"
        case .term(let t, let k, let n):
            let taxonomy = site.taxonomies[t]
            return Pagination(basePath: taxonomy.path(of: taxonomy.terms[k]), itemCount: 0, perPage: 1).path(ofPage: n) + "index.html"
        case .termFeed(let t, let k): return SitePaths.termFeed(site.taxonomies[t].config, slug: site.taxonomies[t].terms[k].slug)
        case .terms(let t, let byName, let n): return BuildPlan.termsPagination(site.taxonomies[t], byName: byName).path(ofPage: n) + "index.html"
        case .year(let y, let n): return Pagination(basePath: SitePaths.year(site.years[y].year), itemCount: 0, perPage: 1).path(ofPage: n) + "index.html"
        case .month(let y, let m, let n):
            let month = site.years[y].months[m]
            return Pagination(basePath: SitePaths.month(month.year, month.month), itemCount: 0, perPage: 1).path(ofPage: n) + "index.html"
        case .archives: return SitePaths.archives + "index.html"
        case .notFound: return SitePaths.notFound
        case .search: return SitePaths.search + "index.html"
        }
    }

    func text(of job: PageJob) throws(GazetteError) -> String {
        switch job {
        case .article(let i):
            return theme.render(context.article(i, bodyHTML: try bodyHTML(i), related: plan.related[i]), template: "article")
        case .home(let n):
            let p = Pagination(basePath: "", itemCount: site.articles.count, perPage: site.config.perPage)
            return theme.render(context.home(p, page: n), template: "home")
        case .term(let t, let k, let n):
            let taxonomy = site.taxonomies[t], term = taxonomy.terms[k]
            let p = Pagination(basePath: taxonomy.path(of: term), itemCount: term.articles.count, perPage: taxonomy.config.perPage)
            return theme.render(context.term(taxonomy, term, p, page: n), template: "term")
        case .termFeed(let t, let k):
            let taxonomy = site.taxonomies[t], term = taxonomy.terms[k]
            let feed = AtomFeed(
                title: "\(term.label) · \(site.config.title)", subtitle: context.local.words.text("articles_about", ["name": term.label]),
                feedURL: site.config.baseURL.absolute(SitePaths.termFeed(taxonomy.config, slug: term.slug)),
                pageURL: site.config.baseURL.absolute(taxonomy.path(of: term)), language: site.config.language,
                entries: term.articles.prefix(site.config.feedLimit).map { context.feedEntry($0, contentHTML: nil) })
            return feed.render()
        case .terms(let t, let byName, let n):
            let taxonomy = site.taxonomies[t]
            let p = BuildPlan.termsPagination(taxonomy, byName: byName)
            let sorted = byName ? taxonomy.terms : plan.termsByCount[t]
            return theme.render(context.terms(taxonomy, sorted: sorted, byName: byName, p, page: n), template: "terms")
        case .year(let y, let n):
            let year = site.years[y]
            let p = Pagination(basePath: SitePaths.year(year.year), itemCount: year.articles.count, perPage: site.config.perPage)
            return theme.render(context.archive(year: year, month: nil, p, page: n), template: "archive")
        case .month(let y, let m, let n):
            let year = site.years[y], month = year.months[m]
            let p = Pagination(basePath: SitePaths.month(month.year, month.month), itemCount: month.articles.count, perPage: site.config.perPage)
            return theme.render(context.archive(year: year, month: month, p, page: n), template: "archive")
        case .archives:
            return theme.render(context.archives(), template: "archives")
        case .notFound:
            return theme.render(context.notFound(), template: "404")
        case .search:
            return theme.render(context.search(), template: "search")
        }
    }

    /// The site-wide feeds (when `feeds`) and the sitemap (when `sitemap`).
    func siteFiles(htmlPaths: [String], feeds: Bool = true, sitemap: Bool = true) throws(GazetteError) -> [(path: String, text: String)] {
        let c = site.config
        var files: [(path: String, text: String)] = []
        if feeds {
            var entries: [FeedEntry] = []
            for i in site.articles.indices.prefix(c.feedLimit) {
                entries.append(context.feedEntry(i, contentHTML: try bodyHTML(i)))
            }
            let atom = AtomFeed(title: c.title, subtitle: c.description, feedURL: c.baseURL.absolute(SitePaths.feedAtom),
                                pageURL: c.baseURL.string, language: c.language, entries: entries)
            let json = JSONFeed(title: c.title, description: c.description, homePageURL: c.baseURL.string,
                                feedURL: c.baseURL.absolute(SitePaths.feedJSON), language: c.language, entries: entries)
            files += [(SitePaths.feedAtom, atom.render()), (SitePaths.feedJSON, json.render())]
        }
        if sitemap {
            var lastModified: [String: ArticleDate] = [:]
            var images: [String: [String]] = [:]
            for (i, a) in site.articles.enumerated() {
                lastModified[site.articlePaths[i]] = a.updated ?? a.date
                let urls = imageURLs(i)
                if !urls.isEmpty { images[site.articlePaths[i]] = urls }
            }
            let map = Sitemap(entries: htmlPaths.map { path in
                Sitemap.Entry(url: c.baseURL.absolute(path), lastModified: lastModified[path], images: images[path] ?? [])
            })
            files += map.render(baseURL: c.baseURL)
        }
        return files
    }

    /// The absolute URLs of an article's photos (its lead's and its body's largest
    /// variants, or the URLs it names), for the image sitemap.
    func imageURLs(_ i: Int) -> [String] {
        let article = site.articles[i]
        guard !article.images.isEmpty else { return [] }
        var urls: [String] = []
        if i < media.leads.count, let lead = media.leads[i] { urls.append(context.pictures.largest(lead.image).url) }
        for inline in article.images.body {
            if let image = media.image(inline.reference, in: article.file) {
                urls.append(context.pictures.largest(.processed(image)).url)
            } else if ImageResolver.isRemote(inline.reference) {
                urls.append(inline.reference)
            }
        }
        var seen = Set<String>()
        return urls.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The sitemap's files for a site with this many pages.
    func sitemapPaths(htmlCount: Int) -> [String] {
        let limit = Sitemap(entries: []).limit
        guard htmlCount > limit else { return [SitePaths.sitemap] }
        return [SitePaths.sitemap] + (1...((htmlCount + limit - 1) / limit)).map { "sitemap-\($0).xml" }
    }
}
