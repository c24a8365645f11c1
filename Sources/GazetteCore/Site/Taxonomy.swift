/// One value of a taxonomy ("Moon Jae-in" among people) and the articles that carry it.
public struct Term: Sendable {
    public var name: String
    public var slug: String
    /// Site-relative path of the term's page: made once, since every page that names the
    /// term links to it.
    public var path: String
    /// Indexes into `Site.articles`, newest first.
    public var articles: [Int]
    /// For countries: the ISO record, when the name is a known country.
    public var country: Country?
    /// The name readers see: a country's name in the site's language (from CLDR), else
    /// the name itself, which stays the key every article tags with.
    public var label: String

    public init(name: String, slug: String, path: String, articles: [Int], country: Country?, label: String? = nil) {
        self.name = name
        self.slug = slug
        self.path = path
        self.articles = articles
        self.country = country
        self.label = label ?? name
    }
}

/// A taxonomy with all its terms, sorted by name.
public struct Taxonomy: Sendable {
    public var config: TaxonomyConfig
    public var terms: [Term]
    private var indexByName: [String: Int]

    init(config: TaxonomyConfig, terms: [Term]) {
        self.config = config
        self.terms = terms
        var indexByName: [String: Int] = [:]
        for (i, term) in terms.enumerated() { indexByName[term.name] = i }
        self.indexByName = indexByName
    }

    public func term(named name: String) -> Term? {
        indexByName[name].map { terms[$0] }
    }

    /// Where the term called `name` is in `terms`.
    public func index(ofTermNamed name: String) -> Int? { indexByName[name] }

    public func path(of term: Term) -> String { term.path }

    /// Terms with the most articles first; ties by name.
    public var termsByCount: [Term] {
        terms.sorted { $0.articles.count != $1.articles.count ? $0.articles.count > $1.articles.count : $0.name < $1.name }
    }
}

/// Articles of one year, and of each of its months.
public struct YearArchive: Sendable {
    public var year: Int
    public var articles: [Int]
    public var months: [MonthArchive]
}

public struct MonthArchive: Sendable {
    public var year: Int
    public var month: Int
    public var articles: [Int]
}
