/// What a person's or country's first page shows about its coverage: a timeline of
/// articles per month, who and what is mentioned alongside, the first and latest
/// appearance, and the sections it appears in.
struct TermProfile {
    struct Count { var name: String; var count: Int }

    /// Articles per month, oldest first: (year * 12 + month - 1) → count, every month between
    /// the first and the latest included, so gaps show as empty bars.
    var months: [(key: Int, count: Int)]
    var people: [Count]
    var countries: [Count]
    var sections: [Count]
    var first: ArticleDate
    var latest: ArticleDate

    init(site: Site, term: Term, kind: TaxonomyKind, limit: Int = 10) {
        var byMonth: [Int: Int] = [:]
        var people: [String: Int] = [:], countries: [String: Int] = [:], sections: [String: Int] = [:]
        for i in term.articles {
            let a = site.articles[i]
            let t = a.date.local
            byMonth[t.year * 12 + t.month - 1, default: 0] += 1
            for p in a.people where !(kind == .people && p == term.name) { people[p, default: 0] += 1 }
            for c in a.countries where !(kind == .countries && c == term.name) { countries[c, default: 0] += 1 }
            if let s = a.section { sections[s, default: 0] += 1 }
        }
        let keys = byMonth.keys
        let lo = keys.min() ?? 0, hi = keys.max() ?? 0
        months = (lo...hi).map { ($0, byMonth[$0] ?? 0) }
        func top(_ counts: [String: Int]) -> [Count] {
            counts.map { Count(name: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(limit).map { $0 }
        }
        self.people = top(people)
        self.countries = top(countries)
        self.sections = top(sections)
        // Articles are newest first.
        latest = site.articles[term.articles.first!].date
        first = site.articles[term.articles.last!].date
    }

    static func monthName(_ key: Int) -> String { DateDisplay.month(key / 12, key % 12 + 1) }

    /// A month in the page's language ("March 2024", "2024년 3월").
    static func monthName(_ key: Int, _ local: Localization?) -> String {
        local.map { $0.dates.month(key / 12, key % 12 + 1) } ?? monthName(key)
    }

    /// Words for a language other than English (English keeps its own phrasing, with "both").
    private static func words(_ local: Localization?) -> ThemeWords? {
        guard let local, local.tag.language != "en" else { return nil }
        return local.words
    }

    /// Below this many months from first to latest, a chart would be one or two bars the
    /// width of the page: the coverage is said in a sentence instead.
    static let monthsForTimeline = 6

    var hasTimeline: Bool { months.count >= Self.monthsForTimeline }

    /// The coverage in words, for a short span: "2 articles, both in March 2024."
    var sentence: String { sentence(nil) }

    func sentence(_ local: Localization?) -> String {
        let total = months.map(\.count).reduce(0, +)
        if let words = Self.words(local) {
            let from = Self.monthName(months.first!.key, local), to = Self.monthName(months.last!.key, local)
            return months.count == 1 ? words.plural("coverage_in_month", count: total, ["month": from])
                : words.plural("coverage_span", count: total, ["from": from, "to": to])
        }
        let noun = total == 1 ? "1 article" : "\(total) articles"
        let from = Self.monthName(months.first!.key), to = Self.monthName(months.last!.key)
        if months.count == 1 { return total == 1 ? "\(noun), in \(from)." : "\(noun), \(total == 2 ? "both" : "all") in \(from)." }
        return "\(noun) from \(from) to \(to)."
    }

    /// An inline bar chart, drawn at build time; readable without JavaScript, with its
    /// figures in words for screen readers. Only numbers and month names go into it.
    func timelineSVG(_ local: Localization? = nil) -> String {
        let name = { (key: Int) in Self.monthName(key, local) }
        let width = 640.0, height = 120.0, top = 8.0, bottom = 20.0
        let peak = max(1, months.map(\.count).max() ?? 1)
        let step = width / Double(max(1, months.count))
        let barWidth = min(24, max(1.0, step * 0.8))  // a few months must not make slabs
        var bars = ""
        for (k, month) in months.enumerated() where month.count > 0 {
            let h = (height - top - bottom) * Double(month.count) / Double(peak)
            let x = Double(k) * step + (step - barWidth) / 2
            bars += "<rect x=\"\(fmt(x))\" y=\"\(fmt(height - bottom - h))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\"><title>\(name(month.key)): \(month.count)</title></rect>"
        }
        let busiest = months.max { $0.count < $1.count }!
        let total = months.map(\.count).reduce(0, +)
        let spoken = Self.words(local).map {
            $0.plural("timeline_label", count: total, ["from": name(months.first!.key), "to": name(months.last!.key),
                                                       "busiest": name(busiest.key), "most": "\(busiest.count)"])
        } ?? "\(total) articles from \(name(months.first!.key)) to \(name(months.last!.key)); the busiest month was \(name(busiest.key)) with \(busiest.count)."
        let label = Escape.markup(spoken)
        let firstLabel = "<text x=\"0\" y=\"\(fmt(height - 4))\">\(name(months.first!.key))</text>"
        let lastLabel = months.count > 1 ? "<text x=\"\(fmt(width))\" y=\"\(fmt(height - 4))\" text-anchor=\"end\">\(name(months.last!.key))</text>" : ""
        return "<svg class=\"timeline\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-label=\"\(label)\">"
            + "<g class=\"bars\">\(bars)</g><line x1=\"0\" y1=\"\(fmt(height - bottom))\" x2=\"\(fmt(width))\" y2=\"\(fmt(height - bottom))\"/>"
            + "<g class=\"axis\">\(firstLabel)\(lastLabel)</g></svg>"
    }

    var summary: String { summary(nil) }

    func summary(_ local: Localization?) -> String {
        let busiest = months.max { $0.count < $1.count }!
        if let words = Self.words(local) {
            return words.text("busiest_month", ["month": Self.monthName(busiest.key, local), "count": "\(busiest.count)"])
        }
        return "Busiest month: \(Self.monthName(busiest.key)) (\(busiest.count))."
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
