import Foundation

/// Reads a text dump of an article page: section, title, date stamps, photo credit,
/// byline and source, and the body as Markdown paragraphs.
///
/// Pages vary, so nothing here depends on line numbers: the header is whatever comes
/// before the first line that reads as prose, and each line is recognised by its shape.
public struct TextPageReader: Sendable {
    public var chrome: BatchChrome

    public init(chrome: BatchChrome = BatchChrome(lines: [])) {
        self.chrome = chrome
    }

    public func read(_ text: String) -> ParsedPage {
        var page = ParsedPage()
        let lines = contentLines(text)
        let bodyStart = lines.firstIndex(where: isProse) ?? lines.count
        readHeader(lines[..<bodyStart], into: &page)
        // A page that shows only when it was updated was written then, as far as it says.
        if page.written == nil, let updated = page.updated { page.written = updated }
        let blocks = BodyBlocks.split(Array(lines[bodyStart...]))
        page.paragraphs = BodyBlocks.paragraphs(from: blocks, page: &page)
        if page.title == nil || page.title!.isEmpty, let first = page.paragraphs.first {
            page.title = Headline.fromFirstSentence(first)
            page.titleFromBody = true
        }
        return page
    }

    /// The page's lines with chrome blanked out and everything from a headline list on dropped.
    func contentLines(_ text: String) -> [String] {
        var out: [String] = []
        var sawProse = false
        // "\r\n" is one Character in Swift, so this splits Windows, old Mac and Unix lines alike.
        for raw in TextLines.split(text) {
            // (The scalar test, not `contains("\u{00A0}")`: Foundation's substring search was a
            // sixth of the import's time.)
            let line = raw.utf8.contains(0xA0) && raw.unicodeScalars.contains("\u{00A0}") ? String(raw.map { $0 == "\u{00A0}" ? " " : $0 }).trimmed() : raw.trimmed()
            // Chrome and tail markers are short lines: longer ones are not looked up at all.
            if line.utf8.count < 400 {
                let key = Chrome.key(line)
                let tail = Chrome.tailMarkers.contains(key)
                if tail && sawProse { break }
                if tail || Chrome.isChrome(key: key) || chrome.lines.contains(key) {
                    out.append("")
                    continue
                }
            } else if !chrome.lines.isEmpty && chrome.contains(line) {
                out.append("")
                continue
            }
            if isProse(line) { sawProse = true }
            out.append(line)
        }
        return out
    }

