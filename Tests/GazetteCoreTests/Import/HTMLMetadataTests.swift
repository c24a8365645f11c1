import Foundation
import Testing
@testable import GazetteCore

/// What an HTML page declares about its article, read into the front matter: JSON-LD's
/// lead image with its caption and credit, and microdata on any element.
@Suite struct HTMLMetadataTests {
    static let story = (1...5).map { i in
        "<p>Paragraph \(i) of the story: the council voted on the budget late on Tuesday after a long debate.</p>"
    }.joined(separator: "\n")

    @Test func theJSONLDLeadImageGivesTheImageItsCaptionAndItsCredit() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "The Site"},
              {"@type": "ReportageNewsArticle", "headline": "Council votes on the budget",
               "datePublished": "2023-04-05T09:30:00Z",
               "image": [{"@type": "ImageObject", "url": "https://example.com/b.jpg",
                          "caption": "The council chamber", "creditText": "Photo: Jane Doe"}]}]}</script>
            </head><body><article>\(Self.story)</article></body></html>
            """
        let page = HTMLPageReader().read(html)
        #expect(page.image == "https://example.com/b.jpg")
        #expect(page.imageCaption == "The council chamber" && page.imageCredit == "Jane Doe")
        var options = ImportOptions(paths: [], into: "/nonexistent", timeZone: .utc)
        options.defaultDate = ArticleDate(seconds: 0, offset: 0)
        let text = try Importer(options: options).article(from: page, source: "b.html", modified: Date()).get().fileText
        #expect(text.contains("image_caption: The council chamber\n") && text.contains("image_credit: Jane Doe\n"))
    }

    @Test func aCaptionForAnotherPhotoThanTheOpenGraphOneIsNotTaken() {
        let html = """
            <html><head><meta property="og:image" content="https://example.com/og.jpg">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council votes",
              "image": {"@type": "ImageObject", "url": "https://example.com/other.jpg", "caption": "Another photo"}}</script>
            </head><body><article>\(Self.story)</article></body></html>
            """
        let page = HTMLPageReader().read(html)
        #expect(page.image == "https://example.com/og.jpg" && page.imageCaption == nil)
    }

    @Test func microdataOnAnyElementGivesTheDateAndSection() {
        let html = """
            <html><body><div itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Council votes on the budget</h1>
            <meta itemprop="datePublished" content="2023-04-05T09:30:00+02:00">
            <time itemprop="dateModified" datetime="2023-04-05T11:00:00+02:00">11:00</time>
            <span itemprop="articleSection">Local Politics</span>
            <div itemprop="articleBody">\(Self.story)</div></div></body></html>
            """
        let page = HTMLPageReader().read(html)
        #expect(page.written == "2023-04-05T09:30:00+02:00" && page.updated == "2023-04-05T11:00:00+02:00")
        #expect(page.section == "Local Politics" && page.title == "Council votes on the budget")
    }
}
