import Foundation

/// Every article's term vector as the last index build made it, kept beside the output
/// (`public.gazette-search`), so that the next build tokenizes only the articles whose
/// indexed content changed and reads the others' terms from here.
///
/// Records are keyed by the article's page signature (its file's hash, its title, date,
/// names and their links), so a record is used only for exactly the content it was made
/// from. Terms are numbered in one table; a record is its key, its length in bytes, the
/// article's body length in terms, then (term number, doubled frequency) pairs. Like the build cache, the file ends with a hash of all it holds, and a
/// file that is short, corrupt or of another format is ignored (every article is read again).
struct SearchVectors {
    static let magic: [UInt8] = Array("GAZETTE-SEARCH".utf8)
    /// Changes whenever the tokenizer, the stop words or the weights do.
    static let formatVersion = 3

    var terms: [String] = []
    /// Records end to end.
    var blob: [UInt8] = []
    /// Record start in `blob` by key.
    var offsets: [UInt64: Int] = [:]

    static func path(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-search"
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

    /// Copies the record at `offset` of `other` (whose terms are numbered as here).
    mutating func append(recordAt offset: Int, of other: SearchVectors) {
        var r = ByteReader(other.blob, at: offset)
        guard let key = try? r.uint64(), let length = try? r.count() else { return }
        offsets[key] = blob.count
        blob += other.blob[offset..<(r.position + length)]
    }

    /// The body length, in terms, of the record at `offset`.
    func documentLength(at offset: Int) -> Int {
        var r = ByteReader(blob, at: offset)
        guard (try? r.uint64()) != nil, (try? r.count()) != nil, let length = try? r.int() else { return 0 }
        return Int(length)
    }

    /// The body length and the vector of the record at `offset`.
    func record(at offset: Int) -> (length: Int, terms: [(term: Int, frequency: Int)]) {
        var r = ByteReader(blob, at: offset)
        guard (try? r.uint64()) != nil, let size = try? r.count() else { return (0, []) }
        let end = r.position + size
        guard let length = try? r.int() else { return (0, []) }
        var out: [(term: Int, frequency: Int)] = []
        while r.position < end {
            guard let t = try? r.int(), let f = try? r.int() else { return (Int(length), out) }
            out.append((Int(t), Int(f)))
        }
        return (Int(length), out)
    }

    /// The same vectors without the terms no article uses any more (of deleted or edited
    /// articles), renumbered, once they are half the table; otherwise unchanged.
    func compacted(keeping used: [Bool]) -> SearchVectors {
        let unused = used.lazy.filter { !$0 }.count
        guard unused > 0, unused * 2 >= terms.count else { return self }
        var number = [Int](repeating: -1, count: terms.count)
        var out = SearchVectors()
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

    func save(to path: String) throws {
        try ChecksummedFile.write(path, magic: Self.magic) { out in
            out.bytes.int(Self.formatVersion)
            out.bytes.strings(terms)
            out.bytes.int(blob.count)
            for start in stride(from: 0, to: blob.count, by: 1 << 20) {
                out.bytes.raw(blob[start..<min(blob.count, start + (1 << 20))])
                out.flushIfFull()
            }
        }
    }

    static func load(from path: String) -> SearchVectors? {
        guard let payload = ChecksummedFile.read(path, magic: magic) else { return nil }
        var r = ByteReader(payload)
        guard (try? r.int()) == Int64(formatVersion), let terms = try? r.strings(), let size = try? r.count(),
              r.position + size == payload.count else { return nil }
        var vectors = SearchVectors(terms: terms, blob: Array(payload[r.position...]))
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
