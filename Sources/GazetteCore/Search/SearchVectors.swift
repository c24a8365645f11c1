import Foundation

/// Every article's term vector as the last index build made it, kept beside the output
/// (`public.gazette-search`), so that the next build tokenizes only the articles whose
/// indexed content changed and reads the others' terms from here.
///
/// Records are keyed by the article's page signature (its file's hash, its title, date,
/// names and their links), so a record is used only for exactly the content it was made
/// from. Terms are numbered in one table; a record is its key, its length in bytes, the
/// article's body length in terms, then (term number, doubled frequency) pairs. After the
/// records comes the index they gave (`scored`), when it was kept. Like the build cache, the
/// file ends with a hash of all it holds, and a file that is short, corrupt or of another
/// format is ignored (every article is read again).
struct SearchVectors {
    static let magic: [UInt8] = Array("GAZETTE-SEARCH".utf8)
    /// Changes whenever the tokenizer, the stop words, the weights or the layout do.
    static let formatVersion = 6

    var terms: [String] = []
    /// Whether the records hold phrase pairs (`search_phrases`).
    var phrases = false
    /// Records end to end.
    var blob: [UInt8] = []
    /// Record start in `blob` by key.
    var offsets: [UInt64: Int] = [:]
    /// The index these vectors gave, for the next build to keep what did not change.
    var scored: ScoredIndex? = nil

    static func path(forOutput output: String, edition: String = "") -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-search"
            + (edition.isEmpty ? "" : "-" + edition.dropLast())
    }

    /// Appends a record: the key, the length of what follows, the body's length in terms,
    /// then the pairs.
    mutating func append(key: UInt64, length: Int, vector: [(term: Int, frequency: Int)]) {
        var pairs = ByteWriter()
        pairs.int(length)
        for (t, f) in vector { pairs.int(t); pairs.int(f) }
        var head = ByteWriter()
        head.uint64(key)
        head.int(pairs.bytes.count)
        offsets[key] = blob.count
        blob += head.bytes
        blob += pairs.bytes
    }

    /// Copies the records at `recordOffsets` of `other` (whose terms are numbered as here),
    /// in that order. Records that lie end to end in `other` are copied together: after one
    /// edit, nearly every record of the archive is copied in the order it was, and copying
    /// 100,000 records one at a time was most of the index's time.
    mutating func append(recordsAt recordOffsets: [Int], of other: SearchVectors) {
        var reader = ByteReader(other.blob)
        var runStart = 0, runEnd = 0
        for offset in recordOffsets {
            reader.move(to: offset)
            guard let key = try? reader.uint64(), let length = try? reader.count() else { continue }
            if offset != runEnd {
                blob += other.blob[runStart..<runEnd]
                runStart = offset
            }
            offsets[key] = blob.count + (offset - runStart)
            runEnd = reader.position + length
        }
        blob += other.blob[runStart..<runEnd]
    }

    /// The body length, in terms, of the record at `offset`.
    func documentLength(at offset: Int) -> Int {
        var r = ByteReader(blob, at: offset)
        guard (try? r.uint64()) != nil, (try? r.count()) != nil, let length = try? r.int() else { return 0 }
        return Int(length)
    }

    /// The body length and the vector of the record at `offset`.
    func record(at offset: Int) -> (length: Int, terms: [(term: Int, frequency: Int)]) {
        var out: [(term: Int, frequency: Int)] = []
        let length = forEachPair(at: offset) { out.append(($0, $1)) }
        return (length, out)
    }

    /// The body length of the record at `offset`, after calling `pair` with each of its
    /// (term number, doubled frequency) pairs: `record(at:)` without making an array, for
    /// scoring, which walks every record of the archive.
    func forEachPair(at offset: Int, _ pair: (Int, Int) -> Void) -> Int {
        var r = ByteReader(blob, at: offset)
        guard (try? r.uint64()) != nil, let size = try? r.count() else { return 0 }
        let end = r.position + size
        guard let length = try? r.int() else { return 0 }
        while r.position < end {
            guard let term = try? r.int(), let frequency = try? r.int() else { break }
            pair(Int(term), Int(frequency))
        }
        return Int(length)
    }

    /// The same vectors without the terms no article uses any more (of deleted or edited
    /// articles), renumbered, once they are half the table; otherwise unchanged.
    func compacted(keeping used: [Bool]) -> SearchVectors {
        let unused = used.lazy.filter { !$0 }.count
        guard unused > 0, unused * 2 >= terms.count else { return self }
        var number = [Int](repeating: -1, count: terms.count)
        var out = SearchVectors()
        out.phrases = phrases
        for (id, keep) in used.enumerated() where keep {
            number[id] = out.terms.count
            out.terms.append(terms[id])
        }
        for (key, offset) in offsets.sorted(by: { $0.value < $1.value }) {
            let record = record(at: offset)
            out.append(key: key, length: record.length, vector: record.terms.compactMap { number[$0.term] >= 0 ? (number[$0.term], $0.frequency) : nil })
        }
        return out
    }

    /// Writes the vectors beside `path` and puts them in place when `succeeded` (called
    /// once all is written, and may wait for the build's end) says so.
    func save(to path: String, when succeeded: () -> Bool = { true }) throws {
        try ChecksummedFile.write(path, magic: Self.magic) { out in
            out.bytes.int(Self.formatVersion)
            out.bytes.bool(phrases)
            out.bytes.strings(terms)
            out.bytes.int(blob.count)
            for start in stride(from: 0, to: blob.count, by: 1 << 20) {
                out.bytes.raw(blob[start..<min(blob.count, start + (1 << 20))])
                out.flushIfFull()
            }
            out.bytes.bool(scored != nil)
            if let scored { scored.write(to: &out) }
            guard succeeded() else { throw BuildCache.Abandoned() }
        }
    }

    static func load(from path: String) -> SearchVectors? {
        guard let payload = ChecksummedFile.read(path, magic: magic) else { return nil }
        var r = ByteReader(payload)
        guard (try? r.int()) == Int64(formatVersion), let phrases = try? r.bool(), let terms = try? r.strings(),
              let size = try? r.count(), r.position + size < payload.count else { return nil }
        var vectors = SearchVectors(terms: terms, phrases: phrases, blob: Array(payload[r.position..<(r.position + size)]))
        var tail = ByteReader(payload, at: r.position + size)
        guard let hasScored = try? tail.bool() else { return nil }
        if hasScored {
            guard let scored = try? ScoredIndex.read(from: &tail, termCount: terms.count), tail.atEnd else { return nil }
            vectors.scored = scored
        }
        // Index the records by key (the hash above already vouches for their contents).
        var reader = ByteReader(vectors.blob)
        while !reader.atEnd {
            let start = reader.position
            guard let key = try? reader.uint64(), let length = try? reader.count(), reader.position + length <= vectors.blob.count else { return nil }
            reader = ByteReader(vectors.blob, at: reader.position + length)
            vectors.offsets[key] = start
        }
        return vectors
    }
}

