import Foundation
import Testing
@testable import GazetteCore

/// A site with editions (`languages:`): each language its own front page, lists, feeds and
/// search under its prefix, translations linked across them, the assets shared.
@Suite struct EditionsTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }
    static let config = """
        title: Harbour
        base_url: https://example.org/
        language: en
        languages:
          en: {}
          ko: { title: 하버 }
          ar: { prefix: arabic }

        """

    init() {
        site.write([
            "gazette.yml": Self.config,
            "content/en/2024/budget.md": article("Budget passes", date: "2024-01-11T10:46:00+09:00", extra: "countries: [Japan]\n",
                                                 body: "Lawmakers approved the harbour budget."),
            "content/ko/2024/budget.md": article("항만 예산 통과", date: "2024-01-11T11:00:00+09:00", extra: "countries: [일본]\n",
                                                 body: "국회는 항만 예산을 통과시켰다. 대통령은 환영했다.\n\n- [x] 예산 통과\n- [ ] 집행"),
            "content/ar/2024/budget.md": article("إقرار ميزانية الميناء", date: "2024-01-11T11:10:00+09:00",
                                                 body: "وافق البرلمان على ميزانية الميناء."),
            "content/en/2024/storm.md": article("Storm closes port", date: "2024-01-09T08:00:00+09:00", body: "Ships stayed in."),
        ])
    }

    @discardableResult
    func build() throws -> BuildReport { try buildSite(site.path, into: output) }

    var inspector: SiteInspector { SiteInspector(root: output) }

    @Test func eachEditionHasItsOwnFrontPageFeedsAndSearch() throws {
        try build()
        for prefix in ["", "ko/", "arabic/"] {
            for file in ["index.html", "feed.xml", "sitemap.xml", "search/index.html", "search-index/manifest.json", "archive/index.html"] {
                #expect(inspector.files.contains(prefix + file), "\(prefix)\(file)")
            }
        }
        #expect(inspector.read("index.html").contains("Storm closes port"))
        #expect(!inspector.read("index.html").contains("항만"))
        #expect(inspector.read("ko/index.html").contains("<html lang=\"ko\" dir=\"ltr\">"))
        #expect(inspector.read("ko/index.html").contains(">하버</a>"))
        #expect(inspector.read("arabic/index.html").contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(inspector.read("ko/feed.xml").contains("xml:lang=\"ko\""))
    }

    @Test func aFolderNamedForAnEditionGivesLanguageAndTranslationKey() throws {
        try build()
        let korean = inspector.read("ko/2024/01/11/\(Slug.make("항만 예산 통과"))/index.html")
        #expect(korean.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/2024/01/11/budget-passes/\">"))
        #expect(korean.contains("hreflang=\"ar\" href=\"https://example.org/arabic/2024/01/11/"))
        #expect(!inspector.read("2024/01/09/storm-closes-port/index.html").contains("hreflang=\"ko\" href"))
    }

    @Test func assetsAndTheSwitcherAreSharedFromTheRoot() throws {
        try build()
        let korean = inspector.read("ko/index.html")
        #expect(korean.contains("href=\"/assets/style.css\""))
        #expect(!inspector.files.contains("ko/assets/style.css"))
        #expect(korean.contains("<a href=\"/arabic/\" hreflang=\"ar\""))
        #expect(korean.contains("<span aria-current=\"page\" lang=\"ko\""))
        #expect(inspector.read("robots.txt").contains("Sitemap: https://example.org/arabic/sitemap.xml"))
    }

    @Test func aCountryTaggedInKoreanIsTheCountrysPage() throws {
        try build()
        #expect(inspector.files.contains("ko/countries/japan/index.html"))
        // Named in the edition's language, from CLDR; the English edition keeps English.
        #expect(inspector.read("ko/countries/japan/index.html").contains("<span class=\"flag\" aria-hidden=\"true\">🇯🇵</span> 일본</h1>"))
        #expect(inspector.read("countries/japan/index.html").contains("</span> Japan</h1>"))
        // The countries' grid and a task list's checkboxes are named in Korean too.
        #expect(inspector.read("ko/countries/index.html").contains("<title>국가별 기사 수</title>"))
        let korean = inspector.read("ko/2024/01/11/\(Slug.make("항만 예산 통과"))/index.html")
        #expect(korean.contains("aria-label=\"완료\"") && korean.contains("aria-label=\"미완료\""))
        // Its coverage is said in Korean too.
        #expect(inspector.read("ko/countries/japan/index.html").contains("coverage-sentence\">2024년 1월에 기사 1건."))
    }

    @Test func eachEditionsSearchFindsItsOwnArticles() throws {
        try build()
        let ko = try searchBuiltSite(output + "/ko", [("대통령", []), ("budget", [])])
        #expect(ko[0].count == 1)
        #expect(ko[1].isEmpty)
        #expect(try searchBuiltSite(output, [("budget", [])])[0] == ["2024/01/11/budget-passes/"])
    }

    @Test func anArticleInALanguageWithNoEditionIsAnError() {
        site.write(["content/en/2024/french.md": article("Le budget", extra: "language: fr\n")])
        let error = buildError(site: site.path, output: output)
        #expect(error?.diagnostics.count == 1)
        #expect(error?.diagnostics.first?.message.contains("is in fr, which has no edition") == true)
        #expect(error?.diagnostics.first?.file.hasSuffix("french.md") == true)
    }

    @Test func editionsMustIncludeTheSiteLanguageAndNotShareAPrefix() {
        #expect(throws: GazetteError.self) { try SiteConfig.parse("language: en\nlanguages:\n  ko: {}\n", file: "g.yml") }
        #expect(throws: GazetteError.self) {
            try SiteConfig.parse("language: en\nlanguages:\n  en: {}\n  ko: { prefix: news }\n  ja: { prefix: news }\n", file: "g.yml")
        }
        #expect(throws: GazetteError.self) { try SiteConfig.parse("language: en\nlanguages:\n  en: {}\n  ko: { prefix: people }\n", file: "g.yml") }
        #expect(throws: GazetteError.self) { try SiteConfig.parse("language: en\nlanguages:\n  en: {}\n  xx: {}\n", file: "g.yml") }
    }

    /// Each change, alone, gives an incremental build equal to a clean one.
    @Test func incrementalBuildsOfEditionsMatchACleanBuild() throws {
        try build()
        #expect(try build().writtenPaths.isEmpty)
        let changes: [(String, [String: String])] = [
            ("a Korean body", ["content/ko/2024/budget.md": article("항만 예산 통과", date: "2024-01-11T11:00:00+09:00",
                                                                    extra: "countries: [일본]\n", body: "국회는 예산을 통과시켰다.")]),
            ("an English title", ["content/en/2024/budget.md": article("Budget approved", date: "2024-01-11T10:46:00+09:00",
                                                                       extra: "countries: [Japan]\n", body: "Lawmakers approved it.")]),
            ("a new Arabic article", ["content/ar/2024/storm.md": article("عاصفة تغلق الميناء", date: "2024-01-09T09:00:00+09:00")]),
            ("an edition's title", ["gazette.yml": Self.config.replacingOccurrences(of: "title: 하버", with: "title: 하버 와이어")]),
        ]
        for (note, files) in changes {
            site.write(files)
            try build()
            try expectMatchesCleanBuild(site: site.path, output: output, note)
        }
        // The Arabic storm story is linked to the English one by its path under the folders.
        #expect(inspector.read("2024/01/09/storm-closes-port/index.html").contains("hreflang=\"ar\""))
    }
}

