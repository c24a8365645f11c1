/// The words of a Markdown body without what a reader never sees as words: link and image
/// destinations, raw HTML tags, bare URLs and character references. Those would otherwise
/// fill the search index with "https", "www" and "com".
///
/// A byte scan rather than a cmark parse: the index reads every body on each index build,
/// and the result only feeds the tokenizer, which ignores all punctuation anyway.
enum MarkdownPlainText {
    static func strip(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = 0
        let n = source.count
        func at(_ k: Int) -> UInt8 { k < n ? source[k] : 0 }
        func startsWith(_ k: Int, _ s: StaticString) -> Bool {
            let length = s.utf8CodeUnitCount
            guard k + length <= n else { return false }
            return (0..<length).allSatisfy { source[k + $0] | 0x20 == s.utf8Start[$0] | 0x20 }
        }
        func skipToWhitespace(_ k: Int) -> Int {
            var k = k
            while k < n, source[k] > 0x20 { k += 1 }
            return k
        }
        while i < n {
            let b = source[i]
            switch b {
            case 0x5D where at(i + 1) == 0x28:  // "](" : the destination of a link or image
                var depth = 0, k = i + 2
                while k < n, source[k] != 0x0A {
                    if source[k] == 0x28 { depth += 1 }
                    if source[k] == 0x29 { if depth == 0 { break }; depth -= 1 }
                    k += 1
                }
                out.append(0x20)
                i = k + 1
            case 0x3C:  // "<": a tag or an autolink, up to ">" on the same line
                var k = i + 1
                while k < n, source[k] != 0x3E, source[k] != 0x0A { k += 1 }
                if k < n, source[k] == 0x3E, k > i + 1, at(i + 1) != 0x20 {
                    out.append(0x20)
                    i = k + 1
                } else {
                    out.append(b)
                    i += 1
                }
            case 0x26:  // "&": a character reference such as &amp; or &#8217;
                var k = i + 1
                while k < n, k - i <= 10, (0x30...0x39).contains(source[k]) || (0x41...0x5A).contains(source[k] & 0xDF) || source[k] == 0x23 { k += 1 }
                if k < n, source[k] == 0x3B, k > i + 1 { out.append(0x20); i = k + 1 } else { out.append(b); i += 1 }
            case _ where b | 0x20 == 0x68 && (startsWith(i, "http://") || startsWith(i, "https://")):
                out.append(0x20)
                i = skipToWhitespace(i)
            case _ where b | 0x20 == 0x77 && startsWith(i, "www.") && (i == 0 || source[i - 1] <= 0x20):
                out.append(0x20)
                i = skipToWhitespace(i)
            default:
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
