import Mustache

/// A person, country or section as templates see it: `name`, `url` (none when the name has
/// no page), `flag` and `code` for countries, `count` in coverage profiles, and `html`, the
/// theme's `term-link` partial rendered for it.
struct TermLink: MustacheParent, Sendable {
    var name: String
    var url: String?
    var country: Country?
    var html: String
    var count: Int?

    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "url": return url
        case "html": return html
        case "flag": return country?.flag
        case "code": return country?.code
        case "count": return count
        default: return nil
        }
    }
}

/// Every term's link, its `term-link` partial rendered once per build rather than on every
/// page that names the term: an article page names eight or so, and four lookups each in the
/// template cost more than the rest of its footer. Made a block of terms at a time, when first
/// asked for, so that an incremental build pays only for the terms its pages name.
struct TermLinks: Sendable {
    private let site: Site
    private let theme: Theme
    private let byTaxonomy: [OnDemandBlocks<[TermLink]>]

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        byTaxonomy = site.taxonomies.map { taxonomy in
            OnDemandBlocks(count: taxonomy.terms.count) { range in
                range.map { k in
                    let term = taxonomy.terms[k]
                    return Self.link(term.label, url: site.config.baseURL.relative(taxonomy.path(of: term)), country: term.country, theme: theme)
                }
            }
        }
    }

    /// The link for `name` in the taxonomy of `kind`; a name without a page (no such
    /// taxonomy, or not a term of it) gets a link without a URL, which the partial shows as
    /// plain text.
    func link(_ kind: TaxonomyKind, _ name: String) -> TermLink {
        if let t = site.taxonomies.firstIndex(where: { $0.config.kind == kind }), let k = site.taxonomies[t].index(ofTermNamed: name) {
            let (block, offset) = byTaxonomy[t].block(containing: k)
            return block[offset]
        }
        return Self.link(name, url: nil, country: nil, theme: theme)
    }

    private static func link(_ name: String, url: String?, country: Country?, theme: Theme) -> TermLink {
        var link = TermLink(name: name, url: url, country: country, html: "")
        link.html = theme.renderEntry(link, template: "term-link")
        return link
    }
}
