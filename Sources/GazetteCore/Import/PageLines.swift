import Foundation

/// Recognisers for the single lines a news page is made of: date stamps, photo credits,
/// bylines, hand-offs and sign-offs. Each takes one line and says what it is, or nil.
enum PageLines {
    // MARK: Date stamps

    static let stampLabels: [(label: String, updated: Bool)] = [
        ("written", false), ("write", false), ("posted", false), ("published", false), ("input", false), ("date", false),
        ("created", false), ("입력", false), ("updated", true), ("update", true), ("modified", true), ("edited", true), ("수정", true),
    ]

    /// "Written: 2019-11-12 15:46:21Updated: 2019-11-12 16:07:42" → both stamps, as
    /// "2019-11-12 15:46:21". A line with a label but no date is not a stamp.
    static func stamps(_ line: String) -> (written: String?, updated: String?)? {
        // Cheap test first: a stamp has a colon and at least eight digits.
        guard line.utf8.count < 200, line.utf8.contains(58), line.utf8.lazy.filter({ $0 >= 48 && $0 <= 57 }).count >= 8 else { return nil }
        let lower = line.lowercased()
        var written: String?, updated: String?
        var found = false
        for (label, isUpdate) in stampLabels {
            var search = lower.startIndex..<lower.endIndex
            while let r = lower.byteRange(of: label, from: search.lowerBound) {
                search = r.upperBound..<lower.endIndex
                // A label starts a word and is followed by ':' (spaces allowed before it); a
                // capitalised label may be glued to a byline before it ("By Kim Min-suPublished :").
                if r.lowerBound > lower.startIndex, lower[lower.index(before: r.lowerBound)].isLetter,
                   !isGluedLabel(line, at: lower.distance(from: lower.startIndex, to: r.lowerBound)) { continue }
                var i = r.upperBound
                while i < lower.endIndex, lower[i] == " " { i = lower.index(after: i) }
                // Korean stamps need no colon: "입력 2019.02.26 (15:25)".
                let korean = label.unicodeScalars.first!.value >= 0xAC00
                guard i < lower.endIndex, lower[i] == ":" || korean && i > r.upperBound else { continue }
                let offset = lower.distance(from: lower.startIndex, to: lower[i] == ":" ? lower.index(after: i) : i)
                let rest = line[line.index(line.startIndex, offsetBy: offset)...]
                guard let date = leadingDate(rest) else { continue }
                found = true
                if isUpdate { updated = updated ?? date } else { written = written ?? date }
            }
        }
        return found ? (written, updated) : nil
    }

    /// Whether the label at character `offset` starts with a capital glued to a lowercase letter.
    static func isGluedLabel(_ line: String, at offset: Int) -> Bool {
        let chars = Array(line)
        guard offset > 0, offset < chars.count else { return false }
        return chars[offset].isUppercase && chars[offset - 1].isLowercase
    }

    /// "By Kim Min-suPublished : May 10, 2022" → "By Kim Min-su": what a line holds before its
    /// first stamp label, when a byline is glued to it.
    static func textBeforeStamp(_ line: String) -> String? {
        let lower = line.lowercased()
        let starts = stampLabels.compactMap { label -> Int? in
            guard let r = lower.byteRange(of: label.label), r.lowerBound > lower.startIndex else { return nil }
            let offset = lower.distance(from: lower.startIndex, to: r.lowerBound)
            return isGluedLabel(line, at: offset) || lower[lower.index(before: r.lowerBound)] == " " ? offset : nil
        }
        guard let first = starts.min() else { return nil }
        let before = String(line.prefix(first)).trimmed()
        return before.isEmpty ? nil : before
    }

    /// A date (and time) at the start of `text`: "2019-11-12 15:46:21", "2019.11.12 15:46",
    /// "2019/11/12" → "2019-11-12 15:46:21", "2019-11-12 15:46", "2019-11-12".
    static func leadingDate(_ text: Substring) -> String? {
        guard let numeric = numericLeadingDate(text) else { return DateLines.leadingDate(text) }
        // A time in parentheses after a date alone: "2019.02.26 (15:25)".
        if !numeric.contains(":"), let withTime = DateLines.leadingDate(text), withTime.hasPrefix(numeric) { return withTime }
        return numeric
    }

