import Foundation

/// Dates as readers of one language see them. English keeps the archive's own style
/// ("11 January 2024, 15:46 (UTC+9)", "11 Jan 2024"); every other language gets Unicode
/// CLDR's patterns through the ICU that Foundation brings: "2024년 1월 11일",
/// "2024年1月11日", "11 janvier 2024".
///
/// A formatter is not safe to share between threads and costs about a microsecond a call,
/// so each distinct day is formatted once, under a lock, and kept.
public final class LocalDates: @unchecked Sendable {
    public let language: LanguageTag
    private let lock = NSLock()
    private var formatters: [Pattern: DateFormatter] = [:]
    private var cache: [Key: String] = [:]

    enum Pattern: String { case longDate = "yMMMMd", shortDate = "yMMMd", yearMonth = "yMMMM", month = "LLLL", shortMonth = "LLL" }
    private struct Key: Hashable { var pattern: Pattern, year: Int, month: Int, day: Int }

    public init(language: LanguageTag) { self.language = language }

    var isEnglish: Bool { language.language == "en" }

    /// The day, time and offset of an article's date.
    public func long(_ date: ArticleDate) -> String {
        if isEnglish { return DateDisplay.long(date) }
        let t = date.local
        let time = "\(pad(t.hour)):\(pad(t.minute))"
        return "\(format(.longDate, t.year, t.month, t.day)) \(time) (\(DateDisplay.zone(date.offset)))"
    }

    /// The day, in a list.
    public func short(_ date: ArticleDate) -> String {
        if isEnglish { return DateDisplay.short(date) }
        let t = date.local
        return format(.shortDate, t.year, t.month, t.day)
    }

    /// A month archive's heading: "January 2024", "2024년 1월".
    public func month(_ year: Int, _ month: Int) -> String {
        isEnglish ? DateDisplay.month(year, month) : format(.yearMonth, year, month, 1)
    }

    /// A month's name alone, in full or short.
    public func monthName(_ month: Int, short: Bool = false) -> String {
        if isEnglish { return short ? String(DateDisplay.monthNames[month - 1].prefix(3)) : DateDisplay.monthNames[month - 1] }
        return format(short ? .shortMonth : .month, 2000, month, 15)
    }

    private func format(_ pattern: Pattern, _ year: Int, _ month: Int, _ day: Int) -> String {
        let key = Key(pattern: pattern, year: year, month: month, day: day)
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[key] { return known }
        let formatter = formatters[pattern] ?? {
            let f = DateFormatter()
            f.locale = Locale(identifier: language.code)
            f.timeZone = TimeZone(identifier: "UTC")
            f.setLocalizedDateFormatFromTemplate(pattern.rawValue)
            formatters[pattern] = f
            return f
        }()
        // Noon UTC of the civil day: the day shown is the article's own local day.
        let seconds = CivilTime(year: year, month: month, day: day, hour: 12).utcSeconds
        let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        cache[key] = text
        return text
    }
}
