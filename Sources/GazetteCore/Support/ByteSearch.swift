#if canImport(Glibc)
import Glibc
#endif

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

    /// The first place at or after `start` where `needle`'s bytes occur. Native strings hold
    /// their bytes in one buffer, searched with the C library's `memchr` and `memcmp` (a body
    /// searched for its tables and task lists byte by byte was 2% of a build's time); others
    /// byte by byte.
    func byteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        let bytes = utf8
        let from = start ?? bytes.startIndex
        let searched: Int?? = bytes[from...].withContiguousStorageIfAvailable { buffer in
            Self.offset(of: pattern, in: UnsafeRawBufferPointer(buffer))
        }
        if let searched {
            guard let offset = searched else { return nil }
            let lower = bytes.index(from, offsetBy: offset)
            return lower..<bytes.index(lower, offsetBy: pattern.count)
        }
        var position = from
        while let candidate = bytes[position...].firstIndex(of: pattern[0]) {
            var i = candidate, matched = 0
            while matched < pattern.count, i < bytes.endIndex, bytes[i] == pattern[matched] {
                bytes.formIndex(after: &i)
                matched += 1
            }
            if matched == pattern.count { return candidate..<i }
            position = bytes.index(after: candidate)
        }
        return nil
    }

    private static func offset(of pattern: [UInt8], in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var at = 0
        while buffer.count - at >= pattern.count,
              let hit = memchr(base + at, Int32(pattern[0]), buffer.count - at - pattern.count + 1) {
            at = UnsafeRawPointer(hit) - base
            if pattern.withUnsafeBytes({ memcmp(base + at, $0.baseAddress!, pattern.count) }) == 0 { return at }
            at += 1
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