/// An edition may write its slugs in Latin letters while the others keep their own.
@Suite struct EditionSlugTests {
    @Test func anEditionsSlugStyleAppliesToItsArticles() throws {
        let site = TemporaryDirectory()
        site.write([
            "gazette.yml": "title: H\nbase_url: https://example.org/\nlanguage: en\nlanguages:\n  en: {}\n  ru: { slug_style: transliterate }\n  ko: {}\n",
            "content/a.md": article("Президент России", extra: "language: ru\n"),
            "content/b.md": article("부산 여객선", extra: "language: ko\n"),
        ])
        try SiteBuilder(options: buildOptions(site: site.path, output: site.path + "/public")).build()
        let files = SiteInspector(root: site.path + "/public").files
        #expect(files.contains("ru/2024/01/02/prezident-rossii/index.html"))
        #expect(files.contains("ko/2024/01/02/부산-여객선/index.html"))
    }
}

/// A person joined across scripts is shown in each edition as that edition writes the name.
@Suite struct EditionPersonNamesTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }

    init() {
        site.write([
            "gazette.yml": "title: H\nbase_url: https://example.org/\nlanguage: en\nlanguages:\n  en: {}\n  ko: {}\n",
            "entities.yml": "aliases:\n  people:\n    윤석열: Yoon Suk Yeol\n    윤 대통령: Yoon Suk Yeol\n",
            "content/en/summit.md": article("Summit", extra: "people: [Yoon Suk Yeol]\n"),
            "content/ko/summit.md": article("정상회담", extra: "people: [윤석열]\n"),
        ])
    }

    @Test func eachEditionShowsItsOwnSpellingUnderOnePath() throws {
        try buildSite(site.path, into: output)
        let inspector = SiteInspector(root: output)
        #expect(inspector.read("ko/people/yoon-suk-yeol/index.html").contains("<h1 class=\"page-title\">윤석열</h1>"))
        #expect(inspector.read("people/yoon-suk-yeol/index.html").contains("<h1 class=\"page-title\">Yoon Suk Yeol</h1>"))
    }

    @Test func anotherSpellingInTheEditionMatchesACleanBuild() throws {
        try buildSite(site.path, into: output)
        site.write(["content/ko/summit.md": article("정상회담", extra: "people: [윤 대통령]\n")])
        try buildSite(site.path, into: output)
        #expect(SiteInspector(root: output).read("ko/people/yoon-suk-yeol/index.html").contains("윤 대통령</h1>"))
        try expectMatchesCleanBuild(site: site.path, output: output, "a new spelling")
    }
}

/// The registry joins a person's pages across scripts.
@Suite struct NamesAcrossScriptsTests {
    @Test func aKoreanAliasLeadsToTheSamePersonsPage() throws {
        let site = TemporaryDirectory()
        site.write([
            "gazette.yml": "title: H\nbase_url: https://example.org/\n",
            "entities.yml": "aliases:\n  people:\n    윤석열: Yoon Suk Yeol\n",
            "content/a.md": article("Summit", extra: "people: [Yoon Suk Yeol]\n"),
            "content/b.md": article("정상회담", date: "2024-01-03T10:00:00+09:00", extra: "language: ko\npeople: [윤석열]\n"),
        ])
        try SiteBuilder(options: buildOptions(site: site.path, output: site.path + "/public")).build()
        let page = SiteInspector(root: site.path + "/public").read("people/yoon-suk-yeol/index.html")
        #expect(page.contains("정상회담") && page.contains("Summit"))
        #expect(!SiteInspector(root: site.path + "/public").files.contains { $0.hasPrefix("people/윤석열") })
    }
}
