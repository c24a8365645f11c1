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
    /// Only the core parser runs here (no extensions attached), but its inline parser reads
    /// the special-character table that a parse with extensions writes (two builds in one
    /// process, as `serve` and the tests run them, render and summarize at once): it holds
    /// the table's lock as a reader, so summaries still run on every core together.
    static func plainText(_ markdown: String) -> String {
        let document = CmarkLibrary.specialCharacters.reading { cmark_parse_document(markdown, markdown.utf8.count, 0) }
        guard let document else { return markdown }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_plaintext(document, 0, 0) else { return markdown }
        defer { free(rendered) }
        return joinLines(String(cString: rendered))
    }

    /// The lines of `text` joined by spaces, empty ones dropped, trimmed.
    static func joinLines(_ text: String) -> String {
        // A one-line paragraph (most of them) comes back from cmark as that line and "\n":
        // the bytes say so without walking the text by Character.
        let bytes = text.utf8
        if bytes.last == 0x0A, !bytes.dropLast().contains(where: mayBeLineEnd) {
            return text.utf8.dropLast().isEmpty ? "" : String(text.dropLast()).trimmed()
        }
        return joinLinesByCharacter(text)
    }

    /// The same, one Character at a time: the reference `joinLines` must agree with.
    static func joinLinesByCharacter(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmed()
    }

    /// A byte that may be (part of) a line end: 0A-0D, or a byte of U+0085 (C2 85) or of
    /// U+2028 and U+2029 (E2 80 A8, E2 80 A9).
    private static func mayBeLineEnd(_ byte: UInt8) -> Bool {
        (0x0A...0x0D).contains(byte) || byte == 0x85 || byte == 0xA8 || byte == 0xA9
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        // ASCII text without line ends has one Character per byte: count and cut bytes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            guard text.utf8.count > limit else { return text }
            let cut = text.utf8.prefix(limit)
            let atWord = cut.lastIndex(of: 0x20).map { cut[..<$0] } ?? cut
            let kept = atWord.drop(while: isCutPunctuation).reversed().drop(while: isCutPunctuation).reversed()
            return String(decoding: kept, as: UTF8.self) + "…"
        }
        return shortenByCharacter(text, to: limit)
    }

    /// The same, one Character at a time: the reference `shorten` must agree with.
    static func shortenByCharacter(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    private static func isCutPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }
}

