import Testing
@testable import GazetteCore

@Suite struct RelatedArticlesTests {
    func site(_ specs: [(String, String, String)]) throws -> Site {
        let parser = ArticleParser(dates: DateParser(zone: .utc))
        let articles = try specs.map { title, date, tags in try parser.parse(article(title, date: date, extra: tags), file: title + ".md").get() }
        return try Site(config: SiteConfig(), articles: articles)
    }

    func related(_ site: Site, of title: String) -> [String] {
        let i = site.articles.firstIndex { $0.title == title }!
        return RelatedArticles.compute(site: site)[i].map { site.articles[$0].title }
    }

    @Test func aSharedRareNameCountsMoreThanASharedCommonOne() throws {
        var specs = [
            ("Main", "2024-01-10", "people: [Rare Person]\ncountries: [South Korea]\n"),
            ("Shares the rare name", "2022-01-01", "people: [Rare Person]\n"),
            ("Shares only the country", "2024-01-11", "countries: [South Korea]\n"),
        ]
        for k in 0..<6 { specs.append(("Filler \(k)", "2023-0\(k + 1)-01", "countries: [South Korea]\n")) }
        let s = try site(specs)
        #expect(related(s, of: "Main").first == "Shares the rare name")
    }

    @Test func nearnessInTimeBreaksTies() throws {
        let s = try site([
            ("Main", "2024-06-01", "people: [Ana]\n"),
            ("Far", "2020-06-01", "people: [Ana]\n"),
            ("Near", "2024-05-30", "people: [Ana]\n"),
        ])
        #expect(related(s, of: "Main") == ["Near", "Far"])
    }

    @Test func atMostFiveAndNeverItselfOrUnrelated() throws {
        var specs = [("Main", "2024-06-01", "people: [Ana]\n"), ("Unrelated", "2024-06-02", "people: [Bo]\n")]
        for k in 0..<8 { specs.append(("Other \(k)", "2024-05-0\(k + 1)", "people: [Ana]\n")) }
        let list = related(try site(specs), of: "Main")
        #expect(list.count == 5)
        #expect(!list.contains("Main") && !list.contains("Unrelated"))
    }
}
