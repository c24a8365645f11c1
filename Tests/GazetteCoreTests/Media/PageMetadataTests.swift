import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GazetteCore

/// What search engines and social networks read: JSON-LD parsed back with a JSON parser and
/// held to the properties Google's article documentation lists, Open Graph read back from
/// the head, and the sitemaps parsed as XML.
@Suite struct PageMetadataTests {
    static func jsonLD(in html: String) throws -> [[String: Any]] {
        try html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { part in
            let json = part.components(separatedBy: "</script>")[0]
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
    }

    /// `property` or `name` → contents of every meta tag of the head.
    static func metaTags(in html: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for part in html.components(separatedBy: "<meta ").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            func attribute(_ name: String) -> String? {
                guard let start = tag.range(of: name + "=\"") else { return nil }
                return String(tag[start.upperBound...].prefix { $0 != "\"" })
            }
            if let key = attribute("property") ?? attribute("name"), let content = attribute("content") {
                out[key, default: []].append(content.replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return out
    }

    @Test func anArticleIsANewsArticleWithEveryPropertyGoogleLists() throws {
        let site = PhotoSite(config: "logo: /assets/logo.png\n")
        try site.build()
        let data = try Self.jsonLD(in: site.storyPage)
        let article = try #require(data.first { $0["@type"] as? String == "NewsArticle" })
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["headline"] as? String == "Harbour cranes stand still")
        #expect(article["datePublished"] as? String == "2024-03-05T09:30:00+09:00")
        #expect(article["dateModified"] as? String == "2024-03-05T09:30:00+09:00")
        let authors = try #require(article["author"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Kim Ji-won", "Lee Min-ho"])
        #expect(authors.allSatisfy { $0["@type"] as? String == "Person" })
        let image = try #require((article["image"] as? [[String: Any]])?.first)
        #expect((image["url"] as? String)?.hasPrefix("https://example.org/images/") == true)
        #expect(image["width"] as? Int == 1200 && image["height"] as? Int == 1600)
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["name"] as? String == "Photo Times")
        #expect((publisher["logo"] as? [String: Any])?["url"] as? String == "https://example.org/assets/logo.png")
        #expect(article["articleSection"] as? String == "Economy")
        let mentions = try #require(article["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["@type"] as? String } == ["Person", "Country"])
        #expect(mentions.first?["url"] as? String == "https://example.org/people/kim-ji-won/")
        let crumbs = try #require(data.first { $0["@type"] as? String == "BreadcrumbList" })
        let items = try #require(crumbs["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(items.last?["item"] as? String == "https://example.org/2024/03/05/harbour-cranes-stand-still/")
    }

    @Test func openGraphAndTwitterTagsDescribeTheArticle() throws {
        let site = PhotoSite()
        try site.build()
        let tags = Self.metaTags(in: site.storyPage)
        #expect(tags["og:type"] == ["article"])
        #expect(tags["og:title"] == ["Harbour cranes stand still"])
        #expect(tags["og:url"] == ["https://example.org/2024/03/05/harbour-cranes-stand-still/"])
        #expect(tags["og:image:width"] == ["1200"] && tags["og:image:height"] == ["1600"])
        #expect(tags["article:published_time"] == ["2024-03-05T09:30:00+09:00"])
        #expect(tags["article:section"] == ["Economy"])
        #expect(tags["article:tag"] == ["Kim Ji-won", "South Korea"])
        #expect(tags["twitter:card"] == ["summary_large_image"])
        // An article without a photo gets the small card.
        let plain = Self.metaTags(in: site.inspector.read("2024/03/01/no-photos-here/index.html"))
        #expect(plain["twitter:card"] == ["summary"] && plain["og:image"] == nil)
    }

    @Test func aTitleCannotCloseTheScriptThatHoldsIt() throws {
        let site = PhotoSite()
        site.folder.write(["content/x.md": article("Breaking </script><script>alert(1)</script> & more")])
        try site.build()
        let page = site.inspector.read("2024/01/02/breaking-script-script-alert-1-script-more/index.html")
        #expect(!page.contains("<script>alert(1)"))
        let article = try #require(try Self.jsonLD(in: page).first)
        #expect(article["headline"] as? String == "Breaking </script><script>alert(1)</script> & more")
        #expect(Self.metaTags(in: page)["og:title"] == ["Breaking &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; & more"])
    }

    @Test func peopleAndCountriesAreProfilePagesAndTheHomePageOffersSearch() throws {
        let site = PhotoSite()
        try site.build()
        let person = try #require(try Self.jsonLD(in: site.inspector.read("people/kim-ji-won/index.html")).first)
        #expect(person["@type"] as? String == "ProfilePage")
        #expect((person["mainEntity"] as? [String: Any])?["@type"] as? String == "Person")
        let country = try #require(try Self.jsonLD(in: site.inspector.read("countries/south-korea/index.html")).first)
        #expect((country["mainEntity"] as? [String: Any])?["identifier"] as? String == "KR")
        let home = try #require(try Self.jsonLD(in: site.inspector.read("index.html")).first)
        #expect(home["@type"] as? String == "WebSite")
        let action = try #require(home["potentialAction"] as? [String: Any])
        #expect((action["target"] as? [String: Any])?["urlTemplate"] as? String == "https://example.org/search/?q={search_term_string}")
    }

    @Test func theSitemapListsEachArticlesPhotos() throws {
        let site = PhotoSite()
        try site.build()
        let xml = site.inspector.read("sitemap.xml")
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        let story = try #require(xml.components(separatedBy: "<url>").first { $0.contains("harbour-cranes-stand-still") })
        #expect(story.components(separatedBy: "<image:image>").count == 3, "the lead photo and the chart")
        #expect(story.contains("camera-1200.jpg</image:loc>"))
    }

    @Test func theNewsSitemapListsTheLastTwoDaysInGooglesFormat() throws {
        let site = PhotoSite()
        site.folder.write([
            "content/today.md": article("Today's & news", date: "2025-12-31T18:00:00Z"),
            "content/old.md": article("Last week", date: "2025-12-24T18:00:00Z"),
        ])
        try site.build()
        let xml = site.inspector.read("news-sitemap.xml")
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        #expect(xml.contains("<news:name>Photo Times</news:name><news:language>en</news:language>"))
        #expect(xml.contains("<news:publication_date>2025-12-31T18:00:00Z</news:publication_date>") || xml.contains("2025-12-31T18:00:00+00:00"))
        #expect(xml.contains("<news:title>Today&#39;s &amp; news</news:title>"))
        #expect(!xml.contains("Last week"))
        #expect(site.inspector.read("robots.txt").contains("Sitemap: https://example.org/news-sitemap.xml"))
    }
}
