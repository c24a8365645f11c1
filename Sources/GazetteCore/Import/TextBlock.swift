/// One block of an HTML page's body as text, with what it was: a paragraph, a heading, an
/// item of a list or a quotation. The text is what chrome, stamps and credits are judged
/// on; the kind becomes the Markdown that keeps the article's structure.
struct TextBlock: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        case listItem(ordered: Bool)
        case quote
    }

    var text: String
    var kind: Kind = .paragraph
    /// The block's inline Markdown (its text escaped, links and emphasis kept), when it came
    /// from one element; nil for a run of loose text, which is written from `text`.
    var markdown: String?

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
