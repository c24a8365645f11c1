import Foundation
import Testing
@testable import GazetteCore

/// Which part of an HTML page is the article: kinds of page layout that lost or padded the
/// body, each in a small page written for this test.
@Suite struct HTMLBodyExtractionTests {
    static let story = (1...6).map { i in
        "<p>Paragraph \(i) of the story, in which the minister said the talks would resume, officials added, and markets rose.</p>"
    }.joined(separator: "\n")

    func body(_ html: String) -> String {
        HTMLPageReader().read(html).paragraphs.joined(separator: "\n\n")
    }

    @Test func headingsListsAndQuotationsKeepTheirShapeInMarkdown() {
        let html = """
            <html><body><article>\(Self.story)
            <h2>What comes next</h2>
            <ul><li>The talks resume in May, the ministry said in its statement.</li><li>A vote follows in June.</li></ul>
            <ol><li>First, the budget is read.</li><li>Then the council votes.</li></ol>
            <blockquote>We will not give up on the talks, whatever happens next week.</blockquote>
            <h3>- 30 -</h3></article></body></html>
            """
        let paragraphs = HTMLPageReader().read(html).paragraphs
        #expect(paragraphs.contains("## What comes next"))
        #expect(paragraphs.contains("- The talks resume in May, the ministry said in its statement."))
        #expect(paragraphs.contains("- A vote follows in June."))
        #expect(paragraphs.contains("1. First, the budget is read."))
        #expect(paragraphs.contains("> We will not give up on the talks, whatever happens next week."))
        // The heading's own text is escaped like any other: no list inside the heading.
        #expect(paragraphs.contains("### \\- 30 -"))
    }

    @Test func linksAndEmphasisKeepTheirMarkupAndOtherTextIsEscaped() {
        let html = """
            <html><body><article>\(Self.story)
            <p>The <a href="https://example.com/report (final)">full report</a> is <strong>long</strong>, and
            <em> very </em> late; see <a href="/local">the archive</a> or <a href="javascript:alert(1)">this</a> for 2*3_4.</p>
            </article></body></html>
            """
        let paragraphs = HTMLPageReader().read(html).paragraphs
        let expected = "The [full report](https://example.com/report%20%28final%29) is **long**, and *very* late; "
            + "see the archive or this for 2\\*3\\_4."
        #expect(paragraphs.last == expected)
    }

    @Test func aStoryLaidOutInATableCellKeepsItsParagraphsAndLosesItsHeadline() {
        let paragraphs = (1...6).map { "Paragraph \($0) of the story, in which the council voted on the budget late at night." }
        let html = """
            <html><head><title>Council Passes Budget</title></head><body><table><tr>
            <td class="menu"><a href="/">Home</a><br><a href="/a">Archive</a></td>
            <td class="content"><font size="5"><b>Council Passes Budget</b></font><br><br>
            \(paragraphs.joined(separator: "<br><br>\n"))</td></tr></table></body></html>
            """
        #expect(HTMLPageReader().read(html).paragraphs == paragraphs)
    }

    @Test func aLinkToAnotherStoryInsideTheArticleIsNotBody() {
        let html = """
            <html><body><article>\(Self.story)
            <p><strong>Related:</strong> <a href="/r1">Mayor unveils a new transport plan for the district</a></p>
            <p>READ MORE: <a href="/r2">Council debates the budget into the night</a></p>
            <p>The mayor said the <a href="/plan">plan</a> would be published in full next week, after the vote.</p>
            </article></body></html>
            """
        let text = body(html)
        #expect(!text.contains("Mayor unveils") && !text.contains("Council debates"))
        #expect(text.contains("The mayor said the plan would be published"))
    }

    @Test func anArticleWrappedInAnElementNamedLikeASidebarIsStillFound() {
        let html = """
            <html><body><div id="navigation"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="panel-display panel-two-col-sidebar-right-mix">\(Self.story)</div>
            <footer>Copyright</footer></body></html>
            """
        let text = body(html)
        #expect(text.contains("Paragraph 1 of the story") && text.contains("Paragraph 6 of the story"))
        #expect(!text.contains("Home"))
    }

