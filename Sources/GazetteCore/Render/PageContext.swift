/// Builds the dictionaries templates see. Templates get view models made for them
/// (plain strings, lists and flags), never the internal model.
public struct PageContext: Sendable {
    public let site: Site
    /// What templates see as `site` on pages in each language: made once per build.
    private let siteValues: [String: SiteValues]
    /// Each language's theme words and dates.
    let languages: SiteLanguages
    private let termLinks: TermLinks
    /// Every article's list entry, made once (see `ListEntries`).
    private var entries: ListEntries?
    /// The articles' images, processed.
    let media: MediaLibrary
    let pictures: PictureMarkup
    /// Open Graph, Twitter and JSON-LD for each page's head.
    let metadata: PageMetadata

    /// `site`, with `html`: the theme's site partials (`templates/site/*.mustache`), rendered
    /// once per build with only the site in context.
    struct SiteValues: @unchecked Sendable {  // holds only strings, and lists and dictionaries of them
        var dictionary: [String: Any]
    }

    init(site: Site, theme: Theme, media: MediaLibrary = .empty, languages: SiteLanguages? = nil) {
        self.site = site
        self.media = media
        let languages = languages ?? SiteLanguages.load(site: site, theme: theme).languages
        self.languages = languages
        // Images and assets are the site's, shared by its editions: reached from its root.
        pictures = PictureMarkup(base: site.config.rootBaseURL)
        metadata = PageMetadata(site: site, media: media, pictures: pictures)
        siteValues = languages.byCode.mapValues { Self.siteValues(site: site, theme: theme, localization: $0) }
        termLinks = TermLinks(site: site, theme: theme)
        entries = ListEntries(context: self, theme: theme)
        shared = Shared(context: self)
    }

    /// This context, by reference, for the list entries (see `ArticleEntry`). It holds the
    /// context as it was before `shared` was set, which entries never need.
    final class Shared: Sendable {
        let context: PageContext
        init(context: PageContext) { self.context = context }
    }
    private var shared: Shared?

    /// `site` for pages in one language, its partials rendered in it.
    private static func siteValues(site: Site, theme: Theme, localization: Localization) -> SiteValues {
        let base = site.config.baseURL
        var values: [String: Any] = [
            "title": site.config.title,
            "language": localization.tag.code,
            "direction": localization.tag.direction,
            "t": localization.templateWords,
            "base": base.path,
            "base_url": base.string,
            "home_url": base.path,
            "feed_url": base.relative(SitePaths.feedAtom),
            "feed_json_url": base.relative(SitePaths.feedJSON),
            "archives_url": base.relative(SitePaths.archives),
            "assets": site.config.rootBaseURL.relative(SitePaths.assets),
        ]
        if !site.config.description.isEmpty { values["description"] = site.config.description }
        // The language switcher of a multilingual site: every edition's front page.
        if site.config.editions.count > 1 {
            values["editions"] = site.config.editions.map { e -> [String: Any] in
                ["name": e.name, "language": e.language.code, "direction": e.language.direction,
                 "url": site.config.rootBaseURL.relative(e.prefix), "is_current": e.prefix == site.config.editionPrefix]
            }
            values["has_editions"] = true
        }
        if site.config.search { values["search_url"] = base.relative(SitePaths.search) }
        values["nav"] = site.taxonomies.map {
            ["title": title(of: $0.config, localization.words), "url": base.relative(SitePaths.termIndex($0.config, byName: false))]
        } + [["title": localization.words.text("archive"), "url": base.relative(SitePaths.archives)]]
        var partials: [String: String] = [:]
        for name in theme.sitePartials {
            partials[String(name.dropFirst(Theme.sitePartialFolder.count))] = theme.renderEntry(["site": values], template: name)
        }
        values["html"] = partials
        return SiteValues(dictionary: values)
    }

    /// A taxonomy's title: the config's, or the theme's word for it when the config keeps
    /// the English default.
    static func title(of taxonomy: TaxonomyConfig, _ words: ThemeWords) -> String {
        taxonomy.title == TaxonomyConfig.defaults(taxonomy.kind).title ? words.text(taxonomy.kind.rawValue) : taxonomy.title
    }

    /// The site's own words and dates.
    var local: Localization { languages.site }

    func url(_ path: String) -> String { site.config.baseURL.relative(path) }

    /// What every page has: the site, its navigation, its words, and this page's own facts.
    func common(title: String, path: String, description: String? = nil, extra: [String: Any] = [:],
                language: Localization? = nil) -> [String: Any] {
        let language = language ?? local
        var page: [String: Any] = [
            "title": title,
            "url": url(path),
            "canonical": site.config.baseURL.absolute(path),
            "language": language.tag.code,
            "direction": language.tag.direction,
        ]
        if let description = description ?? site.config.description.nonEmpty, !description.isEmpty { page["description"] = description }
        for (k, v) in extra { page[k] = v }
        if page["metadata"] == nil {
            page["metadata"] = metadata.other(title: title, description: page["description"] as? String, url: page["canonical"] as! String)
        }
        let values = siteValues[language.tag.code] ?? siteValues[languages.siteLanguage]!
        return ["site": values.dictionary, "page": page, "t": language.templateWords]
    }

