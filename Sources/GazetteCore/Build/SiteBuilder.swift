import Foundation

/// `gazette build`: load and check everything, then render the pages in parallel and
/// write them so that a failure anywhere leaves the previous output as it was.
///
/// With a cache from the last build (`<output>.gazette-cache`), only changed article files
/// are read and only pages whose inputs changed are rendered; of those, only files whose
/// bytes differ are written. The first build writes a whole new folder and swaps it in.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called now and then with (pages done, pages to render); for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Files still being written when a build's pages are done; `build` joins them.
    let unfinished = Unfinished()
    /// The last build's cache, for a process that builds this output again (nil: read the file).
    public var memory: BuildMemory?

    public init(options: BuildOptions, memory: BuildMemory? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.options = options
        self.memory = memory
        self.progress = progress
    }

    /// Settings, registry and theme, with every error of all three together.
    struct Settings {
        var config: SiteConfig
        var registry: EntityRegistry
        var theme: Theme
        var globalHash: UInt64
        /// Every template and asset, and the redirects: a build with none of them changed, and
        /// no content file changed, has nothing to do.
        var themeHash: UInt64
        /// `redirects.yml`, with the moves this build found added.
        var redirects = RedirectTable()
        /// The redirects this build writes, resolved against its pages.
        var redirectPlan = RedirectPlan.empty
    }

    /// Settings, or every error found in them; content errors are added by the caller so
    /// that one run reports all.
    func loadSettings() throws(GazetteError) -> Settings {
        let (settings, diagnostics) = readSettings()
        guard let settings else { throw GazetteError(diagnostics) }
        return settings
    }

    func readSettings() -> (Settings?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        do { config = try SiteConfig.load(path: options.configFile) } catch { diagnostics += error.diagnostics }
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        if let theme = options.theme { config.theme = theme }
        var redirects = RedirectTable()
        do { redirects = try RedirectTable.load(path: RedirectTable.path(siteRoot: options.siteRoot)) } catch {
            diagnostics += error.diagnostics
        }
        var registry = EntityRegistry()
        let registryPath = options.siteRoot + "/entities.yml"
        do { registry = try EntityRegistry.load(path: registryPath) } catch { diagnostics += error.diagnostics }
        var theme: Theme?
        do { theme = try Theme.load(name: config.theme, siteRoot: options.siteRoot, searchPaths: options.themeSearchPaths) } catch {
            diagnostics += error.diagnostics
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory, isDirectory: &isFolder) else {
            return (nil, diagnostics + [Diagnostic(file: options.contentDirectory, message: "no content folder here; run gazette in the folder that holds content/ and gazette.yml, or pass --source")])
        }
        guard isFolder.boolValue else {
            return (nil, diagnostics + [Diagnostic(file: options.contentDirectory, message: "is a file, not a folder; the articles go in a folder named content beside gazette.yml")])
        }
        guard diagnostics.isEmpty, let theme else {
            // Read the content anyway, to report its errors in the same run.
            let files = ContentScan.files(in: options.contentDirectory)
            do { _ = try loadContent(files, config: config) } catch { return (nil, diagnostics + error.diagnostics) }
            return (nil, diagnostics)
        }
        var h = StableHash()
        h.add(UInt64(BuildCache.formatVersion))
        h.add(FileManager.default.contents(atPath: options.configFile) ?? Data())
        h.add(FileManager.default.contents(atPath: registryPath) ?? Data())
        h.add(options.theme); h.add(options.baseURL?.string); h.add(options.filter.drafts); h.add(options.filter.future)
        h.add(Self.programIdentity)
        var t = StableHash()
        for (name, hash) in theme.templateHashes.sorted(by: { $0.key < $1.key }) { t.add(name); t.add(hash) }
        for (path, data) in (try? AssetCopier(sources: theme.assetDirectories).files()) ?? [] { t.add(path); t.add(data) }
        // Translation files change the words of every page.
        for (path, data) in ThemeWordsLoader(folders: theme.wordFolders).files() { h.add(path); h.add(data); t.add(path); t.add(data) }
        t.add(FileManager.default.contents(atPath: RedirectTable.path(siteRoot: options.siteRoot)) ?? Data())
        let settings = Settings(config: config, registry: registry, theme: theme, globalHash: h.value, themeHash: t.value,
                                redirects: redirects)
        return (settings, [])
    }

    /// Size and time of the running program: a new Gazette may render differently.
    static let programIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size):\(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"
    }()

    /// A build with no changed file, the same settings and the same output folder, before
    /// any embargo lifts, would write nothing: say so without building.
    /// (The drafts and embargoed articles left out are the last build's: the same files, the
    /// same options, and no embargo lifted since.)
    func nothingToDo(_ cache: BuildCache.Opened, settings: Settings, files: [ContentFile], output: String, started: Date) -> BuildReport? {
        guard cache.globalHash == settings.globalHash, cache.outputIdentity == BuildCache.identity(of: output), cache.themeHash == settings.themeHash,
              Int64(options.filter.now.timeIntervalSince1970) < cache.earliestEmbargo, files == cache.files,
              imageStore.sourcesUnchanged() else { return nil }
        return BuildReport(
            articles: cache.articleCount, files: cache.outputCount, writtenPaths: [], removedPaths: [], people: cache.peopleCount,
            countries: cache.countryCount, skippedDrafts: cache.skippedDrafts, skippedFuture: cache.skippedFuture,
            seconds: Date().timeIntervalSince(started))
    }

    /// For each file of this build, the cache's record of it when that still holds: made
    /// with these settings (parsing depends on them: the time zone reads dates) for the
    /// same file, same size and time. Both lists are sorted by path, so they are walked
    /// side by side instead of through a dictionary of 100,000 paths.
    static func reusableRecords(_ cache: BuildCache?, settings: Settings, files: [ContentFile]) -> [Int?] {
        var reusable = [Int?](repeating: nil, count: files.count)
        guard let cache, cache.globalHash == settings.globalHash else { return reusable }
        var j = 0
        for (i, file) in files.enumerated() {
            while j < cache.records.count && cache.records[j].file.path < file.path { j += 1 }
            if j < cache.records.count, cache.records[j].file == file { reusable[i] = j }
        }
        return reusable
    }

    /// Article records: unchanged files' from the cache (`reusing[i]` is file i's record in
    /// `cached`), the rest read and parsed in parallel. Each record is copied once, in file
    /// order: at 100,000 articles, copies through intermediate lists were most of this stage.
    func loadContent(_ files: [ContentFile], config: SiteConfig, reusing: [Int?] = [], from cached: [ArticleRecord] = [])
        throws(GazetteError) -> (LoadedContent, [ArticleRecord]) {
        let parser = ArticleParser(config: config)
        let unread = files.indices.filter { $0 >= reusing.count || reusing[$0] == nil }
        let ahead = unread.count < ReadAhead.worthwhile ? nil : ReadAhead(paths: unread.map { files[$0].path })
        defer { ahead?.stop() }
        let parsed = unread.indices.parallelMap { k -> Result<ArticleRecord, GazetteError> in
            if k % 32 == 0 { ahead?.reach(k) }
            let i = unread[k]
            return parser.parseFile(files[i].path).map {
                ArticleRecord(file: files[i], contentHash: StableHash.of($0.data), article: $0.article)
            }
        }
        var records: [ArticleRecord] = []
        records.reserveCapacity(files.count)
        var diagnostics: [Diagnostic] = []
        var next = 0  // in `parsed`
        for i in files.indices {
            if next < unread.count, unread[next] == i {
                switch parsed[next] {
                case .success(let record): records.append(record)
                case .failure(let error): diagnostics += error.diagnostics
                }
                next += 1
            } else if let j = reusing[i] {
                records.append(cached[j])
            }
        }
        let content = ContentLoader.publishable(records.map(\.article), diagnostics: diagnostics, filter: options.filter)
        if !content.diagnostics.isEmpty { throw GazetteError(content.diagnostics) }
        return (content, records)
    }

    /// One spelling per person and country across the archive (every edition), as the
    /// registry says.
    func normalizedNames(_ articles: [Article], registry: EntityRegistry) -> ([Article], NameNormalizer) {
        let names = NameNormalizer(articles: articles, registry: registry)
        return (articles.parallelMap { article -> Article in
            var a = article
            if let people = names.people(a.people) { a.people = people }
            if let countries = names.countries(a.countries) { a.countries = countries }
            return a
        }, names)
    }

    /// The redirects of `table` and of the articles' aliases, against this build's pages.
    func redirectPlan(_ table: RedirectTable, editions: [EditionRender]) -> RedirectPlan {
        let aliased = editions.contains { $0.site.articles.contains { !$0.aliases.isEmpty } }
        guard !table.entries.isEmpty || aliased else { return .empty }
        let pages = Set(editions.flatMap { e in e.plan.jobs.map { e.prefix + e.renderer.path(of: $0) } })
        return RedirectPlan(table: table, tableFile: RedirectTable.path(siteRoot: options.siteRoot),
                            articles: editions.flatMap(\.site.articles),
                            articlePaths: editions.flatMap { e in e.site.articlePaths.map { e.prefix + $0 } }) { path in
            path.hasSuffix("/") ? pages.contains(path + "index.html") : pages.contains(path)
        }
    }

    /// Where image variants are kept between builds.
    var imageStore: ImageStore { ImageStore(folder: ImageStore.folder(forOutput: options.output)) }

    /// The media stage for these settings.
    func media(_ settings: Settings, _ articles: [Article]) throws(GazetteError) -> MediaLibrary {
        let resolver = ImageResolver(contentDirectory: options.contentDirectory, mediaDirectory: options.siteRoot + "/media")
        let stage = MediaStage(resolver: resolver, settings: settings.config.images, store: imageStore)
        switch stage.run(articles) {
        case .success(let library): return library
        case .failure(let error): throw error
        }
    }

    @discardableResult
    public func build() throws(GazetteError) -> BuildReport {
        let started = Date()
        var clock = PhaseClock()
        var succeeded = false
        defer { unfinished.join(succeeded: succeeded) }
        OutputRecovery.prepare(output: options.output)
        var settings = try loadSettings()
        clock.mark("settings")
        let cachePath = BuildCache.path(forOutput: options.output)
        // The cache is read while the content folder is scanned: one is mostly copying and
        // hashing, the other mostly waiting on the file system.
        let kept = memory?.take()
        let reading = options.clean ? nil : Background {
            kept.map(BuildCache.Opened.init(cache:)) ?? BuildCache.Opened(path: cachePath)
        }
        let output = URL(fileURLWithPath: options.output).standardizedFileURL.path
        let files = ContentScan.files(in: options.contentDirectory)
        let opened = reading?.value ?? nil
        clock.mark("scan and cache read")
        if let opened, var report = nothingToDo(opened, settings: settings, files: files, output: output, started: started) {
            clock.mark("nothing changed")
            if let kept { memory?.keep(kept) }
            report.phases = clock.phases
            report.slowTemplates = settings.theme.compiledFallbackReason
            return report
        }
        // The last build's search vectors are read while the content loads: the index needs
        // them only once pages are planned, but reading them would be on the way to it.
        let vectorsPath = SearchVectors.path(forOutput: options.output)
        // (Only with a cache: without one, the build is not incremental and has no use for them.)
        let vectors = opened == nil || !settings.config.search ? nil : Background { previousVectors(at: vectorsPath) }
        let cache = opened?.decode()
        clock.mark("cache decoded")
        let reusable = Self.reusableRecords(cache, settings: settings, files: files)
        let (content, records) = try loadContent(files, config: settings.config, reusing: reusable, from: cache?.records ?? [])
        clock.mark("content")
        let editions = try editions(settings, content)
        clock.mark("site graph")
        let media = try media(settings, editions.count == 1 ? editions[0].site.articles : editions.flatMap(\.site.articles))
        clock.mark("images")
        // Related articles from the cache only when it was made with these settings, for a
        // site of one edition (the cache keeps one list).
        let previousRelated = cache.flatMap {
            $0.globalHash == settings.globalHash && editions.count == 1 ? ($0.relatedInputs, $0.related) : nil
        }
        let (renders, languageWarnings) = try prepare(editions, settings: settings, media: media, previousRelated: previousRelated)
        clock.mark("plan, related and signatures")
        let moved = options.clean ? [] : MovedArticles.find(
            records: records, changed: reusable.indices.filter { reusable[$0] == nil }, previous: cache?.records ?? [],
            previousOutputs: cache?.outputs, published: { Set(renders.flatMap { e in e.site.articlePaths.map { e.prefix + $0 } }) })
        if !moved.isEmpty { settings.redirects = settings.redirects.adding(moved) }
        settings.redirectPlan = redirectPlan(settings.redirects, editions: renders)
        clock.mark("redirects")

        // The new cache is written while pages render, all but its last part (the outputs),
        // which follows when the build has succeeded; a failed build leaves the old cache.
        let now = Int64(options.filter.now.timeIntervalSince1970)
        let newsExpiry = renders.map { NewsSitemap(site: $0.site, now: options.filter.now).expiry }.min() ?? .max
        let nextEmbargo = options.filter.future ? .max : records.lazy.map(\.article.date.seconds).filter { $0 > now }.min() ?? .max
        let embargo = min(newsExpiry, nextEmbargo)
        let counts = Self.counts(renders)
        let newCache = BuildCache(  // its output identity and outputs come with the tail
            globalHash: settings.globalHash, outputIdentity: "", records: records, outputs: OutputLedger(),
            earliestEmbargo: embargo, articleCount: counts.articles, peopleCount: counts.people,
            countryCount: counts.countries, themeHash: settings.themeHash,
            relatedInputs: renders.count == 1 ? renders[0].plan.relatedInputs : 0,
            related: renders.count == 1 ? renders[0].plan.related : [],
            skippedDrafts: content.skippedDrafts, skippedFuture: content.skippedFuture)
        let cacheTail = Handoff<(outputIdentity: String, outputs: OutputLedger)>()
        // A cache that cannot be written costs the next build its speed, not its correctness.
        let savingCache = Background { _ = try? newCache.save(to: cachePath, tail: cacheTail.wait) }

        var outcome: (written: [String], removed: [String], outputs: OutputLedger)
        do throws(GazetteError) {
            if FileManager.default.fileExists(atPath: output) && !options.clean {
                // Signatures from the cache count only for this very folder and these settings.
                let usable = cache.flatMap { $0.globalHash == settings.globalHash && $0.outputIdentity == BuildCache.identity(of: output) ? $0 : nil }
                outcome = try update(output, editions: renders, media: media, settings: settings, previous: usable,
                                     previousVectors: vectors, clock: &clock)
            } else {
                outcome = try fresh(output, editions: renders, media: media, settings: settings, clock: &clock)
            }
        } catch {
            cacheTail.provide(nil)
            _ = savingCache.value
            throw error
        }
        let identity = BuildCache.identity(of: output)
        cacheTail.provide((identity, outcome.outputs))
        _ = savingCache.value
        succeeded = true
        if let memory {
            var next = newCache
            (next.outputIdentity, next.outputs) = (identity, outcome.outputs)
            memory.keep(next)
        }
        // Like the build cache: a catalog that cannot be written costs speed, not correctness.
        try? imageStore.save(media.records)
        if !moved.isEmpty {
            let path = RedirectTable.path(siteRoot: options.siteRoot)
            do { try AtomicFile.write(settings.redirects.text(), to: path) } catch {
                throw GazetteError(file: path, message: "the site was built, but its new redirects could not be saved here: \(error)")
            }
        }
        clock.mark("cache saved")
        if options.processEndsAfterBuild { ProcessLifetime.keep([opened as Any, cache as Any, records, content, renders, newCache]) }
        return BuildReport(
            articles: counts.articles, files: outcome.outputs.count, writtenPaths: outcome.written, removedPaths: outcome.removed,
            people: counts.people, countries: counts.countries, skippedDrafts: content.skippedDrafts,
            skippedFuture: content.skippedFuture, seconds: Date().timeIntervalSince(started), phases: clock.phases,
            warnings: renders.flatMap { UnknownCountries.warnings(in: $0.site) } + MediaLibrary.missingAlt(renders.flatMap(\.site.articles))
                + settings.redirectPlan.warnings + languageWarnings,
            redirectsAdded: moved.map(\.from.text), slowTemplates: settings.theme.compiledFallbackReason)
    }

    /// The first build into a folder: everything rendered into a new folder, swapped in whole.
    func fresh(_ output: String, editions: [EditionRender], media: MediaLibrary, settings: Settings, clock: inout PhaseClock)
        throws(GazetteError) -> (written: [String], removed: [String], outputs: OutputLedger) {
        let staged = try StagedOutput(destination: output)
        let writer = FileWriter(root: staged.staging, shownRoot: output)
        do {
            let (outputs, _) = try renderAll(editions: editions, media: media, settings: settings, only: nil,
                                           previousVectors: nil, clock: &clock) { path, data throws(GazetteError) in
                try writer.write(data, to: path)
            }
            try staged.commit()
            clock.mark("swap in")
            return (outputs.paths.sorted(), [], outputs)
        } catch {
            staged.discard()
            throw error
        }
    }

    /// A later build: only pages whose signature changed are rendered, only differing files
    /// are written, and only after everything rendered.
    func update(_ output: String, editions: [EditionRender], media: MediaLibrary, settings: Settings, previous: BuildCache?,
                previousVectors: Background<SearchVectors?>?,
                clock: inout PhaseClock) throws(GazetteError) -> (written: [String], removed: [String], outputs: OutputLedger) {
        let incremental = try IncrementalOutput(destination: output)
        do {
            let (outputs, samePages) = try renderAll(editions: editions, media: media, settings: settings, only: previous?.outputs,
                                                         previousVectors: previousVectors, clock: &clock) { path, data throws(GazetteError) in
                try incremental.write(data, to: path)
            }
            let removed: [String]
            if let previous {
                removed = previous.outputs.paths(missingFrom: outputs, samePages: samePages).sorted()
            } else {
                let kept = Set(outputs.paths)
                removed = Self.filesBelow(output).filter { !kept.contains($0) }.sorted()
            }
            try incremental.commit(removing: removed)
            clock.mark("commit")
            return (incremental.writtenPaths, removed, outputs)
        } catch {
            incremental.discard()
            throw error
        }
    }

    /// Renders every page whose signature differs from `only` (all of them when nil) and
    /// hands each to `write`; returns every output path with its signature, and whether
    /// the pages are the same list as in `only`. Each edition's files go in its folder; the
    /// assets, images and redirects are the site's, written once.
    /// `previousVectors`: the last build's search vectors, being read; used only with `previous`.
    func renderAll(editions: [EditionRender], media: MediaLibrary, settings: Settings, only previous: OutputLedger?,
                   previousVectors: Background<SearchVectors?>?,
                   clock: inout PhaseClock, write: @escaping @Sendable (String, Data) throws(GazetteError) -> Void)
        throws(GazetteError) -> (outputs: OutputLedger, samePages: Bool) {
        // Each file written gets its compressed copies as it is written, on the thread that
        // rendered it; which files were written is noted for the copies' ledger entries.
        let precompressed = Precompressed(formats: settings.config.compress)
        let written = LockedSet(), compressed = LockedSet()
        let plain = write
        let write: @Sendable (String, Data) throws(GazetteError) -> Void
        if precompressed.isOn {
            write = { path, data throws(GazetteError) in
                try plain(path, data)
                written.insert(path)
                let copies = precompressed.copies(of: data, path: path)
                for copy in copies { try plain(path + copy.suffix, copy.data) }
                if !copies.isEmpty { compressed.insert(path) }
            }
        } else {
            write = plain
        }
        // Each edition's search index, when it changed, is made on another thread while pages
        // render: after a small edit, rendering is a few pages and the index is most of the work.
        let searchFiles = editions.map { edition in
            startSearchIndex(edition, settings: settings, previous: previous, previousVectors: previousVectors)
        }
        // Every edition's pages, rendered together.
        var allPlanned: [(String, UInt64)] = [], allOwners: [(edition: Int, job: Int)] = []
        for (e, edition) in editions.enumerated() {
            allPlanned += edition.plan.jobs.parallelMap {
                (edition.prefix + edition.renderer.path(of: $0), edition.signatures.signature(of: $0))
            }
            allOwners += edition.plan.jobs.indices.map { (e, $0) }
        }
        let planned = allPlanned, owner = allOwners
        let (before, samePages) = previous?.signatures(ofPages: planned) ?? ([UInt64?](repeating: nil, count: planned.count), false)
        let todo = planned.indices.filter { before[$0] != planned[$0].1 }
        let counter = ProgressCounter(total: todo.count, report: progress)
        let results = todo.parallelMap { index -> GazetteError? in
            defer { counter.tick() }
            let edition = editions[owner[index].edition], job = edition.plan.jobs[owner[index].job]
            do throws(GazetteError) {
                try write(planned[index].0, Data(try edition.renderer.text(of: job).utf8))
                return nil
            } catch {
                return edition.renderer.naming(job, in: error)
            }
        }
        let diagnostics = OutputFailure.collapse(results.compactMap { $0 }.flatMap(\.diagnostics))
        if !diagnostics.isEmpty { throw GazetteError(diagnostics) }
        clock.mark("pages")
        var outputs = OutputLedger(pages: planned)
        var start = 0
        for edition in editions {
            let count = edition.plan.jobs.count
            try writeEditionFiles(edition, pages: planned[start..<(start + count)], editions: editions, previous: previous,
                                  outputs: &outputs, write: write)
            start += count
        }
        let robots = Self.robots(editions)
        if previous?[file: SitePaths.robots] != StableHash.of(robots) { try write(SitePaths.robots, Data(robots.utf8)) }
        outputs.append(SitePaths.robots, StableHash.of(robots))
        clock.mark("feeds and sitemap")
        if settings.config.search {
            for (edition, handoff) in zip(editions, searchFiles) {
                // Rebuilt from the kept term vectors, reading only changed articles; only files
                // whose signature changed were made, and only those are written.
                if let handoff {
                    let files = handoff.wait() ?? []
                    let failures = files.parallelMap { file -> GazetteError? in
                        guard let data = file.data else { return nil }
                        do throws(GazetteError) { try write(edition.prefix + file.path, data); return nil } catch { return error }
                    }
                    if let failure = failures.compactMap({ $0 }).first { throw failure }
                    for file in files { outputs.append(edition.prefix + file.path, file.signature) }
                } else if let previous {
                    // The index is one function of every article: carried over when none changed.
                    let folder = edition.prefix + SearchIndexFiles.folder
                    for (path, signature) in previous.files where path.hasPrefix(folder) { outputs.append(path, signature) }
                }
            }
            clock.mark("search index")
        }
        for (path, data) in try AssetCopier(sources: settings.theme.assetDirectories).files() {
            let target = SitePaths.assets + path
            let signature = StableHash.of(data)
            if previous?[file: target] != signature { try write(target, data) }
            outputs.append(target, signature)
        }
        try publishImages(media, previous: previous, outputs: &outputs, write: write)
        clock.mark("images copied")
        for file in RedirectFiles(plan: settings.redirectPlan, base: settings.config.baseURL, language: settings.config.language)
            .files(formats: settings.config.redirectFormats) {
            if previous?[file: file.path] != file.signature { try write(file.path, Data(file.text.utf8)) }
            outputs.append(file.path, file.signature)
        }
        if precompressed.isOn {
            try recordCompressedCopies(&outputs, precompressed: precompressed, written: written, compressed: compressed,
                                       previous: previous, write: write)
        }
        return (outputs, samePages)
    }

    /// Starts making an edition's search index when it changed; nil when it did not (or the
    /// site has no search).
    func startSearchIndex(_ edition: EditionRender, settings: Settings, previous: OutputLedger?,
                          previousVectors: Background<SearchVectors?>?) -> Handoff<[SearchIndexFiles.File]>? {
        let signatures = edition.signatures, renderer = edition.renderer
        guard settings.config.search,
              previous?[file: edition.prefix + SearchIndexFiles.manifest] != signatures.searchIndex() else { return nil }
        let vectorsPath = SearchVectors.path(forOutput: options.output, edition: edition.prefix)
        // The root edition's vectors are read while the content loads; other editions' here.
        let reading: Background<SearchVectors?>? = previous == nil ? nil
            : edition.prefix.isEmpty ? previousVectors : Background { self.previousVectors(at: vectorsPath) }
        // Searched in the edition's own folder: the index's files are named from its root.
        let prefix = edition.prefix
        let lookup: (@Sendable (String) -> UInt64?)? = previous.map { ledger in
            { @Sendable (path: String) in ledger[file: prefix + path] }
        }
        let handoff = Handoff<[SearchIndexFiles.File]>()
        // The build goes on once it has the files; the vectors are saved meanwhile, and
        // `build` waits for that before it returns, failed or not.
        unfinished.add { succeeded in
            let (files, vectors) = renderer.searchFiles(signatures: signatures, previousVectors: reading?.value ?? nil,
                                                        previousOutputs: lookup)
            handoff.provide(files)
            // Like the build cache: without it the next build is slower, not wrong.
            guard (try? vectors.save(to: vectorsPath, when: succeeded)) != nil else { return }
            self.memory?.keep(vectors, at: vectorsPath)
        }
        return handoff
    }

    /// The search vectors the last build saved at `path`: kept in memory, else read.
    func previousVectors(at path: String) -> SearchVectors? {
        memory?.vectors(at: path) ?? SearchVectors.load(from: path)
    }

    /// robots.txt, at the root: every edition's sitemaps.
    static func robots(_ editions: [EditionRender]) -> String {
        "User-agent: *\nAllow: /\n\n" + editions.map { e in
            let base = e.site.config.baseURL
            return "Sitemap: \(base.absolute(SitePaths.sitemap))\nSitemap: \(base.absolute(SitePaths.newsSitemap))\n"
        }.joined()
    }

    /// An edition's feeds, sitemap and news sitemap.
    func writeEditionFiles(_ edition: EditionRender, pages: ArraySlice<(String, UInt64)>, editions: [EditionRender],
                           previous: OutputLedger?, outputs: inout OutputLedger,
                           write: @Sendable (String, Data) throws(GazetteError) -> Void) throws(GazetteError) {
        let prefix = edition.prefix, renderer = edition.renderer, signatures = edition.signatures
        // The sitemap lists the HTML pages by folder; the folders' paths are made only when
        // it is written again (after a body edit it is not).
        let htmlPages = pages.filter { $0.0.utf8.reversed().starts(with: "index.html".utf8.reversed()) }
        let feeds = signatures.siteFeeds()
        let sitemap = signatures.sitemap(pagePaths: htmlPages.lazy.map { String($0.0.dropFirst(prefix.count)) })
        let needFeeds = previous?[file: prefix + SitePaths.feedAtom] != feeds || previous?[file: prefix + SitePaths.feedJSON] != feeds
        let needSitemap = previous?[file: prefix + SitePaths.sitemap] != sitemap  // (both true without a previous build)
        let htmlPaths = needSitemap ? htmlPages.map { String($0.0.dropFirst(prefix.count).dropLast("index.html".count)) } : []
        for file in try renderer.siteFiles(htmlPaths: htmlPaths, feeds: needFeeds, sitemap: needSitemap) {
            try write(prefix + file.path, Data(file.text.utf8))
        }
        outputs.append(prefix + SitePaths.feedAtom, feeds)
        outputs.append(prefix + SitePaths.feedJSON, feeds)
        for path in renderer.sitemapPaths(htmlCount: htmlPages.count) { outputs.append(prefix + path, sitemap) }
        let news = NewsSitemap(site: renderer.site, now: options.filter.now)
        let newsSignature = signatures.newsSitemap(news)
        if previous?[file: prefix + SitePaths.newsSitemap] != newsSignature {
            try write(prefix + SitePaths.newsSitemap, Data(news.render().utf8))
        }
        outputs.append(prefix + SitePaths.newsSitemap, newsSignature)
    }

    /// Ledger entries for the compressed copies beside each text file over 1 KB: made this
    /// build for the files it wrote; kept from the last build for the rest; made now from
    /// the output for a file the last build left without them (compression just turned on).
    func recordCompressedCopies(_ outputs: inout OutputLedger, precompressed: Precompressed, written: LockedSet,
                                compressed: LockedSet, previous: OutputLedger?,
                                write: @Sendable (String, Data) throws(GazetteError) -> Void) throws(GazetteError) {
        let root = URL(fileURLWithPath: options.output).standardizedFileURL.path
        let suffixes = precompressed.formats.map(\.suffix)
        for (path, signature) in zip(outputs.paths, outputs.signatures) where Precompressed.applies(to: path) {
            let has: Bool
            if written.contains(path) {
                has = compressed.contains(path)
            } else if suffixes.allSatisfy({ previous?[file: path + $0] != nil }) {
                has = true
            } else if let data = FileManager.default.contents(atPath: root + "/" + path) {
                let copies = precompressed.copies(of: data, path: path)
                for copy in copies { try write(path + copy.suffix, copy.data) }
                has = !copies.isEmpty
            } else {
                has = false
            }
            if has { for suffix in suffixes { outputs.append(path + suffix, signature) } }
        }
    }

    /// The variants the site shows, copied from the image store where the output does not
    /// already hold them.
    func publishImages(_ media: MediaLibrary, previous: OutputLedger?, outputs: inout OutputLedger,
                       write: @escaping @Sendable (String, Data) throws(GazetteError) -> Void) throws(GazetteError) {
        let files = media.publishedFiles(store: imageStore)
        let failures = files.filter { previous?[file: $0.path] != $0.signature }.parallelMap { file -> GazetteError? in
            guard let data = FileManager.default.contents(atPath: file.stored) else {
                return GazetteError(file: file.stored, message: "an image variant vanished from the image store during the build; build again")
            }
            do throws(GazetteError) { try write(file.path, data); return nil } catch { return error }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for file in files { outputs.append(file.path, file.signature) }
    }

    /// Every file below a folder, relative to it (when there is no cache to say what the
    /// last build wrote).
    static func filesBelow(_ folder: String) -> Set<String> {
        var out = Set<String>()
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return out }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue { out.insert(path) }
        }
        return out
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
