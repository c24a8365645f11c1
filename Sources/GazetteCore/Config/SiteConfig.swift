import Foundation
import Yams

/// `gazette.yml`: what the whole site shares.
public struct SiteConfig: Sendable {
    public var title = "Gazette"
    public var description = ""
    public var baseURL = BaseURL.root
    public var language = "en"
    /// Language editions (`languages:`); empty for a site in one language.
    public var editions: [EditionConfig] = []
    /// For one edition's pages: the folder it lives in ("ko/"), and the site's own base URL,
    /// where the shared assets and images are. `baseURL` is then the edition's.
    public var editionPrefix = ""
    public var siteBaseURL: BaseURL?
    /// Where shared files (assets, images) and other editions' pages are reached from.
    public var rootBaseURL: BaseURL { siteBaseURL ?? baseURL }
    /// How titles and names outside the Latin script become slugs.
    public var slugStyle = SlugStyle.native
    public var timeZone = SiteTimeZone.utc
    public var theme = "default"
    public var perPage = 20
    public var feedLimit = 20
    public var unsafeHTML = false
    /// Write the search index and the search page.
    public var search = true
    /// Index pairs of words side by side, for phrases in quotes (a larger index, a slower build).
    public var searchPhrases = false
    /// How many related articles each article lists (0: none).
    public var relatedArticles = 5
    /// Coverage profiles (timeline, names alongside) on the first page of each person,
    /// country and section.
    public var profiles = true
    public var taxonomies: [TaxonomyConfig] = TaxonomyKind.allCases.map(TaxonomyConfig.defaults)
    public var images = ImageSettings()
    /// The publisher's logo for structured data: a site path (`/assets/logo.png`) or a URL.
    public var logo: String?
    /// The publication's name in the news sitemap (the site title unless set).
    public var publisher: String?
    /// How redirects reach readers: HTML pages at old addresses, and the hosts' own rules.
    var redirectFormats: Set<RedirectFormat> = [.html]
    /// Precompressed copies to write beside text files (none unless asked for).
    var compress: [Precompressed.Format] = []
    /// Where `gazette deploy` sends the site.
    public var deployTargets: [DeployTarget] = []

    public init() {}

    public func taxonomy(_ kind: TaxonomyKind) -> TaxonomyConfig? {
        taxonomies.first { $0.kind == kind && $0.enabled }
    }

    public var enabledTaxonomies: [TaxonomyConfig] { taxonomies.filter(\.enabled) }
}

extension SiteConfig {
    static let knownKeys: Set<String> = [
        "title", "description", "base_url", "language", "languages", "slug_style", "timezone", "theme", "per_page", "feed_limit", "unsafe_html", "search", "search_phrases",
        "related_articles", "profiles", "taxonomies",
        "images", "logo", "publisher", "redirects", "compress", "deploy",
    ]

