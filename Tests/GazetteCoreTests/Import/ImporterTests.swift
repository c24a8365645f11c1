import Foundation
import Testing
@testable import GazetteCore

/// The importer against real folders: what it writes, what it leaves alone, what it reports.
@Suite struct ImporterTests {
    static let page = """
        Politics

        Ministers agree on new border talks

        Written: 2024-02-03 10:00:00

        Foreign Minister Lee Sang-hoon said on Monday that the talks with Japan would resume next month.
        Kim Da-eun, KBS World Radio News.
        """

    func importer(_ raw: TemporaryDirectory, _ content: TemporaryDirectory, dryRun: Bool = false, force: Bool = false, paths: [String]? = nil) -> Importer {
        var options = ImportOptions(paths: paths ?? [raw.path], into: content.path, timeZone: SiteTimeZone("+09:00")!)
        options.dryRun = dryRun
        options.force = force
        options.defaultDate = ArticleDate(seconds: 1_700_000_000, offset: 32_400)
        return Importer(options: options)
    }

    @Test func writesOneFilePerPageByDateAndSlug() throws {
        let raw = TemporaryDirectory().write(["a.txt": Self.page])
        let content = TemporaryDirectory()
        let report = importer(raw, content).run()
        #expect(report.outcomes.map(\.status) == [.written])
        let text = try #require(content.read("2024/02/ministers-agree-on-new-border-talks.md"))
        #expect(text.contains("date: 2024-02-03T10:00:00+09:00"))
        #expect(text.contains("people:\n  - Lee Sang-hoon\n"))
        #expect(text.contains("countries:\n  - Japan\n"))
        #expect(text.contains("imported_from: \"\(raw.path)/a.txt\"") || text.contains("imported_from: \(raw.path)/a.txt"))
        // What the importer writes, the builder reads.
        let article = try ArticleParser(dates: DateParser(zone: .utc)).parse(text, file: "x.md").get()
        #expect(article.title == "Ministers agree on new border talks" && article.byline == "Kim Da-eun")
    }

