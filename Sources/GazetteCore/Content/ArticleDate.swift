import Foundation

/// A moment as a newsroom wrote it: the instant, and the UTC offset it was written in.
///
/// Keeping the offset means a story filed in Seoul at 15:46 shows 15:46 and files under
/// its Seoul calendar day, whatever zone the site is built in.
public struct ArticleDate: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Offset from UTC in seconds, east positive.
    public var offset: Int

    public init(seconds: Int64, offset: Int) {
        self.seconds = seconds
        self.offset = offset
    }

    public init(_ date: Date, offset: Int) {
        self.init(seconds: Int64(date.timeIntervalSince1970.rounded(.down)), offset: offset)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public static func < (a: ArticleDate, b: ArticleDate) -> Bool { a.seconds < b.seconds }

    /// The wall-clock fields in the date's own offset.
    public var local: CivilTime { CivilTime(utcSeconds: seconds + Int64(offset)) }

    /// RFC 3339 with the date's own offset: `2019-11-12T15:46:21+09:00`.
    public var rfc3339: String {
        let t = local
        return "\(t.dateString)T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))\(Self.offsetString(offset))"
    }

    /// `+09:00`, `Z` for zero.
    public static func offsetString(_ offset: Int) -> String {
        if offset == 0 { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }
}

/// Calendar fields of a UTC-shifted instant (proleptic Gregorian), computed without
/// Foundation's Calendar so that it is pure, fast and the same on every machine.
public struct CivilTime: Sendable, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    init(utcSeconds: Int64) {
        var days = utcSeconds / 86_400
        var rest = utcSeconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d),
                  hour: Int(rest / 3600), minute: Int(rest % 3600 / 60), second: Int(rest % 60))
    }

    /// Seconds since the epoch if these fields were UTC.
    var utcSeconds: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var dateString: String { "\(year)-\(pad(month))-\(pad(day))" }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
