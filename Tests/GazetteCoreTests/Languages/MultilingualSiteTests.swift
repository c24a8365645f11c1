import Foundation
import Testing
@testable import GazetteCore

/// A site in English with translations of one story in Korean, Chinese and Arabic: each
/// page is in its own language, with its words, dates and direction, and links the others.
@Suite struct MultilingualSiteTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }

    static let body = [
        "en": "Lawmakers approved the harbour budget on Tuesday.",
        "ko": "국회는 화요일 항만 예산을 통과시켰다. 대통령은 환영했다.",
        "zh": "国会周二通过了港口预算。岸田文雄在东京表示欢迎。",
        "ar": "وافق البرلمان يوم الثلاثاء على ميزانية الميناء.",
    ]

    init() {
        var files = ["gazette.yml": "title: Harbour\nbase_url: https://example.org/\nlanguage: en\n"]
        let titles = ["en": "Budget passes", "ko": "항만 예산 통과", "zh": "港口预算获得通过", "ar": "إقرار ميزانية الميناء"]
        for (code, title) in titles {
            files["content/budget.\(code).md"] = article(
                title, date: "2024-01-11T10:46:00+09:00",
                extra: (code == "en" ? "" : "language: \(code)\n") + "translation_key: budget\ncountries: [Japan]\n", body: Self.body[code]!)
        }
        files["content/other.md"] = article("Another story", date: "2024-01-10T09:00:00+09:00", body: "Nothing translated.")
        site.write(files)
    }

    @discardableResult
    func build() throws -> BuildReport { try buildSite(site.path, into: output) }

    func page(_ title: String) -> String {
        SiteInspector(root: output).read("2024/01/11/\(Slug.make(title))/index.html")
    }

    @Test func eachArticleIsInItsOwnLanguageAndDirection() throws {
        try build()
        #expect(page("항만 예산 통과").contains("<html lang=\"ko\" dir=\"ltr\">"))
        #expect(page("إقرار ميزانية الميناء").contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page("Budget passes").contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test func aKoreanArticleShowsKoreanWordsAndDates() throws {
        try build()
        let korean = page("항만 예산 통과")
        #expect(korean.contains("입력 <time datetime=\"2024-01-11T10:46:00+09:00\">2024년 1월 11일 10:46 (UTC+9)</time>"))
        #expect(korean.contains(">기사 속 국가<"))
        #expect(korean.contains(">본문 바로가기<"))
        #expect(!korean.contains(">Published"))
    }

    @Test func translationsLinkEachOtherWithHreflang() throws {
        try build()
        let english = page("Budget passes")
        for (code, title) in [("ko", "항만 예산 통과"), ("zh", "港口预算获得通过"), ("ar", "إقرار ميزانية الميناء")] {
            let url = "https://example.org/2024/01/11/\(Slug.make(title))/"
            #expect(english.contains("<link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(url)\">"), "\(code)")
            #expect(english.contains("hreflang=\"\(code)\" lang=\"\(code)\""), "\(code) in the switcher")
        }
        // Every version lists itself among the alternates, and not in its switcher.
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"en\""))
        #expect(!english.contains("hreflang=\"en\" lang=\"en\""))
        #expect(!SiteInspector(root: output).read("2024/01/10/another-story/index.html").contains("hreflang"))
    }

    @Test func listsStayInTheSitesLanguage() throws {
        try build()
        let home = SiteInspector(root: output).read("index.html")
        #expect(home.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(home.contains("11 Jan 2024"))
    }

    @Test func searchFindsAChineseNameAKoreanStemAndAnArabicWord() throws {
        try build()
        let results = try searchBuiltSite(output, [("岸田文雄", []), ("东京", []), ("대통령", []), ("الميناء", []), ("ميزانية", [])])
        let zh = "2024/01/11/\(Slug.make("港口预算获得通过"))/"
        let ko = "2024/01/11/\(Slug.make("항만 예산 통과"))/"
        let ar = "2024/01/11/\(Slug.make("إقرار ميزانية الميناء"))/"
        #expect(results[0] == [zh])
        #expect(results[1] == [zh])
        #expect(results[2] == [ko])  // written 대통령은 in the article
        #expect(results[3] == [ar])
        #expect(results[4] == [ar])
    }

    @Test func aTranslationKeySharedWithinOneLanguageIsAnErrorNamingBoth() {
        site.write(["content/budget-again.md": article("Budget passes again", extra: "translation_key: budget\n")])
        guard let error = buildError(site: site.path, output: output) else { Issue.record("built"); return }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains("translation key 'budget'"))
        #expect(error.diagnostics[0].message.contains("budget.en.md") || error.diagnostics[0].file.hasSuffix("budget.en.md"))
    }

    @Test func aWordMissingFromTheSitesTranslationIsShownInEnglishWithAWarning() throws {
        site.write(["i18n/ko.yml": "published: 게시\n"])
        let report = try build()
        #expect(page("항만 예산 통과").contains("게시 <time"))
        // The site's file overrides one word; the theme's file still gives the rest.
        #expect(page("항만 예산 통과").contains(">기사 속 국가<"))
        #expect(report.warnings.isEmpty)
    }

    /// Each language input, changed alone, gives an incremental build equal to a clean one.
    @Test func eachLanguageInputMatchesACleanBuild() throws {
        try build()
        let changes: [(String, [String: String])] = [
            ("language", ["content/other.md": article("Another story", date: "2024-01-10T09:00:00+09:00", extra: "language: fr\n", body: "Rien.")]),
            ("translation_key", ["content/other.md": article("Another story", date: "2024-01-10T09:00:00+09:00",
                                                              extra: "language: fr\ntranslation_key: budget\n", body: "Rien.")]),
            ("a translation's title", ["content/budget.zh.md": article("港口预算通过", date: "2024-01-11T10:46:00+09:00",
                                                                       extra: "language: zh\ntranslation_key: budget\ncountries: [Japan]\n", body: Self.body["zh"]!)]),
            ("site translation file", ["i18n/ar.yml": "related: مقالات أخرى\n"]),
            ("site language", ["gazette.yml": "title: Harbour\nbase_url: https://example.org/\nlanguage: de\n"]),
        ]
        for (note, files) in changes {
            site.write(files)
            try build()
            try expectMatchesCleanBuild(site: site.path, output: output, note)
        }
        // The French translation joined the others.
        #expect(page("Budget passes").contains("hreflang=\"fr\""))
    }
}
