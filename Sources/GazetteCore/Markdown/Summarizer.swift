import CCmarkGFM
import Foundation

/// The first paragraph of an article as plain text, for summaries and feed entries.
public struct Summarizer: Sendable {
    public var maxLength: Int

    public init(maxLength: Int = 320) {
        CmarkLibrary.prepare()
        self.maxLength = maxLength
    }

    public func summary(ofMarkdown body: some StringProtocol) -> String {
        guard let paragraph = Self.firstParagraph(body) else { return "" }
        let text = Self.plainText(paragraph)
        return Self.shorten(text, to: maxLength)
    }

    /// The first block of prose: skips headings, images, quotes, lists, tables, code and HTML.
    static func firstParagraph(_ body: some StringProtocol) -> String? {
        var lines: [String] = []
        var inFence = false
        // Line by line, stopping at the end of the first paragraph: the rest of the body,
        // most of it, is never split or copied.
        var rest = Substring(body)
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let raw = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.utf8.index(after: end)...] : rest[rest.endIndex...]
            let line = raw.trimmed()
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            if line.isEmpty {
                if lines.isEmpty { continue } else { break }
            }
            if lines.isEmpty && !startsProse(line) { continue }
            lines.append(String(raw))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func startsProse(_ line: String) -> Bool {
        for marker in ["#", ">", "|", "<", "![", "- ", "* ", "+ "] where line.hasPrefix(marker) { return false }
        let digits = line.prefix(while: \.isASCII).prefix(while: \.isNumber)
        if !digits.isEmpty && digits.count < 10 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return false }
        }
        return true
    }

    /// Markdown inline syntax removed: "**Anchor:** a [link](x)" → "Anchor: a link".
    /// Only the core parser runs here (no extensions attached), which touches none of
    /// the library's shared state, so it is safe on any thread.
    static func plainText(_ markdown: String) -> String {
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, 0) else { return markdown }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_plaintext(document, 0, 0) else { return markdown }
        defer { free(rendered) }
        return String(cString: rendered).split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmed()
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }
}

