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

    /// Indexes the site's articles. `keys[i]` identifies article i's indexed content (its
    /// page signature): an article whose key is in `previous` is not read again. The others
    /// are read (`body(i)`, nil when unreadable) and tokenized in parallel, a batch at a time,
    /// so memory holds the term vectors (compact) and at most `postingLimit` postings per
    /// term. BM25's document length is the number of terms in the body, kept in the vectors.
    /// `parts` is how many runs of documents are scored in parallel (by default one per
    /// core, for archives big enough to gain from it); the index does not depend on it.
    static func build(site: Site, keys: [UInt64], previous: SearchVectors?, parts: Int? = nil,
                      body: @Sendable (Int) -> [UInt8]?) -> (SearchIndex, SearchVectors) {
        let n = site.articles.count
        var table = TermTable()
        for term in previous?.terms ?? [] { _ = table.id(of: term) }
        var vectors = SearchVectors()
        let batchSize = 4096, chunkSize = 256
        for batch in stride(from: 0, to: n, by: batchSize) {
            let end = min(n, batch + batchSize)
            let missing = (batch..<end).filter { previous?.offsets[keys[$0]] == nil }
            let chunks = Array(stride(from: 0, to: missing.count, by: chunkSize))
            let tokenized = chunks.parallelMap { start -> (terms: [String], vectors: [(terms: [(term: Int, frequency: Int)], length: Int)]) in
                var tokenizer = DocumentTokenizer(stopWords: stopWords)
                let mine = missing[start..<min(missing.count, start + chunkSize)]
                let vectors = mine.map { i in (body(i) ?? []).withUnsafeBufferPointer { tokenizer.vector(article: site.articles[i], body: $0) } }
                return ((0..<tokenizer.terms.count).map(tokenizer.terms.string), vectors)
            }
            var fresh: [Int: (terms: [(term: Int, frequency: Int)], length: Int)] = [:]
            for (c, chunk) in tokenized.enumerated() {
                var global: [Int?] = Array(repeating: nil, count: chunk.terms.count)
                for (k, vector) in chunk.vectors.enumerated() {
                    let terms = vector.terms.map { pair -> (term: Int, frequency: Int) in
                        if let id = global[pair.term] { return (id, pair.frequency) }
                        let id = table.id(of: chunk.terms[pair.term])
                        global[pair.term] = id
                        return (id, pair.frequency)
                    }
                    fresh[missing[chunks[c] + k]] = (terms, vector.length)
                }
            }
            for i in batch..<end {
                if let vector = fresh[i] { vectors.append(key: keys[i], length: vector.length, vector: vector.terms) }
                else if let previous, let offset = previous.offsets[keys[i]] { vectors.append(recordAt: offset, of: previous) }
            }
        }
        vectors.terms = (0..<table.count).map(table.string)

        // Records are decoded one at a time: all of them at once would be the build's peak.
        let offsets = (0..<n).map { vectors.offsets[keys[$0]] }
        let totalLength = offsets.reduce(0) { $0 + ($1.map(vectors.documentLength) ?? 0) }
        let averageLength = max(1, Float(totalLength) / Float(max(1, n)))
        // Each core scores its own run of documents into its own accumulators; they are
        // merged after. The best postings of a term are the same set whatever the order they
        // arrive in (ties go to the lower document), so the split changes nothing.
        let termCount = table.count, vectorsDone = vectors
        let partials = ProcessorCount.runs(of: n, minimumRun: 1024, parts: parts).parallelMap { run -> [Accumulator] in
            var accumulators = [Accumulator](repeating: Accumulator(), count: termCount)
            for i in run {
                guard let offset = offsets[i] else { continue }
                let record = vectorsDone.record(at: offset)
                let norm = k1 * (1 - b + b * Float(max(1, record.length)) / averageLength)
                for (term, doubled) in record.terms {
                    let tf = Float(doubled) / 2
                    accumulators[term].add(UInt32(i), score: tf * (k1 + 1) / (tf + norm))
                }
            }
            return accumulators
        }
        var accumulators = partials[0]
        for partial in partials.dropFirst() {
            for (term, other) in partial.enumerated() where other.documentFrequency > 0 { accumulators[term].merge(other) }
        }
        var entries: [Entry] = []
        for (id, a) in accumulators.enumerated() where a.documentFrequency > 0 {
            let df = Float(a.documentFrequency)
            let idf = log(1 + (Float(n) - df + 0.5) / (df + 0.5))
            let postings = a.top().map { Posting(document: $0.document, impact: UInt8(min(255, max(1, ($0.score * idf * 10).rounded())))) }
            entries.append(Entry(term: vectors.terms[id], documentFrequency: a.documentFrequency, postings: postings))
        }
        // UTF-8's byte order is the scalars' order, and bytes compare faster.
        entries.sort { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        return (SearchIndex(entries: entries, documentCount: n), vectors.compacted(keeping: accumulators.map { $0.documentFrequency > 0 }))
    }

    /// A term's postings while indexing: every article counted, the best `postingLimit`
    /// kept in a min-heap whose root is the worst kept, so a posting that cannot make the
    /// cut costs one comparison.
    struct Accumulator: Sendable {
        var documentFrequency = 0
        var heap: [(document: UInt32, score: Float)] = []

        /// Higher score first; equal scores by document number, so the result never depends
        /// on the order postings arrive in.
        @inline(__always) static func better(_ x: (document: UInt32, score: Float), _ y: (document: UInt32, score: Float)) -> Bool {
            x.score != y.score ? x.score > y.score : x.document < y.document
        }

        mutating func add(_ document: UInt32, score: Float) {
            documentFrequency += 1
            keep((document: document, score: score))
        }

        /// Another run of documents' counts and postings for the same term.
        mutating func merge(_ other: Accumulator) {
            documentFrequency += other.documentFrequency
            for posting in other.heap { keep(posting) }
        }

        private mutating func keep(_ posting: (document: UInt32, score: Float)) {
            if heap.count < SearchIndex.postingLimit {
                heap.append(posting)
                var k = heap.count - 1
                while k > 0 {
                    let parent = (k - 1) / 2
                    guard Self.better(heap[parent], heap[k]) else { break }
                    heap.swapAt(parent, k)
                    k = parent
                }
            } else if Self.better(posting, heap[0]) {
                heap[0] = posting
                var k = 0
                while true {
                    let l = 2 * k + 1, r = l + 1
                    var worst = k
                    if l < heap.count, Self.better(heap[worst], heap[l]) { worst = l }
                    if r < heap.count, Self.better(heap[worst], heap[r]) { worst = r }
                    if worst == k { break }
                    heap.swapAt(k, worst)
                    k = worst
                }
            }
        }

        /// The kept postings by document number.
        func top() -> [(document: UInt32, score: Float)] {
            heap.sorted { $0.document < $1.document }
        }
    }
}
