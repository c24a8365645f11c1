import Foundation
import Testing
@testable import GazetteCore

/// Feeds and WordPress exports: each post an article, its categories and tags kept.
@Suite struct FeedImportTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Harbour Wire</title><link>https://wire.example/</link>
        <item><title>Port strike ends after nine days</title><link>https://wire.example/news/view.htm?id=149306</link>
          <guid>https://wire.example/news/149306</guid><pubDate>Tue, 05 Mar 2024 09:30:00 +0900</pubDate>
          <dc:creator>Min Ye-jin</dc:creator><category>Economy</category>
          <description>A short teaser.</description>
          <content:encoded><![CDATA[<p>Dock workers in Busan returned to work on Tuesday, the union said.</p>
          <p>Labor Minister Lee Jung-sik welcomed the deal, and shipping lines in Japan resumed calls.</p>
          <script>alert(1)</script>]]></content:encoded></item>
        <item><title>Ferry service resumes</title><guid>https://wire.example/news/149307</guid>
          <pubDate>Wed, 06 Mar 2024 10:00:00 +0900</pubDate><description>&lt;p&gt;The ferry to Jeju runs again from Thursday.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>The Example Post</title>
        <entry><title>Rates held again</title><id>tag:example.org,2024:rates</id>
          <link rel="alternate" href="https://example.org/2024/01/rates"/>
          <published>2024-01-11T10:45:00+09:00</published><updated>2024-01-11T12:00:00+09:00</updated>
          <author><name>Lee Do-hyun</name></author><category term="Economy"/>
          <content type="html">&lt;p&gt;The Bank of Korea kept its rate on hold for an eighth meeting.&lt;/p&gt;</content></entry>
        </feed>
        """

    static let wxr = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Old Site</title>
        <item><title>Summit in Tokyo</title><dc:creator>admin</dc:creator>
          <content:encoded><![CDATA[Leaders met in Tokyo on Friday.

        They agreed to meet again next year.]]></content:encoded>
          <wp:post_id>42</wp:post_id><wp:post_date_gmt>2023-05-19 01:00:00</wp:post_date_gmt>
          <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
          <category domain="category" nicename="world"><![CDATA[World]]></category>
          <category domain="post_tag" nicename="japan"><![CDATA[Japan]]></category>
          <category domain="post_tag" nicename="kishida"><![CDATA[Fumio Kishida]]></category>
          <category domain="post_tag" nicename="diplomacy"><![CDATA[diplomacy]]></category></item>
        <item><title>Unfinished piece</title><content:encoded><![CDATA[<p>Notes for later, not yet published anywhere.</p>]]></content:encoded>
          <wp:post_id>43</wp:post_id><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
        <item><title>About us</title><content:encoded><![CDATA[<p>A page, not a post.</p>]]></content:encoded>
          <wp:post_id>2</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
        </channel></rss>
        """

    func imported(_ name: String, _ text: String) throws -> [String: String] {
        let raw = TemporaryDirectory().write([name: text])
        let content = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: content.path, timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 1_700_000_000, offset: 32_400)
        let report = Importer(options: options).run()
        #expect(report.failed.isEmpty, "\(report.failed)")
        var files: [String: String] = [:]
        for outcome in report.outcomes { if let path = outcome.article { files[path] = content.read(path) } }
        return files
    }

    @Test func eachRSSItemIsAnArticleWithItsFullContent() throws {
        let files = try imported("wire.rss", Self.rss)
        #expect(files.count == 2)
        let strike = try #require(files["2024/03/port-strike-ends-after-nine-days.md"])
        #expect(strike.contains("date: 2024-03-05T09:30:00+09:00"))
        #expect(strike.contains("section: Economy") && strike.contains("byline: Min Ye-jin") && strike.contains("source: Harbour Wire"))
        #expect(strike.contains("Labor Minister Lee Jung-sik welcomed the deal"))
        #expect(!strike.contains("teaser") && !strike.contains("alert"))
        #expect(strike.contains("  - Lee Jung-sik") && strike.contains("  - Japan"))
        #expect(strike.contains("#https://wire.example/news/149306"), "each item is known by its guid")
        let ferry = try #require(files["2024/03/ferry-service-resumes.md"])
        #expect(ferry.contains("The ferry to Jeju runs again from Thursday."), "the description when there is no full content")
    }

    @Test func anAtomEntryIsAnArticle() throws {
        let files = try imported("feed.atom", Self.atom)
        let rates = try #require(files["2024/01/rates-held-again.md"])
        #expect(rates.contains("date: 2024-01-11T10:45:00+09:00") && rates.contains("updated: 2024-01-11T12:00:00+09:00"))
        #expect(rates.contains("byline: Lee Do-hyun") && rates.contains("section: Economy"))
        #expect(rates.contains("The Bank of Korea kept its rate on hold"))
    }

    @Test func aWordPressExportKeepsPostsDraftsAndTagsAndSkipsPages() throws {
        let files = try imported("export.xml", Self.wxr)
        #expect(files.count == 2, "\(files.keys)")
        let summit = try #require(files["2023/05/summit-in-tokyo.md"])
        #expect(summit.contains("date: 2023-05-19T01:00:00Z"), "WordPress's date in UTC")
        #expect(summit.contains("section: World"))
        #expect(summit.contains("countries:\n  - Japan"))
        #expect(summit.contains("people:\n  - Fumio Kishida"))
        #expect(summit.contains("tags: [\"diplomacy\"]"))
        #expect(summit.contains("Leaders met in Tokyo on Friday.\n\nThey agreed to meet again next year."))
        let draft = try #require(files.first { $0.key.hasSuffix("unfinished-piece.md") }?.value)
        #expect(draft.contains("draft: true"))
        // What the import writes, the build reads: the draft stays out of the site.
        let article = try ArticleParser(dates: DateParser(zone: .utc)).parse(draft, file: "x.md").get()
        #expect(article.draft)
    }

    @Test func importingAFeedAgainChangesNothing() throws {
        let raw = TemporaryDirectory().write(["wire.rss": Self.rss])
        let content = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path], into: content.path, timeZone: SiteTimeZone("+09:00")!)
        options.defaultDate = ArticleDate(seconds: 1_700_000_000, offset: 32_400)
        _ = Importer(options: options).run()
        let again = Importer(options: options).run()
        #expect(again.outcomes.map(\.status) == [.unchanged, .unchanged])
    }

    @Test func aFeedThatIsNotWellFormedIsNamed() {
        let raw = TemporaryDirectory().write(["broken.xml": "<rss version=\"2.0\"><channel><item><title>Open"])
        var options = ImportOptions(paths: [raw.path], into: TemporaryDirectory().path, timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        let report = Importer(options: options).run()
        #expect(report.failed.count == 1)
        #expect(report.failed.first?.message?.contains("cannot read this feed") == true)
    }
}

@Suite struct RFC822DateTests {
    @Test(arguments: [
        ("Tue, 05 Mar 2024 09:30:00 +0900", "2024-03-05T09:30:00+09:00"),
        ("5 Mar 2024 09:30 GMT", "2024-03-05T09:30:00+00:00"),
        ("Wed, 06 Mar 24 10:00:00 EST", "2024-03-06T10:00:00-05:00"),
        ("Thu, 07 March 2024 23:59:59 -0330", "2024-03-07T23:59:59-03:30"),
        ("07 Mar 2024 08:00", "2024-03-07T08:00:00"),
    ])
    func readsTheFormsFeedsUse(_ text: String, _ iso: String) {
        #expect(RFC822Date.iso(text) == iso)
    }

    @Test(arguments: ["2024-03-05", "Tue, 32 Mar 2024 09:30:00 +0900", "05 Foo 2024 09:30", "yesterday"])
    func refusesWhatItCannotRead(_ text: String) {
        #expect(RFC822Date.iso(text) == nil)
    }
}
