/// Finds the images a Markdown body names (`![alt](path "caption")`) without parsing it,
/// with the line of each: the build must know every image before any page is rendered, to
/// process it once and to report a missing file with its line, and a full cmark-gfm parse
/// of every body at load time would double the Markdown work of a clean build.
///
/// Fenced code blocks and code spans are skipped (an article about Markdown shows image
/// syntax without meaning an image). Reference-style images (`![alt][ref]`) are not seen;
/// the renderer leaves such an image as cmark-gfm writes it.
enum BodyImageScanner {
    static func images(in body: some StringProtocol, firstLine: Int) -> [ArticleImages.Inline] {
        // Most bodies have no image: one pass over the bytes for "![" says so.
        let mark = body.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count > 1 else { return false }
            for i in 1..<bytes.count where bytes[i] == 0x5B && bytes[i - 1] == 0x21 { return true }
            return false
        } ?? body.contains("![")
        guard mark else { return [] }
        var found: [ArticleImages.Inline] = []
        var fence: Substring?
        var line = firstLine
        for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let trimmed = text.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = Substring(trimmed.prefix(3))
                continue
            }
            guard text.contains("![") else { continue }
            found += images(onLine: Array(text.utf8), line: line)
        }
        return found
    }

    private static func images(onLine bytes: [UInt8], line: Int) -> [ArticleImages.Inline] {
        var out: [ArticleImages.Inline] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "`") {  // a code span: skip to its closing run
                var run = 0
                while i < bytes.count, bytes[i] == UInt8(ascii: "`") { run += 1; i += 1 }
                i = closingRun(bytes, from: i, length: run) ?? i
                continue
            }
            guard bytes[i] == UInt8(ascii: "!"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "["),
                  i == 0 || bytes[i - 1] != UInt8(ascii: "\\") else { i += 1; continue }
            guard let close = closingBracket(bytes, from: i + 2), close + 1 < bytes.count,
                  bytes[close + 1] == UInt8(ascii: "("), let (target, end) = destination(bytes, from: close + 2) else {
                i += 2
                continue
            }
            let alt = bytes[(i + 2)..<close].contains { $0 != UInt8(ascii: " ") }
            out.append(ArticleImages.Inline(reference: target, line: line, hasAlt: alt))
            i = end
        }
        return out
    }

    private static func closingRun(_ bytes: [UInt8], from start: Int, length: Int) -> Int? {
        var i = start
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "`") else { i += 1; continue }
            var run = 0
            while i < bytes.count, bytes[i] == UInt8(ascii: "`") { run += 1; i += 1 }
            if run == length { return i }
        }
        return nil
    }

    /// The `]` that closes the alt text, counting nested brackets and skipping escapes.
    private static func closingBracket(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0, i = start
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                if depth == 0 { return i }
                depth -= 1
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The link destination after `(`: `<any text>` or text up to a space or the closing
    /// parenthesis (balanced), with backslash escapes removed; and where the image ends.
    private static func destination(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var i = start
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        var target: [UInt8] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "<") {
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") { target.append(bytes[i]); i += 1 }
            guard i < bytes.count else { return nil }
            i += 1
        } else {
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\"), i + 1 < bytes.count { target.append(bytes[i + 1]); i += 2; continue }
                if b == UInt8(ascii: " ") { break }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                target.append(b)
                i += 1
            }
        }
        // Past the optional title, to the closing parenthesis.
        var quote: UInt8?
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ")") {
                guard !target.isEmpty else { return nil }
                return (String(decoding: target, as: UTF8.self), i + 1)
            }
            i += 1
        }
        return nil
    }
}
