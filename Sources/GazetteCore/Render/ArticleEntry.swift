import Mustache

/// An article as a list shows it, for templates: `title`, `url`, `date`, `date_iso`,
/// `summary`, `byline`, `section` (name and url), and `html`, the theme's `article-item`
/// partial already rendered for it (`related_html`: its `related-item` partial).
///
/// A view that answers each name when a template asks, instead of a dictionary filled in
/// advance: the default theme's lists ask only for `html`, and building every field of
/// every entry of every list page cost more than rendering them.
///
/// It holds the page context by a reference: a list of twenty entries each holding a copy of
/// the context's two dozen references was a tenth of rendering the pages.
struct ArticleEntry: MustacheParent, Sendable {
    let shared: PageContext.Shared
    let index: Int
    var context: PageContext { shared.context }

    func child(named name: String) -> Any? {
        switch name {
        case "html": return context.entryHTML(index)
        case "related_html": return context.relatedHTML(index)
        case "site": return context.siteDictionary
        default: return context.entryField(index, name)
        }
    }
}