    /// An article as a list entry: its fields, and as `html` the theme's `article-item`
    /// partial rendered for it. Fields are looked up only when a template asks for them.
    func item(_ i: Int) -> ArticleEntry { ArticleEntry(shared: shared ?? Shared(context: self), index: i) }

    func entryHTML(_ i: Int) -> String? { entries?.html(i) }
    func relatedHTML(_ i: Int) -> String? { site.config.relatedArticles > 0 ? entries?.relatedHTML(i) : nil }

    /// What templates see as `site`, for rendering an entry outside any page.
    var siteDictionary: [String: Any] { siteValues[languages.siteLanguage]!.dictionary }

    /// One field of an article's list entry (nil when the article has none).
    func entryField(_ i: Int, _ name: String) -> Any? {
        let article = site.articles[i]
        switch name {
        case "title": return article.title
        case "url": return url(site.articlePaths[i])
        case "date_iso": return article.date.rfc3339
        case "date": return local.dates.short(article.date)
        case "summary": return article.summary
        case "byline": return article.byline
        case "section": return article.section.map { termLink(.sections, $0) }
        case "image": return thumbnail(i)
        default: return nil
        }
    }

    func termLink(_ kind: TaxonomyKind, _ name: String) -> TermLink { termLinks.link(kind, name) }

    /// A list entry's small picture: `html`, and `alt`.
    func thumbnail(_ i: Int) -> [String: Any]? {
        guard i < media.leads.count, let lead = media.leads[i] else { return nil }
        return ["html": pictures.html(lead.image, alt: lead.alt, slot: .thumbnail), "alt": lead.alt]
    }

    /// The article's lead photo at the top of its page: `html` (the picture), `alt`,
    /// `caption`, `credit`, `url`, `width`, `height` (of the largest variant).
    func leadImage(_ i: Int) -> [String: Any]? {
        guard i < media.leads.count, let lead = media.leads[i] else { return nil }
        var image: [String: Any] = ["html": pictures.html(lead.image, alt: lead.alt, slot: .article, eager: true), "alt": lead.alt]
        let largest = pictures.largest(lead.image)
        image["url"] = largest.url
        if let w = largest.width, let h = largest.height { image["width"] = w; image["height"] = h }
        if let caption = lead.caption { image["caption"] = caption }
        if let credit = site.articles[i].photoCredit { image["credit"] = credit }
        image["has_caption"] = lead.caption != nil || site.articles[i].photoCredit != nil
        return image
    }

    func pagination(_ p: Pagination, page n: Int) -> [String: Any] {
        var dict: [String: Any] = ["current": n, "total": p.pageCount, "multiple": p.pageCount > 1,
                                   "status": local.words.text("page_status", ["current": "\(n)", "total": "\(p.pageCount)"])]
        if n > 1 { dict["prev_url"] = url(p.path(ofPage: n - 1)); dict["first_url"] = url(p.path(ofPage: 1)) }
        if n < p.pageCount { dict["next_url"] = url(p.path(ofPage: n + 1)); dict["last_url"] = url(p.path(ofPage: p.pageCount)) }
        // A window of page numbers around the current one, not all 5,000 of them.
        let window = max(1, n - 3)...min(p.pageCount, n + 3)
        dict["pages"] = window.map { k -> [String: Any] in
            ["number": k, "url": url(p.path(ofPage: k)), "is_current": k == n]
        }
        return dict
    }

    // MARK: Page kinds

