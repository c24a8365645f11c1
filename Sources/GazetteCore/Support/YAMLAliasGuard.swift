/// Finds the first YAML anchor (`&name`) or alias (`*name`) in a text, before it is parsed.
///
/// Aliases let 400 bytes stand for billions of values (ten levels of nine references): Yams
/// shares them while composing, but hashing a mapping's keys or reading the values walks
/// every copy, and one such front matter took 4 GB and aborted the process. Gazette's files
/// (front matter, `gazette.yml`, `entities.yml`) never need them, so they are refused before
/// Yams sees the text. libyaml reports aliases only as parse events that Yams keeps to
/// itself, hence this small scanner of our own: it knows quoting, comments, block scalars
/// and flow collections well enough to tell an indicator that starts a node from a `*` or
/// `&` inside text ("Procter & Gamble", "*bold*" in quotes).
enum YAMLAliasGuard {
    /// The 1-based line of the first anchor or alias, or nil when there is none.
    static func firstAliasLine(in text: String) -> Int? {
        var scanner = Scanner()
        var line = 1
        var lineStart = true
        var indent = 0
        for byte in text.utf8 {
            if byte == 10 {
                scanner.endLine()
                line += 1
                lineStart = true
                indent = 0
                continue
            }
            if lineStart {
                if byte == 32 { indent += 1; continue }
                lineStart = false
                scanner.startLine(indent: indent)
            }
            if scanner.take(byte) { return line }
        }
        return nil
    }

    private struct Scanner {
        enum Quote { case none, single, double }
        var quote = Quote.none
        var escaped = false
        /// A value may begin here: after indentation, `- `, `? `, `: `, or in a flow collection.
        var atNodeStart = true
        var flowDepth = 0
        var inComment = false
        var inTag = false
        /// The byte before, for `: ` and ` #`.
        var previous: UInt8 = 32
        /// Lines more indented than this (or blank) are a block scalar's text (`|`, `>`).
        var blockParentIndent: Int?
        var inBlockScalar = false
        /// The indentation of the line being read: a block scalar opened on it ends at the
        /// next line indented no deeper.
        var lineIndent = 0
        /// A `-`, `?` or `:` waiting to see a space (or the line's end) after it.
        var indicatorPending = false

        mutating func startLine(indent: Int) {
            if let parent = blockParentIndent {
                if indent > parent { inBlockScalar = true; return }
                blockParentIndent = nil
            }
            inBlockScalar = false
            inComment = false
            if quote == .none {
                atNodeStart = true
                lineIndent = indent
            }
            previous = 32
        }

        mutating func endLine() {
            if indicatorPending {
                indicatorPending = false
                atNodeStart = true
            }
            inComment = false
            inTag = false
            previous = 32
        }

        /// True when `byte` starts an anchor or alias.
        mutating func take(_ byte: UInt8) -> Bool {
            if inBlockScalar || inComment { return false }
            defer { previous = byte }
            switch quote {
            case .single:
                if byte == UInt8(ascii: "'") { quote = .none }  // `''` reopens at once: same effect
                return false
            case .double:
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { quote = .none }
                return false
            case .none:
                break
            }
            if indicatorPending {
                indicatorPending = false
                if byte == 32 || byte == 9 {
                    atNodeStart = true
                    return false
                }
                // `-x`, `?x`, `:x`: part of a plain scalar
            }
            if inTag {
                if byte == 32 || byte == 9 { inTag = false; atNodeStart = true }
                return false
            }
            if byte == UInt8(ascii: "#") && (previous == 32 || previous == 9) { inComment = true; return false }
            if byte == 32 || byte == 9 { return false }
            if atNodeStart {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "*"):
                    return true
                case UInt8(ascii: "!"):
                    inTag = true
                case UInt8(ascii: "'"):
                    quote = .single; atNodeStart = false
                case UInt8(ascii: "\""):
                    quote = .double; atNodeStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1); atNodeStart = false
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if flowDepth == 0 { blockParentIndent = lineIndent; inComment = true }  // the rest: indicators
                    atNodeStart = false
                case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    indicatorPending = true; atNodeStart = false
                case UInt8(ascii: ","):
                    if flowDepth == 0 { atNodeStart = false }
                default:
                    atNodeStart = false
                }
                return false
            }
            // Inside a plain or quoted scalar's line: only `: `, and in flow `,` `[` `{` `]` `}`, end it.
            switch byte {
            case UInt8(ascii: ":"):
                indicatorPending = true
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"):
                if flowDepth > 0 {
                    if byte != UInt8(ascii: ",") { flowDepth += 1 }
                    atNodeStart = true
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flowDepth > 0 { flowDepth -= 1 }
            default:
                break
            }
            return false
        }
    }
}
