/// One output file to render. The plan is a flat list of these, rendered in parallel.
enum PageJob: Sendable {
    case article(Int)
    case home(page: Int)
    case term(taxonomy: Int, term: Int, page: Int)
    case termFeed(taxonomy: Int, term: Int)
    case terms(taxonomy: Int, byName: Bool, page: Int)
    case year(Int, page: Int)
    case month(year: Int, month: Int, page: Int)
    case archives
    case notFound
    case search
}

/// Everything a build writes, decided before anything is rendered.
struct BuildPlan: Sendable {
    var jobs: [PageJob] = []
    /// Term lists sorted by count, per taxonomy (computed once, used by every index page).
    var termsByCount: [[Term]] = []
    /// Related articles of each article.
    var related: [[Int]] = []
    /// A hash of everything `related` is computed from.
    var relatedInputs: UInt64 = 0

    /// - Parameter previous: the last build's related articles and the hash of their inputs;
    ///   used as they are when the inputs are the same (a body edit changes none of them).
    init(site: Site, previous: (inputs: UInt64, related: [[Int]])? = nil) {
        let c = site.config
        relatedInputs = RelatedArticles.inputs(site: site, limit: c.relatedArticles)
        if let previous, previous.inputs == relatedInputs, previous.related.count == site.articles.count {
            related = previous.related
        } else {
            related = c.relatedArticles > 0 ? RelatedArticles.compute(site: site, limit: c.relatedArticles)
                : Array(repeating: [], count: site.articles.count)
        }
        jobs = site.articles.indices.map(PageJob.article)
        let home = Pagination(basePath: "", itemCount: site.articles.count, perPage: c.perPage)
        jobs += (1...home.pageCount).map { PageJob.home(page: $0) }
        for (t, taxonomy) in site.taxonomies.enumerated() {
            termsByCount.append(taxonomy.termsByCount)
            for (k, term) in taxonomy.terms.enumerated() {
                let p = Pagination(basePath: taxonomy.path(of: term), itemCount: term.articles.count, perPage: taxonomy.config.perPage)
                jobs += (1...p.pageCount).map { PageJob.term(taxonomy: t, term: k, page: $0) }
                if taxonomy.config.feed { jobs.append(.termFeed(taxonomy: t, term: k)) }
            }
            for byName in [false, true] {
                let p = Self.termsPagination(taxonomy, byName: byName)
                jobs += (1...p.pageCount).map { PageJob.terms(taxonomy: t, byName: byName, page: $0) }
            }
        }
        for (y, year) in site.years.enumerated() {
            let p = Pagination(basePath: SitePaths.year(year.year), itemCount: year.articles.count, perPage: c.perPage)
            jobs += (1...p.pageCount).map { PageJob.year(y, page: $0) }
            for (m, month) in year.months.enumerated() {
                let p = Pagination(basePath: SitePaths.month(month.year, month.month), itemCount: month.articles.count, perPage: c.perPage)
                jobs += (1...p.pageCount).map { PageJob.month(year: y, month: m, page: $0) }
            }
        }
        jobs += [.archives, .notFound]
        if c.search { jobs.append(.search) }
        jobs = Self.interleaved(jobs, articleCount: site.articles.count)
    }

    /// Article pages (Markdown, parsed under cmark-gfm's lock) alternate with list pages
    /// (templates only), so while one core holds the lock the other has work that does not
    /// need it. The order changes nothing in the output.
    static func interleaved(_ jobs: [PageJob], articleCount: Int) -> [PageJob] {
        let articles = jobs[..<articleCount], others = jobs[articleCount...]
        guard !others.isEmpty else { return jobs }
        var out: [PageJob] = []
        out.reserveCapacity(jobs.count)
        var a = articles.startIndex, o = others.startIndex
        let ratio = max(1, Double(articles.count) / Double(others.count))
        var credit = 0.0
        while a < articles.endIndex || o < others.endIndex {
            credit += ratio
            while credit >= 1, a < articles.endIndex { out.append(articles[a]); a += 1; credit -= 1 }
            if o < others.endIndex { out.append(others[o]); o += 1 }
            if o == others.endIndex { out += articles[a...]; a = articles.endIndex }
        }
        return out
    }

    static func termsPagination(_ taxonomy: Taxonomy, byName: Bool) -> Pagination {
        Pagination(basePath: SitePaths.termIndex(taxonomy.config, byName: byName), itemCount: taxonomy.terms.count, perPage: taxonomy.config.indexPerPage)
    }
}
