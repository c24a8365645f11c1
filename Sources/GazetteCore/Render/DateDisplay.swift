/// Dates as readers see them on pages: "12 November 2019, 15:46 (UTC+9)".
enum DateDisplay {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func long(_ date: ArticleDate) -> String {
        let t = date.local
        return "\(t.day) \(monthNames[t.month - 1]) \(t.year), \(pad(t.hour)):\(pad(t.minute)) (\(zone(date.offset)))"
    }

    static func short(_ date: ArticleDate) -> String {
        let t = date.local
        return "\(t.day) \(monthNames[t.month - 1].prefix(3)) \(t.year)"
    }

    static func month(_ year: Int, _ month: Int) -> String { "\(monthNames[month - 1]) \(year)" }

    /// "UTC+9", "UTC+5:30", "UTC".
    static func zone(_ offset: Int) -> String {
        if offset == 0 { return "UTC" }
        let sign = offset < 0 ? "−" : "+"
        let minutes = abs(offset) / 60
        return minutes % 60 == 0 ? "UTC\(sign)\(minutes / 60)" : "UTC\(sign)\(minutes / 60):\(pad(minutes % 60))"
    }
}
