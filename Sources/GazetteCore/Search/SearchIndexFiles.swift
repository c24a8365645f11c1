import Foundation

/// The search index as the files the search page's script reads, all under `search-index/`:
///
/// - `manifest.json`, the manifest: the first term of every term shard, the stop words, the
///   sections and years to filter by, and how documents are grouped.
/// - `t/<n>.json`, term shards: consecutive terms in sorted order, about `shardBytes` each,
///   so a query term (or a prefix) costs one or two small downloads at any archive size.
///   Each term maps to `[document frequency, [gap, impact, gap, impact, ...]]`, gaps between
///   ascending document numbers, and a term with more documents than its postings hold
///   adds a third item, the key of its complete set. A phrase's pair (a term with a space)
///   has no weights: `[document frequency, [gap, gap, ...]]`, or `[document frequency, [],
///   key]` past the limit.
/// - `a/<key>.json`, every document of such a term (gaps or a bitmap, as filters are): the
///   second tier, fetched only for a query that has the term, so that the query's count is
///   exact and every match can be paged through.
/// - `e/<n>.json`, name shards: the names of people and countries, as a query writes them
///   (its terms joined by spaces), each to `[label, path, facet, articles, slug]` of every
///   person or country so called; the manifest lists each shard's first name.
/// - `d/<n>.json`, documents `documentsPerShard` at a time: title, path, day, section,
///   summary, people and countries (name and slug), for the results shown.
/// - `f/<taxonomy>/<slug>.json` and `y/<year>.json`, every document of one person,
///   country, section or year (not truncated), for filters: gaps, or a base64 bitmap when
///   that is smaller.
/// - `n/<taxonomy>.json`, every term of a taxonomy with its slug and count, for filtering
///   the people and countries indexes by name.
public struct SearchIndexFiles: Sendable {
    public static let folder = "search-index/"
    public static let manifest = folder + "manifest.json"
    /// Changes with the layout of the files, so that a build rewrites the manifest and the
    /// document sets an earlier layout wrote.
    static let formatVersion = 4
    static let shardBytes = 16 * 1024
    /// Names are looked up by every query: smaller shards than the terms' (a query that is no
    /// name pays for one), at the cost of a longer list of first names in the manifest.
    static let nameShardBytes = 8 * 1024
    /// Ten results of a query are usually ten documents far apart, each costing its shard:
    /// eight a file halves what sixteen cost, for twice the files.
    static let documentsPerShard = 8
    static let summaryLimit = 240

    let site: Site
    let index: SearchIndex

    public init(site: Site, index: SearchIndex) {
        self.site = site
        self.index = index
    }

    /// One file of the index with the signature of what it is made from; `text` is nil when
    /// `previous` shows the output already holds it (it was not even generated).
    public struct File: Sendable {
        public var path: String
        public var signature: UInt64
        public var data: Data?

        init(path: String, signature: UInt64, text: String?) {
            self.path = path
            self.signature = signature
            data = text.map { Data($0.utf8) }
        }

        init(path: String, signature: UInt64, bytes: [UInt8]?) {
            self.path = path
            self.signature = signature
            data = bytes.map { Data($0) }
        }
    }

    /// Every file of the index. `pages` are the articles' page signatures (what a document
    /// shard shows of them); `indexSignature` stands for the whole index (the manifest);
    /// `previous` are the last build's output signatures, to skip what did not change.
    public func files(pages: [UInt64], indexSignature: UInt64, previous: (@Sendable (String) -> UInt64?)?) -> [File] {
        var files: [File] = []
        let (shards, firstTerms) = termShards()
        for (k, shard) in shards.enumerated() {
            let path = "\(Self.folder)t/\(k).json", signature = StableHash.of(shard)
            files.append(File(path: path, signature: signature, bytes: previous?(path) == signature ? nil : shard))
        }
        files += completeSets(previous: previous)
        let (nameShards, firstNames) = nameShards()
        for (k, shard) in nameShards.enumerated() {
            let path = "\(Self.folder)e/\(k).json", signature = StableHash.of(shard)
            files.append(File(path: path, signature: signature, bytes: previous?(path) == signature ? nil : shard))
        }
        files += documentShards(pages: pages, previous: previous)
        files += facets(previous: previous)
        files.append(File(path: Self.manifest, signature: indexSignature, text: manifestJSON(firstTerms: firstTerms, firstNames: firstNames)))
        return files
    }

