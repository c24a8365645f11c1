/// Every article's list entry, made once per build: the fields a list shows and, as
/// `html`, the theme's `article-item` partial rendered for it with the site in context (and
/// as `related_html` its `related-item` partial, for the related articles at the foot of
/// other articles).
///
/// An article appears in a dozen lists (the front page, its people's, countries' and
/// section's pages, its year and month, other articles' related lists); rendering its entry
/// once instead of in each list is most of the template work of list pages. An entry
/// therefore cannot show anything about the page it is listed on, only about the article and
/// the site; the README says so for theme authors.
///
/// A class so that every page shares one copy; never changed after `init`, so it can be read
/// from every rendering thread (`@unchecked` because `[String: Any]` is not `Sendable`).
final class ListEntries: @unchecked Sendable {
    let values: [[String: Any]]

    init(context: PageContext, theme: Theme) {
        let rendered = context.site.articles.indices.parallelMap { i -> SendableEntry in
            var entry = context.entryFields(i)
            var scope = entry
            scope["site"] = context.siteDictionary
            // Without the file's final newline: the list template puts each entry on its line.
            let related = context.site.config.relatedArticles > 0
            for (template, key) in [("article-item", "html")] + (related ? [("related-item", "related_html")] : []) {
                var html = theme.render(scope, template: template)
                if html.hasSuffix("\n") { html.removeLast() }
                entry[key] = html
            }
            return SendableEntry(value: entry)
        }
        values = rendered.map(\.value)
    }

    /// One entry crossing from the worker that made it to the array above.
    struct SendableEntry: @unchecked Sendable {
        var value: [String: Any]
    }
}
