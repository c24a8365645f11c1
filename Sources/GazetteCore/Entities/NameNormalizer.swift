/// One spelling for each person and country across the archive: the registry's alias
/// if it has one, else the most used of the spellings that differ only in case, spaces
/// and hyphens ("Moon Jae-in", "Moon Jae In"). Countries go to their common English name.
public struct NameNormalizer: Sendable {
    private var personSpelling: [String: String] = [:]
    private let registry: EntityRegistry
    private let countries: CountryTable
    public private(set) var mergedPeople: [String: Set<String>] = [:]
    public private(set) var mergedCountries: [String: Set<String>] = [:]

    public init(articles: [Article], registry: EntityRegistry, countries: CountryTable = .shared) {
        self.registry = registry
        self.countries = countries
        var uses: [String: [String: Int]] = [:]  // key → spelling → count
        for article in articles {
            for name in article.people {
                let resolved = registry.peopleAliases[name] ?? name
                uses[PersonRecognizer.key([resolved]), default: [:]][resolved, default: 0] += 1
            }
        }
        for (_, spellings) in uses {
            let best = spellings.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            for spelling in spellings.keys { personSpelling[spelling] = best }
        }
        for article in articles {
            for name in article.people {
                guard let canonical = person(name), canonical != name else { continue }
                mergedPeople[canonical, default: []].insert(name)
            }
            for name in article.countries {
                guard let canonical = country(name), canonical != name else { continue }
                mergedCountries[canonical, default: []].insert(name)
            }
        }
    }

    /// The name to tag with, or nil when the registry says never.
    public func person(_ name: String) -> String? {
        guard let resolved = registry.person(name) else { return nil }
        return personSpelling[resolved] ?? resolved
    }

    public func country(_ name: String) -> String? {
        guard let resolved = registry.country(name) else { return nil }
        return countries.country(named: resolved)?.name ?? resolved
    }
}