    static func numericLeadingDate(_ text: Substring) -> String? {
        let s = Array(text.drop(while: { $0 == " " }))
        func digits(_ at: Int, _ n: Int) -> String? {
            guard at + n <= s.count, s[at..<(at + n)].allSatisfy(\.isASCII), s[at..<(at + n)].allSatisfy(\.isNumber) else { return nil }
            return String(s[at..<(at + n)])
        }
        guard let y = digits(0, 4), s.count >= 10, "-./".contains(s[4]), let m = digits(5, 2), s[7] == s[4], let d = digits(8, 2) else { return nil }
        var out = "\(y)-\(m)-\(d)"
        var i = 10
        while i < s.count, s[i] == " " || s[i] == "T" { i += 1 }
        if let hh = digits(i, 2), i + 2 < s.count, s[i + 2] == ":", let mm = digits(i + 3, 2) {
            out += " \(hh):\(mm)"
            if i + 5 < s.count, s[i + 5] == ":", let ss = digits(i + 6, 2) { out += ":\(ss)" }
        }
        return out
    }

    // MARK: Photo credits

    static let creditLabels = ["photo :", "photo:", "photos :", "photos:", "photo by", "thumbnail :", "thumbnail:", "image :", "image:", "ⓒ", "©"]

    /// "Photo : YONHAP News" → "YONHAP News"; also "(Photo: X)", "[Photo: X]", "ⓒ X".
    static func photoCredit(_ line: String) -> String? {
        var t = line.trimmed()
        if let first = t.first, let last = t.last, (first == "(" && last == ")") || (first == "[" && last == "]") {
            t = String(t.dropFirst().dropLast()).trimmed()
        }
        let lower = t.lowercased()
        for label in creditLabels where lower.hasPrefix(label) {
            let credit = t.dropFirst(label.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            guard !credit.isEmpty, credit.count <= 80 else { return nil }
            return credit
        }
        return nil
    }

    // MARK: Bylines

    /// A person's name as a byline writes it: two to four capitalised words ("Choi You Sun",
    /// "Park Han-ki", "Mary O'Brien").
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let f = w.first, f.isUppercase else { return false }
            return w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." } && !w.allSatisfy(\.isUppercase)
        }
    }

    static let sourceWords = ["news", "radio", "tv", "press", "agency", "times", "wire", "service", "broadcasting", "herald",
                              "post", "journal", "daily", "tribune", "network", "reuters", "yonhap", "kbs", "mbc", "sbs", "ap", "afp"]

    static func looksLikeSource(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return !words.isEmpty && words.contains { sourceWords.contains(String($0)) }
    }

    /// "Choi You Sun, KBS World Radio News." → ("Choi You Sun", "KBS World Radio News");
    /// "I'm Choi You Sun for KBS World Radio News." likewise.
    static func signOff(_ line: String) -> (byline: String, source: String)? {
        var t = line.trimmed()
        guard t.hasSuffix(".") else { return nil }
        t.removeLast()
        for prefix in ["I'm ", "I’m ", "This is "] where t.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count)
            if let r = rest.range(of: " for ") {
                let name = String(rest[..<r.lowerBound]), source = String(rest[r.upperBound...])
                if isName(name) && looksLikeSource(source) { return (name, source) }
            }
        }
        guard let comma = t.firstIndex(of: ",") else { return nil }
        let name = String(t[..<comma]).trimmed()
        let source = String(t[t.index(after: comma)...]).trimmed()
        guard isName(name), looksLikeSource(source), source.count < 60 else { return nil }
        return (name, source)
    }

    /// A reporter's e-mail credit: "lee.jihye@example.com", "Reporter Choi Min-ji
    /// (minji@example.kr)", "Kim Soo-yeon <sy@example.com>" → the name, or "" for an address
    /// alone. Nil for a line that says anything else.
    static func emailCredit(_ line: String) -> String? {
        guard line.has(ascii: "@"), line.utf8.count < 120 else { return nil }
        var words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let at = words.firstIndex(where: { word in
            let sides = word.split(separator: "@")
            return sides.count == 2 && sides[1].has(ascii: ".") && !sides[0].isEmpty
        }), at == words.count - 1 else { return nil }
        words.removeLast()
        if ["Reporter", "By", "BY", "Correspondent", "Email", "E-mail"].contains(words.first) { words.removeFirst() }
        let name = words.joined(separator: " ")
        return name.isEmpty || isName(name) ? name : nil
    }

    /// A reporter's role on the line under their name.
    static let reporterRoles: Set<String> = [
        "reporter", "staff reporter", "senior reporter", "staff writer", "senior writer", "correspondent",
        "foreign correspondent", "political correspondent", "economics correspondent", "editor", "news editor",
        "contributing writer", "writer",
    ]

    static let handOffEndings = [" has the details.", " has more.", " has the story.", " has this report.", " has the report.",
                                 " reports.", " has more details.", " has the latest."]

    /// "Choi You Sun has the details." → "Choi You Sun", alone or as the last sentence of the
    /// anchor's paragraph ("… nears its end. Our Park Soo-jin has the story."). The line
    /// stays in the body.
    static func handOff(_ line: String) -> String? {
        var t = line.trimmed()
        guard handOffEndings.contains(where: t.hasSuffix) else { return nil }
        if let stop = t.dropLast().lastIndex(where: { $0 == "." || $0 == "?" || $0 == "!" }),
           t[t.index(after: stop)...].first == " " {
            t = t[t.index(after: stop)...].trimmed()
        }
        for prefix in ["Our correspondent ", "Correspondent ", "Our reporter ", "Reporter ", "Our "] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
        }
        for ending in handOffEndings where t.hasSuffix(ending) {
            let name = String(t.dropLast(ending.count))
            if isName(name) { return name }
        }
        return nil
    }

    /// "By Kim Soo-yeon" or "By Mari Yamaguchi, Associated Press" → name and source.
    static func byLine(_ line: String) -> (byline: String, source: String?)? {
        let t = line.trimmed()
        guard t.hasPrefix("By ") || t.hasPrefix("BY ") else { return nil }
        let rest = t.dropFirst(3).trimmed()
        let parts = rest.split(separator: ",", maxSplits: 1).map { $0.trimmed() }
        let name = parts[0].replacingOccurrences(of: " and ", with: " & ")
        guard name.split(separator: "&").allSatisfy({ isName($0.trimmed()) }) else { return nil }
        // "By Daniel Brooks, Contributing Writer": the writer's role, not the source.
        let source = parts.count > 1 ? parts[1] : nil
        if let source, isRole(source) { return (parts[0], nil) }
        return (parts[0], source)
    }

    /// A writer's role after their name: "Staff Reporter", "Contributing Writer", "Columnist".
    static func isRole(_ text: String) -> Bool {
        let lower = text.lowercased()
        return reporterRoles.contains(lower) || ["writer", "reporter", "correspondent", "columnist", "editor", "contributor"]
            .contains { lower.hasSuffix($0) }
    }

    /// A wire service's end mark on the story's last line: "==Kyodo", "— AP", "/Yonhap" → the
    /// service's name.
    static func endMark(_ line: String) -> String? {
        let t = line.trimmed()
        guard t.utf8.count <= 30 else { return nil }
        for mark in ["==", "—", "--", "/"] where t.hasPrefix(mark) {
            let name = t.dropFirst(mark.count).trimmed()
            if !name.isEmpty, name.count <= 20, name.first?.isUppercase == true,
               name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." }) { return name }
        }
        return nil
    }

    /// "Reporting by Kim Soo-yeon and Lee Ji-ho; Editing by Tom Hogue" → "Kim Soo-yeon and Lee Ji-ho".
    static func reutersCredit(_ line: String) -> String? {
        let t = line.trimmed()
        guard t.hasPrefix("Reporting by ") else { return nil }
        let rest = t.dropFirst("Reporting by ".count)
        let names = rest.split(separator: ";", maxSplits: 1)[0].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        return names.isEmpty ? nil : names
    }

    /// The agency in a dateline at the start of a story: "SEOUL, Oct. 3 (Yonhap) --" → "Yonhap";
    /// "TOKYO (AP) —" → "AP"; "WASHINGTON (Reuters) -" → "Reuters".
    static func datelineSource(_ paragraph: String) -> String? {
        guard paragraph.has(ascii: "(") else { return nil }
        let head = paragraph.prefix(60)
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        let before = head[..<open].trimmed()
        let after = head[head.index(after: close)...].trimmed()
        guard let place = before.split(separator: ",").first, place.count >= 3, place.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "." }),
              after.hasPrefix("--") || after.hasPrefix("—") || after.hasPrefix("-") || after.hasPrefix("–") else { return nil }
        let agency = String(head[head.index(after: open)..<close])
        return agency.isEmpty || agency.count > 30 ? nil : agency
    }
}
