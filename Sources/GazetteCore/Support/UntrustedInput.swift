import Foundation

/// Every reader of input Gazette does not control (article files, raw pages, the config
/// files, search text), callable on arbitrary bytes. The fuzzer (`make fuzz`) feeds them
/// mutated inputs; `FuzzRegressionTests` feeds them every input the fuzzer ever found a
/// fault with, so a fault fixed stays fixed.
public enum UntrustedInput: String, CaseIterable, Sendable {
    case frontMatter = "front-matter"
    case article
    case markdown
    case textPage = "text-page"
    case htmlPage = "html-page"
    case rawPage = "raw-page"
    case feed
    case tokenizer
    case slug
    case siteConfig = "site-config"
    case entities

    private static let importer: Importer = {
        var options = ImportOptions(paths: [], into: "/nonexistent", timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        return Importer(options: options)
    }()

    /// Reads `data` as this kind of input, the way a build or an import would.
    public func read(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .frontMatter:
            if let split = FrontMatterSplit(text) {
                var fields = YAMLFields(yaml: String(split.yaml), file: "fuzz.md", lineOffset: 1)
                _ = fields.string("title"); _ = fields.stringList("people", what: "name")
                for (_, node) in fields.values { _ = ParamValue(node) }
            }
        case .article:
            guard case .success(let valid) = ArticleText.decode(data) else { return }
            if case .success(let article) = ArticleParser(dates: DateParser(zone: .utc)).parse(valid, file: "fuzz.md") {
                _ = Slug.make(article.title)
            }
        case .markdown:
            // Raw HTML is filtered unless the config allows it: no script survives.
            let safe = MarkdownRenderer().html(text).lowercased()
            precondition(!safe.contains("<script") && !safe.contains("<iframe"), "raw HTML got through the filter")
            _ = MarkdownRenderer(unsafeHTML: true).html(text)
            _ = Summarizer().summary(ofMarkdown: text)
            _ = Array(text.utf8).withUnsafeBufferPointer { MarkdownPlainText.strip($0) }
        case .textPage:
            guard case .success(let text) = RawPageDecoder.decode(data) else { return }
            let page = Importer.RawPage(source: "fuzz.txt", text: text, isHTML: false, modified: Date(timeIntervalSince1970: 0))
            if case .success(let article) = Self.importer.article(from: page, chrome: BatchChrome(lines: [])) { _ = article.fileText }
        case .htmlPage:
            guard case .success(let text) = RawPageDecoder.decode(data) else { return }
            let page = Importer.RawPage(source: "fuzz.html", text: text, isHTML: true, modified: Date(timeIntervalSince1970: 0))
            if case .success(let article) = Self.importer.article(from: page, chrome: BatchChrome(lines: [])) { _ = article.fileText }
        case .feed:
            guard case .success(let text) = RawPageDecoder.decode(data), FeedReader.looksLikeFeed(text) else { return }
            let page = Importer.RawPage(source: "fuzz.xml", text: text, isHTML: false, modified: Date(timeIntervalSince1970: 0))
            for case .success(let article) in Self.importer.articles(fromFeed: page) { _ = article.fileText }
        case .rawPage:
            _ = RawPageDecoder.decode(data)
        case .tokenizer:
            var count = 0
            SearchTokenizer.terms(text) { _ in count += 1 }
            _ = SearchTokenizer.fold(text)
        case .slug:
            let slug = Slug.make(text)
            precondition(slug.utf8.count <= Slug.maxBytes && !slug.isEmpty, "slug out of bounds: \(slug.utf8.count) bytes")
            precondition(!slug.contains("/") && slug != "." && slug != "..", "a slug that is a path: \(slug)")
            var allocator = SlugAllocator()
            _ = allocator.slug(for: text); _ = allocator.slug(for: text + " ")
        case .siteConfig:
            _ = try? SiteConfig.parse(text, file: "gazette.yml")
        case .entities:
            _ = try? EntityRegistry.parse(text, file: "entities.yml")
        }
    }
}