    /// Reads `gazette.yml`. A missing file gives the defaults; every mistake in it is a
    /// diagnostic naming its line.
    public static func load(path: String) throws(GazetteError) -> SiteConfig {
        guard FileManager.default.fileExists(atPath: path) else { return SiteConfig() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw GazetteError(file: path, message: "cannot read the site config as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(GazetteError) -> SiteConfig {
        var fields = YAMLFields(yaml: text, file: file)
        var config = SiteConfig()
        if let v = fields.string("title") { config.title = v }
        if let v = fields.string("description") { config.description = v }
        if let v = fields.string("language") {
            if let tag = LanguageTag(v) { config.language = tag.code } else { fields.fail("language", LanguageTag.unknown(v)) }
        }
        if let v = fields.string("theme") { config.theme = v }
        if let node = fields.node("languages") {
            config.editions = EditionConfig.read(node, siteLanguage: config.language, fields: &fields)
        }
        if let v = fields.string("slug_style") {
            if let style = SlugStyle(rawValue: v) { config.slugStyle = style } else {
                fields.fail("slug_style", "'slug_style' is native (the title's own letters) or transliterate (Latin letters), not '\(v)'")
            }
        }
        if let v = fields.int("per_page", range: 1...1000) { config.perPage = v }
        if let v = fields.int("feed_limit", range: 1...10_000) { config.feedLimit = v }
        if let v = fields.bool("unsafe_html") { config.unsafeHTML = v }
        if let v = fields.bool("search") { config.search = v }
        if let v = fields.bool("search_phrases") { config.searchPhrases = v }
        if let v = fields.int("related_articles", range: 0...20) { config.relatedArticles = v }
        if let v = fields.bool("profiles") { config.profiles = v }
        if let v = fields.string("base_url") {
            if let url = BaseURL(v) { config.baseURL = url } else {
                fields.fail("base_url", "'base_url' must be an absolute http(s) URL such as https://example.org/archive/, not '\(v)'")
            }
        }
        if let v = fields.string("timezone") {
            if let zone = SiteTimeZone(v) { config.timeZone = zone } else {
                fields.fail("timezone", "'timezone' must be an offset such as +09:00 or a zone name such as Asia/Seoul, not '\(v)'")
            }
        }
        if let node = fields.node("images") { config.images = ImageSettings.read(node, fields: &fields) }
        if let v = fields.string("logo") { config.logo = v.nonEmpty }
        if let v = fields.string("publisher") { config.publisher = v.nonEmpty }
        if fields.node("redirects") != nil {
            var formats: Set<RedirectFormat> = []
            for name in fields.stringList("redirects", what: "format") {
                if let format = RedirectFormat(rawValue: name) { formats.insert(format) } else {
                    fields.fail("redirects", "unknown redirect format '\(name)'; the formats are html, netlify, nginx and apache")
                }
            }
            config.redirectFormats = formats
        }
        if let node = fields.node("deploy") { config.deployTargets = DeployTarget.read(node, fields: &fields) }
        if fields.node("compress") != nil {
            for name in fields.stringList("compress", what: "format") {
                if let format = Precompressed.Format(rawValue: name) {
                    if !config.compress.contains(format) { config.compress.append(format) }
                } else {
                    fields.fail("compress", "unknown compression '\(name)'; Gazette writes gzip and brotli")
                }
            }
        }
        if let node = fields.node("taxonomies") {
            config.taxonomies = readTaxonomies(node, fields: &fields)
        }
        for key in fields.keys where !knownKeys.contains(key) {
            fields.fail(key, "unknown setting '\(key)'; the settings are \(knownKeys.sorted().joined(separator: ", "))")
        }
        for edition in config.editions where config.enabledTaxonomies.contains(where: { $0.path + "/" == edition.prefix }) {
            fields.fail("languages", "the \(edition.language.code) edition's prefix '/\(edition.prefix)' is the path of a "
                + "taxonomy; give it another 'prefix:'")
        }
        if !fields.diagnostics.isEmpty { throw GazetteError(fields.diagnostics) }
        return config
    }

    /// How slugs are made for articles and names in `language`: its edition's style, or the site's.
    public func slugStyle(for language: String?) -> SlugStyle {
        editions.first { $0.language.code == (language ?? self.language) }?.slugStyle ?? slugStyle
    }

    /// The config one edition's pages are made with: its language, title and base URL.
    func edition(_ e: EditionConfig) -> SiteConfig {
        var c = self
        c.language = e.language.code
        c.title = e.title ?? title
        c.description = e.description ?? description
        c.editionPrefix = e.prefix
        c.slugStyle = e.slugStyle ?? slugStyle
        c.siteBaseURL = baseURL
        c.baseURL = baseURL.with(path: baseURL.path + e.prefix)
        return c
    }

    private static func readTaxonomies(_ node: Yams.Node, fields: inout YAMLFields) -> [TaxonomyConfig] {
        guard case .mapping = node else {
            fields.fail("taxonomies", "'taxonomies' must map people, countries and sections to their options")
            return TaxonomyKind.allCases.map(TaxonomyConfig.defaults)
        }
        let declared = YAMLFields(node: node, file: fields.file, lineOffset: fields.lineOffset)
        var result: [TaxonomyConfig] = []
        for key in declared.keys where TaxonomyKind(rawValue: key) == nil {
            fields.diagnostics.append(Diagnostic(file: fields.file, line: declared.line(ofKey: key), message: "unknown taxonomy '\(key)'; Gazette has people, countries and sections"))
        }
        for kind in TaxonomyKind.allCases {
            var taxonomy = TaxonomyConfig.defaults(kind)
            if let options = declared.node(kind.rawValue) {
                if let on = options.bool {
                    taxonomy.enabled = on
                } else {
                    var o = YAMLFields(node: options, file: fields.file, lineOffset: fields.lineOffset)
                    if let v = o.bool("enabled") { taxonomy.enabled = v }
                    if let v = o.string("path") {
                        let slug = Slug.make(v, fallback: kind.rawValue)
                        taxonomy.path = slug
                    }
                    if let v = o.string("title") { taxonomy.title = v }
                    if let v = o.string("singular") { taxonomy.singular = v }
                    if let v = o.int("per_page", range: 1...1000) { taxonomy.perPage = v }
                    if let v = o.int("index_per_page", range: 1...10_000) { taxonomy.indexPerPage = v }
                    if let v = o.bool("feed") { taxonomy.feed = v }
                    for key in o.keys where !["enabled", "path", "title", "singular", "per_page", "index_per_page", "feed"].contains(key) {
                        o.fail(key, "unknown option '\(key)' for taxonomy \(kind.rawValue)")
                    }
                    fields.diagnostics += o.diagnostics
                }
            }
            result.append(taxonomy)
        }
        let paths = result.filter(\.enabled).map(\.path)
        if Set(paths).count != paths.count {
            fields.fail("taxonomies", "two taxonomies share one path; give each its own 'path'")
        }
        return result
    }
}
