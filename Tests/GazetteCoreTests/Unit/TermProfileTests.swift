import Testing
@testable import GazetteCore

@Suite struct TermProfileTests {
    func site() throws -> Site {
        let parser = ArticleParser(dates: DateParser(zone: .utc))
        let articles = try [
            ("a.md", article("A", date: "2024-01-05", extra: "section: Politics\npeople: [Ana, Bo]\ncountries: [Japan, France]\n")),
            ("b.md", article("B", date: "2024-03-09", extra: "section: Politics\npeople: [Ana, Bo, Cy]\ncountries: [Japan]\n")),
            ("c.md", article("C", date: "2024-03-20", extra: "section: Economy\npeople: [Ana]\ncountries: [Japan]\n")),
        ].map { try parser.parse($0.1, file: $0.0).get() }
        return try Site(config: SiteConfig(), articles: articles)
    }

    @Test func countsMonthsIncludingEmptyOnes() throws {
        let site = try site()
        let ana = site.taxonomy(.people)!.term(named: "Ana")!
        let profile = TermProfile(site: site, term: ana, kind: .people)
        #expect(profile.months.map(\.count) == [1, 0, 2])
        #expect(profile.first.rfc3339.hasPrefix("2024-01-05") && profile.latest.rfc3339.hasPrefix("2024-03-20"))
    }

    @Test func coMentionsLeaveOutTheTermItselfAndRankByCount() throws {
        let site = try site()
        let ana = site.taxonomy(.people)!.term(named: "Ana")!
        let profile = TermProfile(site: site, term: ana, kind: .people)
        #expect(profile.people.map(\.name) == ["Bo", "Cy"])
        #expect(profile.people.map(\.count) == [2, 1])
        #expect(profile.countries.map(\.name) == ["Japan", "France"])
        #expect(profile.sections.map(\.name) == ["Politics", "Economy"])
    }

    @Test func timelineIsAnAccessibleInlineSVG() throws {
        let site = try site()
        let japan = site.taxonomy(.countries)!.term(named: "Japan")!
        let svg = TermProfile(site: site, term: japan, kind: .countries).timelineSVG()
        #expect(svg.hasPrefix("<svg class=\"timeline\""))
        #expect(svg.contains("role=\"img\" aria-label=\"3 articles from January 2024 to March 2024; the busiest month was March 2024 with 2.\""))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2, "one bar per month with articles")
    }

    @Test func aShortSpanIsSaidInASentenceNotDrawnAsSlabs() throws {
        let site = try site()
        let bo = TermProfile(site: site, term: site.taxonomy(.people)!.term(named: "Bo")!, kind: .people)
        #expect(!bo.hasTimeline)
        #expect(bo.sentence == "2 articles from January 2024 to March 2024.")
        let cy = TermProfile(site: site, term: site.taxonomy(.people)!.term(named: "Cy")!, kind: .people)
        #expect(cy.sentence == "1 article, in March 2024.")
        let economy = TermProfile(site: site, term: site.taxonomy(.sections)!.term(named: "Politics")!, kind: .sections)
        #expect(economy.sentence == "2 articles from January 2024 to March 2024.")
    }

    @Test func aTermSeenInOneMonthGetsNoChartOnItsPage() throws {
        let folder = TemporaryDirectory().write([
            "content/a.md": article("A", date: "2024-03-05", extra: "people: [Solo Person]\n"),
            "content/b.md": article("B", date: "2024-03-09", extra: "people: [Solo Person]\n"),
        ])
        try SiteBuilder(options: buildOptions(site: folder.path, output: folder.path + "/public")).build()
        let page = folder.read("public/people/solo-person/index.html") ?? ""
        #expect(!page.contains("<svg class=\"timeline\""))
        #expect(page.contains("2 articles, both in March 2024."))
    }
}
