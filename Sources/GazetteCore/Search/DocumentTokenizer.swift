/// Reads articles into term vectors: each term they contain with its frequency, weighted by
/// where it occurs (a word of the title or a person's name counts more than a word of the
/// body). One tokenizer per worker; terms are numbered in its own table.
///
/// With `pairs` (`search_phrases: true`), each word of a spaced script also makes a pair term
/// with the word before it in the same field, for phrase queries: `final agreement`, or with
/// the stop words between them (which are not terms of their own), up to `pairGap` of them:
/// `state of emergency`. A pair has a space, which no word has, so pairs and words share the
/// index and all it does for words (complete sets, incremental scoring) without a second
/// kind of term; and a pair sorts right after its first word, in the same shard.
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
    /// The last word of the field being read (-1 at a field's start or after a character of
    /// an unspaced script), and the stop words read since (how many, the first two's numbers).
    private var previous = -1
    private var gap = 0
    private var stops = (0, 0)
    /// Pair terms by their words' numbers: a pair met before costs one integer lookup, not
    /// the hashing of its bytes.
    private var pairs: [UInt64: Int] = [:]
    private var pair: [UInt8] = []
    /// Stop words a pair may span: "one of the", "state of the union".
    static let pairGap = 2

    /// Whether an index term is a phrase's pair (words have no spaces).
    static func isPair(_ term: String) -> Bool {
        term.utf8.contains(0x20)
    }

    private let makesPairs: Bool

    init(stopWords: Set<String>, pairs: Bool = false) {
        for word in stopWords.sorted() { _ = terms.id(of: word) }
        stopCount = terms.count
        precondition(stopCount < 64, "a pair's key gives a stop word six bits")
        makesPairs = pairs
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
        previous = -1
        SearchTokenizer.terms(bytes: bytes) { term in
            if body { bodyTerms += 1 }
            let id = terms.id(of: term)
            guard id >= stopCount else {
                if gap == 0 { stops.0 = id } else if gap == 1 { stops.1 = id }
                gap += 1
                return
            }
            tally(id, weight)
            guard makesPairs else { return }
            guard SearchTokenizer.isSpacedTerm(term) else { previous = -1; return }
            if previous >= 0, gap <= Self.pairGap { tally(pairID(previous, gap, id), weight) }
            previous = id
            gap = 0
        }
        gap = 0
    }

    /// The number of the pair term of words `first` and `second` with `gap` stop words
    /// (`stops`) between.
    private mutating func pairID(_ first: Int, _ gap: Int, _ second: Int) -> Int {
        // Stop words are numbered first, below 64 (six bits each); a chunk's tokenizer has far
        // fewer than 2^25 terms.
        let between = gap == 0 ? 0 : gap == 1 ? 1 + stops.0 : 65 + (stops.0 << 6) + stops.1
        let key = UInt64(first) << 38 | UInt64(between) << 25 | UInt64(second)
        if let id = pairs[key] { return id }
        pair.removeAll(keepingCapacity: true)
        terms.appendBytes(of: first, to: &pair)
        for k in 0..<gap {
            pair.append(0x20)
            terms.appendBytes(of: k == 0 ? stops.0 : stops.1, to: &pair)
        }
        pair.append(0x20)
        terms.appendBytes(of: second, to: &pair)
        let id = pair.withUnsafeBufferPointer { terms.id(of: $0) }
        pairs[key] = id
        return id
    }

    @inline(__always) private mutating func tally(_ id: Int, _ weight: Int) {
        if id >= frequency.count { frequency.append(contentsOf: repeatElement(0, count: id + 1 - frequency.count)) }
        if frequency[id] == 0 { touched.append(id) }
        frequency[id] += weight
    }
}
