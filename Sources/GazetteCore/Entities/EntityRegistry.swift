import Foundation

/// `entities.yml` beside `gazette.yml`: the editors' word on people and countries.
/// Import and build both apply it, so one fix there fixes every page.
///
///     aliases:
///       people:
///         Yoon Seok-youl: Yoon Suk Yeol
///       countries:
///         Burma: Myanmar
///     never:
///       people: [Kim Chi]
///     add:
///       people: [Madonna]
public struct EntityRegistry: Sendable, Equatable {
    public var peopleAliases: [String: String] = [:]
    public var countryAliases: [String: String] = [:]
    public var neverPeople: Set<String> = []
    public var neverCountries: Set<String> = []
    /// Names to tag wherever they appear in an article's text, evidence or not.
    public var addPeople: [String] = []
    public var addCountries: [String] = []

    public init() {}

    public static func load(path: String) throws(GazetteError) -> EntityRegistry {
        guard let data = FileManager.default.contents(atPath: path) else { return EntityRegistry() }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GazetteError(file: path, message: "cannot read the entity registry as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file path: String) throws(GazetteError) -> EntityRegistry {
        var fields = YAMLFields(yaml: text, file: path)
        var registry = EntityRegistry()
        for key in fields.keys where !["aliases", "never", "add"].contains(key) {
            fields.fail(key, "unknown section '\(key)'; entities.yml has aliases, never and add")
        }
        if let node = fields.node("aliases") {
            var aliases = YAMLFields(node: node, file: path, lineOffset: 0)
            registry.peopleAliases = aliases.stringMap("people")
            registry.countryAliases = aliases.stringMap("countries")
            fields.diagnostics += aliases.diagnostics
        }
        if let node = fields.node("never") {
            var never = YAMLFields(node: node, file: path, lineOffset: 0)
            registry.neverPeople = Set(never.stringList("people", what: "name"))
            registry.neverCountries = Set(never.stringList("countries", what: "name"))
            fields.diagnostics += never.diagnostics
        }
        if let node = fields.node("add") {
            var add = YAMLFields(node: node, file: path, lineOffset: 0)
            registry.addPeople = add.stringList("people", what: "name")
            registry.addCountries = add.stringList("countries", what: "name")
            fields.diagnostics += add.diagnostics
        }
        if !fields.diagnostics.isEmpty { throw GazetteError(fields.diagnostics) }
        return registry
    }

    /// A person's name after the registry: its preferred spelling, or nil if never tagged.
    public func person(_ name: String) -> String? {
        let resolved = peopleAliases[name] ?? name
        return neverPeople.contains(name) || neverPeople.contains(resolved) ? nil : resolved
    }

    public func country(_ name: String) -> String? {
        let resolved = countryAliases[name] ?? name
        return neverCountries.contains(name) || neverCountries.contains(resolved) ? nil : resolved
    }

    /// Applies the registry to recognised names, adding the `add` names found in `text`.
    public func apply(people: [String], countries: [String], text: String) -> (people: [String], countries: [String]) {
        var p = people.compactMap(person)
        for name in addPeople where text.contains(name) { p.append(person(name) ?? name) }
        var c = countries.compactMap(country)
        for name in addCountries where text.contains(name) { c.append(country(name) ?? name) }
        return (p.uniqued(), c.uniqued())
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension YAMLFields {
    /// A mapping of strings to strings ("Yoon Seok-youl: Yoon Suk Yeol").
    mutating func stringMap(_ key: String) -> [String: String] {
        guard let node = node(key) else { return [:] }
        guard case .mapping(let mapping) = node else {
            fail(key, "'\(key)' must map spellings to names, one 'Old Name: New Name' per line")
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in mapping {
            if let from = k.string, let to = v.string { out[from] = to }
        }
        return out
    }
}
