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
struct ListEntries: Sendable {
    private let blocks: OnDemandBlocks<Block>

    struct Block: Sendable {
        var html = TextChunk()
        var related = TextChunk()
    }

    init(context: PageContext, theme: Theme) {
        let withRelated = context.site.config.relatedArticles > 0
        let shared = PageContext.Shared(context: context)
        blocks = OnDemandBlocks(count: context.site.articles.count) { range in
            var made = Block()
            for i in range {
                let scope = ArticleEntry(shared: shared, index: i)
                made.html.append(theme.renderEntry(scope, template: "article-item"))
                made.related.append(withRelated ? theme.renderEntry(scope, template: "related-item") : "")
            }
            return made
        }
    }

    func html(_ i: Int) -> String {
        let (block, k) = blocks.block(containing: i)
        return block.html.text(k)
    }

    func relatedHTML(_ i: Int) -> String {
        let (block, k) = blocks.block(containing: i)
        return block.related.text(k)
    }
}