    @Test func importingAgainChangesNothing() throws {
        let raw = TemporaryDirectory().write(["a.txt": Self.page])
        let content = TemporaryDirectory()
        _ = importer(raw, content).run()
        let path = content.path + "/2024/02/ministers-agree-on-new-border-talks.md"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        let again = importer(raw, content).run()
        #expect(again.outcomes.map(\.status) == [.unchanged])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    }

    @Test func anEditedFileIsKeptUnlessForced() throws {
        let raw = TemporaryDirectory().write(["a.txt": Self.page])
        let content = TemporaryDirectory()
        _ = importer(raw, content).run()
        let name = "2024/02/ministers-agree-on-new-border-talks.md"
        let edited = content.read(name)!.replacingOccurrences(of: "  - Japan", with: "  - Japan\n  - China")
        content.write([name: edited])
        let kept = importer(raw, content).run()
        #expect(kept.outcomes.map(\.status) == [.kept])
        #expect(kept.summary.contains("kept: \(name) differs"))
        #expect(content.read(name) == edited)
        let forced = importer(raw, content, force: true).run()
        #expect(forced.outcomes.map(\.status) == [.written])
        #expect(content.read(name) != edited)
    }

    @Test func dryRunWritesNothing() {
        let raw = TemporaryDirectory().write(["a.txt": Self.page])
        let content = TemporaryDirectory()
        let report = importer(raw, content, dryRun: true).run()
        #expect(report.outcomes.map(\.status) == [.wouldWrite])
        #expect((try? FileManager.default.contentsOfDirectory(atPath: content.path)) == [])
    }

    @Test func badPagesAreReportedAndTheRestImported() throws {
        let raw = TemporaryDirectory().write(["good.txt": Self.page, "empty.txt": "", "nav-only.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"])
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]).write(to: URL(fileURLWithPath: raw.path + "/image.txt"))
        let content = TemporaryDirectory()
        let report = importer(raw, content, paths: [raw.path, raw.path + "/missing.txt"]).run()
        #expect(report.count(.written) == 1)
        let failures = Dictionary(uniqueKeysWithValues: report.failed.map { (($0.source as NSString).lastPathComponent, $0.message ?? "") })
        #expect(failures["empty.txt"] == "the file is empty")
        #expect(failures["image.txt"]?.hasPrefix("the file is binary") == true)
        #expect(failures["nav-only.html"]?.hasPrefix("no article body") == true)
        #expect(failures["missing.txt"] == "no such file or folder")
        let json = try JSONSerialization.jsonObject(with: report.json()) as? [String: Any]
        #expect((json?["outcomes"] as? [[String: Any]])?.count == 5)
    }

    @Test func pagesWithoutTitleOrDateAreMarkedForReview() throws {
        let raw = TemporaryDirectory().write(["a.txt": "The council voted on Tuesday to close the old market for repairs over the summer. It will reopen in autumn."])
        let content = TemporaryDirectory()
        let report = importer(raw, content).run()
        #expect(report.outcomes.first?.review == ["title", "date"])
        #expect(report.summary.contains("review title, date"))
        let name = try #require(report.outcomes.first?.article)
        #expect(content.read(name)?.contains("review: [title, date]") == true)
        #expect(content.read(name)?.contains("date: 2023-11-15T07:13:20+09:00") == true)  // the --default-date
    }

    @Test func twoPagesWithOneTitleGetTwoFiles() {
        let raw = TemporaryDirectory().write(["a.txt": Self.page, "b.txt": Self.page.replacingOccurrences(of: "next month", with: "in June")])
        let content = TemporaryDirectory()
        let report = importer(raw, content).run()
        #expect(Set(report.outcomes.compactMap(\.article)) == ["2024/02/ministers-agree-on-new-border-talks.md", "2024/02/ministers-agree-on-new-border-talks-2.md"])
        #expect(importer(raw, content).run().outcomes.map(\.status) == [.unchanged, .unchanged])
    }

    @Test func linesRepeatedAcrossABatchAreChrome() {
        var files: [String: String] = [:]
        for i in 1...4 {
            files["p\(i).txt"] = "Subscribe to the Harbour briefing\n\nStory number \(i) headline\n\nWritten: 2024-02-0\(i) 10:00:00\n\nThe story number \(i) has its own text, which is long enough to be a paragraph.\n\nSubscribe to the Harbour briefing"
        }
        let raw = TemporaryDirectory().write(files)
        let content = TemporaryDirectory()
        _ = importer(raw, content).run()
        let text = content.read("2024/02/story-number-1-headline.md") ?? ""
        #expect(text.contains("The story number 1 has its own text"))
        #expect(!text.contains("Subscribe"))
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let raw = TemporaryDirectory().write(["a.txt": Self.page])
        let content = TemporaryDirectory()
        _ = importer(raw, content).run()
        let all = FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String] ?? []
        #expect(all.filter { $0.hasSuffix(".md") }.count == 1)
        #expect(all.allSatisfy { !$0.contains(".tmp") && !$0.hasPrefix(".") })
    }
}

/// An imported or new article keeps its URL when its title is edited later.
@Suite struct StableSlugTests {
    @Test func twoPagesWithOneTitleGetTwoSlugsWrittenOutAndBothBuild() throws {
        let raw = TemporaryDirectory().write(["a.txt": ImporterTests.page, "b.txt": ImporterTests.page.replacingOccurrences(of: "next month", with: "in March")])
        let site = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: site.path + "/content", timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 1_700_000_000, offset: 32_400)
        let report = Importer(options: options).run()
        let paths = report.outcomes.compactMap(\.article).sorted()
        #expect(paths == ["2024/02/ministers-agree-on-new-border-talks-2.md", "2024/02/ministers-agree-on-new-border-talks.md"])
        #expect(site.read("content/" + paths[0])?.contains("slug: \"ministers-agree-on-new-border-talks-2\"") == true)
        let built = try SiteBuilder(options: buildOptions(site: site.path, output: site.path + "/public")).build()
        #expect(built.articles == 2)
    }

    @Test func aTitleEditAfterImportKeepsTheURL() throws {
        let raw = TemporaryDirectory().write(["a.txt": ImporterTests.page])
        let site = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: site.path + "/content", timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 1_700_000_000, offset: 32_400)
        let path = try #require(Importer(options: options).run().outcomes.first?.article)
        let file = site.path + "/content/" + path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: \"Ministers agree on new border talks\"", with: "title: \"Ministers agree on new border talks, at last\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try SiteBuilder(options: buildOptions(site: site.path, output: site.path + "/public")).build()
        #expect(site.exists("public/2024/02/03/ministers-agree-on-new-border-talks/index.html"))
    }

    @Test func gazetteNewWritesTheSlug() {
        let text = ArticleStarter(config: SiteConfig(), contentDirectory: "/nonexistent").text(title: "Parliament passes the budget", section: nil, date: ArticleDate(seconds: 0, offset: 0))
        #expect(text.contains("slug: \"parliament-passes-the-budget\""))
    }
}