    /// A line that reads as body text: a labelled anchor/report line, a dateline, or a
    /// long line ending a sentence (headlines are long too, but do not end in a full stop).
    func isProse(_ line: String) -> Bool {
        if BodyBlocks.label(of: line) != nil { return true }
        if PageLines.datelineSource(line) != nil { return true }
        var words = 0, inWord = false  // counted without splitting the line into substrings
        for byte in line.utf8 {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        // Scripts written with few or no spaces (Korean, Chinese, Japanese) are counted in
        // characters: ten English words are some 60 characters, or 25 Han characters.
        let long = words >= 10 || line.unicodeScalars.count >= 25 && line.unicodeScalars.contains { $0.value >= 0x1100 && $0.properties.isAlphabetic }
        return long && ProseCleaner.endsSentence(line[...]) && PageLines.stamps(line) == nil
    }

    func readHeader(_ lines: ArraySlice<String>, into page: inout ParsedPage) {
        var texts: [String] = []
        /// How many texts came before the first date stamp: the headline is printed just above it.
        var beforeStamp: Int?
        // Dates glued to a text, in the page's order.
        var gluedDates: [(text: String, date: String)] = []
        defer {
            if page.written == nil, let glued = gluedDates.first(where: { $0.text == page.title })
                ?? gluedDates.first(where: { !Headline.readsAsHeadline($0.text) }) {
                page.written = glued.date
            }
        }
        // The header's lines without the blank ones, each with the number of its block (its
        // run of lines between blank ones): headlines listed one under another are other stories.
        var header: [String] = [], blockOf: [Int] = []
        var block = 0
        for line in lines {
            if line.isEmpty { block += 1 } else { header.append(line); blockOf.append(block) }
        }
        var textBlocks: [Int] = []
        var skip = false
        for (k, line) in header.enumerated() {
            if skip { skip = false; continue }
            if Headline.isLanguageSwitch(line) { continue }
            if let section = Headline.breadcrumbSection(line) {
                page.section = page.section ?? section
                continue
            }
            // A reporter's name with their role on the next line: "Lee Ji-hye" / "Staff Reporter".
            if k + 1 < header.count, PageLines.reporterRoles.contains(header[k + 1].lowercased()), PageLines.isName(line) {
                page.byline = page.byline ?? line
                skip = true
                continue
            }
            if let stamps = PageLines.stamps(line) {
                if beforeStamp == nil && (stamps.written != nil || stamps.updated != nil) { beforeStamp = texts.count }
                if let glued = PageLines.textBeforeStamp(line), let by = PageLines.byLine(glued) {
                    page.byline = page.byline ?? by.byline
                    page.source = page.source ?? by.source
                }
                page.written = page.written ?? stamps.written
                page.updated = page.updated ?? stamps.updated
            } else if let credit = PageLines.photoCredit(line) {
                page.photoCredit = page.photoCredit ?? credit
            } else if let by = PageLines.byLine(line) {
                page.byline = by.byline
                page.source = page.source ?? by.source
            } else if let labelled = DateLines.labelledDate(line) {
                if beforeStamp == nil { beforeStamp = texts.count }
                if labelled.updated { page.updated = page.updated ?? labelled.date } else { page.written = page.written ?? labelled.date }
            } else if let date = DateLines.bareDate(line) {
                if beforeStamp == nil { beforeStamp = texts.count }
                page.written = page.written ?? date  // "January 15, 2020", "2020-11-30" on its own line
            } else if let glued = DateLines.gluedDate(line) {
                // Kept aside: the date is the article's only if what it is glued to is the
                // article's headline (or a programme's name), not another story's in a list.
                gluedDates.append((glued.title, glued.date))
                if !texts.contains(glued.title) { texts.append(glued.title); textBlocks.append(blockOf[k]) }
            } else if !texts.contains(line) || !Headline.readsAsHeadline(line) && Headline.looksLikeSection(line) {
                // A repeated title is dropped here; a repeated label is kept, since the one
                // printed right above the title (after the same word in the menu) is the section.
                texts.append(line)
                textBlocks.append(blockOf[k])
            }
        }
        guard !texts.isEmpty else { return }
        // Lists of other headlines, menus and adverts may come before the article's own
        // headline; the headline is the text right above the date stamp, and the short
        // label above it, if any, is the section.
        if let k = beforeStamp, k > 0, texts.count > 1, Headline.readsAsHeadline(texts[k - 1]) {
            page.title = texts[k - 1]
            if k >= 2, Headline.looksLikeSection(texts[k - 2]) { page.section = texts[k - 2] }
            return
        }
        if texts.count == 1 {
            if Headline.isSectionName(texts[0]) { page.section = texts[0] } else { page.title = texts[0] }
            return
        }
        // Section above the title: short and either a known section or followed by a longer line.
        var rest = texts[...]
        if Headline.looksLikeSection(texts[0]) && (Headline.isSectionName(texts[0]) || texts[1].count > texts[0].count) {
            page.section = texts[0]
            rest = texts.dropFirst()
        }
        // The longest text, preferring one that stands alone in its block to the items of a
        // list of other headlines ("Most Popular" and its five stories).
        let textsInBlock = Dictionary(textBlocks.map { ($0, 1) }, uniquingKeysWith: +)
        let candidates = rest.indices.filter { textsInBlock[textBlocks[$0]] == 1 }.map { texts[$0] }
            .filter(Headline.readsAsHeadline)
        page.title = (candidates.isEmpty ? Array(rest) : candidates).max { $0.count < $1.count }
    }
}

/// Helpers for headlines and sections.
enum Headline {
    static let sections: Set<String> = [
        "politics", "economy", "business", "society", "national", "world", "international", "sports", "sport", "culture",
        "entertainment", "lifestyle", "life", "health", "science", "technology", "tech", "it", "environment", "opinion",
        "diplomacy", "defense", "defence", "north korea", "inter-korea", "inter-korean", "markets", "finance", "travel",
        "education", "weather", "arts", "local", "asia", "editorial", "column", "features", "people", "k-pop", "top news",
    ]

