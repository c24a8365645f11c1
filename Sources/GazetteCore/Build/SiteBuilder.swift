import Foundation

/// `gazette build`: load and check everything, then render every page in parallel into
/// a staging folder, then swap it in. Any error anywhere leaves the old output as it was.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called now and then with (pages done, pages planned); for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(options: BuildOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Phase 1: config, theme and content, with every error of all three together.
    public func load() throws(GazetteError) -> (Site, Theme, LoadedContent) {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        do { config = try SiteConfig.load(path: options.configFile) } catch { diagnostics += error.diagnostics }
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        if let theme = options.theme { config.theme = theme }

        var registry = EntityRegistry()
        do { registry = try EntityRegistry.load(path: options.siteRoot + "/entities.yml") } catch { diagnostics += error.diagnostics }

        var theme: Theme?
        do { theme = try Theme.load(name: config.theme, siteRoot: options.siteRoot, searchPaths: options.themeSearchPaths) } catch {
            diagnostics += error.diagnostics
        }
        guard FileManager.default.fileExists(atPath: options.contentDirectory) else {
            throw GazetteError(diagnostics + [Diagnostic(file: options.contentDirectory, message: "no content folder here; run gazette in the folder that holds content/ and gazette.yml, or pass --source")])
        }
        let parser = ArticleParser(dates: DateParser(zone: config.timeZone))
        let content = ContentLoader(contentDirectory: options.contentDirectory, parser: parser).load(filter: options.filter)
        diagnostics += content.diagnostics
        guard diagnostics.isEmpty, let theme else { throw GazetteError(diagnostics) }
        // One spelling per person and country across the archive, as the registry says.
        let names = NameNormalizer(articles: content.articles, registry: registry)
        let articles = content.articles.map { article -> Article in
            var a = article
            a.people = a.people.compactMap(names.person).uniqued()
            a.countries = a.countries.compactMap(names.country).uniqued()
            return a
        }
        let site = try Site(config: config, articles: articles)
        return (site, theme, content)
    }

    @discardableResult
    public func build() throws(GazetteError) -> BuildReport {
        let started = Date()
        let (site, theme, content) = try load()
        let plan = BuildPlan(site: site)
        let output = try StagedOutput(destination: options.output)
        do {
            let files = try render(site: site, plan: plan, theme: theme, into: output)
            try output.commit()
            return BuildReport(
                articles: site.articles.count, files: files,
                people: site.taxonomy(.people)?.terms.count ?? 0, countries: site.taxonomy(.countries)?.terms.count ?? 0,
                skippedDrafts: content.skippedDrafts, skippedFuture: content.skippedFuture,
                seconds: Date().timeIntervalSince(started))
        } catch {
            output.discard()
            throw error
        }
    }

    /// Phase 2: every page, in parallel, straight to disk; returns the number of files.
    func render(site: Site, plan: BuildPlan, theme: Theme, into output: StagedOutput) throws(GazetteError) -> Int {
        let renderer = PageRenderer(site: site, plan: plan, theme: theme)
        let writer = FileWriter(root: output.staging)
        let counter = ProgressCounter(total: plan.jobs.count, report: progress)
        let results = plan.jobs.parallelMap { job -> Result<String, GazetteError> in
            defer { counter.tick() }
            do throws(GazetteError) {
                let page = try renderer.render(job)
                try writer.write(page.text, to: page.path)
                return .success(page.path)
            } catch {
                return .failure(error)
            }
        }
        var diagnostics: [Diagnostic] = []
        var htmlPaths: [String] = []
        for result in results {
            switch result {
            case .success(let path):
                if path.hasSuffix("/index.html") || path == "index.html" { htmlPaths.append(String(path.dropLast("index.html".count))) }
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw GazetteError(diagnostics) }
        let extra = try renderer.siteFiles(htmlPaths: htmlPaths)
        for file in extra { try writer.write(file.text, to: file.path) }
        let assets = try AssetCopier(sources: theme.assetDirectories).copy(into: output.staging + "/" + SitePaths.assets)
        return results.count + extra.count + assets
    }
}

/// Writes files under one root. Inside the staging folder a plain write is enough:
/// the folder as a whole is what is swapped in atomically.
struct FileWriter: Sendable {
    let root: String

    func write(_ text: String, to path: String) throws(GazetteError) {
        let full = root + "/" + path
        do {
            let dir = (full as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        } catch {
            throw GazetteError(file: full, message: "cannot write: \(error.localizedDescription) (is the disk full?)")
        }
    }
}

/// Counts finished pages across threads and reports every so often.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?
    private let every: Int

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
        every = max(500, total / 100)
    }

    func tick() {
        guard let report else { return }
        let now: Int = lock.withLock { done += 1; return done }
        if now % every == 0 || now == total { report(now, total) }
    }
}
