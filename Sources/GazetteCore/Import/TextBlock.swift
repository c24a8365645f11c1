import CLibXML2

/// One block of an HTML page's body as text, with what it was: a paragraph, a heading, an
/// item of a list or a quotation. The text is what chrome, stamps and credits are judged
/// on; the kind becomes the Markdown that keeps the article's structure.
struct TextBlock {
    enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        case listItem(ordered: Bool)
        case quote
    }

    var text: String
    var kind: Kind = .paragraph
    /// The element the block is, when it is one (nil for a run of loose text): its inline
    /// Markdown is made from it only for the blocks that stay in the body, while the page's
    /// parse is alive.
    var element: xmlNodePtr?
    /// The inline Markdown made already, for a block that outlives its page's parse.
    var markdown: String?

    /// The inline Markdown, from the element while its parse is alive.
    var inlineMarkdown: String? { markdown ?? element.map(InlineMarkdown.of) }

    /// The same block with its Markdown made and no pointer into the parse, for a block that
    /// leaves the function that owns the parse.
    func detached() -> TextBlock {
        TextBlock(text: text, kind: kind, element: nil, markdown: inlineMarkdown)
    }

    /// What goes before the block's Markdown: `## `, `- `, `1. `, `> `.
    var markdownPrefix: String {
        switch kind {
        case .paragraph: return ""
        case .heading(let level): return String(repeating: "#", count: min(max(level, 2), 6)) + " "
        case .listItem(let ordered): return ordered ? "1. " : "- "
        case .quote: return "> "
        }
    }
}
