/// One article as the index sees it: how often each term occurs, weighted by where it
/// occurs (a word of the title or a person's name counts more than a word of the body).
struct SearchDocument {
    /// Field weights, a BM25F-style sum: the issue asks that titles and people weigh more.
    enum Weight {
        static let title: Float = 3
        static let person: Float = 3
        static let country: Float = 2
        static let section: Float = 1.5
        static let date: Float = 1
        static let body: Float = 1
    }

    var frequencies: [String: Float] = [:]

    init(article: Article, body: UnsafeBufferPointer<UInt8>, stopWords: Set<String>) {
        add(article.title, Weight.title, stopWords)
        for person in article.people { add(person, Weight.person, stopWords) }
        for country in article.countries { add(country, Weight.country, stopWords) }
        if let section = article.section { add(section, Weight.section, stopWords) }
        let local = article.date.local
        add("\(local.year) \(DateDisplay.monthNames[local.month - 1])", Weight.date, stopWords)
        let text = MarkdownPlainText.strip(body)
        text.withUnsafeBufferPointer { buffer in
            SearchTokenizer.terms(bytes: buffer) { term in
                if !stopWords.contains(term) { frequencies[term, default: 0] += Weight.body }
            }
        }
    }

    private mutating func add(_ text: String, _ weight: Float, _ stopWords: Set<String>) {
        SearchTokenizer.terms(text) { term in
            if !stopWords.contains(term) { frequencies[term, default: 0] += weight }
        }
    }
}
