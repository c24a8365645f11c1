/// Articles whose URL changed since the last build (a new slug, a corrected date): found by
/// comparing each re-read file's article with the cache's record of it, and kept only when
/// the old page was published (the last build's outputs had it) and the new one is.
enum MovedArticles {
    /// - Parameters:
    ///   - changed: indices into `records` of the files read again this build.
    ///   - previous: the cache's records, sorted by file path like `records`.
    static func find(records: [ArticleRecord], changed: [Int], previous: [ArticleRecord], previousOutputs: OutputLedger?,
                     published: () -> Set<String>) -> [RedirectTable.Entry] {
        guard let previousOutputs, !previous.isEmpty else { return [] }
        var candidates: [(from: String, to: String)] = []
        var j = 0
        for i in changed {
            let record = records[i]
            while j < previous.count && previous[j].file.path < record.file.path { j += 1 }
            guard j < previous.count, previous[j].file.path == record.file.path else { continue }
            let old = previous[j].article, new = record.article
            let from = SitePaths.article(old, slug: old.slug), to = SitePaths.article(new, slug: new.slug)
            if from != to { candidates.append((from, to)) }
        }
        guard !candidates.isEmpty else { return [] }
        let live = published()
        let lastPages = Set(previousOutputs.paths)
        return candidates.filter { lastPages.contains($0.from + "index.html") && live.contains($0.to) }.map {
            RedirectTable.Entry(from: OldAddress(sitePath: $0.from), to: $0.to, line: nil)
        }
    }
}
