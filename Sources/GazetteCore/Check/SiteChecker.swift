import Foundation

/// `gazette check`: reads a built site and finds what would fail a reader: internal links,
/// images and assets that lead nowhere, `#fragments` no element has, links to articles left
/// out as drafts or embargoed, redirects that lead to other redirects. Every HTML page is
/// read in parallel; the targets of fragments are read once each.
public struct SiteChecker: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The page, site-relative.
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link): \(reason)" }
    }

    public struct Report: Sendable {
        public var pages: Int
        public var links: Int
        public var problems: [Problem]
    }

    let root: String
    let base: BaseURL
    /// Site paths of articles that exist but are not published (drafts, embargoed), with
    /// their files, for a clearer message than "missing".
    let unpublished: [String: String]

    public init(output: String, base: BaseURL, unpublished: [String: String] = [:]) {
        root = output.hasSuffix("/") ? String(output.dropLast()) : output
        self.base = base
        self.unpublished = unpublished
    }

    /// The pages, site and draft paths of a site folder as `gazette build` sees them.
    public init(options: BuildOptions) throws(GazetteError) {
        var config = try SiteConfig.load(path: options.configFile)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        var everything = options.filter
        everything.drafts = true
        everything.future = true
        let parser = ArticleParser(dates: DateParser(zone: config.timeZone))
        let loaded = ContentLoader(contentDirectory: options.contentDirectory, parser: parser).load(filter: everything)
        let now = Int64(options.filter.now.timeIntervalSince1970)
        var unpublished: [String: String] = [:]
        for article in loaded.articles where (article.draft && !options.filter.drafts)
            || (article.date.seconds > now && !options.filter.future) {
            unpublished[SitePaths.article(article, slug: article.slug)] = article.file
        }
        self.init(output: options.output, base: config.baseURL, unpublished: unpublished)
    }

    private struct Scanned: Sendable {
        var page: String
        var links: [String]
        var ids: Set<String>
        var refresh: String?
    }

    public func run() throws(GazetteError) -> Report {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw GazetteError(file: root, message: "no built site here; run gazette build first")
        }
        let files = SiteBuilder.filesBelow(root)
        let pages = files.filter { $0.hasSuffix(".html") }.sorted()
        let scanned = pages.parallelMap { page -> Scanned in
            let bytes = FileManager.default.contents(atPath: root + "/" + page).map { [UInt8]($0) } ?? []
            let links = PageLinks(html: bytes)
            return Scanned(page: page, links: links.links, ids: links.ids, refresh: links.refresh)
        }
        // Redirect page → the file it leads to; page → its ids.
        let redirects = Dictionary(uniqueKeysWithValues: scanned.compactMap { s -> (String, String)? in
            guard let target = s.refresh, let file = resolve(target, from: s.page)?.file else { return nil }
            return (s.page, file)
        })
        let idsOf = Dictionary(uniqueKeysWithValues: scanned.filter { $0.refresh == nil }.map { ($0.page, $0.ids) })
        let found = scanned.parallelMap { s -> [Problem] in
            var problems: [Problem] = []
            var seen = Set<String>()
            for link in s.links where seen.insert(link).inserted {
                if let reason = problem(link, on: s.page, files: files, idsOf: idsOf, ownIDs: s.ids) {
                    problems.append(Problem(page: s.page, link: link, reason: reason))
                }
            }
            if let target = s.refresh, let file = redirects[s.page], redirects[file] != nil {
                problems.append(Problem(page: s.page, link: target, reason: "redirects to another redirect (\(file)); lead it to the page itself"))
            }
            return problems
        }
        return Report(pages: pages.count, links: scanned.reduce(0) { $0 + $1.links.count }, problems: found.flatMap { $0 })
    }

    /// What is wrong with one link of a page, or nil.
    private func problem(_ link: String, on page: String, files: Set<String>, idsOf: [String: Set<String>], ownIDs: Set<String>) -> String? {
        if link.hasPrefix("#") {
            let id = String(link.dropFirst())
            return id.isEmpty || ownIDs.contains(id) ? nil : "no element on this page has the id '\(id)'"
        }
        guard let target = resolve(link, from: page) else { return nil }  // another site, or not a page link
        guard let file = target.file else { return "leads outside the site's folder (\(base.path))" }
        if !files.contains(file), !files.contains(file + "/index.html") {  // a folder without its slash is served
            let sitePath = file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file
            if let source = unpublished[sitePath] { return "links to \(source), which is a draft or embargoed and not published" }
            return "the site has no \(file)"
        }
        if let fragment = target.fragment, !fragment.isEmpty, let ids = idsOf[file], !ids.contains(fragment) {
            return "\(file) has no element with the id '\(fragment)'"
        }
        return nil
    }

    /// The output file a link leads to (nil for links to other sites and non-page schemes);
    /// a file of nil when the link is on this host but outside the site's base path.
    private func resolve(_ link: String, from page: String) -> (file: String?, fragment: String?)? {
        let lower = link.lowercased()
        if lower.hasPrefix("//") || lower.contains(":") && !lower.hasPrefix("/") { return nil }  // http:, mailto:, data:
        var path = link
        var fragment: String?
        if let hash = path.firstIndex(of: "#") { fragment = String(path[path.index(after: hash)...]); path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = path.removingPercentEncoding ?? path
        if path.isEmpty { path = "/" + page }  // "?q=" or "#x" on this very page
        if !path.hasPrefix("/") {
            let folder = (page as NSString).deletingLastPathComponent
            path = base.path + (folder.isEmpty ? "" : folder + "/") + path
        }
        guard path.hasPrefix(base.path) else { return (nil, fragment) }
        var site = String(path.dropFirst(base.path.count))
        site = (URL(fileURLWithPath: "/" + site).standardizedFileURL.path.dropFirst()).description + (site.hasSuffix("/") && site.count > 1 ? "/" : "")
        if site.isEmpty || site.hasSuffix("/") { site += "index.html" }
        return (site, fragment)
    }
}
