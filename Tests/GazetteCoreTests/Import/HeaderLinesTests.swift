import Testing
@testable import GazetteCore

/// Titles and sections from page headers full of chrome (pages written for this test, in
/// the kinds of layout the import issue lists).
@Suite struct HeaderLinesTests {
    func page(_ header: String) -> ParsedPage { readTextPage(header: header) }

    @Test func aSkipLinkIsNotTheTitle() {
        let p = page("Go to Contents\n\nLeaders agree to resume border talks\n\nWritten: 2024-02-03 10:00:00")
        #expect(p.title == "Leaders agree to resume border talks")
    }

    @Test func aSubscriptionAdvertIsNotTheTitle() {
        let p = page("Subscribe now for unlimited access to every story, every day\n\nLeaders agree to resume talks\n\nWritten: 2024-02-03 10:00:00")
        #expect(p.title == "Leaders agree to resume talks")
    }

    @Test func theFirstHeadlineOfAMostPopularListBeforeTheArticleIsNotTheTitle() {
        let p = page("""
            Most Popular
            Star striker signs record contract with rival club after long saga
            Weather agency warns of heavy snow across the northern provinces
            Stock index closes at a three-month high on chip rally

            National

            Leaders agree to resume talks

            Published : May 10, 2022 - 19:37
            """)
        #expect(p.title == "Leaders agree to resume talks")
        #expect(p.section == "National")
        #expect(p.written == "2022-05-10 19:37")
    }

    @Test func thePublishedLineIsNeverTheTitle() {
        let p = page("Leaders agree to resume talks\n\nPublished : May 10, 2022 - 19:37  Updated : May 10, 2022 - 20:01")
        #expect(p.title == "Leaders agree to resume talks" && p.updated == "2022-05-10 20:01")
    }

    @Test(arguments: ["National", "All News", "Technology, Media and Telecommunications"])
    func aSectionLabelAboveTheTitleInTheWriteUpdateLayout(_ label: String) {
        let p = page("\(label)\n\nLeaders agree to resume talks\n\nWrite: 2020-01-02 03:04:05Update: 2020-01-02 04:00:00")
        #expect(p.section == label)
        #expect(p.title == "Leaders agree to resume talks")
    }

    @Test func aLanguageSwitchIsNeitherSectionNorTitle() {
        let p = page("Korean\n\nLeaders agree to resume talks\n\nWritten: 2024-02-03 10:00:00")
        #expect(p.section == nil && p.title == "Leaders agree to resume talks")
        #expect(Headline.isLanguageSwitch("English | 한국어 | 日本語"))
        #expect(!Headline.isLanguageSwitch("Korean War veterans honoured"))
    }

    @Test func aBylineGluedToThePublishedStamp() {
        let p = page("Leaders agree to resume talks\n\nBy Kim Min-suPublished : May 10, 2022 - 19:37")
        #expect(p.byline == "Kim Min-su")
        #expect(p.written == "2022-05-10 19:37")
        #expect(p.title == "Leaders agree to resume talks")
    }

    @Test func anAnchorsHandOffWithOur() {
        #expect(PageLines.handOff("Our Lee Ji-ho has the story.") == "Lee Ji-ho")
        #expect(PageLines.handOff("Our country has the story.") == nil)
    }
}
