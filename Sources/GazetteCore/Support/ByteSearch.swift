/// Searches that compare UTF-8 bytes. With Foundation imported, `text.contains("-")` and
/// `text.range(of: "label")` resolve to Foundation's string search, which bridges the text to
/// an NSString and compares by canonical equivalence; on the importer's hot paths (every word
/// and every line of every page) that was a tenth of the time. The needles here are ASCII or
/// precomposed and the texts come from UTF-8 pages, so comparing bytes gives the same answers.
extension StringProtocol {
    /// Whether the text has this ASCII character.
    func has(ascii character: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(truncatingIfNeeded: character.value))
    }

    /// The first place at or after `start` where `needle`'s bytes occur.
    func byteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        var from = start ?? bytes.startIndex
        while let candidate = bytes[from...].firstIndex(of: first) {
            var i = candidate, matched = 0
            while matched < pattern.count, i < bytes.endIndex, bytes[i] == pattern[matched] {
                bytes.formIndex(after: &i)
                matched += 1
            }
            if matched == pattern.count { return candidate..<i }
            from = bytes.index(after: candidate)
        }
        return nil
    }
}

extension String {
    /// Every occurrence of `needle` replaced by `replacement`, comparing UTF-8 bytes.
    /// Foundation's `replacingOccurrences` bridges the text to an NSString and back: on the
    /// body of every article (a tag added to each table) it was 7% of a build's time.
    func replacingBytes(of needle: String, with replacement: String) -> String {
        var out = "", from = startIndex
        while let match = byteRange(of: needle, from: from) {
            out += self[from..<match.lowerBound]
            out += replacement
            from = match.upperBound
        }
        guard from != startIndex else { return self }
        out += self[from...]
        return out
    }
}
