/// What a page's head tells search engines and social networks: Open Graph and Twitter card
/// tags, and schema.org structured data as JSON-LD (`NewsArticle` and `BreadcrumbList` on
/// articles, `ProfilePage` on people and countries, `WebSite` with its search on the home
/// page). Everything from content is escaped for where it goes: attributes, or JSON inside
/// a script element.
struct PageMetadata: Sendable {
    let site: Site
    let media: MediaLibrary
    let pictures: PictureMarkup

    private var config: SiteConfig { site.config }
    private var publisherName: String { config.publisher ?? config.title }

    /// The publisher as an `Organization`, with its logo when `gazette.yml` names one.
    private var publisher: LinkedData {
        let logo = config.logo.map { logo -> LinkedData in
            .object([("@type", .text("ImageObject")), ("url", .text(absoluteURL(logo)))])
        }
        return .object([("@type", .text("Organization")), ("name", .text(publisherName)), ("url", .text(config.rootBaseURL.string)),
                        ("logo", logo)])
    }

    private func absoluteURL(_ reference: String) -> String {
        if ImageResolver.isRemote(reference) { return reference }
        return config.rootBaseURL.absolute(reference.hasPrefix("/") ? String(reference.dropFirst()) : reference)
    }

    private func meta(_ property: String, _ content: String, name: Bool = false) -> String {
        meta(property, escaped: Escape.markup(content), name: name)
    }

    /// A tag whose content is escaped already (a title or summary that goes in three tags is
    /// escaped once).
    private func meta(_ property: String, escaped content: String, name: Bool = false) -> String {
        "<meta \(name ? "name" : "property")=\"\(property)\" content=\"\(content)\">\n"
    }

    /// Tags every page has: its type, title, description, URL and the site's name.
    private func basic(type: String, title: String, description: String?, url: String) -> String {
        basic(type: type, escapedTitle: Escape.markup(title), escapedDescription: description.map(Escape.markup), url: url)
    }

    private func basic(type: String, escapedTitle: String, escapedDescription: String?, url: String,
                       language: String? = nil) -> String {
        var out = meta("og:type", escaped: type) + meta("og:title", escaped: escapedTitle) + meta("og:url", url)
            + meta("og:site_name", config.title)
        if let escapedDescription, !escapedDescription.isEmpty { out += meta("og:description", escaped: escapedDescription) }
        out += meta("og:locale", (language ?? config.language).replacingOccurrences(of: "-", with: "_"))
        return out
    }

    // MARK: Page kinds

    func article(_ i: Int) -> String {
        let a = site.articles[i]
        let url = config.baseURL.absolute(site.articlePaths[i])
        let title = Escape.markup(a.title), summary = Escape.markup(a.summary)
        var out = basic(type: "article", escapedTitle: title, escapedDescription: summary, url: url,
                        language: site.language(of: i))
        out += meta("article:published_time", a.date.rfc3339)
        out += meta("article:modified_time", (a.updated ?? a.date).rfc3339)
        if let section = a.section { out += meta("article:section", section) }
        for name in a.people + a.countries { out += meta("article:tag", name) }
        let lead = i < media.leads.count ? media.leads[i] : nil
        var imageURL: String?
        if let lead {
            let largest = pictures.largest(lead.image)
            imageURL = largest.url
            out += meta("og:image", largest.url)
            if let w = largest.width, let h = largest.height { out += meta("og:image:width", "\(w)") + meta("og:image:height", "\(h)") }
            if !lead.alt.isEmpty { out += meta("og:image:alt", lead.alt) }
        }
        out += meta("twitter:card", lead == nil ? "summary" : "summary_large_image", name: true)
        out += meta("twitter:title", escaped: title, name: true)
        if !a.summary.isEmpty { out += meta("twitter:description", escaped: summary, name: true) }
        if let imageURL { out += meta("twitter:image", imageURL, name: true) }
        out += newsArticle(i, url: url).scriptElement + "\n"
        out += breadcrumbs(i, url: url).scriptElement + "\n"
        return out
    }

    /// The article's images for structured data: the lead photo's largest variant with its
    /// size, then the body's.
    private func images(_ i: Int) -> [LinkedData] {
        var out: [LinkedData] = []
        if i < media.leads.count, let lead = media.leads[i] {
            let largest = pictures.largest(lead.image)
            out.append(.object([
                ("@type", .text("ImageObject")), ("url", .text(largest.url)),
                ("width", largest.width.map(LinkedData.number)), ("height", largest.height.map(LinkedData.number)),
                ("caption", lead.caption.map(LinkedData.text)),
                ("creditText", site.articles[i].photoCredit.map(LinkedData.text)),
            ]))
        }
        return out
    }

