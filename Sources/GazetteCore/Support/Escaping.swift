/// Escaping for text that comes from content and goes into markup.
///
/// Mustache escapes `{{variables}}` itself; these are for what Gazette writes directly
/// (feeds, sitemaps, attributes built in Swift).
public enum Escape {
    /// Text safe inside HTML or XML elements and quoted attributes.
    public static func markup(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
