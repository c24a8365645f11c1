/// An article file as the last build saw it: its size and time, a hash of its bytes, and
/// what parsing it gave. A file whose size and time have not changed is not read again.
struct ArticleRecord: Sendable {
    var file: ContentFile
    /// The article, its `contentHash` set.
    var article: Article
    /// The record as the cache holds it, when it came from there: saving an unchanged
    /// record copies these bytes instead of encoding it again.
    var encoded: ArraySlice<UInt8>? = nil

    var contentHash: UInt64 { article.contentHash }

    init(file: ContentFile, contentHash: UInt64, article: Article) {
        self.file = file
        self.article = article
        self.article.contentHash = contentHash
    }
}

extension ArticleRecord {
    func write(to w: inout ByteWriter) {
        w.string(file.path); w.int(file.size); w.int(file.modified); w.uint64(contentHash)
        let a = article
        w.int(a.bodyOffset); w.int(a.bodyLine); w.string(a.title)
        w.int(a.date.seconds); w.int(a.date.offset)
        w.bool(a.updated != nil)
        if let u = a.updated { w.int(u.seconds); w.int(u.offset) }
        w.optional(a.section); w.optional(a.source); w.optional(a.byline); w.optional(a.photoCredit)
        w.strings(a.people); w.strings(a.countries); w.string(a.summary); w.string(a.slug); w.bool(a.draft)
        w.optional(a.importedFrom)
        w.int(a.params.count)
        for key in a.params.keys.sorted() { w.string(key); a.params[key]!.write(to: &w) }
        a.images.write(to: &w)
        w.strings(a.aliases)
        w.optional(a.language); w.optional(a.translationKey)
    }

    static func read(from r: inout ByteReader) throws -> ArticleRecord {
        try readRest(from: &r, file: ContentFile(path: try r.string(), size: try r.int(), modified: try r.int()))
    }

    /// The record with its file fields stepped over: `file` is what they hold, as the cache's
    /// index of files already read them (its path's string is shared, not made again).
    static func read(from r: inout ByteReader, knownFile file: ContentFile) throws -> ArticleRecord {
        try r.skipString(); _ = try r.int(); _ = try r.int()
        return try readRest(from: &r, file: file)
    }

    private static func readRest(from r: inout ByteReader, file: ContentFile) throws -> ArticleRecord {
        let hash = try r.uint64()
        let bodyOffset = Int(try r.int()), bodyLine = Int(try r.int()), title = try r.string()
        let date = ArticleDate(seconds: try r.int(), offset: Int(try r.int()))
        let updated = try r.bool() ? ArticleDate(seconds: try r.int(), offset: Int(try r.int())) : nil
        let section = try r.optional(), source = try r.optional(), byline = try r.optional(), photo = try r.optional()
        let people = try r.strings(), countries = try r.strings(), summary = try r.string(), slug = try r.string()
        let draft = try r.bool(), importedFrom = try r.optional()
        var params: [String: ParamValue] = [:]
        for _ in 0..<(try r.count()) { params[try r.string()] = try ParamValue.read(from: &r) }
        let images = try ArticleImages.read(from: &r)
        let aliases = try r.strings()
        let language = try r.optional(), translationKey = try r.optional()
        var article = Article(
            file: file.path, bodyOffset: bodyOffset, bodyLine: bodyLine, title: title, date: date, updated: updated,
            section: section, source: source, byline: byline, photoCredit: photo, people: people, countries: countries,
            summary: summary, slug: slug, draft: draft, importedFrom: importedFrom, params: params)
        article.images = images
        article.aliases = aliases
        article.language = language
        article.translationKey = translationKey
        return ArticleRecord(file: file, contentHash: hash, article: article)
    }
}

extension ParamValue {
    func write(to w: inout ByteWriter) {
        switch self {
        case .text(let s): w.int(0); w.string(s)
        case .list(let items): w.int(1); w.int(items.count); for item in items { item.write(to: &w) }
        case .map(let dict):
            w.int(2); w.int(dict.count)
            for key in dict.keys.sorted() { w.string(key); dict[key]!.write(to: &w) }
        }
    }

    static func read(from r: inout ByteReader) throws -> ParamValue {
        switch try r.int() {
        case 0: return .text(try r.string())
        case 1: return .list(try (0..<(try r.count())).map { _ in try ParamValue.read(from: &r) })
        case 2:
            var dict: [String: ParamValue] = [:]
            for _ in 0..<(try r.count()) { dict[try r.string()] = try ParamValue.read(from: &r) }
            return .map(dict)
        default: throw ByteReader.Malformed()
        }
    }
}
