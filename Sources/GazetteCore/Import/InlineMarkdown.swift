import CLibXML2
import Foundation

/// An HTML block's inline content as Markdown: its text escaped as `BodyBlocks.escape` does,
/// with links to other pages (absolute http and https addresses) and strong and emphasised
/// words kept. Written here because libxml2 gives the tree and cmark-gfm only reads
/// Markdown: no library on this machine turns an HTML fragment into Markdown.
enum InlineMarkdown {
    static func of(_ node: xmlNodePtr) -> String {
        HTMLDocument.collapsingSpaces(inside(node))
    }

    private static func inside(_ node: xmlNodePtr) -> String {
        HTMLDocument.children(node).map(markdown).joined()
    }

    private static func markdown(_ node: xmlNodePtr) -> String {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            // A line end in the page's source is a space; only `<br>` breaks a line.
            return node.pointee.content.map { BodyBlocks.escape(String(cString: $0).replacingOccurrences(of: "\n", with: " ")) } ?? ""
        case XML_ELEMENT_NODE:
            switch HTMLDocument.name(node) {
            case "br": return "\n"
            case "script", "style", "noscript", "template": return ""
            case "a":
                let inner = inside(node)
                guard let href = HTMLDocument.attribute(node, "href")?.trimmed(),
                      href.lowercased().hasPrefix("https://") || href.lowercased().hasPrefix("http://") else { return inner }
                return wrap(inner, "[", "](" + destination(href) + ")")
            case "strong", "b": return wrap(inside(node), "**", "**")
            case "em", "i": return wrap(inside(node), "*", "*")
            default: return inside(node)
            }
        default:
            return ""
        }
    }

    /// Marks around the words, with the spaces around them left outside ("** word **" is no
    /// emphasis in Markdown); words across a line break are left plain.
    private static func wrap(_ inner: String, _ open: String, _ close: String) -> String {
        let core = inner.trimmed()
        guard !core.isEmpty, !core.has(ascii: "\n") else { return inner }
        let lead = inner.prefix { $0 == " " || $0 == "\t" || $0 == "\n" }
        let trail = String(inner.reversed().prefix { $0 == " " || $0 == "\t" || $0 == "\n" })
        return lead + open + core + close + trail
    }

    /// A link's address as a Markdown destination: spaces, line ends, parentheses and angle
    /// brackets percent-encoded, the rest (and escapes already there) left as they are.
    private static func destination(_ href: String) -> String {
        href.addingPercentEncoding(withAllowedCharacters: destinationCharacters) ?? href
    }

    private static let destinationCharacters = CharacterSet.whitespacesAndNewlines
        .union(.controlCharacters).union(CharacterSet(charactersIn: "()<>")).inverted
}
