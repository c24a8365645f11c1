import Foundation
import Testing
@testable import GazetteCore

/// Builds `Fixtures/sites/basic` and checks the site a reader would get.
@Suite struct BuildFixtureSiteTests {
    let out = TemporaryDirectory()
    let site: SiteInspector
    let report: BuildReport

    init() throws {
        report = try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path + "/public")).build()
        site = SiteInspector(root: out.path + "/public")
    }

    @Test func writesEveryKindOfPage() {
        for path in [
            "index.html", "page/2/index.html", "2024/03/05/parliament-passes-the-budget/index.html",
            "people/index.html", "people/by-name/index.html", "people/page/2/index.html", "people/kim-min-su/index.html",
            "countries/index.html", "countries/japan/index.html", "countries/japan/feed.xml",
            "sections/politics/index.html", "2024/index.html", "2024/03/index.html", "archive/index.html",
            "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "assets/style.css",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.root + "/" + path), "missing \(path)")
        }
    }

    @Test func summaryLineCountsWhatWasBuilt() {
        #expect(report.articles == 3)
        #expect(report.skippedDrafts == 1 && report.skippedFuture == 1)
        #expect(report.summary.hasPrefix("Built 3 articles into \(site.files.count) files (4 people, 2 countries)"))
    }

    @Test func everyInternalLinkResolves() {
        #expect(site.brokenLinks() == [])
    }

    @Test func articlePageShowsItsMetadataAndLinksItsTags() {
        let html = site.read("2024/03/05/parliament-passes-the-budget/index.html")
        #expect(html.contains("<h1 class=\"story-title\">Parliament passes the budget</h1>"))
        #expect(html.contains("By <span class=\"author\">Ana Lima</span>, <span class=\"source\">Fixture Wire</span>"))
        #expect(html.contains("datetime=\"2024-03-05T09:30:00+09:00\""))
        #expect(html.contains("Updated <time datetime=\"2024-03-05T12:00:00+09:00\""))
        #expect(html.contains("Photo: Fixture Photo Desk"))
        #expect(html.contains("<a href=\"/people/kim-min-su/\">Kim Min-su</a>"))
        #expect(html.contains("<a href=\"/countries/south-korea/\"><span class=\"flag\" aria-hidden=\"true\">🇰🇷</span> South Korea</a>"))
        #expect(html.contains("<td style=\"text-align: right\"><del>8</del> 9</td>"))
        #expect(html.contains("rel=\"prev\" href=\"/2024/03/04/harbour-reopens-after-the-storm/\""))
    }

    @Test func countryCodesFoldIntoTheirCountry() {
        let html = site.read("2024/03/05/parliament-passes-the-budget/index.html")
        // One link in the page (its structured data names the country's page once more).
        #expect(html.components(separatedBy: "href=\"/countries/south-korea/\"").count == 2)
        #expect(!html.contains("/countries/kr/"))
        #expect(!site.files.contains("countries/kr/index.html"))
    }

    @Test func namesWithTheSameSlugGetTheirOwnPages() {
        #expect(site.read("people/jose-ramos/index.html").contains("José Ramos") != site.read("people/jose-ramos-2/index.html").contains("José Ramos"))
        #expect(site.files.contains("people/jose-ramos-2/index.html"))
    }

    @Test func rawHTMLInMarkdownIsFiltered() {
        let html = site.read("2024/03/05/parliament-passes-the-budget/index.html")
        #expect(!html.contains("<script>alert(\"raw\")"))
        #expect(!html.contains("<b>bold raw html</b>"))
    }

    /// HTML and XML must escape it; JSON carries it as a JSON string (checked by EscapeTests).
    @Test func contentIsEscapedInEveryHTMLAndXMLFile() {
        for file in site.files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = site.read(file)
            #expect(!text.contains("<script>alert(1)"), "unescaped script in \(file)")
            #expect(!text.contains("<img src=x"), "unescaped img in \(file)")
            #expect(!text.contains("<b>Opinion"), "unescaped section in \(file)")
        }
        #expect(site.read("2023/12/31/script-alert-1-script-quotes/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
    }

    @Test func staticOutputCarriesNoLiveReloadScript() {
        #expect(!site.htmlFiles.contains { site.read($0).contains("__gazette") || site.read($0).contains("EventSource") })
    }

    @Test func draftsAndEmbargoedArticlesAreLeftOut() {
        #expect(!site.files.contains { $0.contains("unfinished-story") || $0.contains("embargoed") })
    }

    @Test func termPagesListNewestFirstAndPaginate() {
        let first = site.read("people/jose-ramos/index.html") + site.read("people/jose-ramos-2/index.html")
        #expect(first.contains("José Ramos") && first.contains("Jose Ramos"))
        let japan = site.read("countries/japan/index.html")
        let newer = japan.range(of: "Parliament passes the budget")!.lowerBound
        #expect(newer < japan.range(of: "Harbour reopens after the storm")!.lowerBound)
    }

    @Test func termIndexSortsByCountAndByName() {
        let byCount = site.read("people/index.html")
        let byName = site.read("people/by-name/index.html")
        #expect(byCount.contains("<span aria-current=\"page\">most articles</span>"))
        #expect(byName.contains("<span aria-current=\"page\">A to Z</span>"))
        // index_per_page is 2 in the fixture: four people make two pages each way.
        #expect(site.files.contains("people/by-name/page/2/index.html"))
    }

    @Test func atomFeedsParseAndCarryTheLatestEntries() throws {
        let titles = try XMLTitles.parse(site.read("feed.xml"))
        #expect(titles.first == "Fixture Times")
        #expect(titles.dropFirst() == ["Parliament passes the budget", "Harbour reopens after the storm", "<script>alert(1)</script> & \"quotes\""])
        #expect(try XMLTitles.parse(site.read("countries/japan/feed.xml")).count == 3)
    }

    @Test func jsonFeedParses() throws {
        let object = try JSONSerialization.jsonObject(with: Data(site.read("feed.json").utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect((object?["items"] as? [[String: Any]])?.count == 3)
    }

    @Test func sitemapListsEveryPageWithAbsoluteURLs() throws {
        let xml = site.read("sitemap.xml")
        _ = try XMLTitles.parse(xml)
        let locs = xml.components(separatedBy: "<loc>").count - 1
        #expect(locs == site.htmlFiles.count - 1)  // every page but 404.html
        #expect(xml.contains("<loc>https://example.org/2024/03/05/parliament-passes-the-budget/</loc><lastmod>2024-03-05T12:00:00+09:00</lastmod>"))
        #expect(site.read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
    }
}
