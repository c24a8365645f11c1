import Foundation

/// Every article's list entry as HTML, made once per build and only when a page first asks
/// for it: the theme's `article-item` partial rendered for the article with the site in
/// context (and its `related-item` partial, for the related articles at the foot of other
/// articles).
///
/// An article appears in a dozen lists (the front page, its people's, countries' and
/// section's pages, its year and month, other articles' related lists); rendering its entry
/// once instead of in each list is most of the template work of list pages. An entry
/// therefore cannot show anything about the page it is listed on, only about the article and
/// the site; the README says so for theme authors. Entries are made a block of articles at a
/// time, on demand, so an incremental build that renders five pages renders a few blocks,
/// not 100,000 entries.
///
/// The HTML is kept as UTF-8 in one buffer per block, not as 100,000 strings: at that size
/// the entries are some 90 MB of text, and per-object overhead would add as much again.
final class ListEntries: @unchecked Sendable {
    static let blockSize = 64
    private let context: PageContext
    private let theme: Theme
    private let withRelated: Bool
    /// Per block: its entries once made. Each block has its own lock, so workers making
    /// different blocks do not wait for each other; raw storage, so that writing one slot
    /// never touches another's (an Array's copy-on-write check would).
    private let blocks: UnsafeMutablePointer<Block?>
    private let count: Int
    private let locks: [NSLock]

    struct Block {
        var html = TextChunk()
        var related = TextChunk()
    }

    init(context: PageContext, theme: Theme) {
        self.context = context
        self.theme = theme
        withRelated = context.site.config.relatedArticles > 0
        count = (context.site.articles.count + Self.blockSize - 1) / Self.blockSize
        blocks = .allocate(capacity: max(1, count))
        blocks.initialize(repeating: nil, count: max(1, count))
        locks = (0..<count).map { _ in NSLock() }
    }

    deinit {
        blocks.deinitialize(count: max(1, count))
        blocks.deallocate()
    }

    func html(_ i: Int) -> String { block(i / Self.blockSize).html.text(i % Self.blockSize) }
    func relatedHTML(_ i: Int) -> String { block(i / Self.blockSize).related.text(i % Self.blockSize) }

    private func block(_ b: Int) -> Block {
        locks[b].lock()
        defer { locks[b].unlock() }
        if let made = blocks[b] { return made }
        var made = Block()
        let n = context.site.articles.count
        for i in (b * Self.blockSize)..<min(n, (b + 1) * Self.blockSize) {
            let scope = ArticleEntry(context: context, index: i)
            made.html.append(Self.render(theme, scope, "article-item"))
            made.related.append(withRelated ? Self.render(theme, scope, "related-item") : "")
        }
        blocks[b] = made
        return made
    }

    /// The partial's output without the file's final newline: list templates put each
    /// entry on its own line.
    private static func render(_ theme: Theme, _ scope: ArticleEntry, _ template: String) -> String {
        var text = theme.render(scope, template: template)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
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