    @Test func aLongListOfLinkedNamesDoesNotOutweighTheStory() {
        let names = (1...400).map { "<a href=\"/users/u\($0)\">reader\($0)</a>" }.joined(separator: ", ")
        let html = """
            <html><body><div class="work"><div class="userstuff">\(Self.story)</div></div>
            <div id="kudos"><p class="kudos">\(names) left kudos on this work!</p></div></body></html>
            """
        let text = body(html)
        #expect(text.contains("Paragraph 3 of the story"))
        #expect(!text.contains("reader17"))
    }

    @Test func blocksHiddenByTheirStyleAreLeftOut() {
        let html = """
            <html><body><article>\(Self.story)
            <p style="display: none">A hidden paragraph that readers never see, about something else entirely.</p>
            <div style="visibility:hidden"><p>Another hidden paragraph, no reader sees this one either, at all.</p></div>
            </article></body></html>
            """
        let text = body(html)
        #expect(text.contains("Paragraph 6 of the story"))
        #expect(!text.contains("hidden paragraph"))
    }

    @Test func siblingBlocksOfTheArticleAreJoined() {
        let first = (1...4).map { "<p>First part \($0): the committee met on Monday, and the chair said the vote would wait.</p>" }.joined()
        let second = (1...4).map { "<p>Second part \($0): the opposition objected, saying the delay, again, served no one.</p>" }.joined()
        let html = """
            <html><body><div class="story"><div class="text-block">\(first)</div>
            <div class="ad-slot-inline">Advertisement</div>
            <div class="text-block">\(second)</div></div></body></html>
            """
        let text = body(html)
        #expect(text.contains("First part 1") && text.contains("Second part 4"))
    }

    @Test func aReadMoreWrapperHoldingMostOfTheStoryIsKept() {
        let more = (7...14).map { "<p>Paragraph \($0) of the story, behind the read-more button, where the analysis goes on at length.</p>" }.joined()
        let html = """
            <html><body><div class="story-body">\(Self.story)<div id="read-more"><div id="read-more-content">\(more)</div></div></div></body></html>
            """
        let text = body(html)
        #expect(text.contains("Paragraph 1 of the story") && text.contains("Paragraph 14 of the story"))
    }

    @Test func aGalleryWidgetOfManyCaptionsInsideTheArticleIsDropped() {
        let captions = (1...30).map { "<li><h2>Photo \($0)/30</h2><p>Caption \($0): a company, its shares, a long sentence about quarterly sales and a deal.</p></li>" }.joined()
        let html = """
            <html><body><article><div class="text-wrapper">\(Self.story)
            <div class="dnd-widget-wrapper type-gallery"><ul>\(captions)</ul></div></div></article></body></html>
            """
        let text = body(html)
        #expect(text.contains("Paragraph 6 of the story"))
        #expect(!text.contains("Caption 12"))
    }

    @Test func aPageWhoseOnlyArticleIsInsideFurnitureIsReadLoosely() {
        let html = """
            <html><body><div class="more-stories">\(Self.story)</div></body></html>
            """
        #expect(body(html).contains("Paragraph 2 of the story"))
    }
}

/// What a page declares in JSON-LD: metadata, and the body when the markup hides it.
@Suite struct StructuredDataTests {
    static let declared = """
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "The Daily Example"},
          {"@type": ["NewsArticle"], "headline": "Port strike ends after nine days",
           "datePublished": "2024-03-05T09:30:00+09:00", "dateModified": "2024-03-05T11:00:00+09:00",
           "author": [{"@type": "Person", "name": "Min Ye-jin"}, {"@type": "Person", "name": "Lee Do-hyun"}],
           "articleSection": ["Economy"], "publisher": {"@type": "Organization", "name": "Daily Example"},
           "articleBody": "Dock workers in Busan returned to work on Tuesday after a deal on pay, the union said.\\nThe strike had held up exports of cars and chips for more than a week, and shipping lines had begun to divert vessels to other ports in the region.\\nThe agreement raises wages by six percent over two years."}
        ]}</script>
        """