    public func article(_ i: Int, bodyHTML: String, related: [Int] = []) -> [String: Any] {
        let a = site.articles[i]
        let language = languages.of(a.language)
        var article: [String: Any] = [
            "title": a.title,
            "body": bodyHTML,
            "summary": a.summary,
            "date_iso": a.date.rfc3339,
            "date": language.dates.long(a.date),
            "people": a.people.map { termLink(.people, $0) },
            "countries": a.countries.map { termLink(.countries, $0) },
            "params": a.params.mapValues(\.templateValue),
        ]
        if let updated = a.updated, updated != a.date {
            article["updated_iso"] = updated.rfc3339
            article["updated"] = language.dates.long(updated)
        }
        if let v = a.byline { article["byline"] = v }
        if let v = a.source { article["source"] = v }
        if let v = a.photoCredit { article["photo_credit"] = v }
        if let image = leadImage(i) { article["image"] = image }
        if let section = a.section { article["section"] = termLink(.sections, section) }
        article["has_tags"] = !a.people.isEmpty || !a.countries.isEmpty
        article["has_people"] = !a.people.isEmpty
        article["has_countries"] = !a.countries.isEmpty
        let translations = translationLinks(i)
        article["translations"] = translations.filter { !$0.isSelf }.map(\.values)
        article["has_translations"] = translations.count > 1
        var extra: [String: Any] = ["is_article": true, "metadata": metadata.article(i)]
        if translations.count > 1 { extra["translations"] = translations.map(\.values) }
        var context = common(title: a.title, path: site.articlePaths[i], description: a.summary, extra: extra, language: language)
        context["article"] = article
        context["related"] = related.map(item)
        context["has_related"] = !related.isEmpty
        // Newer is one step towards the front of the list, older one step back.
        if i > 0 { context["next"] = ["title": site.articles[i - 1].title, "url": url(site.articlePaths[i - 1])] }
        if i + 1 < site.articles.count { context["prev"] = ["title": site.articles[i + 1].title, "url": url(site.articlePaths[i + 1])] }
        return context
    }

    /// An article and its translations, by language: what its page links to.
    func translationLinks(_ i: Int) -> [(isSelf: Bool, values: [String: Any])] {
        site.translationVersions(of: i).map { version in
            let tag = LanguageTag(version.language) ?? local.tag
            let root = site.config.rootBaseURL
            return (version.path == site.config.editionPrefix + site.articlePaths[i], [
                "language": tag.code, "direction": tag.direction, "language_name": tag.nativeName,
                "title": version.title, "url": root.relative(version.path), "canonical": root.absolute(version.path),
            ])
        }
    }

    /// "Title, page 3", in the site's words.
    func paged(_ title: String, _ n: Int) -> String {
        n == 1 ? title : local.words.text("title_page", ["title": title, "n": "\(n)"])
    }

    public func home(_ p: Pagination, page n: Int) -> [String: Any] {
        let title = paged(site.config.title, n)
        let page = metadata.home(title: title, url: site.config.baseURL.absolute(p.path(ofPage: n)), firstPage: n == 1)
        var context = common(title: title, path: p.path(ofPage: n), extra: ["is_home": n == 1, "metadata": page])
        context.list(p.range(ofPage: n).map(item))
        context["pagination"] = pagination(p, page: n)
        return context
    }

    public func term(_ taxonomy: Taxonomy, _ term: Term, _ p: Pagination, page n: Int) -> [String: Any] {
        let name = term.country.map { "\($0.flag) \(term.label)" } ?? term.label
        let title = paged(term.label, n)
        let description = local.words.plural("articles_on", count: term.articles.count, ["name": term.label])
        let tags = metadata.term(taxonomy.config.kind, term, title: title, description: description,
                                 url: site.config.baseURL.absolute(p.path(ofPage: n)), firstPage: n == 1)
        var context = common(title: title, path: p.path(ofPage: n), description: description, extra: ["metadata": tags])
        var termDict: [String: Any] = [
            "name": term.label,
            "display_name": name,
            "count": term.articles.count,
            "count_label": local.words.plural("articles", count: term.articles.count),
            "taxonomy_title": Self.title(of: taxonomy.config, local.words),
            "taxonomy_singular": taxonomy.config.singular,
            "taxonomy_url": url(SitePaths.termIndex(taxonomy.config, byName: false)),
        ]
        if taxonomy.config.feed { termDict["feed_url"] = url(SitePaths.termFeed(taxonomy.config, slug: term.slug)) }
        if let country = term.country { termDict["flag"] = country.flag; termDict["code"] = country.code }
        if n == 1, !term.articles.isEmpty, site.config.profiles {
            termDict["profile"] = profile(TermProfile(site: site, term: term, kind: taxonomy.config.kind))
        }
        context["term"] = termDict
        context.list(p.range(ofPage: n).map { item(term.articles[$0]) })
        context["pagination"] = pagination(p, page: n)
        return context
    }

    /// The coverage profile as template values.
    func profile(_ profile: TermProfile) -> [String: Any] {
        func links(_ kind: TaxonomyKind, _ counts: [TermProfile.Count]) -> [TermLink] {
            counts.map { c in
                var link = termLink(kind, c.name)
                link.count = c.count
                return link
            }
        }
        let people = links(.people, profile.people), countries = links(.countries, profile.countries)
        let sections = links(.sections, profile.sections)
        return [
            "has_timeline": profile.hasTimeline,
            "timeline_svg": profile.hasTimeline ? profile.timelineSVG(local) : "",
            "coverage_sentence": profile.sentence(local),
            "timeline_summary": profile.summary(local),
            "first_date": local.dates.short(profile.first), "first_date_iso": profile.first.rfc3339,
            "latest_date": local.dates.short(profile.latest), "latest_date_iso": profile.latest.rfc3339,
            "people": people, "has_people": !people.isEmpty,
            "countries": countries, "has_countries": !countries.isEmpty,
            "sections": sections, "has_sections": !sections.isEmpty,
        ]
    }

