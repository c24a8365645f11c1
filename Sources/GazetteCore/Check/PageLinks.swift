/// What a built HTML page links to and what it can be linked to: every `href`, `src` and
/// `srcset` URL, the target of a refresh (a redirect page), and every `id`.
///
/// Gazette's own pages quote every attribute, so a scan of the bytes for ` name="` finds
/// them; a full HTML parse of 160,000 pages would be most of a check's time.
struct PageLinks: Sendable {
    var links: [String] = []
    var ids: Set<String> = []
    /// Where a redirect page sends the reader (`<meta http-equiv="refresh" content="0; url=...">`).
    var refresh: String?

    init(html bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            // Attributes follow a space (or a newline) inside a tag.
            guard bytes[i] == 0x20 || bytes[i] == 0x0A else { i += 1; continue }
            let start = i + 1
            var j = start
            while j < n, Self.isNameByte(bytes[j]) { j += 1 }
            guard j + 1 < n, bytes[j] == UInt8(ascii: "="), bytes[j + 1] == UInt8(ascii: "\"") else { i = max(j, i + 1); continue }
            let name = bytes[start..<j]
            var end = j + 2
            while end < n, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            let value = bytes[(j + 2)..<min(end, n)]
            if name.elementsEqual("href".utf8) || name.elementsEqual("src".utf8) {
                links.append(Self.unescaped(value))
            } else if name.elementsEqual("srcset".utf8) {
                for candidate in Self.unescaped(value).split(separator: ",") {
                    if let url = candidate.split(separator: " ").first { links.append(String(url)) }
                }
            } else if name.elementsEqual("id".utf8) {
                ids.insert(Self.unescaped(value))
            } else if name.elementsEqual("content".utf8), value.starts(with: "0; url=".utf8) {
                refresh = Self.unescaped(value.dropFirst("0; url=".utf8.count))
            }
            i = end + 1
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x2D
    }

    /// The five entities Gazette writes in attributes, back to their characters.
    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
