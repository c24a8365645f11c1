import Foundation
import Testing
@testable import GazetteCore

/// Text dumps in scripts and languages other than English: read, dated, given their
/// language, and tagged with the countries CLDR names in them, never by the recognisers
/// built for English.
@Suite struct OtherLanguagesImportTests {
    func imported(_ text: String) throws -> ImportedArticle {
        var options = ImportOptions(paths: [], into: "/nonexistent", timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        let page = TextPageReader().read(text)
        return try Importer(options: options).article(from: page, source: "x", modified: Date()).get()
    }

    @Test func aChinesePageIsReadDatedAndTagged() throws {
        let a = try imported("""
        首页
        中美两国元首将在旧金山会晤
        2023-11-14 10:32
        中国外交部发言人周二在北京表示，中美两国元首将于本周在旧金山举行会晤，双方将就两国关系交换意见。
        发言人说，中方希望推动两国关系回到健康稳定发展的轨道。日本和韩国也对此表示关注。
        """)
        #expect(a.title == "中美两国元首将在旧金山会晤")
        #expect(a.language == "zh")
        #expect(a.date.rfc3339 == "2023-11-14T10:32:00Z")
        #expect(a.countries == ["China", "Japan", "South Korea"])
    }

    @Test func aJapaneseDateWithKanjiForTheTimeIsRead() throws {
        let a = try imported("""
        岸田首相、東京で記者会見　経済対策を説明
        2023年11月2日 18時05分
        岸田文雄首相は2日、首相官邸で記者会見を開き、物価高に対応する新たな経済対策について説明しました。
        首相は「国民の暮らしを守るため、あらゆる手段を尽くす」と述べました。韓国と米国との連携も強調しました。
        """)
        #expect(a.language == "ja")
        #expect(a.date.rfc3339 == "2023-11-02T18:05:00Z")
        #expect(a.countries == ["South Korea", "United States"])
        #expect(a.people.isEmpty)  // the English name recogniser does not read Japanese
    }

    @Test func aKoreanCountryNameCountsOnlyAsAWord() throws {
        let a = try imported("""
        정부, 인도적 지원 확대
        2024년 3월 5일 09:30
        정부는 인도적 지원을 늘리겠다고 밝혔다. 지원 대상에는 인도네시아와 일본이 포함됐으며, 한국은 내년에도 지원을 이어간다.
        """)
        #expect(a.language == "ko")
        #expect(a.date.rfc3339 == "2024-03-05T09:30:00Z")
        #expect(a.countries == ["Indonesia", "Japan", "South Korea"])  // not India, from 인도적
    }

    @Test func aRussianMonthNameAndAnInflectedCountryAreRead() throws {
        let a = try imported("""
        Переговоры с Японией продолжатся в ближайшие месяцы, заявили в Москве представители России
        10 ноября 2023 г.
        Представители России в пятницу заявили журналистам в Москве, что переговоры с Японией продолжатся в ближайшие месяцы.
        По их словам, стороны обсудят вопросы торговли и рыболовства, а также гуманитарные контакты.
        """)
        #expect(a.language == "ru")
        #expect(a.date.rfc3339 == "2023-11-10T00:00:00Z")
        #expect(a.countries == ["Japan", "Russia"])
    }

    @Test func anArabicPageIsRightToLeftInItsOwnLanguage() throws {
        let a = try imported("""
        استئناف خط العبّارات بين كوريا الجنوبية واليابان
        2023-08-21
        استأنفت العبّارة السريعة للركاب بين بوسان وفوكوكا رحلاتها اليومية يوم الاثنين، بعد ثلاث سنوات من توقف الخط بين كوريا الجنوبية واليابان.
        وقالت الشركة المشغّلة إن الرحلة الأولى انطلقت صباحًا وعلى متنها 212 راكبًا، معظمهم من السياح.
        """)
        #expect(a.language == "ar")
        #expect(a.countries == ["South Korea", "Japan"])
    }

    /// A saved Chinese page: its body among navigation and a headline list, the date printed
    /// under the headline with no label, the language from `<html lang>`.
    @Test func aChineseHTMLPageIsReadWithItsUnlabelledDate() throws {
        let html = try String(contentsOfFile: TestPaths.fixtures + "/import/chinese-news-page.html", encoding: .utf8)
        var options = ImportOptions(paths: [], into: "/nonexistent", timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        let a = try Importer(options: options).article(from: HTMLPageReader().read(html), source: "x", modified: Date()).get()
        #expect(a.title == "中美两国元首将在旧金山会晤")
        #expect(a.date.rfc3339 == "2023-11-14T10:32:00Z")
        #expect(a.language == "zh-CN")
        #expect(a.paragraphs.count == 3)
        #expect(!a.paragraphs.joined().contains("热门新闻") && !a.paragraphs.joined().contains("首页"))
        #expect(a.countries == ["China", "Japan", "South Korea"])
    }

    @Test func theButtonsAndHeadlineListsOfOtherLanguagesAreChrome() throws {
        let a = try imported("""
        Главная
        Поиск
        Переговоры с Японией продолжатся в ближайшие месяцы, заявили в Москве представители России
        10 ноября 2023 г.
        Представители России в пятницу заявили журналистам в Москве, что переговоры с Японией продолжатся в ближайшие месяцы.

        Читайте также

        Рубль укрепился к доллару на открытии торгов в пятницу, сообщили аналитики крупнейших банков страны сегодня.
        """)
        #expect(a.section == nil)
        #expect(a.paragraphs.count == 1)
    }

    @Test func monthNamesOfOtherLanguagesAreDates() {
        #expect(DateLines.bareDate("10 de mayo de 2022") == "2022-05-10")
        #expect(DateLines.bareDate("10. Mai 2022") == "2022-05-10")
        #expect(DateLines.bareDate("10 mai 2022") == "2022-05-10")
        #expect(DateLines.bareDate("2023년 11월 2일 18시 05분") == "2023-11-02 18:05")
        #expect(DateLines.bareDate("2023年11月2日") == "2023-11-02")
    }

    @Test func aCountryTaggedInAnotherLanguageIsTheSameCountry() {
        #expect(CountryTable.shared.country(named: "대한민국")?.name == "South Korea")
        #expect(CountryTable.shared.country(named: "日本")?.name == "Japan")
        #expect(CountryTable.shared.country(named: "اليابان")?.name == "Japan")
        #expect(CountryTable.shared.country(named: "한국")?.name == "South Korea")
    }
}
