import Foundation
import Testing
@testable import GazetteCore

@Suite struct LanguageTagTests {
    @Test func normalizesTheCaseOfEachPart() {
        #expect(LanguageTag("ZH-hans")?.code == "zh-Hans")
        #expect(LanguageTag("pt_br")?.code == "pt-BR")
        #expect(LanguageTag("ko")?.code == "ko")
    }

    @Test func refusesCodesThatAreNotLanguages() {
        #expect(LanguageTag("xx") == nil)
        #expect(LanguageTag("fil") != nil && LanguageTag("kr")?.code == "kr")  // "kr" is Kanuri, not Korean
        #expect(LanguageTag("english") == nil)
        #expect(LanguageTag("") == nil)
        #expect(LanguageTag("en-") == nil)
    }

    @Test func rightToLeftLanguagesAreKnownByTheirLanguage() {
        #expect(LanguageTag("ar")?.direction == "rtl")
        #expect(LanguageTag("he-IL")?.direction == "rtl")
        #expect(LanguageTag("ko")?.direction == "ltr")
    }

    @Test func eachLanguageIsNamedInItself() {
        #expect(LanguageTag("ko")?.nativeName == "한국어")
        #expect(LanguageTag("ar")?.nativeName == "العربية")
    }
}

@Suite struct PluralRulesTests {
    @Test func englishHasOneAndOther() {
        #expect(PluralRules.category(of: 1, language: "en") == .one)
        #expect(PluralRules.category(of: 0, language: "en") == .other)
    }

    @Test func frenchCountsZeroAsOne() {
        #expect(PluralRules.category(of: 0, language: "fr") == .one)
        #expect(PluralRules.category(of: 2, language: "fr") == .other)
    }

    @Test func russianLooksAtTheLastDigits() {
        #expect([1, 21, 101].map { PluralRules.category(of: $0, language: "ru") } == [.one, .one, .one])
        #expect([2, 23, 104].map { PluralRules.category(of: $0, language: "ru") } == [.few, .few, .few])
        #expect([5, 11, 12, 111].map { PluralRules.category(of: $0, language: "ru") } == [.many, .many, .many, .many])
    }

    @Test func arabicHasSixForms() {
        #expect([0, 1, 2, 3, 11, 100].map { PluralRules.category(of: $0, language: "ar") } == [.zero, .one, .two, .few, .many, .other])
    }

    @Test func koreanAndChineseHaveOneForm() {
        #expect(PluralRules.category(of: 1, language: "ko") == .other)
        #expect(PluralRules.category(of: 1, language: "zh") == .other)
    }
}

@Suite struct LocalDatesTests {
    let date = ArticleDate(seconds: 1_704_937_560, offset: 9 * 3600)  // 2024-01-11 10:46 in Seoul

    func dates(_ code: String) -> LocalDates { LocalDates(language: LanguageTag(code)!) }

    @Test func englishKeepsTheArchivesOwnStyle() {
        #expect(dates("en").long(date) == "11 January 2024, 10:46 (UTC+9)")
        #expect(dates("en").short(date) == "11 Jan 2024")
    }

    @Test func otherLanguagesFollowCLDR() {
        #expect(dates("ko").short(date) == "2024년 1월 11일")
        #expect(dates("zh").short(date) == "2024年1月11日")
        #expect(dates("ja").short(date) == "2024年1月11日")
        #expect(dates("fr").month(2024, 1) == "janvier 2024")
        #expect(dates("ko").long(date) == "2024년 1월 11일 10:46 (UTC+9)")
    }

    @Test func theDayShownIsTheArticlesLocalDay() {
        // 23:30 on 31 December in Seoul is 31 December, whatever the machine's zone.
        let late = ArticleDate(seconds: 1_704_033_000, offset: 9 * 3600)
        #expect(dates("ko").short(late) == "2023년 12월 31일")
    }

    @Test func monthNamesStandAlone() {
        #expect(dates("ru").monthName(1) == "январь")
        #expect(dates("en").monthName(9, short: true) == "Sep")
    }
}

@Suite struct ThemeWordsTests {
    let folder = TemporaryDirectory()

    func loader(_ files: [String: String]) -> ThemeWordsLoader {
        folder.write(files.reduce(into: [:]) { $0["theme/i18n/" + $1.key] = $1.value })
        return ThemeWordsLoader(folders: [folder.path + "/theme/i18n", folder.path + "/site/i18n"])
    }

