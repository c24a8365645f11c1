import Foundation
import Testing
@testable import GazetteCore

/// Partials rendered once per build instead of on every page: site partials
/// (`templates/site/*.mustache`, included as `{{{site.html.NAME}}}`) and `term-link`.
@Suite struct RenderedAheadPartialsTests {
    func build(_ files: [String: String]) throws -> TemporaryDirectory {
        let site = TemporaryDirectory().write(["gazette.yml": "title: Ahead Times\nbase_url: https://example.org/\n"].merging(files) { $1 })
        let out = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: out.path)).build()
        return out
    }

    @Test func aSitePartialOfTheSiteIsIncludedByItsName() throws {
        let out = try build([
            "content/a.md": article("Hello"),
            "templates/site/banner.mustache": "<p class=\"banner\">{{site.title}}</p>\n",
            "templates/404.mustache": "{{<base}}{{$content}}{{{site.html.banner}}}{{/content}}{{/base}}",
        ])
        #expect(out.read("404.html")?.contains("<p class=\"banner\">Ahead Times</p>") == true)
    }

    @Test func aSitePartialSeesTheSiteButNoPage() throws {
        let out = try build([
            "content/a.md": article("Hello"),
            "templates/site/footer.mustache": "<footer>{{site.title}}|{{page.title}}|{{article.title}}</footer>\n",
        ])
        let page = out.read("2024/01/02/hello/index.html") ?? ""
        #expect(page.contains("<footer>Ahead Times||</footer>"))
        #expect(out.read("index.html")?.contains("<footer>Ahead Times||</footer>") == true)
    }

    @Test func theDefaultThemesChromeComesFromItsSitePartials() throws {
        let out = try build([
            "content/a.md": article("Hello"),
            "templates/site/masthead.mustache": "<header class=\"masthead\"><p>Own masthead of {{site.title}}</p></header>\n",
        ])
        for page in ["index.html", "2024/01/02/hello/index.html", "404.html", "archive/index.html"] {
            #expect(out.read(page)?.contains("<p>Own masthead of Ahead Times</p>") == true, "\(page)")
        }
    }

    @Test func termLinkDecidesHowEveryPersonCountryAndSectionIsLinked() throws {
        let out = try build([
            "content/a.md": article("Hello", extra: "section: Politics\npeople: [Ana Lima]\ncountries: [Japan]\n"),
            "templates/term-link.mustache": "{{#url}}<a class=\"term\" href=\"{{url}}\">{{name}}{{#code}} ({{.}}){{/code}}</a>{{/url}}\n",
        ])
        let page = out.read("2024/01/02/hello/index.html") ?? ""
        #expect(page.contains("<li><a class=\"term\" href=\"/people/ana-lima/\">Ana Lima</a></li>"))
        #expect(page.contains("<li><a class=\"term\" href=\"/countries/japan/\">Japan (JP)</a></li>"))
        #expect(page.contains("<p class=\"kicker\"><a class=\"term\" href=\"/sections/politics/\">Politics</a></p>"))
        #expect(out.read("index.html")?.contains("<p class=\"kicker\"><a class=\"term\" href=\"/sections/politics/\">Politics</a></p>") == true,
                "list entries link their section the same way")
    }

    @Test func aNameWithoutAPageIsShownAsText() throws {
        let out = try build([
            "gazette.yml": "title: Ahead Times\nbase_url: https://example.org/\ntaxonomies:\n  sections: false\n",
            "content/a.md": article("Hello", extra: "section: Politics\npeople: [Ana Lima]\n"),
        ])
        let page = out.read("2024/01/02/hello/index.html") ?? ""
        #expect(page.contains("<p class=\"kicker\">Politics</p>"))
        #expect(page.contains("<li><a href=\"/people/ana-lima/\">Ana Lima</a></li>"))
    }

    @Test func everyTemplatesHashCoversThePartialsRenderedAhead() {
        let texts = ["article": "{{<base}}{{/base}}", "base": "x", "404": "y", "term-link": "a", "site/masthead": "m"]
        let before = Theme.closureHashes(texts)
        var changed = texts
        changed["site/masthead"] = "m2"
        let afterMasthead = Theme.closureHashes(changed)
        changed["term-link"] = "b"
        let afterLink = Theme.closureHashes(changed)
        for page in ["article", "base", "404"] {
            #expect(before[page] != afterMasthead[page], "\(page) after a site partial change")
            #expect(afterMasthead[page] != afterLink[page], "\(page) after a term-link change")
        }
    }
}
