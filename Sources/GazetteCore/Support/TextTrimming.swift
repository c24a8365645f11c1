extension StringProtocol {
    /// Spaces, tabs, no-break spaces and line ends removed from both ends.
    ///
    /// Native Swift: Foundation's `trimmingCharacters(in:)` bridges through NSString, which
    /// was a tenth of the importer's time on a profile.
    func trimmed() -> String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isTrimmable { start = index(after: start) }
        while end > start, self[index(before: end)].isTrimmable { end = index(before: end) }
        return String(self[start..<end])
    }
}

extension Character {
    var isTrimmable: Bool { self == " " || self == "\t" || self == "\u{00A0}" || isNewline }
}
