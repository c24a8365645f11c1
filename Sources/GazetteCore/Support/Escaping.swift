/// Escaping for text that comes from content and goes into markup.
public enum Escape {
    /// Text safe inside HTML or XML elements and quoted attributes: `& < > " '` become
    /// `&amp; &lt; &gt; &quot; &#39;` (the same five, spelled the same, as Mustache's).
    ///
    /// Works on UTF-8 bytes: every page escapes thousands of strings, and most need nothing.
    public static func markup(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// XML 1.0 forbids most control characters even when escaped; drop them.
    public static func xml(_ text: String) -> String {
        let cleaned = text.unicodeScalars.allSatisfy(isXMLChar) ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLChar)))
        return markup(cleaned)
    }

    private static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

extension Escape {
    /// `text` as a JSON string literal, quotes included. `<`, `>` and `&` are written as
    /// `\u003c`-style escapes too, so the JSON stays inert even if a page inlines it, and
    /// U+2028/U+2029 (valid JSON, but line ends to older JavaScript) as `\u2028`/`\u2029`.
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        appendJSONString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `jsonString` appended to a byte buffer, for files made of many strings (the search
    /// index's term shards).
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(0x22)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x00..<0x20, 0x3C, 0x3E, 0x26:
                    out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out += [0x5C, 0x75, 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                    i += 2
                default: out.append(byte)
                }
                i += 1
            }
            out.append(0x22)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A non-negative number in decimal, appended to a byte buffer.
    public static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 10 { out.append(0x30 + UInt8(n)); return }
        appendDecimal(n / 10, to: &out)
        out.append(0x30 + UInt8(n % 10))
    }
}
