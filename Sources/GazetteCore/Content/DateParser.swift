import Foundation

/// Reads the dates editors write in front matter:
/// `2019-11-12T15:46:21+09:00`, `2019-11-12T06:46:21Z`, `2019-11-12 15:46`, `2019-11-12`.
/// A date with no offset is read in the site's time zone.
public struct DateParser: Sendable {
    public var zone: SiteTimeZone

    public init(zone: SiteTimeZone) { self.zone = zone }

    public func parse(_ text: String) -> ArticleDate? {
        var s = Scanner8(text.trimmed())
        guard let year = s.digits(4), s.take("-"), let month = s.digits(2), s.take("-"), let day = s.digits(2),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var civil = CivilTime(year: year, month: month, day: day)
        if s.take("T") || s.take(" ") {
            guard let hour = s.digits(2), s.take(":"), let minute = s.digits(2), hour < 24, minute < 60 else { return nil }
            civil.hour = hour
            civil.minute = minute
            if s.take(":") {
                guard let second = s.digits(2), second < 61 else { return nil }
                civil.second = min(second, 59)
                if s.take(".") { _ = s.skipDigits() }
            }
        }
        s.skipSpaces()
        if s.atEnd {
            let offset = zone.offset(forLocal: civil)
            return ArticleDate(seconds: civil.utcSeconds - Int64(offset), offset: offset)
        }
        guard let offset = s.offset(), s.atEnd else { return nil }
        return ArticleDate(seconds: civil.utcSeconds - Int64(offset), offset: offset)
    }
}

/// A cursor over UTF-8 bytes, enough for the fixed shapes of dates.
struct Scanner8 {
    private let bytes: [UInt8]
    private var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { i >= bytes.count }

    mutating func take(_ c: Character) -> Bool {
        guard i < bytes.count, let a = c.asciiValue, bytes[i] == a || (a >= 65 && a <= 90 && bytes[i] == a + 32) else { return false }
        i += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard i + count <= bytes.count else { return nil }
        var value = 0
        for k in i..<(i + count) {
            let b = bytes[k]
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        i += count
        return value
    }

    mutating func skipDigits() -> Int {
        let start = i
        while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
        return i - start
    }

    mutating func skipSpaces() {
        while i < bytes.count, bytes[i] == 32 { i += 1 }
    }

    /// `Z`, `+09:00`, `+0900`, `-05`.
    mutating func offset() -> Int? {
        if take("Z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = digits(2), hours <= 14 else { return nil }
        _ = take(":")
        let minutes = atEnd ? 0 : (digits(2) ?? -1)
        guard (0..<60).contains(minutes) else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
