import Testing
@testable import GazetteCore

/// The `language` an import writes: declared by the page, else told by its script.
@Suite struct PageLanguageTests {
    @Test func anHTMLPageDeclaresItsLanguage() {
        #expect(HTMLPageReader().read("<html lang=\"ko-KR\"><body><p>본문</p></body></html>").language == "ko-KR")
        #expect(HTMLPageReader().read("<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body></body></html>").language == "pt-BR")
        #expect(HTMLPageReader().read("<html><body><p>No declaration.</p></body></html>").language == nil)
    }

    @Test(arguments: [
        ("대통령은 월요일 기자회견에서 새 정책을 발표했다.", "ko"),
        ("岸田文雄首相は東京で記者会見を開いた。", "ja"),
        ("岸田文雄在东京举行记者会见。", "zh"),
        ("عقد رئيس الوزراء مؤتمرا صحفيا في طوكيو.", "ar"),
        ("Премьер-министр провёл пресс-конференцию в Токио.", "ru"),
    ])
    func aScriptThatSaysItPlainly(_ text: String, _ code: String) {
        #expect(PageLanguage.fromScript(text) == code)
    }

    @Test func latinLettersAloneSayNothing() {
        #expect(PageLanguage.fromScript("The prime minister held a news conference in Tokyo.") == nil)
        #expect(PageLanguage.fromScript("Le Premier ministre a tenu une conférence de presse.") == nil)
    }

    @Test func theImportWritesIt() throws {
        let raw = TemporaryDirectory().write(["a.txt": "정치\n\n대통령 새 정책 발표\n\n입력 2024.02.03 (10:00)\n\n대통령은 월요일 기자회견에서 새 경제 정책을 발표했다고 밝혔다.\n"])
        let content = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: content.path, timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        let report = Importer(options: options).run()
        let path = try #require(report.outcomes.first?.article)
        let text = try #require(content.read(path))
        #expect(text.contains("language: ko"), "\(text)")
        #expect(text.contains("date: 2024-02-03T10:00:00+09:00"))
    }

    @Test(arguments: [
        ("岸田首相、東京で会見\n\n2024-02-03\n\n岸田文雄首相は三日、東京の首相官邸で記者会見を開き、新たな経済対策を発表した。\n\n対策の規模は約十兆円となる見通しだ。", "ja"),
        ("岸田在东京举行记者会见\n\n2024-02-03\n\n日本首相岸田文雄三日在东京首相官邸举行记者会见，宣布了新的经济对策。\n\n对策规模预计约为十万亿日元。", "zh"),
    ])
    func pagesWithoutSpacesOrLatinFullStopsHaveABody(_ text: String, _ code: String) {
        let page = TextPageReader().read(text)
        #expect(page.paragraphs.count == 2, "\(page.paragraphs)")
        #expect(page.written == "2024-02-03")
        #expect(PageLanguage.fromScript(page.paragraphs.joined()) == code)
    }
}

/// Pages in Latin letters that declare no language, told apart by their commonest words.
@Suite struct LanguageFromWordsTests {
    @Test(arguments: [
        ("es", "El presidente del Gobierno dijo el martes que las negociaciones con los sindicatos seguirán durante "
            + "la semana, y que el acuerdo final se firmará antes de que termine el mes para evitar una huelga."),
        ("fr", "Le ministre a déclaré mardi que les négociations avec les syndicats se poursuivront dans la semaine et "
            + "que l'accord sera signé avant la fin du mois, pour éviter une grève qui pèserait sur les transports."),
        ("de", "Der Minister sagte am Dienstag, dass die Verhandlungen mit den Gewerkschaften in dieser Woche "
            + "weitergehen und die Einigung vor dem Ende des Monats unterzeichnet werden soll, um einen Streik zu vermeiden."),
        ("id", "Menteri mengatakan pada hari Selasa bahwa perundingan dengan serikat pekerja akan berlanjut pekan ini "
            + "dan kesepakatan yang dicapai akan ditandatangani sebelum akhir bulan untuk mencegah pemogokan di kota itu."),
        ("vi", "Bộ trưởng cho biết hôm thứ Ba rằng các cuộc đàm phán với công đoàn sẽ tiếp tục trong tuần này và "
            + "thỏa thuận của hai bên sẽ được ký trước cuối tháng để tránh một cuộc đình công của những người lao động."),
        ("en", "The minister said on Tuesday that the talks with the unions would continue this week and that the "
            + "agreement would be signed by the end of the month, to avoid a strike that was planned for the capital."),
    ])
    func aParagraphIsKnownByItsCommonestWords(_ expected: String, _ text: String) {
        #expect(PageLanguage.fromWords(text) == expected)
    }

    @Test func vietnameseWrittenWithCombiningAccentsIsKnownToo() {
        let text = "Bộ trưởng cho biết hôm thứ Ba rằng các cuộc đàm phán với công đoàn sẽ tiếp tục trong tuần này và "
            + "thỏa thuận của hai bên sẽ được ký trước cuối tháng để tránh một cuộc đình công của những người lao động."
        #expect(PageLanguage.fromWords(text.decomposedStringWithCanonicalMapping) == "vi")
    }

    @Test func onlyTheFirst800WordsAreRead() {
        let english = Array(repeating: "the minister said that the talks would go on", count: 60).joined(separator: " ")
        let french = Array(repeating: "le ministre a dit que les négociations et la grève sont pour les syndicats", count: 200)
        #expect(PageLanguage.fromWords(english + " " + french.joined(separator: " ")) == "en")
    }

    @Test func aShortOrMixedTextGetsNoLanguage() {
        #expect(PageLanguage.fromWords("Seoul, Tokyo and Paris") == nil)
        #expect(PageLanguage.fromWords("") == nil)
    }
}
