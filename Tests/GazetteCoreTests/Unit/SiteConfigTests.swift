import Testing
@testable import GazetteCore

@Suite struct SiteConfigTests {
    @Test func readsSettingsAndTaxonomies() throws {
        let config = try SiteConfig.parse("""
            title: Wire
            base_url: https://example.org/archive
            timezone: Asia/Seoul
            per_page: 5
            unsafe_html: true
            taxonomies:
              people:
                path: persons
                per_page: 7
                feed: false
              sections: false
            """, file: "gazette.yml")
        #expect(config.title == "Wire")
        #expect(config.baseURL.path == "/archive/")
        #expect(config.baseURL.absolute("feed.xml") == "https://example.org/archive/feed.xml")
        #expect(config.perPage == 5 && config.unsafeHTML)
        #expect(config.taxonomy(.people)?.path == "persons")
        #expect(config.taxonomy(.people)?.perPage == 7)
        #expect(config.taxonomy(.people)?.feed == false)
        #expect(config.taxonomy(.sections) == nil)
        #expect(config.taxonomy(.countries) != nil)
    }

    @Test func peopleAndCountriesAreOnByDefault() throws {
        let config = try SiteConfig.parse("title: X", file: "gazette.yml")
        #expect(config.taxonomy(.people)?.path == "people")
        #expect(config.taxonomy(.countries)?.path == "countries")
    }

    @Test func searchRelatedArticlesAndProfilesCanBeSetAndAreChecked() throws {
        let config = try SiteConfig.parse("search: false\nrelated_articles: 0\nprofiles: false\nsearch_phrases: true", file: "gazette.yml")
        #expect(!config.search && config.relatedArticles == 0 && !config.profiles && config.searchPhrases)
        #expect(SiteConfig().search && SiteConfig().relatedArticles == 5 && SiteConfig().profiles && !SiteConfig().searchPhrases)
        var caught: GazetteError?
        do { _ = try SiteConfig.parse("title: X\nrelated_articles: 50\nsearch: maybe", file: "gazette.yml") } catch { caught = error }
        #expect(caught?.diagnostics.compactMap(\.line) == [2, 3])
        #expect(caught?.diagnostics.allSatisfy { $0.file == "gazette.yml" } == true)
    }

    @Test func mistakesNameTheirLines() {
        var caught: GazetteError?
        do { _ = try SiteConfig.parse("title: X\nper_page: many\ntimezone: Mars\nbase_url: example.org\ncolour: red", file: "gazette.yml") } catch { caught = error }
        let lines = caught?.diagnostics.compactMap(\.line)
        #expect(lines == [2, 3, 4, 5])
        #expect(caught?.diagnostics.last?.message.hasPrefix("unknown setting 'colour'") == true)
    }
}
