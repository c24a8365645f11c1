import Foundation

/// The inverted index of a site: for each term, the articles it occurs in with a
/// precomputed relevance (a BM25 weight quantized to 1...255), so that the browser only adds
/// numbers. Documents are the site's articles in site order, newest first, so a smaller
/// document number is a newer article: recency breaks ties for free.
///
/// Each term keeps at most `postingLimit` articles, its best-scoring ones: a word in half of
/// 100,000 articles would otherwise cost the reader hundreds of kilobytes per query, and
/// nobody reads past its top thousand results. The true document frequency is kept for the
/// term's weight.
public struct SearchIndex: Sendable {
    public struct Posting: Sendable, Equatable {
        public var document: UInt32
        public var impact: UInt8
    }

    public struct Entry: Sendable {
        public var term: String
        public var documentFrequency: Int
        /// By document number, ascending.
        public var postings: [Posting]
    }

    /// Sorted by term (Unicode scalar order, which is also JavaScript's code-unit order for
    /// every term outside the astral planes).
    public var entries: [Entry]
    public var documentCount: Int

    public static let postingLimit = 1000
    /// BM25's usual constants.
    static let k1: Float = 1.2, b: Float = 0.75

    /// Words too common to mean anything; the script drops them from queries too (the list
    /// travels in the index manifest).
    public static let stopWords: Set<String> = [
        "the", "and", "of", "to", "in", "on", "for", "at", "by", "with", "from", "is", "was", "are", "were", "be",
        "been", "it", "its", "as", "an", "or", "that", "this", "which", "who", "he", "she", "they", "his", "her",
        "their", "has", "had", "have", "not", "but",
    ]

    /// Indexes the site's articles. `body(i)` gives article i's Markdown body (nil when
    /// unreadable) and `bodyLength(i)` its length in bytes, known before reading it (BM25
    /// needs the average length before the first score); articles are tokenized in
    /// parallel, in chunks whose partial indexes are merged, so memory holds at most
    /// `postingLimit` postings per term.
    public static func build(site: Site, bodyLength: (Int) -> Int, body: @Sendable (Int) -> [UInt8]?) -> SearchIndex {
        let n = site.articles.count
        let lengths = (0..<n).map { Float(max(1, bodyLength($0))) }
        let averageLength = max(1, lengths.reduce(0, +) / Float(max(1, n)))
        let chunkSize = 512
        let chunks = Array(stride(from: 0, to: n, by: chunkSize))
        let partials = chunks.parallelMap { start -> [String: Accumulator] in
            var indexer = ChunkIndexer(stopWords: stopWords)
            for i in start..<min(n, start + chunkSize) {
                let bytes = body(i) ?? []
                let norm = k1 * (1 - b + b * lengths[i] / averageLength)
                bytes.withUnsafeBufferPointer { indexer.add(UInt32(i), article: site.articles[i], body: $0, norm: norm) }
            }
            return indexer.result()
        }
        var merged: [String: Accumulator] = [:]
        for partial in partials {
            for (term, accumulator) in partial {
                if var existing = merged.removeValue(forKey: term) {
                    existing.merge(accumulator)
                    merged[term] = existing
                } else {
                    merged[term] = accumulator
                }
            }
        }
        let entries = merged.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }).map { term -> Entry in
            let a = merged[term]!
            let df = Float(a.documentFrequency)
            let idf = log(1 + (Float(n) - df + 0.5) / (df + 0.5))
            let postings = a.top().map { Posting(document: $0.document, impact: UInt8(min(255, max(1, ($0.score * idf * 10).rounded())))) }
            return Entry(term: term, documentFrequency: a.documentFrequency, postings: postings)
        }
        return SearchIndex(entries: entries, documentCount: n)
    }

    /// A term's postings while indexing: every article counted, the best `postingLimit`
    /// kept (trimmed now and then, not at every add).
    struct Accumulator: Sendable {
        var documentFrequency = 0
        var candidates: [(document: UInt32, score: Float)] = []

        mutating func add(_ document: UInt32, score: Float) {
            documentFrequency += 1
            candidates.append((document, score))
            if candidates.count >= 2 * SearchIndex.postingLimit { trim() }
        }

        mutating func merge(_ other: Accumulator) {
            documentFrequency += other.documentFrequency
            candidates += other.candidates
            if candidates.count >= 2 * SearchIndex.postingLimit { trim() }
        }

        /// Best scores first; equal scores by document number, so the result never depends
        /// on how chunks were split.
        mutating func trim() {
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
            if candidates.count > SearchIndex.postingLimit { candidates.removeLast(candidates.count - SearchIndex.postingLimit) }
        }

        func top() -> [(document: UInt32, score: Float)] {
            var copy = self
            copy.trim()
            return copy.candidates.sorted { $0.document < $1.document }
        }
    }
}
