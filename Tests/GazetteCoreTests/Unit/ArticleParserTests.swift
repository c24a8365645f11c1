import Testing
@testable import GazetteCore

@Suite struct ArticleParserTests {
    let parser = ArticleParser(dates: DateParser(zone: .utc))

    func parse(_ text: String) -> Result<Article, GazetteError> { parser.parse(text, file: "a.md") }

    @Test func readsEveryField() throws {
        let text = """
            ---
            title: "Budget passes"
            date: 2024-03-05T09:30:00+09:00
            updated: 2024-03-05T12:00:00+09:00
            section: Politics
            source: Wire
            byline: Ana Lima
            photo_credit: Desk
            people: [Ana, Bo]
            countries:
              - Japan
            slug: custom slug
            imported_from: raw/1.txt
            mood: sunny
            ---

            First **paragraph** here.

            Second.
            """
        let a = try parse(text).get()
        #expect(a.title == "Budget passes")
        #expect(a.updated?.rfc3339 == "2024-03-05T12:00:00+09:00")
        #expect(a.section == "Politics" && a.source == "Wire" && a.byline == "Ana Lima" && a.photoCredit == "Desk")
        #expect(a.people == ["Ana", "Bo"])
        #expect(a.countries == ["Japan"])
        #expect(a.slug == "custom-slug")
        #expect(a.importedFrom == "raw/1.txt")
        #expect(a.params["mood"] == .text("sunny"))
        #expect(a.summary == "First paragraph here.")
        #expect(a.bodyLine == 16)
    }

    @Test func summarySkipsHeadingsAndImages() throws {
        let a = try parse(article("T", body: "# Heading\n\n![photo](x.jpg)\n\nThe [lead](x) sentence.\nContinues.")).get()
        #expect(a.summary == "The lead sentence. Continues.")
    }

    @Test func missingTitleNamesTheFile() {
        let error = parse("---\ndate: 2024-01-01\n---\nBody").failure
        #expect(error?.diagnostics.first?.description.hasPrefix("a.md:2: missing 'title'") == true)
    }

    @Test func missingDateIsAnError() {
        let error = parse("---\ntitle: T\n---\nBody").failure
        #expect(error?.diagnostics.map(\.message).contains { $0.hasPrefix("missing 'date'") } == true)
    }

    @Test func unparseableDateNamesItsLine() {
        let error = parse("---\ntitle: T\ndate: next Tuesday\n---\n").failure
        #expect(error?.diagnostics.first?.line == 3)
        #expect(error?.diagnostics.first?.message.contains("cannot read 'date: next Tuesday' as a date") == true)
    }

    @Test func wrongTypeNamesItsLine() {
        let error = parse("---\ntitle: T\ndate: 2024-01-01\npeople: 3\n---\n").failure
        #expect(error?.diagnostics.first?.line == 4)
        #expect(error?.diagnostics.first?.message.contains("'people' must be a list of names") == true)
    }

    @Test func malformedYAMLNamesItsLine() {
        let error = parse("---\ntitle: T\ndate: 2024-01-01\npeople: [Ana\n---\n").failure
        #expect(error?.diagnostics.first?.message.hasPrefix("malformed YAML") == true)
        #expect((error?.diagnostics.first?.line ?? 0) >= 4)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let error = parse("---\ndate: someday\npeople: 3\n---\n").failure
        #expect(error?.diagnostics.count == 3)
    }

    @Test func textWithoutFrontMatterIsExplained() {
        let error = parse("# Just markdown").failure
        #expect(error?.diagnostics.first?.message.contains("starts with a '---' line") == true)
    }

    @Test func aSingleNameIsTakenAsAListOfOne() throws {
        #expect(try parse(article("T", extra: "people: Ana Lima\n")).get().people == ["Ana Lima"])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
