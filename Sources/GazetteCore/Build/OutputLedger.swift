/// Every file of a build's output with the signature of what it was made from, in the
/// order the build made them: its pages in plan order first, then the site files (feeds,
/// sitemap), the search index and the assets.
///
/// The next build looks its pages up here by position: when the plan has not changed
/// shape (no page added, removed or moved, as after any body or title edit), page k of this
/// build is page k of the last, and comparing the two paths is all a lookup costs. A page
/// found elsewhere is looked up by path in an index made only then. At 100,000 articles a
/// dictionary of all 161,000 paths cost about a tenth of a second to fill on every rebuild,
/// and as much again to query.
struct OutputLedger: Sendable {
    private(set) var paths: [String] = []
    private(set) var signatures: [UInt64] = []
    /// How many entries, from the first, are pages.
    private(set) var pageCount = 0
    /// Entries after the pages, by path: a few thousand at most.
    private var restIndex: [String: Int] = [:]

    init() {}

    init(pages: [(path: String, signature: UInt64)]) {
        paths = pages.map(\.path)
        signatures = pages.map(\.signature)
        pageCount = pages.count
    }

    var count: Int { paths.count }

    /// Adds a file after the pages (the last signature given for a path counts).
    mutating func append(_ path: String, _ signature: UInt64) {
        if let k = restIndex[path] { signatures[k] = signature; return }
        restIndex[path] = paths.count
        paths.append(path)
        signatures.append(signature)
    }

    /// The signature of a file after the pages.
    subscript(file path: String) -> UInt64? { restIndex[path].map { signatures[$0] } }

    /// `self[file:]` as a function to hand on.
    var fileLookup: @Sendable (String) -> UInt64? {
        let ledger = self
        return { ledger[file: $0] }
    }

    /// The files after the pages, in order.
    var files: [(path: String, signature: UInt64)] {
        (pageCount..<paths.count).map { (paths[$0], signatures[$0]) }
    }

    /// For each planned page, its signature in this ledger if it has the page: by position
    /// when the path there is the same, else by path. Also says whether every page was at
    /// its old position and the number of pages is the same (no page can have gone).
    func signatures(ofPages planned: [(String, UInt64)]) -> (signatures: [UInt64?], samePages: Bool) {
        var found = [UInt64?](repeating: nil, count: planned.count)
        var misses: [Int] = []
        for k in planned.indices {
            if k < pageCount, paths[k] == planned[k].0 { found[k] = signatures[k] } else { misses.append(k) }
        }
        if !misses.isEmpty {
            var index: [String: Int] = [:]
            index.reserveCapacity(pageCount)
            for k in 0..<pageCount { index[paths[k]] = k }
            for k in misses { found[k] = index[planned[k].0].map { signatures[$0] } }
        }
        return (found, misses.isEmpty && planned.count == pageCount)
    }

    /// The paths this ledger has and `newer` has not.
    func paths(missingFrom newer: OutputLedger, samePages: Bool) -> [String] {
        if samePages {
            // The pages are the same list: only the other files can have gone.
            return files.map(\.path).filter { newer.restIndex[$0] == nil }
        }
        let kept = Set(newer.paths)
        return paths.filter { !kept.contains($0) }
    }

    func write(to out: inout ChecksummedFile.Output) {
        out.bytes.int(pageCount)
        out.bytes.int(paths.count)
        for k in paths.indices {
            out.bytes.string(paths[k]); out.bytes.uint64(signatures[k])
            out.flushIfFull()
        }
    }

    static func read(from r: inout ByteReader) throws -> OutputLedger {
        var ledger = OutputLedger()
        let pages = try r.count(), total = try r.count()
        guard pages <= total else { throw ByteReader.Malformed() }
        ledger.paths.reserveCapacity(total)
        ledger.signatures.reserveCapacity(total)
        for k in 0..<total {
            let path = try r.string(), signature = try r.uint64()
            if k < pages {
                ledger.paths.append(path)
                ledger.signatures.append(signature)
                ledger.pageCount += 1
            } else {
                ledger.append(path, signature)
            }
        }
        return ledger
    }
}
