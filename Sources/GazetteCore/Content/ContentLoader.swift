import Foundation

/// What loading the content folder gave: the articles to publish and every problem found.
public struct LoadedContent: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
    /// Drafts and embargoed articles left out of this build.
    public var skippedDrafts: Int
    public var skippedFuture: Int
}

/// Options that decide which articles a build publishes.
public struct PublishFilter: Sendable {
    public var drafts = false
    public var future = false
    /// The build's "now", injected so that embargo tests are deterministic.
    public var now: Date

    public init(drafts: Bool = false, future: Bool = false, now: Date = Date()) {
        self.drafts = drafts
        self.future = future
        self.now = now
    }
}

/// Reads every `.md` file under the content folder, in parallel.
public struct ContentLoader: Sendable {
    public var contentDirectory: String
    public var parser: ArticleParser

    public init(contentDirectory: String, parser: ArticleParser) {
        self.contentDirectory = contentDirectory
        self.parser = parser
    }

    public func load(filter: PublishFilter) -> LoadedContent {
        let files = ContentScan.files(in: contentDirectory)
        let parser = self.parser
        let results = files.parallelMap { file in parser.parseFile(file.path).map(\.article) }
        var parsed: [Article] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let article): parsed.append(article)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return Self.publishable(parsed, diagnostics: diagnostics, filter: filter)
    }

    /// Drafts and embargoed articles left out, as the filter says.
    static func publishable(_ all: [Article], diagnostics: [Diagnostic], filter: PublishFilter) -> LoadedContent {
        var articles: [Article] = []
        var drafts = 0, future = 0
        let now = Int64(filter.now.timeIntervalSince1970)
        for article in all {
            if article.draft && !filter.drafts { drafts += 1; continue }
            if article.date.seconds > now && !filter.future { future += 1; continue }
            articles.append(article)
        }
        return LoadedContent(articles: articles, diagnostics: diagnostics, skippedDrafts: drafts, skippedFuture: future)
    }
}

extension ArticleParser {
    /// Reads and parses one article file; the bytes come back too, for the build cache.
    func parseFile(_ path: String) -> Result<(article: Article, data: Data), GazetteError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(GazetteError(file: path, message: "cannot read this file; check its permissions"))
        }
        guard let text = String(validatingUTF8Data: data) else {
            return .failure(GazetteError(file: path, line: data.lineOfFirstInvalidUTF8, message: "not valid UTF-8 text; save the file as UTF-8"))
        }
        // The text has its byte-order mark dropped; the body's offset is applied to the bytes.
        let mark = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return parse(text, file: path).map { article in
            var a = article
            if mark > 0 { a.bodyOffset += mark }
            return (a, data)
        }
    }
}

extension String {
    /// nil unless `data` is entirely valid UTF-8 (a leading byte-order mark is dropped).
    init?(validatingUTF8Data data: Data) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        if text.utf8.contains(0) { return nil }  // a NUL byte: a binary file, not text
        self = text
    }
}

extension Data {
    /// The 1-based line of the first byte sequence that is not UTF-8, for messages.
    var lineOfFirstInvalidUTF8: Int {
        var line = 1
        var i = startIndex
        while i < endIndex {
            let b = self[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > endIndex { return line }
            if length > 1, String(validating: self[i..<(i + length)], as: UTF8.self) == nil { return line }
            if b == 10 { line += 1 }
            i += length
        }
        return line
    }
}
