import Foundation

/// Dates as news pages print them, beyond the numeric stamps `PageLines.stamps` reads:
/// month names (`May 10, 2022 - 19:37`, `15 January 2020`), a time before the date
/// (`08:32 January 15, 2020`), a time in parentheses (`2019.02.26 (15:25)`), a bare date
/// on its own line, and a date glued to the end of a headline. Each gives the
/// `YYYY-MM-DD[ HH:MM]` form the importer's date parser reads.
enum DateLines {
    static let englishMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
        "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Month names in English and, from CLDR through Foundation's ICU, in the other languages
    /// whose news writes dates with month names (`10 ноября 2023`, `10 mai 2022`,
    /// `10. Mai 2022`, `10 de mayo de 2022`): full, short and stand-alone forms, lowercased.
    /// English wins a clash.
    static let months: [String: Int] = {
        var out = englishMonths
        for code in ["fr", "de", "es", "pt", "it", "nl", "ru", "uk", "id", "ms", "tr", "pl"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: code)
            for list in [f.monthSymbols, f.shortMonthSymbols, f.standaloneMonthSymbols, f.shortStandaloneMonthSymbols] {
                for (i, name) in list.enumerated() {
                    let key = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    if !key.isEmpty, key.allSatisfy(\.isLetter), out[key] == nil { out[key] = i + 1 }
                }
            }
        }
        return out
    }()

    /// A date with a month name at the start of `s` (at `i`): "January 15, 2020",
    /// "Jan. 15, 2020", "15 January 2020". Returns the date and where it ends.
    static func monthNameDate(_ s: [Character], at start: Int) -> (date: String, end: Int)? {
        var i = start
        func word() -> String? {
            let from = i
            while i < s.count, s[i].isLetter { i += 1 }
            return i > from ? String(s[from..<i]).lowercased() : nil
        }
        func number(max: Int) -> Int? {
            let from = i
            while i < s.count, s[i].isASCII, s[i].isNumber, i - from < max { i += 1 }
            return i > from ? Int(String(s[from..<i])) : nil
        }
        func skip(_ set: String) { while i < s.count, set.contains(s[i]) { i += 1 } }
        /// Spanish and Portuguese put "de" between the parts: "10 de mayo de 2022".
        func skipOf() {
            if i + 3 <= s.count, String(s[i..<(i + 2)]).lowercased() == "de", s[i + 2] == " " { i += 3 }
        }
        var month: Int?, day: Int?
        if let name = word(), let m = months[name] {
            month = m
            skip(". ")
            day = number(max: 2)
            if i < s.count, s[i].isNumber { return nil }  // "May 2022": no day
        } else {
            i = start
            guard let d = number(max: 2) else { return nil }
            skip(". ")
            skipOf()
            guard let name = word(), let m = months[name] else { return nil }
            day = d
            month = m
            skip(".")
        }
        guard let month, let day, (1...31).contains(day) else { return nil }
        skip(",. ")
        skipOf()
        let yearStart = i
        guard let year = number(max: 4), i - yearStart == 4, (1900...2100).contains(year) else { return nil }
        return (String(format: "%04d-%02d-%02d", year, month, day), i)
    }

    /// "19:37", "8:32", "3:46 PM" at `i`, as 24-hour "HH:MM", and where it ends.
    static func time(_ s: [Character], at start: Int) -> (time: String, end: Int)? {
        var i = start
        let hourStart = i
        while i < s.count, s[i].isASCII, s[i].isNumber, i - hourStart < 2 { i += 1 }
        guard i > hourStart, i < s.count, s[i] == ":", var hour = Int(String(s[hourStart..<i])) else { return nil }
        i += 1
        guard i + 2 <= s.count, let minute = Int(String(s[i..<(i + 2)])), s[i].isNumber, s[i + 1].isNumber else { return nil }
        i += 2
        if i + 2 < s.count, s[i] == ":", s[i + 1].isNumber, s[i + 2].isNumber { i += 3 }  // seconds, dropped
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        // "PM", "pm", and "p.m." as American papers write it.
        let dotted = j + 3 < s.count && s[j + 1] == "." && "mM".contains(s[j + 2]) && s[j + 3] == "."
        if j + 1 < s.count, "apAP".contains(s[j]), "mM".contains(s[j + 1]) || dotted {
            if "pP".contains(s[j]) && hour < 12 { hour += 12 } else if "aA".contains(s[j]) && hour == 12 { hour = 0 }
            i = j + (dotted ? 4 : 2)
        }
        guard hour < 24, minute < 60 else { return nil }
        return (String(format: "%02d:%02d", hour, minute), i)
    }

    /// A date written with a month name at the start of `text`, with a time after it
    /// (`- 19:37`, `, 3:46 PM`, ` at 08:00`) or before it (`08:32 January 15, 2020`).
    static func leadingDate(_ text: Substring) -> String? {
        leading(Array(text.drop { $0 == " " }))?.date
    }

    private static func leading(_ s: [Character]) -> (date: String, end: Int)? {
        var timeFirst: String?
        var start = 0
        if let t = time(s, at: 0) {
            timeFirst = t.time
            start = t.end
            while start < s.count, s[start] == " " { start += 1 }
        }
        start = afterWeekday(s, at: start)
        guard let found = monthNameDate(s, at: start) ?? numericDate(s, at: start) ?? eastAsianDate(s, at: start) else { return nil }
        if let timeFirst { return (found.date + " " + timeFirst, found.end) }
        var i = found.end
        while true {
            if i < s.count, " -–,|(".contains(s[i]) { i += 1; continue }
            if i + 2 <= s.count, String(s[i..<(i + 2)]).lowercased() == "at", i + 2 == s.count || s[i + 2] == " " { i += 2; continue }
            break
        }
        if let t = time(s, at: i) ?? eastAsianTime(s, at: i) {
            var end = t.end
            if end < s.count, s[end] == ")" { end += 1 }
            return (found.date + " " + t.time, end)
        }
        return found
    }

    static let englishWeekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Past a weekday's name before a date ("Wednesday, January 15, 2020", "Wed. 15 Jan"):
    /// where the date starts, or `i` when no weekday is there.
    private static func afterWeekday(_ s: [Character], at i: Int) -> Int {
        var end = i
        while end < s.count, s[end].isLetter { end += 1 }
        guard end > i, englishWeekdays.contains(String(s[i..<end]).lowercased()) else { return i }
        if end < s.count, s[end] == "." { end += 1 }
        if end < s.count, s[end] == "," { end += 1 }
        guard end < s.count, s[end] == " " else { return i }
        while end < s.count, s[end] == " " { end += 1 }
        return end
    }

    /// "2019-11-12", "2019.11.12", "2019/11/12" at `i`.
    static func numericDate(_ s: [Character], at i: Int) -> (date: String, end: Int)? {
        guard i + 10 <= s.count else { return nil }
        let part = Array(s[i..<(i + 10)])
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitsAt.allSatisfy({ part[$0].isASCII && part[$0].isNumber }), "-./".contains(part[4]), part[7] == part[4],
              let month = Int(String(part[5...6])), let day = Int(String(part[8...9])), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return ("\(String(part[0...3]))-\(String(part[5...6]))-\(String(part[8...9]))", i + 10)
    }

    /// "2023年11月2日", "2023년 11월 2일" at `i`, spaces allowed between the parts.
    static func eastAsianDate(_ s: [Character], at start: Int) -> (date: String, end: Int)? {
        var i = start
        func part(_ maxDigits: Int, _ marks: String) -> Int? {
            while i < s.count, s[i] == " " { i += 1 }
            let from = i
            while i < s.count, s[i].isASCII, s[i].isNumber, i - from < maxDigits { i += 1 }
            guard i > from, i < s.count, marks.contains(s[i]), let n = Int(String(s[from..<i])) else { return nil }
            i += 1
            return n
        }
        guard let year = part(4, "年년"), (1900...2100).contains(year), let month = part(2, "月월"), (1...12).contains(month),
              let day = part(2, "日일"), (1...31).contains(day) else { return nil }
        return (String(format: "%04d-%02d-%02d", year, month, day), i)
    }

    /// "18時05分", "18시 05분", "18点05分" at `i`, as "HH:MM".
    static func eastAsianTime(_ s: [Character], at start: Int) -> (time: String, end: Int)? {
        var i = start
        func part(_ marks: String) -> Int? {
            while i < s.count, s[i] == " " { i += 1 }
            let from = i
            while i < s.count, s[i].isASCII, s[i].isNumber, i - from < 2 { i += 1 }
            guard i > from, i < s.count, marks.contains(s[i]), let n = Int(String(s[from..<i])) else { return nil }
            i += 1
            return n
        }
        guard let hour = part("時时시点點"), hour < 24 else { return nil }
        let afterHour = i
        let minute = part("分분") ?? { i = afterHour; return 0 }()
        guard minute < 60 else { return nil }
        return (String(format: "%02d:%02d", hour, minute), i)
    }

    /// A line that is only a date (and time, and perhaps a zone name): the page's date
    /// when it stands in the header.
    static func bareDate(_ line: String) -> String? {
        guard line.utf8.count <= 60, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let s = Array(line.trimmed())
        guard s.count <= 40, let found = leading(s) else { return nil }
        let rest = String(s[found.end...]).trimmed().lowercased()
        return rest.isEmpty || ["kst", "gmt", "utc", "et", "est", "edt", "jst", "г", "г."].contains(rest) ? found.date : nil
    }

    /// Labels written before a date without a colon, longest first, and whether each is an update's.
    static let dateLabels: [(label: String, updated: Bool)] = [
        ("last updated", true), ("updated on", true), ("updated", true), ("first published", false),
        ("published on", false), ("published", false), ("posted on", false), ("posted", false),
    ]

    /// "Posted March 3, 2021 at 10:00 a.m.", "Updated 2021-03-03 11:00" on a line of its own.
    static func labelledDate(_ line: String) -> (date: String, updated: Bool)? {
        // Every label starts with l, u, f or p: other lines are passed over unread.
        guard line.utf8.count <= 80, let first = line.utf8.first, "LUFPlufp".utf8.contains(first) else { return nil }
        let text = line.trimmed()
        let lower = text.lowercased()
        for (label, updated) in dateLabels where lower.hasPrefix(label + " ") {
            if let date = bareDate(String(text.dropFirst(label.count))) { return (date, updated) }
        }
        return nil
    }

    /// "Summit ends in agreementJanuary 15, 2020" → ("Summit ends in agreement", "2020-01-15"):
    /// a page that prints the date right after the headline, with no space between.
    static func gluedDate(_ line: String) -> (title: String, date: String)? {
        // Every form this reads ends in the year or the day: a line that does not end in a
        // digit is passed over without a look at its characters.
        guard let last = line.utf8.last, last >= 0x30 && last <= 0x39 else { return nil }
        let s = Array(line)
        guard s.count > 12 else { return nil }
        for start in stride(from: s.count - 8, through: 1, by: -1) where s[start].isUppercase || s[start].isNumber {
            guard !s[start - 1].isWhitespace, let found = leading(Array(s[start...])), start + found.end == s.count,
                  monthNameDate(s, at: start) != nil || numericDate(s, at: start) != nil else { continue }
            let title = String(s[..<start]).trimmed()
            // A short text before the date is a programme's name ("News 9January 15, 2020").
            guard title.count >= 8 || title.count >= 3 && title.contains(where: \.isLetter) else { return nil }
            return (title, found.date)
        }
        return nil
    }
}
