/// Counts the terms of one chunk of articles, weighted by where they occur (a word of the
/// title or a person's name counts more than a word of the body), and gathers each term's
/// postings for the chunk.
struct ChunkIndexer {
    /// Field weights, a BM25F-style sum: the issue asks that titles and people weigh more.
    enum Weight {
        static let title: Float = 3
        static let person: Float = 3
        static let country: Float = 2
        static let section: Float = 1.5
        static let date: Float = 1
        static let body: Float = 1
    }

    private var terms = TermTable()
    /// Terms numbered below this are stop words (interned first).
    private let stopCount: Int
    /// Per term: its weighted frequency in the current document (0 when absent).
    private var frequency: [Float] = []
    private var touched: [Int] = []
    private var accumulators: [SearchIndex.Accumulator] = []

    init(stopWords: Set<String>) {
        for word in stopWords.sorted() { _ = terms.id(of: word) }
        stopCount = terms.count
    }

    /// Adds one article; `norm` is BM25's length normalisation for it.
    mutating func add(_ document: UInt32, article: Article, body: UnsafeBufferPointer<UInt8>, norm: Float) {
        add(article.title, Weight.title)
        for person in article.people { add(person, Weight.person) }
        for country in article.countries { add(country, Weight.country) }
        if let section = article.section { add(section, Weight.section) }
        let local = article.date.local
        add("\(local.year) \(DateDisplay.monthNames[local.month - 1])", Weight.date)
        let text = MarkdownPlainText.strip(body)
        text.withUnsafeBufferPointer { count($0, Weight.body) }
        let k1 = SearchIndex.k1
        for id in touched {
            let tf = frequency[id]
            accumulators[id].add(document, score: tf * (k1 + 1) / (tf + norm))
            frequency[id] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }

    private mutating func add(_ text: String, _ weight: Float) {
        var text = text
        text.withUTF8 { count($0, weight) }
    }

    private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, _ weight: Float) {
        SearchTokenizer.terms(bytes: bytes) { term in
            let id = terms.id(of: term)
            guard id >= stopCount else { return }
            if id >= frequency.count {
                frequency.append(contentsOf: repeatElement(0, count: id + 1 - frequency.count))
                accumulators.append(contentsOf: repeatElement(SearchIndex.Accumulator(), count: id + 1 - accumulators.count))
            }
            if frequency[id] == 0 { touched.append(id) }
            frequency[id] += weight
        }
    }

    /// The chunk's postings by term.
    func result() -> [String: SearchIndex.Accumulator] {
        var out: [String: SearchIndex.Accumulator] = [:]
        out.reserveCapacity(accumulators.count)
        for id in stopCount..<accumulators.count where accumulators[id].documentFrequency > 0 {
            out[terms.string(id)] = accumulators[id]
        }
        return out
    }
}