    static func isSectionName(_ line: String) -> Bool { sections.contains(line.lowercased()) }

    /// "All News", "National", "Technology, Media and Telecommunications": a label, not a headline.
    static func looksLikeSection(_ line: String) -> Bool {
        line.split(separator: " ").count <= 5 && !ProseCleaner.endsSentence(line[...]) && line.count <= 48
            && !line.has(ascii: ":") && !isLanguageSwitch(line)
            // "News 9", "KBS News 7": a programme's name, not a section.
            && !line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A headline has a few words at least; a section label or a button does not.
    static func readsAsHeadline(_ line: String) -> Bool {
        line.split(separator: " ").count >= 3 && !isSectionName(line) && !ProseCleaner.endsSentence(line[...]) || line.count >= 30
    }

    /// "Home > Business", "News › World › Asia": a breadcrumb from the home page; its last
    /// step is the section.
    static func breadcrumbSection(_ line: String) -> String? {
        // (By byte first: every header line is asked, and most have no such mark.)
        guard line.utf8.count < 120, line.utf8.contains(where: { $0 == 0x3E || $0 == 0xBA || $0 == 0xBB || $0 == 0x9E })
        else { return nil }
        for separator in [" > ", " › ", " » ", " ＞ "] where line.byteRange(of: separator) != nil {
            let steps = line.components(separatedBy: separator).map { $0.trimmed() }
            guard (2...5).contains(steps.count), ["home", "news", "홈", "首页", "top"].contains(steps[0].lowercased()),
                  let last = steps.last, looksLikeSection(last) else { return nil }
            return last
        }
        return nil
    }

    /// The links to a site's other language editions ("Korean", "日本語"): never a section or title.
    static let languageNames: Set<String> = [
        "korean", "english", "japanese", "chinese", "spanish", "french", "german", "russian", "arabic", "vietnamese",
        "indonesian", "한국어", "日本語", "中文", "简体中文", "繁體中文", "español", "français", "deutsch", "русский", "العربية",
        "tiếng việt", "bahasa indonesia", "english edition", "korean edition",
    ]

    static func isLanguageSwitch(_ line: String) -> Bool {
        guard line.utf8.count <= 120 else { return false }  // a list of languages is short
        let words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "/" || $0 == "·" }).map(String.init)
        return !words.isEmpty && (languageNames.contains(line.lowercased()) || words.count > 1 && words.allSatisfy(languageNames.contains))
    }

    /// A headline made from the first sentence, without its dateline, cut at a word
    /// boundary at about 90 characters.
    static func fromFirstSentence(_ paragraph: String) -> String {
        var text = paragraph.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n", with: " ")
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) < 12 {
            text = String(text[text.index(after: colon)...]).trimmed()  // "Anchor:" and the like
        }
        // "SEOUL, Oct. 3 (Yonhap) -- Unification Minister…" → "Unification Minister…"
        if PageLines.datelineSource(text) != nil, let close = text.firstIndex(of: ")") {
            text = String(text[text.index(after: close)...].drop { " -–—".contains($0) })
        }
        // The sentence ends at the first full stop the tokenizer does not keep inside a
        // word, so "Oct." and "U.S." do not end it.
        let scalars = Array(text.unicodeScalars)
        let end = Tokenizer.tokenize(text).first { $0.kind == .punctuation && [".", "!", "?"].contains($0.text) }?.offset ?? scalars.count
        let sentence = String(String.UnicodeScalarView(scalars[..<end])).trimmed()
        guard sentence.count > 90 else { return sentence }
        let cut = sentence.prefix(90)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }
}
