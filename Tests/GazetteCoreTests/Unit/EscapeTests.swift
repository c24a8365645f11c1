import Foundation
import Testing
@testable import GazetteCore

@Suite struct EscapeTests {
    @Test func escapesMarkup() {
        #expect(Escape.markup("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func xmlDropsControlCharacters() {
        #expect(Escape.xml("a\u{0}b\u{1B}c") == "abc")
    }

    @Test func atomFeedParsesBackWithHostileTitles() throws {
        let entry = FeedEntry(title: "<script>alert(1)</script> & co", url: "https://e.org/a/", published: ArticleDate(seconds: 0, offset: 0),
                              updated: ArticleDate(seconds: 0, offset: 0), author: "A <b>", summary: "S & T", contentHTML: "<p>x</p>", tags: ["<t>"])
        let xml = AtomFeed(title: "T & T", subtitle: "", feedURL: "https://e.org/feed.xml", pageURL: "https://e.org/", language: "en", entries: [entry]).render()
        #expect(!xml.contains("<script>"))
        let titles = try XMLTitles.parse(xml)
        #expect(titles == ["T & T", "<script>alert(1)</script> & co"])
    }

    @Test func jsonFeedEscapesStrings() throws {
        let entry = FeedEntry(title: "\"quoted\" </script>", url: "https://e.org/a/", published: ArticleDate(seconds: 0, offset: 0),
                              updated: ArticleDate(seconds: 0, offset: 0), author: nil, summary: "", contentHTML: nil, tags: [])
        let json = JSONFeed(title: "T", description: "", homePageURL: "https://e.org/", feedURL: "https://e.org/feed.json", language: "en", entries: [entry]).render()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]]
        #expect(items?.first?["title"] as? String == "\"quoted\" </script>")
        #expect(object?["version"] as? String == "https://jsonfeed.org/version/1.1")
    }

    @Test func jsonStringsStayInertAndParseBack() throws {
        let text = "A \"quote\", a \\ back\tslash, </script> & <b>, line\u{2028}end\n, ünïcode 한국"
        let literal = Escape.jsonString(text)
        #expect(!literal.contains("<") && !literal.contains(">") && !literal.contains("&") && !literal.contains("\u{2028}"))
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(parsed == [text])
    }
}