    func manifestJSON(firstTerms: [String], firstNames: [String]) -> String {
        var facets: [String] = []
        for taxonomy in site.taxonomies {
            facets.append("{\"kind\":\(Escape.jsonString(taxonomy.config.kind.rawValue)),\"path\":\(Escape.jsonString(taxonomy.config.path)),\"title\":\(Escape.jsonString(taxonomy.config.title))}")
        }
        let sections = site.taxonomy(.sections).map { t in t.terms.map { "[\(Escape.jsonString($0.label)),\(Escape.jsonString($0.slug))]" } } ?? []
        return "{\"version\":\(Self.formatVersion),\"documents\":\(index.documentCount),\"documents_per_shard\":\(Self.documentsPerShard)"
            + ",\"posting_limit\":\(SearchIndex.postingLimit)"
            // How many stop words a phrase's pair may span, for the script to make the same pairs.
            + ",\"phrases\":\(site.config.searchPhrases ? "{\"gap\":\(DocumentTokenizer.pairGap)}" : "false")"
            + ",\"stop\":[\(SearchIndex.stopWords.sorted().map(Escape.jsonString).joined(separator: ","))]"
            + ",\"facets\":[\(facets.joined(separator: ","))]"
            + ",\"sections\":[\(sections.joined(separator: ","))]"
            + ",\"years\":[\(site.years.map { String($0.year) }.joined(separator: ","))]"
            + ",\"shards\":[\(firstTerms.map(Escape.jsonString).joined(separator: ","))]"
            + ",\"names\":[\(firstNames.map(Escape.jsonString).joined(separator: ","))]}\n"
    }

