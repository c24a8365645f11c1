/// The whole site as a graph: articles in time order, taxonomies and date archives,
/// each article's URL. Built once from the loaded content; every page is rendered from it.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Newest first; ties broken by file path so the order is stable.
    public var articles: [Article]
    /// Site-relative path of each article, parallel to `articles`.
    public var articlePaths: [String]
    public var taxonomies: [Taxonomy]
    /// Newest year first; months newest first.
    public var years: [YearArchive]
    /// For each article with translations (`translation_key:`), every version, itself
    /// included, by language: the one value its page is rendered from and its signature is
    /// hashed from. Paths are from the site's root (another edition's prefix included).
    public var translations: [Int: [TranslationVersion]] = [:]

    /// An article's language: its own, or the site's.
    public func language(of i: Int) -> String { articles[i].language ?? config.language }

    public func translationVersions(of i: Int) -> [TranslationVersion] { translations[i] ?? [] }

    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy? {
        taxonomies.first { $0.config.kind == kind }
    }

    /// Names of one article in one taxonomy: its people, its countries, its section.
    static func names(of article: Article, in kind: TaxonomyKind) -> [String] {
        switch kind {
        case .people: return article.people
        case .countries: return article.countries
        case .sections: return article.section.map { [$0] } ?? []
        }
    }
}

/// One language's version of an article, as the others link to it.
public struct TranslationVersion: Sendable, Equatable {
    public var language: String
    public var title: String
    public var path: String

    func hash(into h: inout StableHash) { h.add(language); h.add(title); h.add(path) }
}

extension Site {
    /// Builds the graph. Fails, naming both files, when two articles claim one URL.
    /// `personLabels`: how an edition writes a person whose pages are joined under another
    /// spelling (`Yoon Suk Yeol` shown as `윤석열` in a Korean edition).
    public init(config: SiteConfig, articles unsorted: [Article], countries: CountryTable = .shared,
                personLabels: [String: String] = [:]) throws(GazetteError) {
        self.config = config
        // Newest first, then by file. Sorted as numbers beside the articles: comparing through
        // each article's fields was a sixth of building the site graph.
        let instants = unsorted.map(\.date.seconds)
        let order = unsorted.indices.sorted { instants[$0] != instants[$1] ? instants[$0] > instants[$1] : unsorted[$0].file < unsorted[$1].file }
        let articles = order.map { unsorted[$0] }
        self.articles = articles

        let paths = articles.parallelMap { SitePaths.article($0, slug: $0.slug) }
        var diagnostics = Self.sharedPaths(paths).map { i, other in
            Diagnostic(file: articles[i].file, message: "claims the URL /\(paths[i]), as \(articles[other].file) does; give one of them its own 'slug:'")
        }
        let (groups, conflicts) = Self.translationGroups(articles, siteLanguage: config.language)
        diagnostics += conflicts
        if !diagnostics.isEmpty { throw GazetteError(diagnostics) }
        articlePaths = paths
        for group in groups {
            let versions = group.map { j in
                TranslationVersion(language: articles[j].language ?? config.language, title: articles[j].title,
                                   path: config.editionPrefix + paths[j])
            }.sorted { $0.language < $1.language }
            for j in group { translations[j] = versions }
        }

        taxonomies = config.enabledTaxonomies.map {
            Self.taxonomy($0, articles: articles, countries: countries, slugs: config.slugStyle, language: config.language,
                          personLabels: personLabels)
        }
        years = Self.archives(articles)
    }

