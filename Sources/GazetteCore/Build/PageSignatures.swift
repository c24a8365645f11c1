/// A stable hash per output file of everything it is rendered from: its templates, the
/// articles it shows (as lists show them), its neighbours, the terms it links to. Two
/// builds that give a page the same signature give it the same bytes, so the page is
/// not rendered again.
///
/// What every page shares (settings, the registry, build options, the program) is in the
/// cache's global hash instead; when that changes, every page is rendered.
struct PageSignatures: Sendable {
    let site: Site
    let plan: BuildPlan
    let templates: TemplateHashes
    /// Per article: what a list entry shows (title, link, date, summary, byline, section).
    let items: [UInt64]
    /// Per article: everything its own page shows, body included.
    let pages: [UInt64]
    /// Per article: what a coverage profile counts of it (its date, section and names with
    /// their links), so that a body edit does not re-render the profiles of its names.
    let profiles: [UInt64]
    /// Per article: its images (for the image entries of the sitemap).
    let images: [UInt64]

    init(site: Site, plan: BuildPlan, theme: Theme, media: MediaLibrary = .empty) {
        self.site = site
        self.plan = plan
        templates = TemplateHashes(theme.templateHashes)
        // Each article's terms with their links, from the taxonomies' own lists: no name is
        // looked up (half a million lookups at 100,000 articles).
        let people = TermLinkHashes(site.taxonomy(.people), articleCount: site.articles.count)
        let countries = TermLinkHashes(site.taxonomy(.countries), articleCount: site.articles.count)
        let sections = TermLinkHashes(site.taxonomy(.sections), articleCount: site.articles.count)
        let hashes = site.articles.indices.parallelMap { i -> (item: UInt64, page: UInt64, profile: UInt64) in
            let a = site.articles[i]
            var item = StableHash()
            item.add(a.title); item.add(site.articlePaths[i]); item.add(a.date.seconds); item.add(a.date.offset)
            item.add(a.summary); item.add(a.byline); item.add(a.section)
            item.add(i < media.leadKeys.count ? media.leadKeys[i] : 0)  // its thumbnail
            sections.add(i, to: &item)
            // Names after the registry and the archive-wide spelling merge, in the article's
            // order, then the terms they are and their links.
            var names = StableHash()
            for list in [a.people, a.countries] {
                names.add(list.count)
                for name in list { names.add(name) }
            }
            people.add(i, to: &names)
            countries.add(i, to: &names)
            var page = StableHash()
            page.add(item.value)
            page.add(a.contentHash)
            page.add(i < media.pageKeys.count ? media.pageKeys[i] : 0)  // its lead photo and body images
            page.add(a.updated?.seconds ?? -1); page.add(a.updated?.offset ?? 0)
            page.add(names.value)
            page.add(site.language(of: i))
            for version in site.translationVersions(of: i) { version.hash(into: &page) }
            var profile = StableHash()
            profile.add(a.date.seconds); profile.add(a.date.offset); profile.add(a.section)
            sections.add(i, to: &profile)
            profile.add(names.value)
            return (item.value, page.value, profile.value)
        }
        items = hashes.map(\.item)
        pages = hashes.map(\.page)
        profiles = hashes.map(\.profile)
        images = media.pageKeys.count == site.articles.count ? media.pageKeys : Array(repeating: 0, count: site.articles.count)
    }

    func signature(of job: PageJob) -> UInt64 {
        var h = StableHash()
        switch job {
        case .article(let i):
            h.add(templates.article)
            h.add(pages[i])
            if i > 0 { h.add(items[i - 1]) }  // the newer article, linked as "next"
            h.add(UInt8(9))
            if i + 1 < items.count { h.add(items[i + 1]) }
            h.add(UInt8(7))
            h.add(templates.relatedItem)
            for j in plan.related[i] { h.add(items[j]) }
        case .home(let n):
            h.add(templates.home)
            list(&h, Pagination(basePath: "", itemCount: site.articles.count, perPage: site.config.perPage), page: n) { $0 }
        case .term(let t, let k, let n):
            let taxonomy = site.taxonomies[t], term = taxonomy.terms[k]
            h.add(templates.term)
            h.add(term.name); h.add(term.label); h.add(term.slug); h.add(term.country?.code)
            if n == 1 && site.config.profiles { for i in term.articles { h.add(profiles[i]) } }  // the coverage profile
            list(&h, Pagination(basePath: taxonomy.path(of: term), itemCount: term.articles.count, perPage: taxonomy.config.perPage), page: n) { term.articles[$0] }
        case .termFeed(let t, let k):
            let term = site.taxonomies[t].terms[k]
            h.add("feed"); h.add(term.name); h.add(term.label); h.add(term.slug)
            for i in term.articles.prefix(site.config.feedLimit) { h.add(pages[i]) }
        case .terms(let t, let byName, let n):
            let taxonomy = site.taxonomies[t]
            let p = BuildPlan.termsPagination(taxonomy, byName: byName)
            let sorted = byName ? taxonomy.terms : plan.termsByCount[t]
            h.add(templates.terms); h.add(byName); h.add(n); h.add(p.pageCount); h.add(taxonomy.terms.count)
            for k in p.range(ofPage: n) {
                h.add(sorted[k].name); h.add(sorted[k].label); h.add(sorted[k].slug); h.add(sorted[k].articles.count)
                h.add(sorted[k].country?.code)
            }
            if taxonomy.config.kind == .countries, n == 1 {  // the coverage grid shows them all
                for term in taxonomy.terms {
                    h.add(term.name); h.add(term.label); h.add(term.slug); h.add(term.articles.count); h.add(term.country?.code)
                }
            }
        case .year(let y, let n):
            let year = site.years[y]
            h.add(templates.archive); h.add(year.year)
            for month in year.months { h.add(month.month); h.add(month.articles.count) }
            list(&h, Pagination(basePath: SitePaths.year(year.year), itemCount: year.articles.count, perPage: site.config.perPage), page: n) { year.articles[$0] }
        case .month(let y, let m, let n):
            let month = site.years[y].months[m]
            h.add(templates.archive); h.add(month.year); h.add(month.month)
            list(&h, Pagination(basePath: SitePaths.month(month.year, month.month), itemCount: month.articles.count, perPage: site.config.perPage), page: n) { month.articles[$0] }
        case .archives:
            h.add(templates.archives)
            for year in site.years {
                h.add(year.year); h.add(year.articles.count)
                for month in year.months { h.add(month.month); h.add(month.articles.count) }
            }
        case .notFound:
            h.add(templates.notFound)
        case .search:
            h.add(templates.search)
        }
        return h.value
    }