    /// Each name of a byline such as "Kim Ji-won and Lee Min-ho" or "A, B".
    static func authors(_ byline: String) -> [String] {
        var text = byline
        if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
        return text.replacingOccurrences(of: " and ", with: ",").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func newsArticle(_ i: Int, url: String) -> LinkedData {
        let a = site.articles[i]
        var authors: [LinkedData] = a.byline.map { Self.authors($0) }?.map { name in
            .object([("@type", .text("Person")), ("name", .text(name))])
        } ?? []
        if authors.isEmpty {
            authors = [.object([("@type", .text("Organization")), ("name", .text(a.source ?? publisherName))])]
        }
        var mentions: [LinkedData] = []
        if let people = site.taxonomy(.people) {
            for name in a.people {
                guard let term = people.term(named: name) else { continue }
                mentions.append(.object([("@type", .text("Person")), ("name", .text(term.label)),
                                         ("url", .text(config.baseURL.absolute(people.path(of: term))))]))
            }
        }
        if let countries = site.taxonomy(.countries) {
            for name in a.countries {
                guard let term = countries.term(named: name) else { continue }
                mentions.append(.object([("@type", .text(term.country == nil ? "Place" : "Country")), ("name", .text(term.label)),
                                         ("url", .text(config.baseURL.absolute(countries.path(of: term))))]))
            }
        }
        let images = images(i)
        return .object([
            ("@context", .text("https://schema.org")),
            ("@type", .text("NewsArticle")),
            ("headline", .text(a.title)),
            ("description", a.summary.isEmpty ? nil : .text(a.summary)),
            ("url", .text(url)),
            ("mainEntityOfPage", .text(url)),
            ("datePublished", .text(a.date.rfc3339)),
            ("dateModified", .text((a.updated ?? a.date).rfc3339)),
            ("inLanguage", .text(a.language ?? config.language)),
            ("author", .list(authors)),
            ("publisher", publisher),
            ("image", images.isEmpty ? nil : .list(images)),
            ("articleSection", a.section.map(LinkedData.text)),
            ("mentions", mentions.isEmpty ? nil : .list(mentions)),
        ])
    }

    private func breadcrumbs(_ i: Int, url: String) -> LinkedData {
        let a = site.articles[i]
        var crumbs: [(String, String)] = [(config.title, config.baseURL.string)]
        if let section = a.section, let sections = site.taxonomy(.sections), let term = sections.term(named: section) {
            crumbs.append((term.label, config.baseURL.absolute(sections.path(of: term))))
        }
        crumbs.append((a.title, url))
        return .object([
            ("@context", .text("https://schema.org")),
            ("@type", .text("BreadcrumbList")),
            ("itemListElement", .list(crumbs.enumerated().map { k, crumb in
                .object([("@type", .text("ListItem")), ("position", .number(k + 1)), ("name", .text(crumb.0)),
                         ("item", .text(crumb.1))])
            })),
        ])
    }

    func home(title: String, url: String, firstPage: Bool) -> String {
        var out = basic(type: "website", title: title, description: config.description, url: url)
        out += meta("twitter:card", "summary", name: true)
        guard firstPage else { return out }
        let search: LinkedData? = config.search ? .object([
            ("@type", .text("SearchAction")),
            ("target", .object([("@type", .text("EntryPoint")),
                                ("urlTemplate", .text(config.baseURL.absolute(SitePaths.search) + "?q={search_term_string}"))])),
            ("query-input", .text("required name=search_term_string")),
        ]) : nil
        let website = LinkedData.object([
            ("@context", .text("https://schema.org")),
            ("@type", .text("WebSite")),
            ("name", .text(config.title)),
            ("url", .text(config.baseURL.string)),
            ("description", config.description.isEmpty ? nil : .text(config.description)),
            ("inLanguage", .text(config.language)),
            ("publisher", publisher),
            ("potentialAction", search),
        ])
        return out + website.scriptElement + "\n"
    }

    /// A person's, country's or section's page: a `ProfilePage` about a `Person` or a
    /// `Country` (a section is a `CollectionPage`).
    func term(_ kind: TaxonomyKind, _ term: Term, title: String, description: String, url: String, firstPage: Bool) -> String {
        var out = basic(type: kind == .people ? "profile" : "website", title: title, description: description, url: url)
        out += meta("twitter:card", "summary", name: true)
        let about: LinkedData
        switch kind {
        case .people: about = .object([("@type", .text("Person")), ("name", .text(term.label)), ("url", .text(url))])
        case .countries:
            about = .object([("@type", .text(term.country == nil ? "Place" : "Country")), ("name", .text(term.label)),
                             ("url", .text(url)), ("identifier", term.country.map { .text($0.code) })])
        case .sections: about = .object([("@type", .text("Thing")), ("name", .text(term.label))])
        }
        // The newest article is the first listed, on the first page (whose signature has it).
        let newest = firstPage ? term.articles.first.map { site.articles[$0].date } : nil
        let page = LinkedData.object([
            ("@context", .text("https://schema.org")),
            ("@type", .text(kind == .sections ? "CollectionPage" : "ProfilePage")),
            ("name", .text(title)),
            ("url", .text(url)),
            ("description", .text(description)),
            ("inLanguage", .text(config.language)),
            (kind == .sections ? "about" : "mainEntity", about),
            ("dateModified", newest.map { .text($0.rfc3339) }),
            ("isPartOf", .object([("@type", .text("WebSite")), ("name", .text(config.title)), ("url", .text(config.baseURL.string))])),
        ])
        return out + page.scriptElement + "\n"
    }

    /// Any other page: the tags every page has.
    func other(title: String, description: String?, url: String) -> String {
        basic(type: "website", title: title, description: description, url: url) + meta("twitter:card", "summary", name: true)
    }
}