    /// The groups of two or more articles that share a translation key; an error for two
    /// articles of one language that claim the same key.
    static func translationGroups(_ articles: [Article], siteLanguage: String) -> ([[Int]], [Diagnostic]) {
        var groups: [String: [Int]] = [:]
        for (i, article) in articles.enumerated() {
            if let key = article.translationKey { groups[key, default: []].append(i) }
        }
        var out: [[Int]] = []
        var diagnostics: [Diagnostic] = []
        for key in groups.keys.sorted() {
            let members = groups[key]!
            guard members.count > 1 else { continue }
            let language = { (i: Int) in articles[i].language ?? siteLanguage }
            var seen: [String: Int] = [:]
            for i in members.sorted(by: { articles[$0].file < articles[$1].file }) {
                if let other = seen[language(i)] {
                    diagnostics.append(Diagnostic(file: articles[i].file, message: "shares the translation key '\(key)' with \(articles[other].file), which is in the same language (\(language(i))); give one of them another 'translation_key:' or 'language:'"))
                } else {
                    seen[language(i)] = i
                }
            }
            out.append(members)
        }
        return (out, diagnostics)
    }

    /// (article, earlier article) for each article whose path an earlier one has. Paths are
    /// told apart by a 64-bit hash first, and compared whole only when two hashes meet:
    /// a dictionary of 100,000 path strings was a tenth of a rebuild's time.
    static func sharedPaths(_ paths: [String]) -> [(Int, Int)] {
        let hashes = paths.parallelMap { StableHash.of($0) }
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(paths.count)
        var colliding: [String: Int] = [:]  // paths whose hash another path had first
        var shared: [(Int, Int)] = []
        for (i, hash) in hashes.enumerated() {
            guard let j = first[hash] else { first[hash] = i; continue }
            if paths[j] == paths[i] { shared.append((i, j)) }
            else if let k = colliding[paths[i]] { shared.append((i, k)) }
            else { colliding[paths[i]] = i }
        }
        return shared
    }

    private static func taxonomy(_ config: TaxonomyConfig, articles: [Article], countries: CountryTable, slugs style: SlugStyle,
                                 language: String, personLabels: [String: String]) -> Taxonomy {
        // Each core groups its own run of articles; runs are joined in order, so every
        // term's articles stay newest first.
        let runs = ProcessorCount.runs(of: articles.count, minimumRun: 4096).parallelMap { run -> [String: [Int]] in
            var members: [String: [Int]] = [:]
            for i in run {
                for name in names(of: articles[i], in: config.kind) { members[name, default: []].append(i) }
            }
            return members
        }
        var members = runs[0]
        for run in runs.dropFirst() {
            for (name, list) in run { members[name, default: []] += list }
        }
        var slugs = SlugAllocator(reserved: SitePaths.reservedTermSlugs, style: style)
        let terms = members.keys.sorted().map { name -> Term in
            let slug = slugs.slug(for: name, fallback: config.kind == .people ? "person" : "term")
            let country = config.kind == .countries ? countries.country(named: name) : nil
            return Term(name: name, slug: slug, path: SitePaths.term(config, slug: slug), articles: members[name]!,
                        country: country, label: country.flatMap { LocalizedCountryNames.label(of: $0, language: language) }
                            ?? (config.kind == .people ? personLabels[name] : nil))
        }
        return Taxonomy(config: config, terms: terms)
    }

    /// Years and months by each article's own local date. Articles come newest first by
    /// instant; with mixed offsets two local dates can cross, so group, then sort.
    private static func archives(_ articles: [Article]) -> [YearArchive] {
        var byMonth: [Int: [Int]] = [:]  // year * 100 + month → articles
        for (i, article) in articles.enumerated() {
            let t = article.date.local
            byMonth[t.year * 100 + t.month, default: []].append(i)
        }
        var years: [YearArchive] = []
        for key in byMonth.keys.sorted(by: >) {
            let year = key / 100
            let month = MonthArchive(year: year, month: key % 100, articles: byMonth[key]!)
            if years.last?.year != year { years.append(YearArchive(year: year, articles: [], months: [])) }
            years[years.count - 1].months.append(month)
        }
        for y in years.indices {
            years[y].articles = years[y].months.flatMap(\.articles).sorted()
        }
        return years
    }
}
