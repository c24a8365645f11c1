/// Repairs the text damage that copying a page leaves: sentences glued together and
/// lines broken in the middle of a sentence.
public enum ProseCleaner {
    /// "next week.The ministry" → "next week. The ministry"; "U.S.", "3.5" and
    /// "www.kbs.co.kr" stay as they are (the full stop must be followed by a capital and
    /// then a small letter, and must not close a single-letter abbreviation like "S.").
    public static func unglueSentences(_ text: String) -> String {
        // Most paragraphs have a space after every stop: nothing to do, and no walk by
        // Character (the slowest part of reading a page).
        guard hasStopFollowedByLetter(text) else { return text }
        let chars = Array(text)
        guard chars.count > 3 else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for i in chars.indices {
            out.append(chars[i])
            guard ".!?".contains(chars[i]), i >= 1, i + 2 < chars.count else { continue }
            let next = chars[i + 1], after = chars[i + 2]
            guard next.isUppercase, after.isLowercase else { continue }
            let before = chars[i - 1]
            // "U.S.The": the stop closes a one-letter abbreviation only if two back is also a stop.
            let closesInitialism = before.isUppercase && i >= 2 && chars[i - 2] == "."
            if before.isLetter && before.isLowercase || before.isNumber || "\"'”’)".contains(before) || closesInitialism {
                out.append(" ")
            }
        }
        return out
    }

    /// Whether a stop is directly followed by something other than a space, a digit or
    /// punctuation: the only place `unglueSentences` may add a space.
    static func hasStopFollowedByLetter(_ text: String) -> Bool {
        var previousWasStop = false
        for byte in text.utf8 {
            if previousWasStop && (byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A)) { return true }
            previousWasStop = byte == 0x2E || byte == 0x21 || byte == 0x3F
        }
        return false
    }

    /// Whether a line ends a sentence, so a line break after it is meant.
    static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.trimmed().last else { return true }
        return ".!?:\"'”’)]…。！？؟।」』".contains(last)
    }

    /// Joins the lines of one paragraph: a break after a sentence stays a line break,
    /// a break in the middle of a sentence becomes a space.
    public static func joinLines(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            let trimmed = line.trimmed()
            guard !trimmed.isEmpty else { continue }
            if out.isEmpty {
                out = trimmed
            } else if endsSentence(out[...]) {
                out += "\n" + trimmed
            } else {
                out += " " + trimmed
            }
        }
        return out
    }
}
