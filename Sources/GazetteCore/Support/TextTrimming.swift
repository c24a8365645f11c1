extension StringProtocol {
    /// Spaces, tabs, no-break spaces and line ends removed from both ends.
    ///
    /// Native Swift: Foundation's `trimmingCharacters(in:)` bridges through NSString, which
    /// was a tenth of the importer's time on a profile.
    func trimmed() -> String {
        let bytes = utf8, count = bytes.count
        if count > 0, !Self.mayStartTrimmable(bytes[bytes.startIndex]),
           !Self.mayEndTrimmable(bytes[bytes.index(bytes.startIndex, offsetBy: count - 1)]) { return String(self) }
        return trimmedByCharacter()
    }

    /// The same, one Character at a time: the reference the byte test above must agree with.
    func trimmedByCharacter() -> String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isTrimmable { start = index(after: start) }
        while end > start, self[index(before: end)].isTrimmable { end = index(before: end) }
        return String(self[start..<end])
    }

    // Most text has nothing to trim, and walking it by Character (grapheme breaking) is slow;
    // a look at the end bytes settles it. A trimmable Character is one of the scalars of
    // `isTrimmable` or "\r\n" (nothing combines with a line end), so in UTF-8 it starts with
    // 09-0D, 20, C2 (U+0085, U+00A0) or E2 (U+2028, U+2029), and ends with 09-0D, 20, 85, A0,
    // A8 or A9. Text whose first and last bytes are neither has nothing to trim.
    private static func mayStartTrimmable(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0xC2 || byte == 0xE2
    }

    private static func mayEndTrimmable(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x85 || byte == 0xA0 || byte == 0xA8 || byte == 0xA9
    }
}

extension Character {
    var isTrimmable: Bool { self == " " || self == "\t" || self == "\u{00A0}" || isNewline }
}
