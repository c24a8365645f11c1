import Foundation

/// The body of a page, from raw lines to Markdown paragraphs.
enum BodyBlocks {
    /// Blocks of lines separated by blank lines. A body with no blank lines at all has one
    /// paragraph per line that ends a sentence.
    static func split(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        if blocks.count == 1 && blocks[0].count > 2 {
            var split: [[String]] = []
            var run: [String] = []
            for line in blocks[0] {
                run.append(line)
                if ProseCleaner.endsSentence(line[...]) { split.append(run); run = [] }
            }
            if !run.isEmpty { split.append(run) }
            blocks = split
        }
        return blocks.map { $0.filter { PageLines.stamps($0) == nil } }.filter { !$0.isEmpty }
    }

    /// Paragraphs as Markdown, taking bylines, sign-offs and credits out into `page`.
    /// - Parameter prefixes: Markdown to put before each block's paragraph (`## `, `- `,
    ///   `> `), one for each block, from an HTML page's structure; none for a text dump.
    /// - Parameter markdown: each block's Markdown as its page gave it (links and emphasis
    ///   kept), written instead of its text when no line of the block was taken out.
    static func paragraphs(from blocks: [[String]], prefixes: [String]? = nil, markdown given: [String?]? = nil,
                           page: inout ParsedPage) -> [String] {
        let original = blocks
        var blocks = blocks
        // Sign-off, Reuters credits, "By" lines: metadata, not body.
        for b in blocks.indices {
            blocks[b] = blocks[b].filter { line in
                if let credit = PageLines.photoCredit(line), line.count < 100 {
                    page.photoCredit = page.photoCredit ?? credit
                    return false
                }
                if let names = PageLines.reutersCredit(line) {
                    page.byline = page.byline ?? names
                    page.source = page.source ?? "Reuters"
                    return false
                }
                if b == 0 || b == blocks.count - 1, let by = PageLines.byLine(line) {
                    page.byline = page.byline ?? by.byline
                    page.source = page.source ?? by.source
                    return false
                }
                return true
            }
        }
        // A wire's end mark ("==Kyodo") ends the story: out of the body, the name to the source.
        if let service = blocks.last?.last.flatMap(PageLines.endMark) {
            page.source = page.source ?? service
            removeLastLine(&blocks)
        }
        // E-mail credits end the story: out of the body, the name to the byline.
        while let name = blocks.last?.last.flatMap(PageLines.emailCredit) {
            if !name.isEmpty { page.byline = page.byline ?? name }
            removeLastLine(&blocks)
        }
        if let lastBlock = blocks.indices.last, let lastLine = blocks[lastBlock].last, let signOff = PageLines.signOff(lastLine) {
            page.byline = page.byline ?? signOff.byline
            page.source = page.source ?? signOff.source
            blocks[lastBlock].removeLast()
        }
        for block in blocks {
            for line in block {
                if let name = PageLines.handOff(line) { page.byline = page.byline ?? name }
            }
        }
        if page.source == nil, let first = blocks.first?.first, let agency = PageLines.datelineSource(first) {
            page.source = agency
        }
        return blocks.indices.filter { !blocks[$0].isEmpty }.map { b in
            let prefix = prefixes?[b] ?? ""
            if let inline = given?[b] ?? nil, !inline.isEmpty, blocks[b] == original[b] {
                return prefix + inline.split(separator: "\n").map { escapeBlockStart(String($0)) }.joined(separator: "\n")
            }
            return prefix + markdown(ProseCleaner.unglueSentences(ProseCleaner.joinLines(blocks[b])))
        }
    }

    static let labels = ["Anchor", "Report", "Reporter", "Host", "Interviewer", "Interviewee", "Narration", "Narrator", "Q", "A"]
    private static let labelPrefixes = labels.flatMap { [($0, $0 + ":"), ($0, $0 + " :")] }

    /// "Anchor: With less…" → "Anchor".
    static func label(of line: String) -> String? {
        guard let first = line.utf8.first, labelInitials.contains(first) else { return nil }
        for (label, prefix) in labelPrefixes where line.hasPrefix(prefix) { return label }
        return nil
    }

    private static let labelInitials = Set(labels.compactMap { $0.utf8.first })

    /// One paragraph as Markdown: labels in bold, sound-bite markers in italics,
    /// and characters that Markdown would read as syntax escaped.
    static func markdown(_ paragraph: String) -> String {
        let lines = paragraph.utf8.contains(0x0A) ? paragraph.split(separator: "\n", omittingEmptySubsequences: false) : [paragraph[...]]
        return lines.map { raw -> String in
            var line = String(raw)
            if line.hasPrefix("["), line.hasSuffix("]"), line.lowercased().hasPrefix("[sound") {
                return "*\(escape(line))*"
            }
            if let label = label(of: line) {
                let rest = line.drop(while: { $0 != ":" }).dropFirst().trimmed()
                return "**\(label):** " + escape(rest)
            }
            line = escape(line)
            return escapeBlockStart(line)
        }.joined(separator: "\n")
    }

    /// The story's last line taken out, and its block with it when that leaves it empty.
    private static func removeLastLine(_ blocks: inout [[String]]) {
        blocks[blocks.count - 1].removeLast()
        if blocks[blocks.count - 1].isEmpty { blocks.removeLast() }
    }

    /// Inline syntax: emphasis, code, raw HTML and link brackets.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x60 || $0 == 0x3C || $0 == 0x5B || $0 == 0x5D || $0 == 0x5C }) else {
            return text
        }
        // By byte: the marks are ASCII, so they never fall inside a longer character, and
        // appending scalar by scalar to a String was a twentieth of the import.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x2A, 0x5F, 0x60, 0x3C, 0x5B, 0x5D, 0x5C: out.append(0x5C)
            default: break
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Line starts that would make a heading, list, quote or rule.
    static func escapeBlockStart(_ line: String) -> String {
        if let first = line.first, "#>-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return digits + "\\" + rest
            }
        }
        return line
    }
}
