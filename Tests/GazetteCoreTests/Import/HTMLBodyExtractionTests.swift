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

    @Test func aPageWhoseOnlyArticleIsInsideFurnitureIsReadLoosely() {
        let html = """
            <html><body><div class="more-stories">\(Self.story)</div></body></html>
            """
        #expect(body(html).contains("Paragraph 2 of the story"))
    }
}
