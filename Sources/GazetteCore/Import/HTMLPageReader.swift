import CLibXML2
import Foundation

/// Reads a saved HTML article page with a real HTML parser: metadata from `<meta>` tags
/// and the document's structure, the body from the element that holds the article's
/// paragraphs, with navigation, menus, scripts, sidebars and footers dropped.
public struct HTMLPageReader: Sendable {
    public var chrome: BatchChrome

    public init(chrome: BatchChrome = BatchChrome(lines: [])) {
        self.chrome = chrome
    }

    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "svg", "select",
        "input", "template", "object", "embed", "video", "audio", "canvas", "dialog", "menu",
    ]

    /// Words in a class or id that mark page furniture ("top-menu", "related_news", "ad-slot").
    static let furniture: Set<String> = [
        "nav", "navbar", "menu", "topmenu", "footer", "header", "sidebar", "comment", "comments", "related", "share", "sharing",
        "social", "cookie", "cookies", "banner", "advert", "advertisement", "ad", "ads", "promo", "subscribe", "newsletter",
        "breadcrumb", "breadcrumbs", "popup", "modal", "recommend", "recommended", "widget", "outbrain", "taboola", "popular",
        "sns", "toolbar", "tags", "tag", "pagination", "pager", "skip", "masthead", "gnb", "lnb", "rank", "ranking",
        "trending", "more", "headlines", "most", "sitemap", "login", "search", "consent", "gdpr",
    ]

    /// Furniture words that no wrapper of an article carries, however many paragraphs it holds
    /// (a gallery of fifty captioned photos, a comment thread): the others ("more", "header")
    /// do turn up on wrappers of the article text (`read-more-content`).
    static let neverArticle: Set<String> = [
        "widget", "gallery", "slideshow", "carousel", "comment", "comments", "related", "recommend", "recommended",
        "outbrain", "taboola", "popular", "trending", "promo", "advert", "advertisement", "ad", "ads", "sidebar", "cookie",
    ]

    /// Class, id or itemprop fragments of the element that holds the article text.
    static let articleBody = [
        "articlebody", "article-body", "article_body", "story-body", "storybody", "story_body", "article-content",
        "article_content", "articlecontent", "entry-content", "post-content", "news_body", "newsbody", "article-text",
        "articletext", "story-content", "content-body", "article_txt", "news-content", "body-text",
    ]

    public func read(_ html: String) -> ParsedPage {
        let doc = HTMLDocument(html)
        var page = ParsedPage()
        guard let root = doc.root else { return page }
        let meta = Self.metaTags(doc, root)
        let declared = StructuredArticle(jsonLD: Self.jsonLDBlocks(doc, root))
        let micro = Self.microdata(doc, root)
        page.title = meta["og:title"] ?? meta["twitter:title"] ?? declared?.headline ?? micro["headline"] ?? meta["title"]
        page.written = meta["article:published_time"] ?? meta["og:published_time"] ?? declared?.published
            ?? micro["datepublished"] ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["date"] ?? meta["dc.date"]
            ?? meta["dcterms.created"] ?? meta["sailthru.date"]
        page.updated = meta["article:modified_time"] ?? meta["og:updated_time"] ?? declared?.modified ?? micro["datemodified"]
            ?? meta["dcterms.modified"]
        page.section = meta["article:section"] ?? declared?.section ?? micro["articlesection"]
        page.language = PageLanguage.declared(
            [HTMLDocument.attribute(root, "lang"), HTMLDocument.attribute(root, "xml:lang"), meta["og:locale"], declared?.language,
             meta["content-language"], meta["language"], meta["dc.language"]])
        page.source = meta["og:site_name"] ?? declared?.publisher
        let canonical = doc.elements(below: root, named: "link").first {
            HTMLDocument.attribute($0, "rel")?.lowercased().split(separator: " ").contains("canonical") == true
        }.flatMap { HTMLDocument.attribute($0, "href") }
        if let url = canonical ?? meta["og:url"], url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") {
            page.canonicalURL = url.trimmed()
        }
        if let image = meta["og:image"] ?? meta["og:image:url"] ?? meta["twitter:image"] ?? declared?.image,
           image.lowercased().hasPrefix("https://") || image.lowercased().hasPrefix("http://") {
            page.image = image
            page.imageAlt = meta["og:image:alt"] ?? meta["twitter:image:alt"]
            // The JSON-LD's caption and credit, when they are about this photo.
            if declared?.image == nil || declared?.image == image {
                page.imageCaption = declared?.imageCaption
                page.imageCredit = declared?.imageCredit.map { PageLines.photoCredit($0) ?? $0 }
            }
        }
        if let author = meta["author"] ?? meta["article:author"] ?? meta["byline"], !author.hasPrefix("http") {
            page.byline = author
        } else if let authors = declared?.authors, !authors.isEmpty, !authors[0].hasPrefix("http") {
            page.byline = authors.prefix(3).joined(separator: ", ")
        }
        if page.written == nil, let time = doc.elements(below: root, named: "time").compactMap({ HTMLDocument.attribute($0, "datetime") }).first {
            page.written = time
        }
        let h1 = doc.elements(below: root, named: "h1").map(HTMLDocument.text).first { !$0.isEmpty }
        if page.title == nil {
            page.title = h1 ?? doc.elements(below: root, named: "title").map(HTMLDocument.text).first.map(Self.stripSiteName)
        }
        page.photoCredit = Self.photoCredit(doc, root)
        if page.byline == nil { page.byline = Self.byline(doc, root) }
        if page.section == nil { page.section = Self.section(doc, root) }
        if page.written == nil {
            // A stamp line anywhere: "Written: 2024-01-29 10:30:00Updated: ...", "Posted : 2021-08-02 18:05".
            for node in doc.elements(below: root) where ["p", "span", "div", "li", "em", "time"].contains(HTMLDocument.name(node)) {
                let text = Self.ownText(node)
                guard text.count < 120, let stamps = PageLines.stamps(text) else { continue }
                page.written = stamps.written
                page.updated = page.updated ?? stamps.updated
                break
            }
        }
        if page.written == nil { page.written = Self.dateUnderHeadline(doc, root) }

        var kept: [TextBlock] = []
        for block in Self.bodyBlocks(html, parsed: doc, strict: true) {
            let text = block.text
            if Chrome.isTailMarker(text) && !kept.isEmpty { break }
            if Chrome.isChrome(text) || chrome.contains(text) { continue }
            if let stamps = PageLines.stamps(text) {
                page.written = page.written ?? stamps.written
                page.updated = page.updated ?? stamps.updated
                continue
            }
            if let title = page.title, text == title || text == h1 { continue }
            kept.append(block)
        }
        // A page whose markup hides its text from us (built by script, split oddly) often
        // declares the whole of it in its JSON-LD: taken when it is the longer by far.
        if let declaredBody = declared?.bodyParagraphs, !declaredBody.isEmpty,
           declaredBody.reduce(0, { $0 + $1.count }) > 2 * max(100, kept.reduce(0, { $0 + $1.text.count })) {
            kept = declaredBody.map { TextBlock(text: $0) }
        }
        page.paragraphs = Self.paragraphs(kept, page: &page)
        return page
    }

    /// One block a paragraph, a block's own line breaks kept inside it, in Markdown that
    /// keeps headings, lists and quotations.
    static func paragraphs(_ blocks: [TextBlock], page: inout ParsedPage) -> [String] {
        BodyBlocks.paragraphs(from: blocks.map { $0.text.split(separator: "\n").map(String.init) },
                              prefixes: blocks.map(\.markdownPrefix), markdown: blocks.map(\.inlineMarkdown),
                              page: &page)
    }

    /// An article's own HTML (a feed entry's content), all of it the body: no scoring, only
    /// what no page shows dropped.
    static func fragmentParagraphs(_ html: String, page: inout ParsedPage) -> [String] {
        let doc = HTMLDocument("<html><body>" + html + "</body></html>")
        guard let root = doc.root, let body = doc.elements(below: root, named: "body").first else { return [] }
        dropFurniture(doc, root, strict: false)
        return paragraphs(blocks(doc, body).filter { !Chrome.isChrome($0.text) }, page: &page)
    }

    /// The text blocks of the article. `strict` first drops every element whose class or id
    /// says furniture; a page that names its article's wrapper "sidebar" or "more" then loses
    /// it, so when that leaves under 500 characters, the page is read again with only the
    /// elements no page shows dropped (scripts, navigation, hidden ones), as Readability does.
    static func bodyBlocks(_ html: String, parsed: HTMLDocument? = nil, strict: Bool) -> [TextBlock] {
        let doc = parsed ?? HTMLDocument(html)  // the metadata's parse, when given, is changed here
        guard let root = doc.root else { return [] }
        dropFurniture(doc, root, strict: strict)
        var blocks = articleNodes(doc, root).flatMap { Self.blocks(doc, $0) }
        // A parse made here ends with this call: its blocks take their Markdown with them.
        if parsed == nil { blocks = blocks.map { $0.detached() } }
        if strict && blocks.reduce(0, { $0 + $1.text.count }) < 500 {
            let loose = bodyBlocks(html, strict: false)
            if loose.reduce(0, { $0 + $1.text.count }) > blocks.reduce(0, { $0 + $1.text.count }) { return loose }
        }
        return blocks
    }

    /// The distinct texts of a page's blocks, for learning a batch's chrome.
    static func textLines(_ html: String) -> Set<String> {
        let doc = HTMLDocument(html)
        guard let root = doc.root else { return [] }
        return Set(blocks(doc, root).map { Chrome.key($0.text) })
    }

    /// The text of every `<script type="application/ld+json">`.
    static func jsonLDBlocks(_ doc: HTMLDocument, _ root: xmlNodePtr) -> [String] {
        doc.elements(below: root, named: "script").filter { (HTMLDocument.attribute($0, "type") ?? "").lowercased().contains("ld+json") }
            .map { script in
                HTMLDocument.children(script).compactMap { $0.pointee.content.map { String(cString: $0) } }.joined()
            }
    }

    /// What the page's microdata says of the article (`itemprop="datePublished"` and the
    /// like, on any element): a `content` or `datetime` attribute, else the element's text.
    static func microdata(_ doc: HTMLDocument, _ root: xmlNodePtr) -> [String: String] {
        var found: [String: String] = [:]
        let wanted: Set<String> = ["headline", "datepublished", "datemodified", "articlesection"]
        for node in doc.elements(below: root) {
            guard let key = HTMLDocument.attribute(node, "itemprop")?.lowercased(), wanted.contains(key), found[key] == nil
            else { continue }
            let value = (HTMLDocument.attribute(node, "content") ?? HTMLDocument.attribute(node, "datetime")
                ?? HTMLDocument.text(node)).trimmed()
            if !value.isEmpty, value.count < 200 { found[key] = value }
        }
        return found
    }

    static func metaTags(_ doc: HTMLDocument, _ root: xmlNodePtr) -> [String: String] {
        var meta: [String: String] = [:]
        for node in doc.elements(below: root, named: "meta") {
            guard let key = (HTMLDocument.attribute(node, "property") ?? HTMLDocument.attribute(node, "name") ?? HTMLDocument.attribute(node, "itemprop"))?.lowercased(),
                  let content = HTMLDocument.attribute(node, "content")?.trimmed(), !content.isEmpty else { continue }
            if meta[key] == nil { meta[key] = content }
        }
        return meta
    }

    /// "Budget passes | The Daily Wire" → "Budget passes".
    static func stripSiteName(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            if let r = title.range(of: separator, options: .backwards), title.distance(from: r.upperBound, to: title.endIndex) < 40 {
                return String(title[..<r.lowerBound])
            }
        }
        return title
    }

    static func classAndID(_ node: xmlNodePtr) -> String {
        [HTMLDocument.attribute(node, "class"), HTMLDocument.attribute(node, "id"), HTMLDocument.attribute(node, "itemprop"), HTMLDocument.attribute(node, "role")]
            .compactMap { $0 }.joined(separator: " ").lowercased()
    }

    static func isArticleBody(_ node: xmlNodePtr) -> Bool {
        let names = classAndID(node)
        return articleBody.contains { names.contains($0) }
    }

    /// Drops what a reader never sees and, when `strict`, what the class or id names as page
    /// furniture, unless it holds most of the page's paragraphs (then it is the article,
    /// whatever its name).
    static func dropFurniture(_ doc: HTMLDocument, _ root: xmlNodePtr, strict: Bool = true) {
        var doomed: [xmlNodePtr] = []
        let paragraphs = doc.elements(below: root, named: "p").count
        func walk(_ node: xmlNodePtr) {
            for child in HTMLDocument.children(node) where child.pointee.type == XML_ELEMENT_NODE {
                let tag = HTMLDocument.name(child)
                let names = classAndID(child)
                let furniture = strict && !isArticleBody(child) && !["html", "body", "article", "main"].contains(tag)
                    && names.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { Self.furniture.contains(String($0)) }
                    && !ContentScoring.maybeArticle.contains(where: names.contains)
                    && !(paragraphs >= 4 && doc.elements(below: child, named: "p").count * 2 > paragraphs
                         && !names.split(whereSeparator: { !$0.isLetter }).contains { Self.neverArticle.contains(String($0)) })
                if droppedTags.contains(tag) && !isArticleBody(child) || furniture || HTMLDocument.attribute(child, "hidden") != nil
                    || HTMLDocument.attribute(child, "aria-hidden") == "true" || names.contains("navigation") || isHiddenByStyle(child) {
                    doomed.append(child)
                } else {
                    walk(child)
                }
            }
        }
        walk(root)
        doomed.forEach(HTMLDocument.unlink)
    }

    /// `style="display: none"` or `visibility: hidden`: not shown to a reader.
    static func isHiddenByStyle(_ node: xmlNodePtr) -> Bool {
        guard let style = HTMLDocument.attribute(node, "style")?.lowercased().filter({ !$0.isWhitespace }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    /// The elements holding the article: the one marked as the article body when it holds
    /// a fair amount of text, else the best by `ContentScoring`, else the element whose own
    /// paragraphs carry the most text.
    static func articleNodes(_ doc: HTMLDocument, _ root: xmlNodePtr) -> [xmlNodePtr] {
        if let marked = doc.elements(below: root).first(where: isArticleBody), HTMLDocument.text(marked).count >= 250 {
            // Some pages split the body into several marked blocks (`story-body-1`, `story-body-2`).
            let siblings = marked.pointee.parent.map(HTMLDocument.children) ?? [marked]
            return siblings.filter { $0.pointee.type == XML_ELEMENT_NODE && isArticleBody($0) }
        }
        let scored = ContentScoring.articleNodes(doc, root)
        return scored.isEmpty ? [articleContainer(doc, root)] : scored
    }

    /// The element whose own paragraphs carry the most text.
    static func articleContainer(_ doc: HTMLDocument, _ root: xmlNodePtr) -> xmlNodePtr {
        let all = doc.elements(below: root)
        if let marked = all.first(where: isArticleBody) { return marked }
        var scores: [xmlNodePtr: Double] = [:]
        for p in all where ["p", "div", "td", "pre"].contains(HTMLDocument.name(p)) {
            let text = ownText(p)
            guard text.count >= 40 else { continue }
            let score = 1 + Double(text.count) / 100 + Double(text.filter { $0 == "," }.count)
            if let parent = p.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
                scores[parent, default: 0] += score
                if let grand = parent.pointee.parent, grand.pointee.type == XML_ELEMENT_NODE { scores[grand, default: 0] += score / 2 }
            }
        }
        if let best = scores.max(by: { $0.value < $1.value })?.key { return best }
        return all.first { ["article", "main"].contains(HTMLDocument.name($0)) } ?? all.first { HTMLDocument.name($0) == "body" } ?? root
    }

    /// Text directly inside a node (not inside block children), for scoring.
    static func ownText(_ node: xmlNodePtr) -> String {
        HTMLDocument.children(node).map { child -> String in
            if child.pointee.type == XML_TEXT_NODE { return child.pointee.content.map { String(cString: $0) } ?? "" }
            if child.pointee.type == XML_ELEMENT_NODE, inlineTags.contains(HTMLDocument.name(child)) { return HTMLDocument.text(child) }
            return ""
        }.joined().trimmed()
    }

    static let inlineTags: Set<String> = ["a", "b", "strong", "i", "em", "span", "u", "small", "sub", "sup", "mark", "abbr", "cite", "q", "time", "font", "br"]
    // (A table cell is walked like a `div`: old pages lay the whole story out in one, its
    // paragraphs parted by `<br><br>`.)
    static let blockTags: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption"]

    /// Text blocks of the container in document order: paragraphs, headings, list items,
    /// and runs of text that sit directly in a `div` (many news sites use `<br><br>`).
    static func blocks(_ doc: HTMLDocument, _ container: xmlNodePtr) -> [TextBlock] {
        var out: [TextBlock] = []
        func walk(_ node: xmlNodePtr) {
            var run = ""
            func flush() {
                for part in run.components(separatedBy: "\n\n") {
                    let t = part.trimmed()
                    if !t.isEmpty { out.append(TextBlock(text: t.split(separator: "\n").map { $0.trimmed() }.joined(separator: "\n"))) }
                }
                run = ""
            }
            for child in HTMLDocument.children(node) {
                switch child.pointee.type {
                case XML_TEXT_NODE:
                    run += (child.pointee.content.map { String(cString: $0) } ?? "").replacingOccurrences(of: "\n", with: " ")
                case XML_ELEMENT_NODE:
                    let tag = HTMLDocument.name(child)
                    if tag == "br" { run += "\n"; continue }
                    if inlineTags.contains(tag) { run += HTMLDocument.text(child).replacingOccurrences(of: "\n", with: " "); continue }
                    flush()
                    if tag == "figure" || tag == "figcaption" || tag == "h1" { continue }
                    if blockTags.contains(tag) {
                        let text = HTMLDocument.text(child)
                        if !text.isEmpty, !isLinkToAnotherStory(child, text: text) {
                            out.append(TextBlock(text: text, kind: kind(of: child, tag: tag), element: child))
                        }
                    } else {
                        walk(child)
                    }
                default: break
                }
            }
            flush()
        }
        walk(container)
        return out.map { block in
            var block = block
            block.text = block.text.replacingOccurrences(of: "  ", with: " ")
            return block
        }
    }

    /// A short paragraph or list item inside the article that points to another story:
    /// "Related: Mayor unveils transport plan", "READ MORE: …". (Unlabelled paragraphs that
    /// are mostly links are kept: dropping them cost the development set recall, 0.942 to
    /// 0.930, as Readability keeps them.)
    static func isLinkToAnotherStory(_ node: xmlNodePtr, text: String) -> Bool {
        guard text.count < 300, !HTMLDocument.name(node).hasPrefix("h") else { return false }
        let lower = text.prefix(12).lowercased()
        let labelled = ["related", "read more", "see also", "also read", "more:", "read also", "watch:"].contains(where: lower.hasPrefix)
        return labelled && ContentScoring.linkDensity(node) >= 0.3
    }

    /// What a block element is, for the Markdown: `h2`-`h6` headings, `li` items (numbered
    /// under an `ol`), `blockquote` quotations; anything else a paragraph.
    static func kind(of node: xmlNodePtr, tag: String) -> TextBlock.Kind {
        switch tag {
        case "h2", "h3", "h4", "h5", "h6": return .heading(level: Int(String(tag.last!))!)
        case "li": return .listItem(ordered: node.pointee.parent.map { HTMLDocument.name($0) == "ol" } ?? false)
        case "blockquote": return .quote
        default: return .paragraph
        }
    }

    /// A short line that starts with a date, after the headline (`2023-11-14 10:32 来源：新华社`,
    /// `2023年11月14日 10:32`, `14 November 2023`): pages that print their date with no label
    /// and declare none. The first such line after the `<h1>`, or on the page when it has none.
    static func dateUnderHeadline(_ doc: HTMLDocument, _ root: xmlNodePtr) -> String? {
        var seenHeadline = false, first: String?
        for node in doc.elements(below: root) {
            let name = HTMLDocument.name(node)
            if name == "h1" { seenHeadline = true; continue }
            guard ["p", "span", "div", "li", "em", "time"].contains(name) else { continue }
            let text = Self.ownText(node)
            guard !text.isEmpty, text.count < 80, let date = PageLines.leadingDate(text[...]) else { continue }
            if seenHeadline { return date }
            first = first ?? date
        }
        return first
    }

    static func photoCredit(_ doc: HTMLDocument, _ root: xmlNodePtr) -> String? {
        for node in doc.elements(below: root) {
            let names = classAndID(node)
            guard names.contains("credit") || names.contains("caption") || HTMLDocument.name(node) == "figcaption" else { continue }
            let text = HTMLDocument.text(node)
            if let credit = PageLines.photoCredit(text) { return credit }
            if names.contains("credit") && !text.isEmpty && text.count < 80 { return text }
        }
        return nil
    }

    /// A short label marked as the section or category: `<p class="sort">Society</p>`.
    static func section(_ doc: HTMLDocument, _ root: xmlNodePtr) -> String? {
        let marks: Set<String> = ["section", "category", "cate", "kicker", "sort", "rubric", "channel"]
        for node in doc.elements(below: root) where !["html", "body", "article", "main", "section"].contains(HTMLDocument.name(node)) {
            let words = classAndID(node).split(whereSeparator: { !$0.isLetter }).map(String.init)
            guard words.contains(where: marks.contains) else { continue }
            let text = HTMLDocument.text(node)
            if !text.isEmpty, text.split(separator: " ").count <= 3, !text.contains("\n") { return text }
        }
        return nil
    }

    static func byline(_ doc: HTMLDocument, _ root: xmlNodePtr) -> String? {
        for node in doc.elements(below: root) {
            let names = classAndID(node)
            guard names.contains("byline") || names.contains("author") || HTMLDocument.attribute(node, "rel") == "author" else { continue }
            let text = HTMLDocument.text(node)
            if let by = PageLines.byLine(text) { return by.byline }
            if PageLines.isName(text) { return text }
        }
        return nil
    }
}