/// Names that belong to the story, not to its credits.
@Suite struct PeopleInStoryTests {
    func people(_ body: String) throws -> [String] {
        var options = ImportOptions(paths: [], into: "/nonexistent", timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        var page = ParsedPage()
        page.title = "Talks resume"
        // As a page's body is read: glued sentences apart, credits still in.
        page.paragraphs = body.components(separatedBy: "\n\n").map(ProseCleaner.unglueSentences)
        return try Importer(options: options).article(from: page, source: "x", modified: Date()).get().people
    }

    @Test func staffCreditsAndEmailCreditsNameNoOne() throws {
        let found = try people("""
            Foreign Minister Lee Sang-hoon said the talks with Japan would resume next month.

            Reporting by Kim Soo-yeon; Editing by Tom Hogue

            Park Ji-won pjw@example.com
            """)
        #expect(found == ["Lee Sang-hoon"])
    }

    @Test(arguments: [
        ("The ministry confirmed the plan, officials said.Defense Ministry Spokesperson Moon Hong-sik told reporters the drills would go ahead.", ["Moon Hong-sik"]),
        ("The vote was close.Commission Chairman Han Sang-hyuk said the rules would change.", ["Han Sang-hyuk"]),
        ("Former Democratic Party Chairman Lee Jae-myung, People Power Party Chairman Kim Gi-hyeon and Justice Party leader Lee Jeong-mi attended.",
         ["Lee Jae-myung", "Kim Gi-hyeon", "Lee Jeong-mi"]),
        ("General Motors Chief Executive Mary Barra said sales rose.", ["Mary Barra"]),
        ("Prime Minister Shinzo Abe said the talks would resume.", ["Shinzo Abe"]),
    ])
    func aNameAfterAnOrganisationAndARoleIsAPerson(_ body: String, _ names: [String]) throws {
        #expect(try people(body) == names)
    }

    @Test(arguments: [
        "The Central Disaster and Safety Countermeasure Headquarters said 30 people were injured.",
        "Pollster Realmeter said support for the president fell to 35 percent.",
        "The song Dynamite topped the chart for a third week.",
    ])
    func organisationsAndTitlesAreNoOne(_ body: String) throws {
        #expect(try people(body) == [])
    }

    @Test func aContributorsCreditNamesNoOne() throws {
        let found = try people("""
            Finance Minister Choo Kyung-ho said on Thursday that inflation would slow in the second half.

            Staff writer Choi Eun-ji contributed to this report.
            """)
        #expect(found == ["Choo Kyung-ho"])
    }

    @Test func firmsNamedForWhatTheyDoAreNoOne() throws {
        let found = try people("""
            HD Hyundai took most orders, according to Clarksons Research. Kim Yeon-su, an analyst at Hana Securities, said prices would stay high.
            """)
        #expect(found == ["Kim Yeon-su"])
    }

    @Test func aPlayersPositionIsNotPartOfTheName() throws {
        #expect(try people("The coach said national team Forward Son Heung-min would captain the side.") == ["Son Heung-min"])
    }

    @Test func aTitleInQuotesAndThePresidentialOfficesNameAreNoOne() throws {
        let found = try people("""
            Cheong Wa Dae said President Moon Jae-in would chair the meeting, as singer IU released "Love Wins All" on the day.
            """)
        #expect(found == ["Moon Jae-in"])
    }

    @Test func aNameAfterPresidentElectIsAPerson() throws {
        #expect(try people("President-elect Yoon Suk Yeol met the envoy on Monday, aides said.").contains("Yoon Suk Yeol"))
    }
}
