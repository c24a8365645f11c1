import Foundation
import Testing
@testable import GazetteCore

@Suite struct EntityRegistryTests {
    static let registry = """
        aliases:
          people:
            Yoon Seok-youl: Yoon Suk Yeol
          countries:
            Burma: Myanmar
        never:
          people: [Kim Chi]
        add:
          people: [Madonna]
        """

    @Test func importFollowsTheRegistry() throws {
        let dir = TemporaryDirectory().write(["entities.yml": Self.registry])
        var registry = try EntityRegistry.load(path: dir.path + "/entities.yml")
        #expect(registry.peopleAliases["Yoon Seok-youl"] == "Yoon Suk Yeol")
        let raw = TemporaryDirectory().write(["a.txt": "Summit ends\n\nWritten: 2024-01-01 09:00:00\n\nPresident Yoon Seok-youl met chef Kim Chi and the singer Madonna, who praised Burma.\n"])
        let content = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: content.path, timeZone: .utc)
        options.registry = registry
        let article = try #require(Importer(options: options).prepare().articles.first)
        #expect(article.people == ["Yoon Suk Yeol", "Madonna"])
        #expect(article.countries == ["Myanmar"])
        registry.neverPeople.insert("Madonna")
        #expect(registry.person("Madonna") == nil)
    }

    @Test func buildFollowsTheRegistryAndMergesSpellings() throws {
        let site = TemporaryDirectory().write([
            "entities.yml": Self.registry,
            "content/a.md": article("A", extra: "people: [Yoon Seok-youl, Moon Jae In]\ncountries: [Burma]\n"),
            "content/b.md": article("B", extra: "people: [Yoon Suk Yeol, Moon Jae-in, Kim Chi]\n"),
            "content/c.md": article("C", extra: "people: [Moon Jae-in]\n"),
        ])
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        #expect(out.exists("people/yoon-suk-yeol/index.html"))
        #expect(!out.exists("people/yoon-seok-youl/index.html"))
        #expect(!out.exists("people/kim-chi/index.html"))
        #expect(out.exists("people/moon-jae-in/index.html"))
        #expect(!out.exists("people/moon-jae-in-2/index.html"))
        #expect(out.exists("countries/myanmar/index.html"))

        let census = try EntityCensus.take(siteRoot: site.path)
        #expect(census.people.first == EntityCensus.Entry(name: "Moon Jae-in", count: 3, merged: ["Moon Jae In"]))
        #expect(census.people.contains(EntityCensus.Entry(name: "Yoon Suk Yeol", count: 2, merged: ["Yoon Seok-youl"])))
        #expect(census.report().contains("Moon Jae-in  (merged: Moon Jae In)"))
    }

    @Test func anArticlesNamesChangeOnlyWhenTheRegistryOrAMergeSaysSo() throws {
        var registry = EntityRegistry()
        registry.peopleAliases = ["Yoon Seok-youl": "Yoon Suk Yeol"]
        registry.neverPeople = ["Kim Chi"]
        func tagged(_ people: [String]) -> Article {
            Article(file: "/a.md", bodyOffset: 0, bodyLine: 1, title: "A", date: ArticleDate(seconds: 0, offset: 0), updated: nil,
                    section: nil, source: nil, byline: nil, photoCredit: nil, people: people, countries: [], summary: "",
                    slug: "a", draft: false, importedFrom: nil, params: [:])
        }
        let articles = [tagged(["Moon Jae-in", "Lee Jae-myung"]), tagged(["Moon Jae-in"]), tagged(["Moon Jae In", "Yoon Seok-youl", "Kim Chi", "Yoon Suk Yeol"])]
        let names = NameNormalizer(articles: articles, registry: registry)
        #expect(names.people(["Moon Jae-in", "Lee Jae-myung"]) == nil, "nothing to change: the article is kept as it is")
        #expect(names.people(["Moon Jae In", "Yoon Seok-youl", "Kim Chi", "Yoon Suk Yeol"]) == ["Moon Jae-in", "Yoon Suk Yeol"])
        #expect(names.people(["Lee Jae-myung", "Lee Jae-myung"]) == ["Lee Jae-myung"])
        #expect(names.people(["Kim Chi"]) == [])

        // An archive where every name stays as written: only repeats change a list.
        let plain = NameNormalizer(articles: [tagged(["Lee Jae-myung", "Ana Lima"])], registry: EntityRegistry())
        #expect(plain.people(["Lee Jae-myung", "Ana Lima"]) == nil)
        #expect(plain.people(["Ana Lima", "Lee Jae-myung", "Ana Lima"]) == ["Ana Lima", "Lee Jae-myung"])
    }

    @Test func mistakesInTheRegistryNameTheirLine() {
        let dir = TemporaryDirectory().write(["entities.yml": "aliases:\n  people: [not, a, map]\nextra: 1\n"])
        #expect(throws: GazetteError.self) { try EntityRegistry.load(path: dir.path + "/entities.yml") }
    }
}
