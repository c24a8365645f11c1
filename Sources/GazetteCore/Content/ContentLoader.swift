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
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > ArticleText.maxBytes {
            return .failure(GazetteError(file: path, message: ArticleText.tooLarge(Int(info.st_size))))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let gone = access(path, F_OK) != 0
            return .failure(GazetteError(file: path, message: gone
                ? "disappeared while the build was reading the content folder; build again"
                : "cannot read this file; check its permissions"))
        }
        let text: String
        switch ArticleText.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(GazetteError(file: path, line: problem.line, message: problem.message))
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

/// An article file's bytes as text, refused with the line of the first problem when they
/// are not UTF-8, hold a NUL byte (a binary file) or a control character that no page,
/// feed or sitemap may carry (XML 1.0 forbids them; browsers show them as boxes).
enum ArticleText {
    /// Larger files are refused before they are read: the longest news articles are some
    /// 100 KB, and a build holds a few files' text per core at once.
    static let maxBytes = 8 << 20

    static func tooLarge(_ size: Int) -> String {
        let mb = String(format: "%.1f", Double(size) / 1_048_576)
        return "is \(mb) MB; an article file may be at most \(maxBytes >> 20) MB. Split it, or link large data from it instead"
    }

    struct Problem: Error {
        var line: Int
        var message: String
    }

    static func decode(_ data: Data) -> Result<String, Problem> {
        guard let text = String(utf8DroppingMark: data) else {
            return .failure(Problem(line: data.lineOfFirstInvalidUTF8, message: "not valid UTF-8 text; save the file as UTF-8"))
        }
        if let (line, column, byte) = firstControl(text.utf8) {
            if byte == 0 {
                return .failure(Problem(line: line, message: "holds a NUL byte (column \(column)): this looks like a binary file, not an article"))
            }
            let code = String(format: "U+%04X", byte)
            return .failure(Problem(line: line, message: "holds the control character \(code) at column \(column), invisible in most editors; delete it"))
        }
        return .success(text)
    }

    /// The line, column (in bytes) and code of the first C0 control other than tab, line
    /// feed and carriage return, DEL, or C1 control (U+0080 to U+009F, bytes C2 80 to C2 9F).
    static func firstControl(_ utf8: String.UTF8View) -> (Int, Int, UInt32)? {
        var line = 1, lineStart = 0, i = 0
        var previous: UInt8 = 0
        for b in utf8 {
            if b < 0x20 || b == 0x7F {
                if b == 10 { line += 1; lineStart = i + 1 } else if b != 9 && b != 13 { return (line, i - lineStart + 1, UInt32(b)) }
            } else if previous == 0xC2 && (0x80...0x9F).contains(b) {
                return (line, i - lineStart, UInt32(b))
            }
            previous = b
            i += 1
        }
        return nil
    }
}

extension String {
    /// nil unless `data` is entirely valid UTF-8 with no NUL byte (a binary file, not text).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(utf8DroppingMark: data), !text.utf8.contains(0) else { return nil }
        self = text
    }

    /// `data` as UTF-8 text without a leading byte-order mark; nil when it is not UTF-8.
    init?(utf8DroppingMark data: Data) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
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