    /// A page of a list: its place in the pagination and the entries it shows.
    private func list(_ h: inout StableHash, _ p: Pagination, page n: Int, article: (Int) -> Int) {
        h.add(templates.articleItem)  // entries are rendered from it once, outside the page's template
        h.add(n); h.add(p.pageCount)
        for k in p.range(ofPage: n) { h.add(items[article(k)]) }
    }

    /// feed.xml and feed.json: the latest articles, whole.
    func siteFeeds() -> UInt64 {
        var h = StableHash()
        h.add("site-feeds")
        for i in site.articles.indices.prefix(site.config.feedLimit) { h.add(pages[i]) }
        return h.value
    }

    /// The search index: everything it holds comes from the articles' pages (body, list
    /// entry, names and their links), in site order.
    func searchIndex() -> UInt64 {
        var h = StableHash()
        h.add("search-index")
        h.add(SearchIndexFiles.formatVersion)
        h.add(UInt64(SearchIndex.postingLimit))
        h.add(site.config.searchPhrases)
        for page in pages { h.add(page) }
        return h.value
    }

    /// The sitemap: every HTML page's path, and each article's last change.
    func sitemap(pagePaths: some Sequence<String>) -> UInt64 {
        var h = StableHash()
        h.add("sitemap")
        for path in pagePaths { h.add(path) }
        for a in site.articles { h.add((a.updated ?? a.date).seconds) }
        for key in images { h.add(key) }
        return h.value
    }

    /// The news sitemap: the entries of the articles it lists.
    func newsSitemap(_ news: NewsSitemap) -> UInt64 {
        var h = StableHash()
        h.add("news-sitemap")
        for i in news.articles { h.add(items[i]) }
        return h.value
    }
}

/// One taxonomy's terms per article, as a hash of each term's name and link, laid out flat:
/// article i's terms are `links[starts[i]..<starts[i + 1]]`, in term order.
private struct TermLinkHashes: Sendable {
    var starts: [Int] = []
    var links: [UInt64] = []

    init(_ taxonomy: Taxonomy?, articleCount n: Int) {
        guard let taxonomy else { return }
        var counts = [Int](repeating: 0, count: n + 1)
        for term in taxonomy.terms { for i in term.articles { counts[i + 1] += 1 } }
        for i in 0..<n { counts[i + 1] += counts[i] }
        starts = counts
        links = [UInt64](repeating: 0, count: counts[n])
        var next = Array(counts.dropLast())
        for term in taxonomy.terms {
            var h = StableHash()
            h.add(term.name); h.add(term.label); h.add(term.path)
            for i in term.articles { links[next[i]] = h.value; next[i] += 1 }
        }
    }

    func add(_ article: Int, to h: inout StableHash) {
        guard !starts.isEmpty else { return }
        h.add(starts[article + 1] - starts[article])
        for k in starts[article]..<starts[article + 1] { h.add(links[k]) }
    }
}

/// The hashes of the templates pages are made from, looked up once rather than by name for
/// each of 160,000 pages.
struct TemplateHashes: Sendable {
    let article, relatedItem, articleItem, home, term, terms, archive, archives, notFound, search: UInt64

    init(_ hashes: [String: UInt64]) {
        article = hashes["article"] ?? 0; relatedItem = hashes["related-item"] ?? 0; articleItem = hashes["article-item"] ?? 0
        home = hashes["home"] ?? 0; term = hashes["term"] ?? 0; terms = hashes["terms"] ?? 0; archive = hashes["archive"] ?? 0
        archives = hashes["archives"] ?? 0; notFound = hashes["404"] ?? 0; search = hashes["search"] ?? 0
    }
}
