import Foundation

/// The people and countries of a whole archive, with how often each is tagged and the
/// spellings that were merged into it, for `gazette entities`.
public struct EntityCensus: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var count: Int
        /// Other spellings folded into `name`, by the registry's aliases or as variants of
        /// one name ("Moon Jae In" and "Moon Jae-in").
        public var merged: [String]
    }

    public var people: [Entry]
    public var countries: [Entry]

    public static func take(siteRoot: String) throws(GazetteError) -> EntityCensus {
        let config = try SiteConfig.load(path: siteRoot + "/gazette.yml")
        let registry = try EntityRegistry.load(path: siteRoot + "/entities.yml")
        let content = ContentLoader(contentDirectory: siteRoot + "/content", parser: ArticleParser(config: config))
            .load(filter: PublishFilter(drafts: true, future: true))
        if !content.diagnostics.isEmpty { throw GazetteError(content.diagnostics) }
        return EntityCensus(articles: content.articles, registry: registry)
    }

    public init(articles: [Article], registry: EntityRegistry, countries: CountryTable = .shared) {
        let names = NameNormalizer(articles: articles, registry: registry, countries: countries)
        func entries(_ counts: [String: Int], _ merged: [String: Set<String>]) -> [Entry] {
            counts.map { Entry(name: $0.key, count: $0.value, merged: (merged[$0.key] ?? []).sorted()) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        }
        var peopleCounts: [String: Int] = [:], countryCounts: [String: Int] = [:]
        for article in articles {
            for name in Set(article.people.compactMap(names.person)) { peopleCounts[name, default: 0] += 1 }
            for name in Set(article.countries.compactMap(names.country)) { countryCounts[name, default: 0] += 1 }
        }
        people = entries(peopleCounts, names.mergedPeople)
        self.countries = entries(countryCounts, names.mergedCountries)
    }

    public func report(only: TaxonomyKind? = nil) -> String {
        var lines: [String] = []
        func section(_ title: String, _ entries: [Entry]) {
            lines.append("\(title) (\(entries.count))")
            for e in entries {
                lines.append("  \(String(repeating: " ", count: max(0, 6 - String(e.count).count)))\(e.count)  \(e.name)" + (e.merged.isEmpty ? "" : "  (merged: \(e.merged.joined(separator: ", ")))"))
            }
        }
        if only != .countries { section("People", people) }
        if only == nil { lines.append("") }
        if only != .people { section("Countries", countries) }
        return lines.joined(separator: "\n")
    }
}
