import Foundation

/// The inverted index of a site: for each term, the articles it occurs in with a
/// precomputed relevance (a BM25 weight quantized to 1...255), so that the browser only adds
/// numbers. Documents are the site's articles in site order, newest first, so a smaller
/// document number is a newer article: recency breaks ties for free.
///
/// Each term keeps at most `postingLimit` weighted postings, its best-scoring articles: a word
/// in half of 100,000 articles would otherwise cost the reader hundreds of kilobytes for its
/// weights. A term with more articles than that also keeps the set of all of them (`every`,
/// one bit per article, written as its own file), so that a query of common words counts
/// and pages through every article that has them all, ranking the ones outside a word's
/// best by that word's lowest kept weight.
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
        /// Every document with the term, one bit each (document d is bit d % 64 of word
        /// d / 64), when there are more than `postingLimit`; empty otherwise (the postings
        /// are then every document).
        public var every: [UInt64] = []
    }

    /// Sorted by term (Unicode scalar order, which is also JavaScript's code-unit order for
    /// every term outside the astral planes).
    public var entries: [Entry]
    public var documentCount: Int
    /// How many terms this build scored; the others' entries were the last build's.
    var termsScored = 0

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
        let phrases = site.config.searchPhrases
        // Vectors made with phrases on or off are of no use to a build with the other.
        let previous = previous?.phrases == phrases ? previous : nil
        let previousTerms = previous?.terms ?? []
        var table = TermTable(capacity: previousTerms.count + 4096)
        for term in previousTerms { _ = table.id(of: term) }
        var vectors = SearchVectors()
        vectors.phrases = phrases
        vectors.offsets.reserveCapacity(n)
        vectors.blob.reserveCapacity(previous?.blob.count ?? 0)
        let batchSize = 4096, chunkSize = 256
        for batch in stride(from: 0, to: n, by: batchSize) {
            let end = min(n, batch + batchSize)
            let missing = (batch..<end).filter { previous?.offsets[keys[$0]] == nil }
            let chunks = Array(stride(from: 0, to: missing.count, by: chunkSize))
            let tokenized = chunks.parallelMap { start -> (terms: [String], vectors: [(terms: [(term: Int, frequency: Int)], length: Int)]) in
                var tokenizer = DocumentTokenizer(stopWords: stopWords, pairs: phrases)
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
            var kept: [Int] = []  // offsets in `previous` of the records copied next
            for i in batch..<end {
                if let vector = fresh[i] {
                    if let previous, !kept.isEmpty { vectors.append(recordsAt: kept, of: previous); kept = [] }
                    vectors.append(key: keys[i], length: vector.length, vector: vector.terms)
                } else if let offset = previous?.offsets[keys[i]] {
                    kept.append(offset)
                }
            }
            if let previous, !kept.isEmpty { vectors.append(recordsAt: kept, of: previous) }
        }
        vectors.terms = previousTerms + (previousTerms.count..<table.count).map(table.string)

        // Records are decoded one at a time: all of them at once would be the build's peak.
        let offsets = (0..<n).map { vectors.offsets[keys[$0]] }
        let totalLength = offsets.reduce(0) { $0 + ($1.map(vectors.documentLength) ?? 0) }
        // A whole number of terms: one edited article among many seldom moves it, so the
        // other articles' weights stay as they were and their terms need no scoring again.
        let averageLength = max(1, (Float(totalLength) / Float(max(1, n))).rounded())
        let termCount = table.count
        let kept = previous?.scored
        let rescore = kept.flatMap { affectedTerms(since: $0, previous: previous!, keys: keys, vectors: vectors, averageLength: averageLength) }
        let accumulators = score(vectors, offsets: offsets, averageLength: averageLength, termCount: termCount, only: rescore, parts: parts)
        var entries: [Entry] = []
        entries.reserveCapacity(termCount)
        var scored = [ScoredIndex.Term](repeating: ScoredIndex.Term(), count: termCount)
        for id in 0..<termCount {
            if let rescore, !rescore[id], let kept {
                // No article with this term changed: its entry is the last build's.
                guard id < kept.terms.count, kept.terms[id].documentFrequency > 0 else { continue }
                scored[id] = kept.terms[id]
            } else {
                let a = accumulators[id]
                guard a.documentFrequency > 0 else { continue }
                let df = Float(a.documentFrequency)
                let idf = log(1 + (Float(n) - df + 0.5) / (df + 0.5))
                let postings = a.top().map { Posting(document: $0.document, impact: UInt8(min(255, max(1, ($0.score * idf * 10).rounded())))) }
                scored[id] = ScoredIndex.Term(documentFrequency: a.documentFrequency, postings: postings, every: a.every)
            }
            let term = scored[id]
            entries.append(Entry(term: vectors.terms[id], documentFrequency: term.documentFrequency, postings: term.postings, every: term.every))
        }
        entries = sortedByTerm(entries)
        var out = vectors.compacted(keeping: scored.map { $0.documentFrequency > 0 })
        // Renumbered terms would not match the entries' numbers: the next build scores all.
        if out.terms.count == termCount { out.scored = ScoredIndex(averageLength: averageLength, order: keys, terms: scored) }
        let termsScored = rescore.map { $0.lazy.filter { $0 }.count } ?? termCount
        return (SearchIndex(entries: entries, documentCount: n, termsScored: termsScored), out)
    }

    /// Entries in UTF-8 byte order of their terms, which is their scalars' order. Sorted as
    /// positions by each term's first eight bytes, the whole terms compared only on a tie:
    /// moving entries and walking strings made this a tenth of a rebuild's index time.
    private static func sortedByTerm(_ entries: [Entry]) -> [Entry] {
        let prefixes = entries.map { entry -> UInt64 in
            var key: UInt64 = 0, shift: UInt64 = 56
            for byte in entry.term.utf8.prefix(8) { key |= UInt64(byte) << shift; shift &-= 8 }
            return key
        }
        let order = entries.indices.sorted { a, b in
            prefixes[a] != prefixes[b] ? prefixes[a] < prefixes[b] : entries[a].term.utf8.lexicographicallyPrecedes(entries[b].term.utf8)
        }
        return order.map { entries[$0] }
    }

    /// Which terms need scoring again, by term number, when the last build's index can be
    /// kept for the rest: the same number of articles in the same order but for articles
    /// whose content changed in place, and the same average length. A term's weights depend
    /// only on those and on the articles that have it, so only the terms of the changed
    /// articles, before and after, can change. Nil when the index must be scored whole.
    private static func affectedTerms(since kept: ScoredIndex, previous: SearchVectors, keys: [UInt64], vectors: SearchVectors,
                                      averageLength: Float) -> [Bool]? {
        guard kept.order.count == keys.count, kept.averageLength == averageLength else { return nil }
        let changed = keys.indices.filter { keys[$0] != kept.order[$0] }
        // Past a quarter of the archive, scoring everything costs no more.
        guard changed.count * 4 <= keys.count else { return nil }
        var affected = [Bool](repeating: false, count: vectors.terms.count)
        for i in changed {
            guard let old = previous.offsets[kept.order[i]], let new = vectors.offsets[keys[i]] else { return nil }
            for (term, _) in previous.record(at: old).terms { affected[term] = true }
            for (term, _) in vectors.record(at: new).terms { affected[term] = true }
        }
        return affected
    }

    /// Every term's postings (or, with `only`, those of the terms it marks), each core scoring
    /// its own run of documents, the runs merged after. The best postings of a term are the
    /// same set whatever the order they arrive in (ties go to the lower document), so the
    /// split changes nothing.
    private static func score(_ vectors: SearchVectors, offsets: [Int?], averageLength: Float, termCount: Int, only: [Bool]?, parts: Int?) -> [Accumulator] {
        // A phrase's pair is scored 0 in every article: its words rank its articles, and
        // postings of equal score arriving in document order keep their heap in order.
        let pairs = (0..<termCount).map { DocumentTokenizer.isPair(vectors.terms[$0]) }
        let partials = ProcessorCount.runs(of: offsets.count, minimumRun: 1024, parts: parts).parallelMap { run -> [Accumulator] in
            var accumulators = (0..<termCount).map { Accumulator(documentCount: offsets.count, setOnly: pairs[$0]) }
            for i in run {
                guard let offset = offsets[i] else { continue }
                let norm = k1 * (1 - b + b * Float(max(1, vectors.documentLength(at: offset))) / averageLength)
                _ = vectors.forEachPair(at: offset) { term, doubled in
                    guard only?[term] ?? true else { return }
                    let tf = Float(doubled) / 2
                    accumulators[term].add(UInt32(i), score: pairs[term] ? 0 : tf * (k1 + 1) / (tf + norm))
                }
            }
            return accumulators
        }
        var accumulators = partials[0]
        for partial in partials.dropFirst() {
            for (term, other) in partial.enumerated() where other.documentFrequency > 0 { accumulators[term].merge(other) }
        }
        return accumulators
    }

    /// A term's postings while indexing: every article counted, the best `postingLimit`
    /// kept in a min-heap whose root is the worst kept, so a posting that cannot make the
    /// cut costs one comparison. Past `postingLimit` articles, every article is also marked
    /// in a bitmap (made then, from the heap, which held them all until that moment).
    ///
    /// A phrase's pair term (`setOnly`) past the limit keeps the bitmap alone: a query
    /// ranks a phrase's articles by the weights of its words (a pair's postings all weigh
    /// the same), and a small vocabulary's thousands of common pairs would otherwise each
    /// hold a heap and write a thousand weights.
    struct Accumulator: Sendable {
        var documentFrequency = 0
        var heap: [(document: UInt32, score: Float)] = []
        var every: [UInt64] = []
        let documentCount: Int
        let setOnly: Bool

        init(documentCount: Int, setOnly: Bool = false) {
            self.documentCount = documentCount
            self.setOnly = setOnly
        }

        /// Higher score first; equal scores by document number, so the result never depends
        /// on the order postings arrive in.
        @inline(__always) static func better(_ x: (document: UInt32, score: Float), _ y: (document: UInt32, score: Float)) -> Bool {
            x.score != y.score ? x.score > y.score : x.document < y.document
        }

        mutating func add(_ document: UInt32, score: Float) {
            documentFrequency += 1
            if documentFrequency > SearchIndex.postingLimit {
                markHeapIfUnmarked()
                every[Int(document >> 6)] |= 1 << UInt64(document & 63)
                if setOnly { return }
            }
            keep((document: document, score: score))
        }

        /// Another run of documents' counts and postings for the same term.
        mutating func merge(_ other: Accumulator) {
            documentFrequency += other.documentFrequency
            if documentFrequency > SearchIndex.postingLimit {
                markHeapIfUnmarked()
                for (k, word) in other.every.enumerated() { every[k] |= word }
                for posting in other.heap { every[Int(posting.document >> 6)] |= 1 << UInt64(posting.document & 63) }
                if setOnly { return }
            }
            for posting in other.heap { keep(posting) }
        }

        private mutating func markHeapIfUnmarked() {
            guard every.isEmpty else { return }
            every = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
            for posting in heap { every[Int(posting.document >> 6)] |= 1 << UInt64(posting.document & 63) }
            if setOnly { heap = [] }
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