/// An index as a build made it, by term number, with what its weights were computed from:
/// the documents (by key, in document order) and their average length.
struct ScoredIndex {
    struct Term {
        var documentFrequency = 0
        var postings: [SearchIndex.Posting] = []
        var every: [UInt64] = []
    }

    var averageLength: Float
    var order: [UInt64]
    /// By term number; a document frequency of 0 for a term no document has.
    var terms: [Term]

    func write(to out: inout ChecksummedFile.Output) {
        out.bytes.int(Int(averageLength.bitPattern))
        out.bytes.int(order.count)
        for key in order { out.bytes.uint64(key) }
        out.flushIfFull()
        out.bytes.int(terms.count)
        for term in terms {
            out.bytes.int(term.documentFrequency)
            out.bytes.int(term.postings.count)
            var last: UInt32 = 0
            for posting in term.postings {
                out.bytes.int(Int(posting.document - last))
                out.bytes.int(Int(posting.impact))
                last = posting.document
            }
            out.bytes.int(term.every.count)
            for word in term.every { out.bytes.uint64(word) }
            out.flushIfFull()
        }
    }

    static func read(from r: inout ByteReader, termCount: Int) throws -> ScoredIndex {
        guard let bits = UInt32(exactly: try r.int()) else { throw ByteReader.Malformed() }
        let order = try (0..<(try r.count())).map { _ in try r.uint64() }
        let count = try r.count()
        guard count == termCount else { throw ByteReader.Malformed() }
        var terms: [Term] = []
        terms.reserveCapacity(count)
        for _ in 0..<count {
            let df = Int(try r.int())
            var postings: [SearchIndex.Posting] = []
            let n = try r.count()
            postings.reserveCapacity(n)
            var document: UInt32 = 0
            for _ in 0..<n {
                guard let gap = UInt32(exactly: try r.int()), let impact = UInt8(exactly: try r.int()) else { throw ByteReader.Malformed() }
                let (next, overflow) = document.addingReportingOverflow(gap)
                guard !overflow else { throw ByteReader.Malformed() }
                document = next
                postings.append(SearchIndex.Posting(document: document, impact: impact))
            }
            let words = try r.count()
            guard words == 0 || words == (order.count + 63) / 64 else { throw ByteReader.Malformed() }
            let every = try (0..<words).map { _ in try r.uint64() }
            terms.append(Term(documentFrequency: df, postings: postings, every: every))
        }
        return ScoredIndex(averageLength: Float(bitPattern: bits), order: order, terms: terms)
    }
}