    @Test func theArticleInAGraphGivesTheMetadataThePageLacks() {
        let page = HTMLPageReader().read("<html><head>\(Self.declared)</head><body><p>Short teaser only.</p></body></html>")
        #expect(page.title == "Port strike ends after nine days")
        #expect(page.written == "2024-03-05T09:30:00+09:00" && page.updated == "2024-03-05T11:00:00+09:00")
        #expect(page.byline == "Min Ye-jin, Lee Do-hyun")
        #expect(page.section == "Economy" && page.source == "Daily Example")
    }

    @Test func theDeclaredBodyIsTakenWhenTheMarkupShowsFarLess() {
        let page = HTMLPageReader().read("<html><head>\(Self.declared)</head><body><div id=app><p>Loading…</p></div></body></html>")
        #expect(page.paragraphs.count == 3)
        #expect(page.paragraphs.first?.hasPrefix("Dock workers in Busan") == true)
    }

    @Test func theMarkupsBodyWinsWhenItHoldsTheArticle() {
        let story = (1...8).map { "<p>Paragraph \($0) as the page shows it, with more detail than the declared text has.</p>" }.joined()
        let page = HTMLPageReader().read("<html><head>\(Self.declared)</head><body><article>\(story)</article></body></html>")
        #expect(page.paragraphs.first?.hasPrefix("Paragraph 1 as the page shows it") == true)
    }

    @Test func brokenOrForeignJSONLDIsIgnored() {
        #expect(StructuredArticle(jsonLD: ["{not json", "{\"@type\": \"Recipe\", \"name\": \"Soup\"}"]) == nil)
        #expect(StructuredArticle(jsonLD: ["[{\"@type\": \"BlogPosting\", \"headline\": \"A post\"}]"])?.headline == "A post")
    }

    @Test func theLeadPhotoTheOpenGraphTagsNameIsKeptAsAURL() {
        let head = "<meta property=\"og:image\" content=\"https://img.example.net/ferry.jpg\">"
            + "<meta property=\"og:image:alt\" content=\"A ferry at the pier\">"
        let page = HTMLPageReader().read("<html><head>\(head)</head><body><article>\(HTMLBodyExtractionTests.story)</article></body></html>")
        #expect(page.image == "https://img.example.net/ferry.jpg")
        #expect(page.imageAlt == "A ferry at the pier")
        // A path relative to a site that is not here is no use to the archive.
        let relative = HTMLPageReader().read("<html><head><meta property=\"og:image\" content=\"/ferry.jpg\"></head>"
            + "<body><article>\(HTMLBodyExtractionTests.story)</article></body></html>")
        #expect(relative.image == nil)
    }

    @Test func thePagesOwnAddressBecomesAnAliasSoOldLinksStillLeadToIt() throws {
        let head = "<link rel=\"canonical\" href=\"https://old.example.com/news/view.htm?id=149306\">"
        let page = HTMLPageReader().read("<html><head>\(head)</head><body><article>\(HTMLBodyExtractionTests.story)</article></body></html>")
        #expect(page.canonicalURL == "https://old.example.com/news/view.htm?id=149306")
        let raw = TemporaryDirectory().write(["story.html": "<html><head><title>Talks resume</title>\(head)</head><body><article>"
            + HTMLBodyExtractionTests.story + "<p>Posted 2024-02-03.</p></article></body></html>"])
        let site = TemporaryDirectory()
        var options = ImportOptions(paths: [raw.path + "/story.html"], into: site.path + "/content", timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 1_706_918_400, offset: 0)
        _ = Importer(options: options).run()
        let written = try #require(FileManager.default.enumerator(atPath: site.path + "/content")?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix(".md") })
        let text = site.read("content/" + written) ?? ""
        #expect(text.contains("aliases: [\"https://old.example.com/news/view.htm?id=149306\"]"))
        let parsed = try ArticleParser(dates: DateParser(zone: .utc)).parse(text, file: "a.md").get()
        #expect(parsed.aliases == ["https://old.example.com/news/view.htm?id=149306"])
    }
}
