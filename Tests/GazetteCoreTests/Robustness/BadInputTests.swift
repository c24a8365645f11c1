import Foundation
import Testing
@testable import GazetteCore

/// Hostile and broken input: each kind gets an error naming the file and line, or builds,
/// and never crashes, hangs or exhausts memory.
@Suite struct BadInputTests {
    func build(_ files: [String: String]) -> (site: TemporaryDirectory, result: Result<BuildReport, GazetteError>) {
        let site = TemporaryDirectory().write(files)
        let result = Result { () throws(GazetteError) -> BuildReport in
            try SiteBuilder(options: buildOptions(site: site.path, output: site.path + "/public")).build()
        }
        return (site, result)
    }

    func errors(_ files: [String: String]) -> [Diagnostic] {
        guard case .failure(let error) = build(files).result else { return [] }
        return error.diagnostics
    }

    /// Ten levels of nine references: billions of values from 400 bytes.
    static let aliasBomb: String = {
        var lines = ["---", "title: Bomb", "date: 2024-01-01", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1..<10 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\n---\n\nBody.\n"
    }()

    @Test func anAliasBombIsRefusedAtItsLineAndOtherFilesErrorsStillCome() {
        let found = errors(["content/bomb.md": Self.aliasBomb, "content/other.md": "---\ntitle: T\ndate: someday\n---\n"])
        #expect(found.count == 2)
        let bomb = found.first { $0.file.hasSuffix("bomb.md") }
        #expect(bomb?.line == 4)
        #expect(bomb?.message.contains("anchors and aliases") == true)
        #expect(found.contains { $0.file.hasSuffix("other.md") && $0.line == 3 })
    }

    @Test func aliasesAreRefusedInTheSiteConfigAndTheRegistryToo() {
        let config = errors(["gazette.yml": "title: &t Paper\ndescription: *t\n", "content/a.md": article("A")])
        #expect(config.first?.file.hasSuffix("gazette.yml") == true && config.first?.line == 1)
        let registry = errors(["entities.yml": "never:\n  people: [&n Kim, *n]\n", "content/a.md": article("A")])
        #expect(registry.first?.file.hasSuffix("entities.yml") == true && registry.first?.line == 2)
    }

    @Test(arguments: [
        "title: Procter & Gamble",
        "title: \"*Breaking* news\"",
        "title: '&amp; and *'",
        "people: [\"*Star\", 'A & B']",
        "summary: |\n  * a list line\n  & more",
        "summary: >-\n  *folded*\nsection: Politics # a comment with *stars* & ampersands",
        "title: a*b&c",
    ])
    func starsAndAmpersandsInsideTextAreNotAliases(_ yaml: String) {
        #expect(YAMLAliasGuard.firstAliasLine(in: yaml) == nil, "\(yaml)")
    }

    @Test(arguments: ["a: *x", "- &x y", "a: [b, *x]", "a: {b: &x c}", "? *x\n: y", "a:\n  - !tag &x y", "\"k\": *x"])
    func anchorsAndAliasesWhereAValueStartsAreFound(_ yaml: String) {
        #expect(YAMLAliasGuard.firstAliasLine(in: yaml) != nil, "\(yaml)")
    }

    @Test func aMillionCharacterTitleBuildsWithACappedSlug() throws {
        let title = String(repeating: "word ", count: 200_000)
        let (site, result) = build(["content/a.md": article(title), "content/b.md": article(title + "different ending")])
        let report = try result.get()
        #expect(report.articles == 2)
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.path + "/public/2024/01/02")
        #expect(folders.count == 2, "two long titles alike at the start still get two pages")
        for folder in folders { #expect(folder.utf8.count <= Slug.maxBytes) }
    }

    @Test func longSlugsAreCutAtAWordAndKeepWhatMakesThemUnique() {
        let slug = Slug.make(String(repeating: "sentence ", count: 30))
        #expect(slug.utf8.count <= Slug.maxBytes)
        #expect(slug.hasPrefix("sentence-sentence-"))
        #expect(slug.range(of: #"-sentence-[0-9a-f]{8}$"#, options: .regularExpression) != nil, "\(slug)")
        #expect(Slug.make(String(repeating: "한국어 ", count: 60)).utf8.count <= Slug.maxBytes)
        let ordinary = "us-to-ramp-up-pressure-on-s-korea-to-reverse-gsomia-decision-as-expiration-looms"
        #expect(Slug.make(ordinary) == ordinary, "headlines under the cap keep their slug")
    }

    @Test func aGiantPersonNameBuilds() throws {
        let name = String(repeating: "Kim ", count: 50_000)
        let (_, result) = build(["content/a.md": article("A", extra: "people: [\"\(name)\"]\n")])
        #expect(try result.get().people == 1)
    }

    @Test func anArticleOverTheSizeLimitIsRefusedWithItsSize() throws {
        let site = TemporaryDirectory().write(["content/ok.md": article("Fine")])
        let big = site.path + "/content/big.md"
        _ = FileManager.default.createFile(atPath: big, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.write(contentsOf: Data(article("Big").utf8))
        try handle.truncate(atOffset: 50 << 20)  // 50 MB, mostly zero bytes: never read
        try handle.close()
        let error = buildError(site: site.path, output: site.path + "/public")
        #expect(error?.diagnostics.count == 1)
        #expect(error?.diagnostics.first?.file == big)
        #expect(error?.diagnostics.first?.message.contains("is 50.0 MB; an article file may be at most 8 MB") == true)
    }

    @Test func deeplyNestedMarkdownBuilds() throws {
        let body = String(repeating: ">", count: 20_000) + " deep\n\n" + String(repeating: "[", count: 20_000)
            + "\n\n" + (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
            + "\n\n" + String(repeating: "*a ", count: 10_000) + String(repeating: "_", count: 10_000)
        let (_, result) = build(["content/a.md": article("Deep", body: body)])
        #expect(try result.get().articles == 1)
    }

    @Test func deeplyNestedYAMLIsAnErrorAtItsLine() {
        let deep = "---\ntitle: T\ndate: 2024-01-01\nx: " + String(repeating: "[", count: 100_000) + "\n---\n"
        let found = errors(["content/a.md": deep])
        #expect(found.count == 1 && found.first?.line == 4, "\(found)")
        // Just under libyaml's limit of 1,000 levels: read, on a worker thread's stack.
        let nested = "---\ntitle: T\ndate: 2024-01-01\nx: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "\n---\n"
        #expect(errors(["content/a.md": nested]).isEmpty)
    }

    @Test(arguments: [("title: Bell\u{7} rings", 2, "U+0007"), ("title: T\u{1B}[31m", 2, "U+001B"),
                      ("title: T\nsummary: a\u{85}b", 3, "U+0085"), ("title: T\u{7F}", 2, "U+007F")])
    func aControlCharacterIsAnErrorAtItsLine(_ line: String, _ number: Int, _ code: String) {
        let found = errors(["content/a.md": "---\n\(line)\ndate: 2024-01-01\n---\n\nBody\twith a tab and a CR\r\n"])
        #expect(found.count == 1)
        #expect(found.first?.line == number)
        #expect(found.first?.message.contains(code) == true, "\(found)")
    }

    @Test func aNulByteIsAnErrorThatSaysBinary() {
        let found = errors(["content/a.md": "---\ntitle: T\ndate: 2024-01-01\n---\n\nBody\u{0}\n"])
        #expect(found.first?.line == 6)
        #expect(found.first?.message.contains("NUL byte") == true)
    }

    @Test(arguments: ["title", "people", "body", "date"])
    func invalidUTF8InAnyFieldIsAnErrorAtItsLine(_ field: String) throws {
        let lines = ["---", "title: T", "date: 2024-01-01", "people: [A B]", "---", "", "Body"]
        let where_ = ["title": 1, "date": 2, "people": 3, "body": 6][field]!
        var data = Data()
        for (i, line) in lines.enumerated() {
            data += Data(line.utf8)
            if i == where_ { data += Data([0xC3, 0x28, 0xFF]) }
            data += Data([10])
        }
        let site = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: site.path + "/content", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: site.path + "/content/a.md", contents: data)
        let error = buildError(site: site.path, output: site.path + "/public")
        #expect(error?.diagnostics.first?.line == where_ + 1)
        #expect(error?.diagnostics.first?.message.contains("not valid UTF-8") == true)
    }

    @Test func aFileThatVanishesBeforeItIsReadIsNamed() {
        let result = ArticleParser(dates: DateParser(zone: .utc)).parseFile("/nonexistent/content/gone.md")
        guard case .failure(let error) = result else { Issue.record("a missing file parsed"); return }
        #expect(error.diagnostics.first?.file == "/nonexistent/content/gone.md")
        #expect(error.diagnostics.first?.message.contains("disappeared while the build was reading") == true)
    }

    @Test func symlinkLoopsUnderContentEndAndLinkedFoldersAreRead() throws {
        let site = TemporaryDirectory().write(["content/a/one.md": article("One"), "elsewhere/two.md": article("Two")])
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/a/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/root", withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/linked", withDestinationPath: site.path + "/elsewhere")
        let files = ContentScan.files(in: site.path + "/content").map { ($0.path as NSString).lastPathComponent }
        #expect(files.sorted() == ["one.md", "two.md"])
    }

    @Test func aContentFolderThatIsAFileIsNamed() {
        let found = errors(["content": "not a folder"])
        #expect(found.first?.file.hasSuffix("content") == true)
        #expect(found.first?.message.contains("is a file, not a folder") == true)
    }

    @Test func aByteOrderMarkChangesNothingOnThePage() throws {
        let text = article("Marked", body: "First paragraph.\n\nSecond.")
        let (plain, _) = build(["content/a.md": text])
        let (marked, _) = build(["content/a.md": "\u{FEFF}" + text])
        let page = "/public/2024/01/02/marked/index.html"
        let a = try String(contentsOfFile: plain.path + page, encoding: .utf8)
        let b = try String(contentsOfFile: marked.path + page, encoding: .utf8)
        #expect(a == b)
        #expect(!b.contains("<p>--</p>"))
    }

    @Test func unknownCountriesBuildTheirPagesWithAWarningAtTheirLine() throws {
        let (site, result) = build([
            "content/a.md": article("A", extra: "countries: [Narnia, XX, Japan]\n"),
            "content/b.md": article("B", extra: "countries:\n  - Japan\n  - Narnia\n"),
        ])
        let report = try result.get()
        #expect(report.countries == 3)
        #expect(FileManager.default.fileExists(atPath: site.path + "/public/countries/narnia/index.html"))
        let warned = report.warnings.map(\.description)
        #expect(report.warnings.count == 2, "\(warned)")
        #expect(warned.contains { $0.hasSuffix("content/a.md:4: 'Narnia' is not a country Gazette knows (and 1 more article); check the spelling, or write its English short name or ISO code (South Korea, KR). Its page is built all the same") })
        #expect(warned.contains { $0.contains("content/a.md:4: 'XX'") })
    }

    @Test func aPageThatCannotBeWrittenNamesTheArticleItComesFrom() throws {
        let parsed = try ArticleParser(dates: DateParser(zone: .utc)).parse(article("A"), file: "content/a.md").get()
        let site = try Site(config: SiteConfig(), articles: [parsed])
        let theme = try Theme.load(name: "default", siteRoot: "/nonexistent", searchPaths: [TestPaths.themes])
        let renderer = PageRenderer(site: site, plan: BuildPlan(site: site), theme: theme)
        let failed = OutputFailure.error(code: EACCES, path: "/out/2024/01/02/a/index.html")
        let named = renderer.naming(.article(0), in: failed)
        #expect(named.diagnostics.first?.file == site.articles[0].file)
        #expect(named.diagnostics.first?.message.contains("/out/2024/01/02/a/index.html") == true)
        let full = renderer.naming(.article(0), in: OutputFailure.error(code: ENOSPC, path: "/out/x.html"))
        #expect(full.diagnostics.first?.message.hasPrefix("the disk is full") == true)
    }
}