    /// The key of a term's complete set: its stable hash in hex, so that the file keeps its
    /// name from build to build whatever else the index holds.
    static func setKey(_ term: String) -> String {
        let hex = String(StableHash.of(term), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The complete set of every term whose postings are its best only.
    func completeSets(previous: (@Sendable (String) -> UInt64?)?) -> [File] {
        let capped = index.entries.filter { !$0.every.isEmpty }
        return capped.parallelMap { entry -> File in
            let path = "\(Self.folder)a/\(Self.setKey(entry.term)).json"
            var h = StableHash()
            h.add("every"); h.add(Self.formatVersion); h.add(index.documentCount)
            for word in entry.every { h.add(word) }
            if previous?(path) == h.value { return File(path: path, signature: h.value, text: nil) }
            var documents: [Int] = []
            documents.reserveCapacity(entry.documentFrequency)
            for (k, word) in entry.every.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    documents.append(k * 64 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
            return File(path: path, signature: h.value, text: Self.documentSet(documents, of: index.documentCount))
        }
    }

    /// The names of people and countries as a query writes them: the terms of each label
    /// (and of the name it is tagged with, when a country's label is in another language),
    /// joined by spaces, in sorted order, grouped into shards like the terms.
    func nameShards() -> (shards: [[UInt8]], firstKeys: [String]) {
        var named: [String: [String]] = [:]
        for (f, taxonomy) in site.taxonomies.enumerated() where taxonomy.config.kind == .people || taxonomy.config.kind == .countries {
            for term in taxonomy.terms {
                let value = "[\(Escape.jsonString(term.label)),\(Escape.jsonString(term.path)),\(f),\(term.articles.count)"
                    + ",\(Escape.jsonString(term.slug))]"
                for key in Set([term.label, term.name].map(Self.nameKey)) where !key.isEmpty { named[key, default: []].append(value) }
            }
        }
        var shards = ShardGrouper(bytes: Self.nameShardBytes)
        for key in named.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            var line: [UInt8] = []
            Escape.appendJSONString(key, to: &line)
            line += Array(":[\(named[key]!.joined(separator: ","))]".utf8)
            shards.add(key: key, member: line)
        }
        return shards.finish()
    }

    /// A name as the search script looks it up: its search terms joined by spaces.
    static func nameKey(_ name: String) -> String {
        var terms: [String] = []
        SearchTokenizer.terms(name) { terms.append($0) }
        return terms.joined(separator: " ")
    }

    /// Consecutive terms grouped until a shard reaches `shardBytes`; a term is never split.
    /// Made as bytes, not strings: every shard is made on every build that changes the
    /// index, to compare its signature, and most are then not written.
    func termShards() -> (shards: [[UInt8]], firstKeys: [String]) {
        var shards = ShardGrouper(bytes: Self.shardBytes)
        var line: [UInt8] = []
        for entry in index.entries {
            line.removeAll(keepingCapacity: true)
            Escape.appendJSONString(entry.term, to: &line)
            line += [0x3A, 0x5B]  // ":["
            Escape.appendDecimal(entry.documentFrequency, to: &line)
            line += [0x2C, 0x5B]  // ",["
            var previous: UInt32 = 0
            let weighed = !DocumentTokenizer.isPair(entry.term)
            for (k, p) in entry.postings.enumerated() {
                if k > 0 { line.append(0x2C) }
                Escape.appendDecimal(Int(p.document - previous), to: &line)
                if weighed {
                    line.append(0x2C)
                    Escape.appendDecimal(Int(p.impact), to: &line)
                }
                previous = p.document
            }
            line.append(0x5D)  // "]"
            if !entry.every.isEmpty {
                line.append(0x2C)
                Escape.appendJSONString(Self.setKey(entry.term), to: &line)
            }
            line.append(0x5D)
            shards.add(key: entry.term, member: line)
        }
        return shards.finish()
    }

    func documentShards(pages: [UInt64], previous: (@Sendable (String) -> UInt64?)?) -> [File] {
        let n = site.articles.count
        let people = site.taxonomy(.people), countries = site.taxonomy(.countries), sections = site.taxonomy(.sections)
        @Sendable func terms(_ names: [String], _ taxonomy: Taxonomy?) -> String {
            guard let taxonomy else { return "[]" }
            let pairs = names.compactMap { name in taxonomy.term(named: name).map { "[\(Escape.jsonString($0.label)),\(Escape.jsonString($0.slug))]" } }
            return "[" + pairs.joined(separator: ",") + "]"
        }
        return Array(stride(from: 0, to: n, by: Self.documentsPerShard)).parallelMap { start -> File in
            let range = start..<min(n, start + Self.documentsPerShard)
            let path = "\(Self.folder)d/\(start / Self.documentsPerShard).json"
            var h = StableHash()
            h.add("documents"); h.add(range.count)
            for i in range { h.add(pages[i]) }
            if previous?(path) == h.value { return File(path: path, signature: h.value, text: nil) }
            let docs = range.map { i -> String in
                let a = site.articles[i]
                let t = a.date.local
                let day = "\(t.year)-\(t.month < 10 ? "0" : "")\(t.month)-\(t.day < 10 ? "0" : "")\(t.day)"
                let section = a.section.flatMap { sections?.term(named: $0) }.map { "[\(Escape.jsonString($0.label)),\(Escape.jsonString($0.slug))]" } ?? "null"
                let summary = a.summary.utf8.count > Self.summaryLimit && a.summary.count > Self.summaryLimit
                    ? String(a.summary.prefix(Self.summaryLimit)) + "…" : a.summary
                return "[\(Escape.jsonString(a.title)),\(Escape.jsonString(site.articlePaths[i])),\"\(day)\",\(section),\(Escape.jsonString(summary))"
                    + ",\(terms(a.people, people)),\(terms(a.countries, countries))]"
            }
            return File(path: path, signature: h.value, text: "[" + docs.joined(separator: ",\n") + "]\n")
        }
    }

    func facets(previous: (@Sendable (String) -> UInt64?)?) -> [File] {
        var files: [File] = []
        let count = index.documentCount
        func set(_ path: String, _ documents: [Int]) {
            let sorted = documents.sorted()
            var h = StableHash()
            h.add("set"); h.add(Self.formatVersion); h.add(count); h.add(sorted.count)
            for d in sorted { h.add(d) }
            files.append(File(path: path, signature: h.value, text: previous?(path) == h.value ? nil : Self.documentSet(sorted, of: count)))
        }
        for taxonomy in site.taxonomies {
            let path = taxonomy.config.path
            for term in taxonomy.terms { set("\(Self.folder)f/\(path)/\(term.slug).json", term.articles) }
            let names = "[" + taxonomy.terms.map { "[\(Escape.jsonString($0.label)),\(Escape.jsonString($0.slug)),\($0.articles.count)]" }.joined(separator: ",\n") + "]\n"
            let namesPath = "\(Self.folder)n/\(path).json", signature = StableHash.of(names)
            files.append(File(path: namesPath, signature: signature, text: previous?(namesPath) == signature ? nil : names))
        }
        for year in site.years { set("\(Self.folder)y/\(year.year).json", year.articles) }
        return files
    }

    /// Ascending document numbers as `{"d":[gaps]}`; as `{"n":[gaps],"c":count}`, the gaps
    /// of the documents *not* in the set, for a word in nearly every article (`government` in
    /// 999,819 of 1,000,000: 181 gaps instead of a 167 KB bitmap); or as
    /// `{"b":"<base64 bitmap>"}`, whichever is smallest (a country in half the archive: 17 KB
    /// at 100,000 articles).
    static func documentSet(_ documents: [Int], of count: Int) -> String {
        func gaps(_ list: [Int]) -> String {
            var previous = 0
            return list.map { d -> String in defer { previous = d }; return String(d - previous) }.joined(separator: ",")
        }
        let present = gaps(documents)
        let bitmapBytes = (count + 7) / 8
        if documents.count * 2 > count {
            var absent: [Int] = [], next = 0
            for d in documents + [count] {
                while next < d { absent.append(next); next += 1 }
                next = d + 1
            }
            let missing = gaps(absent)
            // `,"c":N` is about a dozen bytes more than the other forms carry.
            if missing.utf8.count + 12 < min(present.utf8.count, bitmapBytes * 4 / 3) {
                return "{\"n\":[\(missing)],\"c\":\(count)}\n"
            }
        }
        if present.utf8.count <= bitmapBytes * 4 / 3 { return "{\"d\":[\(present)]}\n" }
        var bits = [UInt8](repeating: 0, count: bitmapBytes)
        for d in documents { bits[d >> 3] |= 1 << UInt8(d & 7) }
        return "{\"b\":\"\(Data(bits).base64EncodedString())\"}\n"
    }
}

/// JSON object members, consecutive, grouped into objects until one reaches `bytes`; a
/// member is never split.
struct ShardGrouper {
    let bytes: Int
    private var shards: [[UInt8]] = [], firstKeys: [String] = []
    private var current: [UInt8] = [0x7B], first: String?  // "{"

    init(bytes: Int) {
        self.bytes = bytes
    }

    mutating func add(key: String, member: [UInt8]) {
        if first != nil, current.count - 1 + member.count > bytes { close() }
        if first == nil { first = key } else { current.append(0x2C) }
        current += member
    }

    private mutating func close() {
        guard let first else { return }
        shards.append(current + [0x7D, 0x0A])  // "}\n"
        firstKeys.append(first)
        current = [0x7B]
        self.first = nil
    }

    mutating func finish() -> (shards: [[UInt8]], firstKeys: [String]) {
        close()
        return (shards, firstKeys)
    }
}
