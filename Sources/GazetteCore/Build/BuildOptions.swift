import Foundation

/// What `gazette build` was asked to do.
public struct BuildOptions: Sendable {
    /// The folder holding `gazette.yml`, `content/`, and optionally `templates/`, `Themes/`, `assets/`.
    public var siteRoot: String
    public var output: String
    /// Overrides the config's theme.
    public var theme: String?
    /// Overrides the config's base URL.
    public var baseURL: BaseURL?
    public var filter: PublishFilter
    /// Folders with installed themes, searched after the site's own `Themes/`.
    public var themeSearchPaths: [String]
    /// Ignore the cache and write a whole new output folder (removing anything else in it).
    public var clean = false
    /// Set by `gazette build`, whose process ends right after the build: the archive's
    /// metadata, graph and cache are then left for the system to reclaim with the process
    /// instead of being freed object by object, which took a tenth of a second at 100,000
    /// articles. (The preview server, which builds again and again, leaves it off.)
    public var processEndsAfterBuild = false

    public init(siteRoot: String, output: String? = nil, theme: String? = nil, baseURL: BaseURL? = nil,
                filter: PublishFilter = PublishFilter(), themeSearchPaths: [String] = []) {
        self.siteRoot = siteRoot
        self.output = output ?? siteRoot + "/public"
        self.theme = theme
        self.baseURL = baseURL
        self.filter = filter
        self.themeSearchPaths = themeSearchPaths
    }

    public var configFile: String { siteRoot + "/gazette.yml" }
    public var contentDirectory: String { siteRoot + "/content" }
}

/// What a build did, for its one closing line.
public struct BuildReport: Sendable {
    public var articles: Int
    /// Files the site has.
    public var files: Int
    /// Files this build wrote (new or changed), and files it removed.
    public var writtenPaths: [String]
    public var removedPaths: [String]
    public var people: Int
    public var countries: Int
    public var skippedDrafts: Int
    public var skippedFuture: Int
    public var seconds: Double
    /// Wall time of each stage, in order (`gazette build --timings`).
    public var phases: [(name: String, seconds: Double)] = []
    /// What the build did but the user may not have meant (a country no table knows).
    public var warnings: [Diagnostic] = []
    /// Old addresses of articles whose URL changed in this build, now redirected and added
    /// to `redirects.yml`.
    public var redirectsAdded: [String] = []
    /// Why the theme rendered through swift-mustache instead of its compiled plan, when it
    /// did (`--timings` says so: such a build is slower).
    public var slowTemplates: String?

    public var summary: String {
        let removed = removedPaths.isEmpty ? "" : ", \(removedPaths.count) removed"
        var line = "Built \(articles == 1 ? "1 article" : "\(articles) articles") into \(files) files (\(people) people, \(countries) countries): \(writtenPaths.count) written, \(files - writtenPaths.count) left alone\(removed), in \(String(format: "%.2f", seconds)) s"
        var left: [String] = []
        if skippedDrafts > 0 { left.append(skippedDrafts == 1 ? "1 draft" : "\(skippedDrafts) drafts") }
        if skippedFuture > 0 { left.append("\(skippedFuture) embargoed") }
        if !left.isEmpty { line += "; left out \(left.joined(separator: " and "))" }
        if !redirectsAdded.isEmpty {
            let n = redirectsAdded.count
            line += "; \(n == 1 ? "1 article" : "\(n) articles") moved: \(n == 1 ? "its old URL redirects" : "their old URLs redirect")"
                + " to the new, as redirects.yml now says (commit it with the change)"
        }
        return line
    }
}
