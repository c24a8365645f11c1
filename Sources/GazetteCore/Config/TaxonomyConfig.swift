/// The three ways Gazette groups articles besides time.
public enum TaxonomyKind: String, Sendable, CaseIterable, Hashable {
    case people, countries, sections
}

/// One taxonomy as the site config declares it.
public struct TaxonomyConfig: Sendable, Hashable {
    public var kind: TaxonomyKind
    public var enabled: Bool
    /// URL segment: `/people/<slug>/`.
    public var path: String
    /// Plural heading: "People".
    public var title: String
    /// Singular label: "Person".
    public var singular: String
    /// Articles per page on a term's page.
    public var perPage: Int
    /// Terms per page on the index of all terms.
    public var indexPerPage: Int
    /// Whether each term has its own Atom feed.
    public var feed: Bool

    public static func defaults(_ kind: TaxonomyKind) -> TaxonomyConfig {
        switch kind {
        case .people:
            return .init(kind: kind, enabled: true, path: "people", title: "People", singular: "Person", perPage: 20, indexPerPage: 200, feed: true)
        case .countries:
            return .init(kind: kind, enabled: true, path: "countries", title: "Countries", singular: "Country", perPage: 20, indexPerPage: 200, feed: true)
        case .sections:
            return .init(kind: kind, enabled: true, path: "sections", title: "Sections", singular: "Section", perPage: 20, indexPerPage: 200, feed: true)
        }
    }
}