    @Test func aWordMissingFromALanguageIsEnglishWithOneWarningNamingTheFile() {
        let words = loader(["en.yml": "search: Search\nrelated: Related\n", "ko.yml": "search: 검색\n"]).load(LanguageTag("ko")!)
        #expect(words.words.text("search") == "검색")
        #expect(words.words.text("related") == "Related")
        #expect(words.warnings.count == 1)
        #expect(words.warnings[0].file.hasSuffix("theme/i18n/ko.yml"))
        #expect(words.warnings[0].message.contains("'related'"))
    }

    @Test func aLanguageWithNoFileIsOneWarning() {
        let words = loader(["en.yml": "search: Search\nrelated: Related\n"]).load(LanguageTag("sw")!)
        #expect(words.words.text("search") == "Search")
        #expect(words.warnings.count == 1)
        #expect(words.warnings[0].file.hasSuffix("sw.yml"))
    }

    @Test func theSitesFileOverridesTheThemes() {
        let l = loader(["en.yml": "search: Search\n"])
        folder.write(["site/i18n/en.yml": "search: Find\n"])
        #expect(l.load(LanguageTag("en")!).words.text("search") == "Find")
    }

    @Test func pluralFormsFollowTheLanguagesRules() {
        let words = loader([
            "en.yml": "articles:\n  one: \"{count} article\"\n  other: \"{count} articles\"\n",
            "ru.yml": "articles:\n  one: \"{count} статья\"\n  few: \"{count} статьи\"\n  many: \"{count} статей\"\n  other: \"{count} статьи\"\n",
        ])
        let ru = words.load(LanguageTag("ru")!).words
        #expect([1, 3, 5].map { ru.plural("articles", count: $0) } == ["1 статья", "3 статьи", "5 статей"])
        #expect(words.load(LanguageTag("en")!).words.plural("articles", count: 1) == "1 article")
    }

    @Test func aPluralWithoutOtherIsAnErrorAtItsLine() {
        let loaded = loader(["en.yml": "search: Search\narticles:\n  one: \"{count} article\"\n"]).load(LanguageTag("en")!)
        #expect(loaded.errors.count == 1)
        #expect(loaded.errors.first?.line == 3)  // where its forms start
        #expect(loaded.errors.first?.message.contains("'other'") == true)
    }

    /// Every language the default theme ships gives every word English has, each plural
    /// word with the forms its language uses.
    @Test(arguments: ["ko", "zh", "ja", "ar", "es", "fr", "de", "ru", "vi", "id"])
    func theDefaultThemeShipsEveryWord(_ code: String) {
        let loader = ThemeWordsLoader(folders: [TestPaths.themes + "/default/i18n"])
        let loaded = loader.load(LanguageTag(code)!)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        for n in [0, 1, 2, 3, 5, 11, 21, 100] {
            #expect(loaded.words.plural("articles", count: n).contains("\(n)") || n <= 2)
        }
    }
}

@Suite struct LanguageSettingsTests {
    @Test func anUnknownSiteLanguageIsAnErrorAtItsLine() {
        #expect(throws: GazetteError.self) { try SiteConfig.parse("title: T\nlanguage: xx\n", file: "gazette.yml") }
        do { _ = try SiteConfig.parse("title: T\nlanguage: xx\n", file: "gazette.yml") } catch {
            #expect(error.diagnostics.first?.line == 2)
            #expect(error.diagnostics.first?.message.contains("'xx' is not a language code") == true)
        }
    }

    @Test func anUnknownArticleLanguageIsAnErrorAtItsLine() {
        let result = ArticleParser(dates: DateParser(zone: .utc)).parse(article("A", extra: "language: xx-yy-\n"), file: "a.md")
        guard case .failure(let error) = result else { Issue.record("parsed"); return }
        #expect(error.diagnostics.first?.line == 4)
    }

    @Test func slugStyleIsNativeOrTransliterate() throws {
        #expect(try SiteConfig.parse("slug_style: transliterate\n", file: "g.yml").slugStyle == .transliterate)
        #expect(throws: GazetteError.self) { try SiteConfig.parse("slug_style: latin\n", file: "g.yml") }
    }
}
