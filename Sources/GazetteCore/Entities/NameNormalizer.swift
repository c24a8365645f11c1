/// One spelling for each person and country across the archive: the registry's alias
/// if it has one, else the most used of the spellings that differ only in case, spaces
/// and hyphens ("Moon Jae-in", "Moon Jae In"). Countries go to their common English name.
public struct NameNormalizer: Sendable {
    private var personSpelling: [String: String] = [:]
    /// Every name seen, already resolved: an archive mentions a few thousand names hundreds
    /// of thousands of times, so each is worked out once.
    private var resolvedPeople: [String: String?] = [:]
    private var resolvedCountries: [String: String?] = [:]
    private let registry: EntityRegistry
    private let countries: CountryTable
    public private(set) var mergedPeople: [String: Set<String>] = [:]
    public private(set) var mergedCountries: [String: Set<String>] = [:]

    public init(articles: [Article], registry: EntityRegistry, countries: CountryTable = .shared) {
        self.registry = registry
        self.countries = countries
        // Counted by each core over its own run of articles, then added up.
        let runs = ProcessorCount.runs(of: articles.count, minimumRun: 4096).parallelMap { run -> ([String: Int], Set<String>) in
            var mentions: [String: Int] = [:]
            var countryNames = Set<String>()
            for article in articles[run] {
                for name in article.people { mentions[name, default: 0] += 1 }
                for name in article.countries { countryNames.insert(name) }
            }
            return (mentions, countryNames)
        }
        var (mentions, countryNames) = runs[0]
        for (more, names) in runs.dropFirst() {
            mentions.merge(more, uniquingKeysWith: +)
            countryNames.formUnion(names)
        }
        var uses: [String: [String: Int]] = [:]  // key → spelling → count
        for (name, count) in mentions {
            let resolved = registry.peopleAliases[name] ?? name
            uses[PersonRecognizer.key([resolved]), default: [:]][resolved, default: 0] += count
        }
        for (_, spellings) in uses {
            let best = spellings.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            for spelling in spellings.keys { personSpelling[spelling] = best }
        }
        for name in mentions.keys {
            let canonical = registry.person(name).map { personSpelling[$0] ?? $0 }
            resolvedPeople[name] = canonical
            if let canonical, canonical != name { mergedPeople[canonical, default: []].insert(name) }
        }
        for name in countryNames {
            let canonical = registry.country(name).map { countries.country(named: $0)?.name ?? $0 }
            resolvedCountries[name] = canonical
            if let canonical, canonical != name { mergedCountries[canonical, default: []].insert(name) }
        }
        peopleStay = resolvedPeople.allSatisfy { $0.value == $0.key }
        countriesStay = resolvedCountries.allSatisfy { $0.value == $0.key }
    }

    /// True when every person (country) named in the archive keeps its name: then an
    /// article's list changes only if it names someone twice, and no name is looked up.
    private var peopleStay = false, countriesStay = false

    /// The name to tag with, or nil when the registry says never.
    public func person(_ name: String) -> String? {
        if let known = resolvedPeople[name] { return known }
        guard let resolved = registry.person(name) else { return nil }
        return personSpelling[resolved] ?? resolved
    }

    public func country(_ name: String) -> String? {
        if let known = resolvedCountries[name] { return known }
        guard let resolved = registry.country(name) else { return nil }
        return countries.country(named: resolved)?.name ?? resolved
    }

    /// An article's people as tagged: each name resolved, those the registry refuses dropped,
    /// duplicates after merging removed; nil when that leaves the list as it was, which is
    /// nearly always, so the article need not change.
    public func people(_ names: [String]) -> [String]? {
        peopleStay ? Self.withoutRepeats(names) : normalized(names, person)
    }

    /// An article's countries as tagged; nil when unchanged.
    public func countries(_ names: [String]) -> [String]? {
        countriesStay ? Self.withoutRepeats(names) : normalized(names, country)
    }

    /// The list without its repeats, or nil when it has none (lists are a few names long).
    private static func withoutRepeats(_ names: [String]) -> [String]? {
        for k in names.indices.dropFirst() where names[..<k].contains(names[k]) { return names.uniqued() }
        return nil
    }

    private func normalized(_ names: [String], _ resolve: (String) -> String?) -> [String]? {
        var out: [String]? = nil
        for (k, name) in names.enumerated() {
            let resolved = resolve(name)
            if out == nil, resolved == name, !names[..<k].contains(name) { continue }
            if out == nil { out = Array(names[..<k]) }
            if let resolved, !out!.contains(resolved) { out!.append(resolved) }
        }
        return out
    }
}
