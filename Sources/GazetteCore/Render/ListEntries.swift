/// Every article's list entry as HTML, made once per build: the theme's `article-item`
/// partial rendered for the article with the site in context (and its `related-item`
/// partial, for the related articles at the foot of other articles).
///
/// An article appears in a dozen lists (the front page, its people's, countries' and
/// section's pages, its year and month, other articles' related lists); rendering its entry
/// once instead of in each list is most of the template work of list pages. An entry
/// therefore cannot show anything about the page it is listed on, only about the article and
/// the site; the README says so for theme authors.
///
/// The HTML is kept as UTF-8 in a few large buffers, not as 100,000 strings: at that size
/// the entries are some 90 MB of text, and per-object overhead would add as much again.
/// Never changed after `init`, so every rendering thread can read it.
final class ListEntries: Sendable {
    private let html: [TextChunk]
    private let related: [TextChunk]
    static let chunkSize = 256

    init(context: PageContext, theme: Theme) {
        let n = context.site.articles.count
        let withRelated = context.site.config.relatedArticles > 0
        let chunks = Array(stride(from: 0, to: n, by: Self.chunkSize)).parallelMap { start -> (TextChunk, TextChunk) in
            var html = TextChunk(), related = TextChunk()
            for i in start..<min(n, start + Self.chunkSize) {
                let scope = ArticleEntry(context: context, index: i)
                html.append(Self.render(theme, scope, "article-item"))
                related.append(withRelated ? Self.render(theme, scope, "related-item") : "")
            }
            return (html, related)
        }
        html = chunks.map(\.0)
        related = chunks.map(\.1)
    }

    /// The partial's output without the file's final newline: list templates put each
    /// entry on its own line.
    private static func render(_ theme: Theme, _ scope: ArticleEntry, _ template: String) -> String {
        var text = theme.render(scope, template: template)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    func html(_ i: Int) -> String { html[i / Self.chunkSize].text(i % Self.chunkSize) }
    func relatedHTML(_ i: Int) -> String { related[i / Self.chunkSize].text(i % Self.chunkSize) }
}

/// Texts stored end to end as UTF-8, with where each starts.
struct TextChunk: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []

    mutating func append(_ text: String) {
        starts.append(bytes.count)
        bytes.append(contentsOf: text.utf8)
    }

    func text(_ k: Int) -> String {
        let end = k + 1 < starts.count ? starts[k + 1] : bytes.count
        return String(decoding: bytes[starts[k]..<end], as: UTF8.self)
    }
}
