/// Splits an article file into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable {
    public var yaml: Substring
    public var body: Substring
    /// Byte offset of the body in the file.
    public var bodyOffset: Int
    /// 1-based line of the body's first line.
    public var bodyLine: Int

    /// nil when the text does not open with a `---` line closed by another `---` line.
    public init?(_ text: String) {
        let utf8 = text.utf8
        guard utf8.starts(with: "---".utf8) else { return nil }
        guard let firstNewline = utf8.firstIndex(of: 10) else { return nil }
        let opener = text[text.startIndex..<firstNewline].trimmingTrailingSpace()
        guard opener == "---" else { return nil }
        var lineStart = utf8.index(after: firstNewline)
        var line = 2
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let content = text[lineStart..<lineEnd].trimmingTrailingSpace()
            if content == "---" || content == "..." {
                yaml = text[yamlStart..<lineStart]
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                body = text[bodyStart...]
                bodyOffset = utf8.distance(from: utf8.startIndex, to: bodyStart)
                bodyLine = line + 1
                return
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            line += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
