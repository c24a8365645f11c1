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
    /// Try links to other sites too (`--external`), with these limits.
    public var external: ExternalLinks.Options?

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
        // Every article, drafts and embargoed ones too: from the build cache when it describes
        // this output (the build read them all), else read again.
        let output = URL(fileURLWithPath: options.output).standardizedFileURL.path
        let articles: [Article]
        if let cache = BuildCache.load(from: BuildCache.path(forOutput: output)), cache.outputIdentity == BuildCache.identity(of: output) {
            articles = cache.records.map(\.article)
        } else {
            let parser = ArticleParser(config: config)
            articles = ContentLoader(contentDirectory: options.contentDirectory, parser: parser).load(filter: everything).articles
        }
        let now = Int64(options.filter.now.timeIntervalSince1970)
        var unpublished: [String: String] = [:]
        for article in articles where (article.draft && !options.filter.drafts)
            || (article.date.seconds > now && !options.filter.future) {
            unpublished[SitePaths.article(article, slug: article.slug)] = article.file
        }
        self.init(output: options.output, base: config.baseURL, unpublished: unpublished)
    }

    private enum Verdict: Sendable {
        case fine
        case problem(String)
        case fragment(file: String, id: String)
    }

    /// A link to a fragment of another page, checked once that page's ids are read.
    private struct FragmentLink: Sendable {
        var page: String
        var link: String
        var file: String
        var fragment: String
    }

    /// What one run of pages gave: its problems, its links to other pages' fragments, its
    /// redirect pages with where they lead, and how many links it had.
    private struct RunResult: Sendable {
        var problems: [Problem] = []
        var fragments: [FragmentLink] = []
        var redirects: [(page: String, target: String, file: String)] = []
        var links = 0
        /// Links to other sites (http and https), with the first page that has each.
        var external: [String: String] = [:]
    }

    public func run() throws(GazetteError) -> Report {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw GazetteError(file: root, message: "no built site here; run gazette build first")
        }
        let files = SiteBuilder.filesBelow(root)
        let pages = files.filter { $0.hasSuffix(".html") }.sorted()
        // Pages are read in runs, a run per thread at a time: each keeps its own memo of the
        // links it has resolved (a site's pages share most of theirs: navigation, names), and
        // nothing of a page is kept once its problems are known but its links to fragments
        // of other pages. At 100,000 articles that is 150,000 pages and 7 million links.
        let runs = ProcessorCount.runs(of: pages.count, minimumRun: 64, parts: ProcessorCount.value * 8)
        let results = runs.parallelMap { range -> RunResult in
            var result = RunResult()
            // A link starting with "/" leads to the same place from every page: its verdict is
            // kept (nil: another site; otherwise the problem, or where its fragment is to be found).
            var memo: [String: Verdict?] = [:]
            for page in pages[range] {
                let bytes = FileManager.default.contents(atPath: root + "/" + page).map { [UInt8]($0) } ?? []
                let scanned = PageLinks(html: bytes)
                result.links += scanned.links.count
                for link in scanned.links {
                    if link.hasPrefix("#") {
                        let id = String(link.dropFirst())
                        if !id.isEmpty, !scanned.ids.contains(id) {
                            result.problems.append(Problem(page: page, link: link, reason: "no element on this page has the id '\(id)'"))
                        }
                        continue
                    }
                    let verdict: Verdict?
                    if link.hasPrefix("/"), let known = memo[link] {
                        verdict = known
                    } else {
                        verdict = resolve(link, from: page).map { target in
                            if let reason = problem(target, files: files) { return .problem(reason) }
                            guard let fragment = target.fragment, !fragment.isEmpty, let file = target.file else { return .fine }
                            return .fragment(file: file, id: fragment)
                        }
                        if link.hasPrefix("/") { memo[link] = verdict }
                    }
                    if verdict == nil, external != nil, link.hasPrefix("http://") || link.hasPrefix("https://"), !link.hasPrefix(base.origin + "/"),
                       result.external[link] == nil {
                        result.external[link] = page
                    }
                    switch verdict {
                    case .problem(let reason): result.problems.append(Problem(page: page, link: link, reason: reason))
                    case .fragment(let file, let id) where file == page:
                        if !scanned.ids.contains(id) {
                            result.problems.append(Problem(page: page, link: link, reason: "no element on this page has the id '\(id)'"))
                        }
                    case .fragment(let file, let id): result.fragments.append(FragmentLink(page: page, link: link, file: file, fragment: id))
                    case .fine, nil: break
                    }
                }
                if let refresh = scanned.refresh, let file = resolve(refresh, from: page)?.file {
                    result.redirects.append((page, refresh, file))
                }
            }
            return result
        }
        var problems = results.flatMap(\.problems)
        // Links to other pages' fragments: each target page read once more, for its ids.
        let fragmentLinks = results.flatMap(\.fragments)
        let targets = Array(Set(fragmentLinks.map(\.file))).sorted()
        let ids = targets.parallelMap { file -> Set<String> in
            PageLinks(html: FileManager.default.contents(atPath: root + "/" + file).map { [UInt8]($0) } ?? []).ids
        }
        let idsOf = Dictionary(uniqueKeysWithValues: zip(targets, ids))
        for link in fragmentLinks where idsOf[link.file]?.contains(link.fragment) == false {
            problems.append(Problem(page: link.page, link: link.link, reason: "\(link.file) has no element with the id '\(link.fragment)'"))
        }
        let redirects = results.flatMap(\.redirects)
        let redirectPages = Set(redirects.map(\.page))
        for r in redirects where redirectPages.contains(r.file) {
            problems.append(Problem(page: r.page, link: r.target, reason: "redirects to another redirect (\(r.file)); lead it to the page itself"))
        }
        if let external {
            var firstPage: [String: String] = [:]
            for r in results { for (url, page) in r.external where firstPage[url].map({ page < $0 }) ?? true { firstPage[url] = page } }
            let answers = ExternalLinks(cachePath: ExternalLinks.cachePath(forOutput: root), options: external)
                .check(firstPage.keys.sorted())
            for (url, answer) in answers where answer.status == 0 || answer.status >= 400 {
                let why = answer.status == 0 ? "no answer (\(answer.note))" : "answers \(answer.status)"
                problems.append(Problem(page: firstPage[url]!, link: url, reason: "the other site \(why)"))
            }
        }
        // (A link a page has twice is one problem.)
        problems = Array(Set(problems)).sorted { ($0.page, $0.link) < ($1.page, $1.link) }
        return Report(pages: pages.count, links: results.reduce(0) { $0 + $1.links }, problems: problems)
    }

    /// What is wrong with where a link leads, or nil.
    private func problem(_ target: (file: String?, fragment: String?), files: Set<String>) -> String? {
        guard let file = target.file else { return "leads outside the site's folder (\(base.path))" }
        if !files.contains(file), !files.contains(file + "/index.html") {  // a folder without its slash is served
            let sitePath = file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file
            if let source = unpublished[sitePath] { return "links to \(source), which is a draft or embargoed and not published" }
            return "the site has no \(file)"
        }
        return nil
    }

    /// The output file a link leads to (nil for links to other sites and non-page schemes);
    /// a file of nil when the link is on this host but outside the site's base path.
    private func resolve(_ link: String, from page: String) -> (file: String?, fragment: String?)? {
        var link = link
        // The site's own absolute URLs (canonical links, sharing tags) are checked as its paths.
        if link.hasPrefix(base.origin + "/") { link = String(link.dropFirst(base.origin.count)) }
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
        if site.contains("/.") || site.contains("//") || site.hasPrefix(".") {  // "..", "./", "//": made plain
            site = (URL(fileURLWithPath: "/" + site).standardizedFileURL.path.dropFirst()).description
                + (site.hasSuffix("/") && site.count > 1 ? "/" : "")
        }
        if site.isEmpty || site.hasSuffix("/") { site += "index.html" }
        return (site, fragment)
    }
}
