/// Reads articles into term vectors: each term they contain with its frequency, weighted by
/// where it occurs (a word of the title or a person's name counts more than a word of the
/// body). One tokenizer per worker; terms are numbered in its own table.
struct DocumentTokenizer {
    /// Field weights, a BM25F-style sum: the issue asks that titles and people weigh more.
    /// Frequencies are kept doubled, as integers, so that the 1.5 of a section is exact.
    enum Weight {
        static let title = 6
        static let person = 6
        static let country = 4
        static let section = 3
        static let date = 2
        static let body = 2
    }

    private(set) var terms = TermTable()
    /// Terms numbered below this are stop words (interned first).
    private let stopCount: Int
    private var frequency: [Int] = []
    private var touched: [Int] = []
    private var bodyTerms = 0

    init(stopWords: Set<String>) {
        for word in stopWords.sorted() { _ = terms.id(of: word) }
        stopCount = terms.count
    }

    /// The article's terms (numbers in this tokenizer's table) with doubled frequencies, and
    /// how many terms its body has (BM25's document length).
    mutating func vector(article: Article, body: UnsafeBufferPointer<UInt8>) -> (terms: [(term: Int, frequency: Int)], length: Int) {
        add(article.title, Weight.title)
        for person in article.people { add(person, Weight.person) }
        for country in article.countries { add(country, Weight.country) }
        if let section = article.section { add(section, Weight.section) }
        let local = article.date.local
        add("\(local.year) \(DateDisplay.monthNames[local.month - 1])", Weight.date)
        let text = MarkdownPlainText.strip(body)
        bodyTerms = 0
        text.withUnsafeBufferPointer { count($0, Weight.body, body: true) }
        let out = touched.map { (term: $0, frequency: frequency[$0]) }
        for id in touched { frequency[id] = 0 }
        touched.removeAll(keepingCapacity: true)
        return (out, bodyTerms)
    }

    private mutating func add(_ text: String, _ weight: Int) {
        var text = text
        text.withUTF8 { count($0, weight) }
    }

    private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, _ weight: Int, body: Bool = false) {
        SearchTokenizer.terms(bytes: bytes) { term in
            if body { bodyTerms += 1 }
            let id = terms.id(of: term)
            guard id >= stopCount else { return }
            if id >= frequency.count { frequency.append(contentsOf: repeatElement(0, count: id + 1 - frequency.count)) }
            if frequency[id] == 0 { touched.append(id) }
            frequency[id] += weight
        }
    }
}
