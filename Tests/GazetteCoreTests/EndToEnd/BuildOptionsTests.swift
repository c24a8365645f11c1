import Foundation
import Testing
@testable import GazetteCore

/// Command-line switches: drafts, embargo, base path, theme.
@Suite struct BuildOptionsTests {
    @Test func draftsAndFutureArticlesAppearWhenAskedFor() throws {
        let out = TemporaryDirectory()
        let report = try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path, drafts: true, future: true)).build()
        #expect(report.articles == 5)
        #expect(out.exists("2030/01/01/embargoed-until-2030/index.html"))
    }

    @Test func underABasePathEveryLinkStaysInside() throws {
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path, baseURL: "https://example.org/archive/")).build()
        let site = SiteInspector(root: out.path, basePath: "/archive/")
        #expect(site.brokenLinks() == [])
        #expect(site.read("index.html").contains("href=\"/archive/assets/style.css\""))
        #expect(site.read("feed.xml").contains("<link href=\"https://example.org/archive/feed.xml\" rel=\"self\""))
        #expect(site.read("sitemap.xml").contains("<loc>https://example.org/archive/people/</loc>"))
    }

    @Test func theThemeCanBeSwitched() throws {
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path, theme: "plain")).build()
        #expect(out.read("index.html")?.contains("<body class=\"plain\">") == true)
        #expect(out.exists("assets/plain.css"))
        #expect(SiteInspector(root: out.path).brokenLinks() == [])
    }

    @Test func siteTemplatesOverrideTheTheme() throws {
        let site = TemporaryDirectory().write([
            "content/a.md": article("Hello"),
            "templates/404.mustache": "{{<base}}{{$content}}<p>Custom lost page</p>{{/content}}{{/base}}",
        ])
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        #expect(out.read("404.html")?.contains("Custom lost page") == true)
        #expect(out.read("404.html")?.contains("class=\"masthead\"") == true)
    }

    @Test func configCanAllowRawHTML() throws {
        let site = TemporaryDirectory().write([
            "gazette.yml": "unsafe_html: true",
            "content/a.md": article("Hello", body: "Some <b>bold</b> text."),
        ])
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        #expect(out.read("2024/01/02/hello/index.html")?.contains("Some <b>bold</b> text.") == true)
    }

    @Test func aSiteWithNoArticlesStillBuilds() throws {
        let site = TemporaryDirectory().write(["content/README.txt": "empty"])
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        #expect(out.read("index.html")?.contains("No articles yet.") == true)
        #expect(SiteInspector(root: out.path).brokenLinks() == [])
    }
}
