import Foundation

/// The media stage: every image the articles name, resolved, checked and processed once
/// into its variants (in parallel, one image per core), with what pages need to show them.
///
/// Articles in, a `MediaLibrary` out; the variants are kept in the image store, from where
/// the build copies those the site uses into the output.
struct MediaStage: Sendable {
    var resolver: ImageResolver
    var settings: ImageSettings
    var store: ImageStore

    /// One image an article names, where it is and where the article names it.
    private struct Use {
        var article: Int
        var line: Int
        var reference: String
        var location: ImageResolver.Location
    }

    /// The library, or every problem with the articles' images (file and line each).
    func run(_ articles: [Article]) -> Result<MediaLibrary, GazetteError> {
        // An archive without images has nothing to resolve: its pages' image keys are all
        // zero, as an empty library gives them (listing each article's images was 40 ms at
        // 100,000 articles, on every rebuild).
        guard articles.contains(where: { !$0.images.isEmpty }) else {
            return .success(MediaLibrary(articles: [], resolver: resolver, images: [:], records: []))
        }
        var diagnostics: [Diagnostic] = []
        var uses: [Use] = []
        for (i, article) in articles.enumerated() {
            let named = (article.images.lead.map { [($0.reference, $0.line)] } ?? [])
                + article.images.body.map { ($0.reference, $0.line) }
            for (reference, line) in named {
                switch resolver.resolve(reference, from: article.file) {
                case .success(let location): uses.append(Use(article: i, line: line, reference: reference, location: location))
                case .failure(let error):
                    diagnostics += error.diagnostics.map { Diagnostic(file: article.file, line: line, message: $0.message) }
                }
            }
        }
        var firstUse: [String: Use] = [:]
        for use in uses { if case .file(let path) = use.location, firstUse[path] == nil { firstUse[path] = use } }
        let previous = store.catalog()
        let sources = firstUse.keys.sorted()
        let outcomes = sources.parallelMap { path in process(path, previous: previous[path]) }
        var records: [ImageStore.Record] = []
        var images: [String: ProcessedImage] = [:]
        for (path, outcome) in zip(sources, outcomes) {
            switch outcome {
            case .success(let record):
                records.append(record)
                images[path] = record.image
            case .failure(let problem):
                let use = firstUse[path]!
                let file = articles[use.article].file
                diagnostics.append(Diagnostic(file: file, line: use.line, message: problem.message(reference: use.reference, path: path)))
            }
        }
        if !diagnostics.isEmpty { return .failure(GazetteError(diagnostics)) }
        return .success(MediaLibrary(articles: articles, resolver: resolver, images: images, records: records))
    }

    enum Problem: Error {
        case missing
        case unreadable(String)
        case tooLarge(width: Int, height: Int, limit: Int)
        case storeFailed(String)

        func message(reference: String, path: String) -> String {
            switch self {
            case .missing:
                return "the image '\(reference)' is not there (looked for \(path)); check the name, or put the file there"
            case .unreadable(let why):
                return "the image '\(reference)' (\(path)) \(why)"
            case .tooLarge(let w, let h, let limit):
                let mp = String(format: "%.0f", Double(w * h) / 1_000_000)
                return "the image '\(reference)' (\(path)) is \(w) × \(h) pixels (\(mp) megapixels), more than the limit of "
                    + "\(limit / 1_000_000); resize it, or raise images: max_megapixels in gazette.yml"
            case .storeFailed(let why):
                return "cannot keep the variants of '\(reference)': \(why)"
            }
        }
    }

    /// One source: reused from the catalog when its size and time, or its bytes, are as
    /// they were; processed otherwise.
    private func process(_ path: String, previous: ImageStore.Record?) -> Result<ImageStore.Record, Problem> {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.missing) }
        let size = Int64(info.st_size)
        let modified = info.modifiedNanoseconds
        let settingsHash = settings.hash
        if let previous, previous.size == size, previous.modified == modified, store.holds(previous.image),
           previous.image.key == Self.key(previous.contentHash, settingsHash) {
            return .success(previous)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable("cannot be read")) }
        let contentHash = StableHash.of(data)
        let key = Self.key(contentHash, settingsHash)
        if let previous, previous.image.key == key, store.holds(previous.image) {
            return .success(ImageStore.Record(path: path, size: size, modified: modified, contentHash: contentHash, image: previous.image))
        }
        let probe: ImageCodec.Probe
        switch ImageCodec.probe(path) {
        case .success(let p): probe = p
        case .failure(let why): return .failure(.unreadable(why.reason))
        }
        if probe.width * probe.height > settings.maxPixels {
            return .failure(.tooLarge(width: probe.width, height: probe.height, limit: settings.maxPixels))
        }
        let made: [ImageCodec.Variant]
        switch ImageCodec.variants(path, probe: probe, settings: settings) {
        case .success(let v): made = v
        case .failure(let why): return .failure(.unreadable(why.reason))
        }
        let name = Slug.make(((path as NSString).lastPathComponent as NSString).deletingPathExtension, fallback: "image")
        let image = ProcessedImage(source: path, key: key, name: String(name.prefix(60)), variants: made.map {
            ProcessedImage.Variant(width: $0.width, height: $0.height, format: $0.format, bytes: $0.data.count)
        })
        for (variant, made) in zip(image.variants, made) {
            do { try AtomicFile.write(made.data, to: store.variantPath(image, variant)) } catch {
                return .failure(.storeFailed("\(error)"))
            }
        }
        return .success(ImageStore.Record(path: path, size: size, modified: modified, contentHash: contentHash, image: image))
    }

    static func key(_ contentHash: UInt64, _ settingsHash: UInt64) -> UInt64 {
        var h = StableHash()
        h.add(contentHash); h.add(settingsHash)
        return h.value
    }
}
