import Foundation

/// `gazette import`: raw pages in, Markdown articles out.
///
/// Reads every page (in parallel), learns the batch's chrome, parses each page, finds
/// its people and countries, and writes one file per page, atomically, never replacing
/// a file an editor changed unless forced.
public struct Importer: Sendable {
    public var options: ImportOptions
    let people = PersonRecognizer()
    let countries = CountryRecognizer()

    public init(options: ImportOptions) {
        self.options = options
    }

    struct RawPage: Sendable {
        var source: String
        var text: String
        var isHTML: Bool
        var modified: Date
    }

    public func run() -> ImportReport {
        let started = Date()
        let (articles, failures) = prepare()
        var outcomes = failures
        var writer = ArticleFileWriter(contentDirectory: options.into, dryRun: options.dryRun, force: options.force)
        outcomes += writer.write(articles)
        return ImportReport(outcomes: outcomes, seconds: Date().timeIntervalSince(started))
    }

    /// Reads, decodes and parses every page: the articles to write and the pages that failed.
    func prepare() -> (articles: [ImportedArticle], failures: [ImportOutcome]) {
        let files = Self.collect(options.paths)
        var outcomes: [ImportOutcome] = files.missing.map {
            ImportOutcome(source: $0, status: .failed, article: nil, message: "no such file or folder", review: [])
        }
        let decoded = files.found.parallelMap { path -> Result<RawPage, ImportOutcome> in
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(ImportOutcome(source: path, status: .failed, article: nil, message: "cannot read this file; check its permissions", review: []))
            }
            switch RawPageDecoder.decode(data) {
            case .success(let text):
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                let lower = path.lowercased()
                return .success(RawPage(source: path, text: text, isHTML: lower.hasSuffix(".html") || lower.hasSuffix(".htm"), modified: modified))
            case .failure(let failure):
                return .failure(ImportOutcome(source: path, status: .failed, article: nil, message: failure.description, review: []))
            }
        }
        var pages: [RawPage] = []
        for result in decoded {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let outcome): outcomes.append(outcome)
            }
        }
        let isFeed = pages.parallelMap { !$0.isHTML && FeedReader.looksLikeFeed($0.text) }
        let feeds = pages.indices.filter { isFeed[$0] }.map { pages[$0] }
        pages = pages.indices.filter { !isFeed[$0] }.map { pages[$0] }
        let chrome = Self.batchChrome(pages)
        var articles = pages.parallelMap { page -> Result<ImportedArticle, ImportOutcome> in
            self.article(from: page, chrome: chrome[(page.source as NSString).deletingLastPathComponent] ?? BatchChrome(lines: []))
        }
        articles += feeds.flatMap(articles(fromFeed:))
        var ready: [ImportedArticle] = []
        for result in articles {
            switch result {
            case .success(let article): ready.append(article)
            case .failure(let outcome): outcomes.append(outcome)
            }
        }
        return (ready, outcomes)
    }

    /// Each post of an RSS or Atom feed or a WordPress export, as an article: its HTML read
    /// as a body, its first category as the section, its tags that name countries or people
    /// added to those the text gives, the rest kept as `tags`.
    func articles(fromFeed page: RawPage) -> [Result<ImportedArticle, ImportOutcome>] {
        guard let feed = FeedReader(page.text) else {
            return [.failure(ImportOutcome(source: page.source, status: .failed, article: nil, message: "cannot read this feed as RSS, Atom or a WordPress export (is the XML well formed?)", review: []))]
        }
        return feed.items.parallelMap { item in
            var parsed = ParsedPage()
            parsed.title = item.title.flatMap { $0.isEmpty ? nil : $0 }
            parsed.written = item.published
            parsed.updated = item.updated
            parsed.byline = item.authors.isEmpty ? nil : item.authors.prefix(3).joined(separator: ", ")
            parsed.section = item.categories.first { $0.lowercased() != "uncategorized" }
            parsed.source = feed.channelTitle
            parsed.draft = item.draft
            // WordPress stores posts with blank lines for paragraphs and adds the `<p>`s only
            // when it shows them.
            let html = item.html.contains("<p") ? item.html
                : item.html.components(separatedBy: "\n\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
            parsed.paragraphs = HTMLPageReader.fragmentParagraphs(html, page: &parsed)
            for tag in item.tags + item.categories.dropFirst() {
                if let country = CountryTable.shared.country(named: tag) {
                    parsed.taggedCountries.append(country.name)
                } else if PageLines.isName(tag) {
                    parsed.taggedPeople.append(tag)
                } else {
                    parsed.tags.append(tag)
                }
            }
            return article(from: parsed, source: page.source + "#" + item.id, modified: page.modified)
        }
    }

    /// Parses one page into the article to write.
    func article(from page: RawPage, chrome: BatchChrome) -> Result<ImportedArticle, ImportOutcome> {
        let parsed = page.isHTML ? HTMLPageReader(chrome: chrome).read(page.text) : TextPageReader(chrome: chrome).read(page.text)
        return article(from: parsed, source: page.source, modified: page.modified)
    }

    public func article(from parsed: ParsedPage, source: String, modified: Date) -> Result<ImportedArticle, ImportOutcome> {
        guard !parsed.paragraphs.isEmpty else {
            return .failure(ImportOutcome(source: source, status: .failed, article: nil, message: "no article body found on this page (only navigation or an empty page?)", review: []))
        }
        var review: [String] = []
        let dates = DateParser(zone: options.timeZone)
        let title = parsed.title ?? Headline.fromFirstSentence(parsed.paragraphs[0])
        if parsed.title == nil || parsed.titleFromBody { review.append("title") }
        var date = parsed.written.flatMap(dates.parse)
        if date == nil {
            review.append("date")
            date = options.defaultDate ?? ArticleDate(modified, offset: options.timeZone.offset(at: Int64(modified.timeIntervalSince1970)))
        }
        let updated = parsed.updated.flatMap(dates.parse).flatMap { $0 == date ? nil : $0 }
        let exclude = [parsed.byline].compactMap { $0 } + (parsed.byline?.components(separatedBy: " and ") ?? [])
        let plainParagraphs = parsed.paragraphs.map(Self.plain)
        let titleTokens = Tokenizer.tokenize(title)
        let paragraphTokens = plainParagraphs.map(Tokenizer.tokenize)
        // Credit lines name the staff, not the people in the story.
        let storyTokens = zip(plainParagraphs, paragraphTokens).filter { !Self.isCreditLine($0.0) }.map(\.1)
        // The recognisers are built for English; a page in another language is tagged with the
        // countries CLDR names in it, and with the registry's names, which tag in any language.
        // A page found to be English by its words is left without a language, as before:
        // the site's is English unless it says otherwise.
        let pageText = ([title] + parsed.paragraphs).joined(separator: " ")
        let detected = PageLanguage.fromScript(pageText) ?? PageLanguage.fromWords(pageText)
        let language = parsed.language.flatMap(LanguageTag.init)?.code ?? (detected == "en" ? nil : detected)
        let english = language.map { $0 == "en" || $0.hasPrefix("en-") } ?? true
        let text = ([title] + plainParagraphs).joined(separator: "\n")
        let recognizedPeople = english ? people.people(title: titleTokens, paragraphs: storyTokens, exclude: exclude) : []
        let recognizedCountries = english ? countries.countries(inTokenized: [titleTokens] + paragraphTokens)
            : LocalizedCountryNames.find(in: text, language: language!)
        let found = options.registry.apply(
            people: Self.union(parsed.taggedPeople, recognizedPeople),
            countries: Self.union(parsed.taggedCountries, recognizedCountries),
            text: text)
        var imported = ImportedArticle(
            title: title, date: date!, updated: updated, section: parsed.section, source: parsed.source, byline: parsed.byline,
            photoCredit: parsed.photoCredit, people: found.people, countries: found.countries, importedFrom: source,
            review: review, paragraphs: parsed.paragraphs)
        imported.tags = parsed.tags
        imported.draft = parsed.draft
        imported.image = parsed.image
        imported.imageAlt = parsed.imageAlt
        imported.imageCaption = parsed.imageCaption
        imported.imageCredit = parsed.imageCredit
        imported.aliases = parsed.canonicalURL.map { [$0] } ?? []
        imported.language = language
        return .success(imported)
    }

    static let creditOpenings = [
        "editing by", "edited by", "reporting by", "additional reporting by", "writing by", "written by", "graphics by",
        "photos by", "photo by", "photography by", "translated by", "translation by", "compiled by", "produced by", "video by",
    ]

    /// A short paragraph that credits the staff: "Editing by Tom Hogue; Graphics by Ana Lima",
    /// or a reporter's name with an e-mail address ("Kim Min-su kms@example.com").
    static func isCreditLine(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count < 240 else { return false }
        // "… by" starts the paragraph or a part after a semicolon.
        let parts = paragraph.utf8.contains(0x3B) ? paragraph.split(separator: ";").map { $0.trimmed().lowercased() } : [paragraph.lowercased()]
        if parts.contains(where: { part in creditOpenings.contains(where: part.hasPrefix) }) { return true }
        // "Staff writer Choi Eun-ji contributed to this report."
        if parts.contains(where: { $0.hasSuffix("contributed to this report.") || $0.hasSuffix("contributed reporting.") }) {
            return true
        }
        guard paragraph.utf8.contains(0x40) else { return false }
        return paragraph.split(separator: " ").contains { word in
            let sides = word.split(separator: "@")
            return sides.count == 2 && sides[1].contains(".") && !sides[0].isEmpty
        }
    }

    /// `first`, then what `second` adds, each name once.
    static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        return (first + second).filter { seen.insert($0).inserted }
    }

    /// Markdown paragraph → text for recognisers: no emphasis marks or escapes.
    static func plain(_ markdown: String) -> String {
        guard markdown.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A }) else { return markdown }
        // By byte: the marks are ASCII and never inside a longer character.
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        var escaped = false
        for byte in markdown.utf8 {
            if escaped { out.append(byte); escaped = false; continue }
            if byte == 0x5C { escaped = true; continue }
            if byte == 0x2A { continue }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Files to import, in a stable order: each path given, folders read recursively.
    static func collect(_ paths: [String]) -> (found: [String], missing: [String]) {
        var found: [String] = []
        var missing: [String] = []
        let extensions: Set<String> = ["txt", "html", "htm", "xml", "rss", "atom"]
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { missing.append(path); continue }
            if !isDir.boolValue { found.append(path); continue }
            let base = path.hasSuffix("/") ? path : path + "/"
            let walker = FileManager.default.enumerator(atPath: path)
            var inFolder: [String] = []
            while let item = walker?.nextObject() as? String {
                if item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if extensions.contains((item as NSString).pathExtension.lowercased()) { inFolder.append(base + item) }
            }
            found += inFolder.sorted()
        }
        return (found, missing)
    }

    /// Chrome learned per folder: pages saved from one site usually share one.
    static func batchChrome(_ pages: [RawPage]) -> [String: BatchChrome] {
        let folders = pages.map { ($0.source as NSString).deletingLastPathComponent }
        var counts: [String: Int] = [:]
        for folder in folders { counts[folder, default: 0] += 1 }
        let pagesPerFolder = counts
        let lines = pages.parallelMap { page -> Set<String> in
            // Only batches big enough to learn from are worth reading twice.
            guard pagesPerFolder[(page.source as NSString).deletingLastPathComponent]! >= BatchChrome.minimumPages else { return [] }
            return page.isHTML ? HTMLPageReader.textLines(page.text) : BatchChrome.distinctLines(page.text)
        }
        var byFolder: [String: [Set<String>]] = [:]
        for (folder, pageLines) in zip(folders, lines) { byFolder[folder, default: []].append(pageLines) }
        return byFolder.mapValues { BatchChrome(pages: $0) }
    }
}