    public func terms(_ taxonomy: Taxonomy, sorted: [Term], byName: Bool, _ p: Pagination, page n: Int) -> [String: Any] {
        let taxonomyTitle = Self.title(of: taxonomy.config, local.words)
        var context = common(title: paged(taxonomyTitle, n), path: p.path(ofPage: n))
        context["taxonomy"] = [
            "title": taxonomyTitle,
            "count": taxonomy.terms.count,
            "count_label": local.words.text("in_all", ["count": "\(taxonomy.terms.count)"]),
            "by_count_url": url(SitePaths.termIndex(taxonomy.config, byName: false)),
            "by_name_url": url(SitePaths.termIndex(taxonomy.config, byName: true)),
            "sorted_by_name": byName,
            "is_countries": taxonomy.config.kind == .countries,
            "path": taxonomy.config.path,
        ] as [String: Any]
        context["has_terms"] = !taxonomy.terms.isEmpty
        context["terms"] = p.range(ofPage: n).map { k -> [String: Any] in
            let term = sorted[k]
            var dict: [String: Any] = ["name": term.label, "url": url(taxonomy.path(of: term)), "count": term.articles.count]
            if let country = term.country { dict["flag"] = country.flag; dict["code"] = country.code }
            return dict
        }
        context["pagination"] = pagination(p, page: n)
        if site.config.search {
            context["names_url"] = url(SearchIndexFiles.folder + "n/\(taxonomy.config.path).json")
            context["names_words"] = SearchPageWords.json(local.words, keys: SearchPageWords.nameFilterKeys)
        }
        if taxonomy.config.kind == .countries, n == 1 {
            let grid = CoverageGrid(tiles: taxonomy.terms.compactMap { term in
                term.country.map {
                    CoverageGrid.Tile(name: term.label, code: $0.code, url: url(taxonomy.path(of: term)), count: term.articles.count)
                }
            })
            let words = local.words
            let svg = grid.svg(title: words.text("articles_per_country")) { words.plural("tile_label", count: $1, ["name": $0]) }
            if !grid.tiles.isEmpty { context["grid"] = ["svg": svg, "legend": grid.legend()] }
        }
        return context
    }

    public func archive(year: YearArchive, month: MonthArchive?, _ p: Pagination, page n: Int) -> [String: Any] {
        let heading = month.map { local.dates.month($0.year, $0.month) } ?? "\(year.year)"
        var context = common(title: paged(heading, n), path: p.path(ofPage: n))
        var archive: [String: Any] = ["title": heading, "archives_url": url(SitePaths.archives)]
        archive["has_months"] = month == nil && !year.months.isEmpty
        if month != nil {
            archive["year_url"] = url(SitePaths.year(year.year))
            archive["year"] = year.year
        } else {
            archive["months"] = year.months.map { m -> [String: Any] in
                ["name": local.dates.monthName(m.month), "url": url(SitePaths.month(m.year, m.month)), "count": m.articles.count]
            }
        }
        let articles = month?.articles ?? year.articles
        context["archive"] = archive
        context.list(p.range(ofPage: n).map { item(articles[$0]) })
        context["pagination"] = pagination(p, page: n)
        return context
    }

    public func archives() -> [String: Any] {
        var context = common(title: local.words.text("archive"), path: SitePaths.archives)
        context["has_years"] = !site.years.isEmpty
        context["years"] = site.years.map { y -> [String: Any] in
            [
                "year": y.year, "url": url(SitePaths.year(y.year)), "count": y.articles.count,
                "months": y.months.map { m -> [String: Any] in
                    ["name": local.dates.monthName(m.month, short: true), "url": url(SitePaths.month(m.year, m.month)),
                     "count": m.articles.count]
                },
            ]
        }
        return context
    }

    public func notFound() -> [String: Any] {
        common(title: local.words.text("page_not_found"), path: SitePaths.notFound)
    }

    /// The search page: the script finds the index at `search.index_url`.
    public func search() -> [String: Any] {
        let words = local.words
        var context = common(title: words.text("search"), path: SitePaths.search,
                             description: words.text("search_description", ["site": site.config.title]))
        context["search"] = ["index_url": url(SearchIndexFiles.manifest), "base": site.config.baseURL.path,
                             "words": SearchPageWords.json(words)]
        return context
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A list of article entries, with the flag templates test to wrap it in `<ol>`.
    mutating func list(_ items: [ArticleEntry]) {
        self["items"] = items
        self["has_items"] = !items.isEmpty
    }
}
