import Testing
@testable import GazetteCore

@Suite struct TextPageReaderTests {
    let reader = TextPageReader()

    @Test func readsGluedStampsAndTheRepeatedTitle() {
        let page = reader.read("Politics\n\nTalks resume\n\nWritten: 2019-11-12 15:46:21Updated: 2019-11-12 16:07:42\n\nTalks resume\n\nThe two sides met on Monday and agreed to meet again next month in the capital.")
        #expect(page.section == "Politics" && page.title == "Talks resume")
        #expect(page.written == "2019-11-12 15:46:21" && page.updated == "2019-11-12 16:07:42")
        #expect(page.paragraphs == ["The two sides met on Monday and agreed to meet again next month in the capital."])
    }

    @Test func readsWriteAndUpdateLabelsAndASingleStamp() {
        #expect(PageLines.stamps("Write: 2020-01-02 03:04:05Update: 2020-01-02 04:00:00")! == ("2020-01-02 03:04:05", "2020-01-02 04:00:00"))
        #expect(PageLines.stamps("Written: 2020.01.02 03:04")! == ("2020-01-02 03:04", nil))
        #expect(PageLines.stamps("Updated: 2020-01-02")! == (nil, "2020-01-02"))
        #expect(PageLines.stamps("Written by the desk") == nil)
    }

    @Test(arguments: [("Photo : YONHAP News", "YONHAP News"), ("Thumbnail : KBS", "KBS"), ("ⓒ Reuters", "Reuters"), ("(Photo: AFP)", "AFP")])
    func readsPhotoCredits(_ line: String, _ credit: String) {
        #expect(PageLines.photoCredit(line) == credit)
    }

    @Test func bylineAndSourceComeFromTheSignOffWhichLeavesTheBody() {
        let page = reader.read("Title here\n\nAnchor: Prices rose again in the capital this week, officials said on Monday.\nChoi You Sun has the details.\n\nReport: More text follows here in the report from the scene today.\nChoi You Sun, KBS World Radio News.")
        #expect(page.byline == "Choi You Sun" && page.source == "KBS World Radio News")
        #expect(page.paragraphs == ["**Anchor:** Prices rose again in the capital this week, officials said on Monday.\nChoi You Sun has the details.",
                                   "**Report:** More text follows here in the report from the scene today."])
    }

    @Test func aHandOffClosingTheAnchorsParagraphIsTheByline() {
        let page = reader.read("Parties Clash Over Bill\n\n2020-11-30\n\nThe parties clashed again on Monday over the bill as the session nears its end. Our Park Soo-jin has the story.\n\nReport: The ruling party wants a vote this week, while the opposition says it will not attend.")
        #expect(page.byline == "Park Soo-jin")
    }

    @Test func anEmailCreditEndingTheStoryIsTheBylineNotBody() {
        let page = reader.read("Typhoon Closes Airport\n\nWritten: 2022-09-05 16:20:11\n\nAll flights to and from the island were canceled on Monday as the typhoon approached the coast.\n\nReporter Choi Min-ji (minji@example.kr)")
        #expect(page.byline == "Choi Min-ji")
        #expect(page.paragraphs == ["All flights to and from the island were canceled on Monday as the typhoon approached the coast."])
        #expect(PageLines.emailCredit("lee.jihye@example.com") == "")
        #expect(PageLines.emailCredit("Write to us at desk@example.com with your tips.") == nil)
    }

    @Test func theLabelRightAboveTheTitleIsTheSectionEvenWhenTheMenuHadIt() {
        let page = reader.read("Home\nNational\nPolitics\nEconomy\nKorean\n\nNational\n\nSeoul to Expand Free Bus Passes for Seniors\n\nBy Lee Ji-hyePublished : May 10, 2022 - 19:37\n\nThe city said on Tuesday it will extend free bus passes to residents over 70 from next spring.")
        #expect(page.section == "National" && page.title == "Seoul to Expand Free Bus Passes for Seniors")
        #expect(page.byline == "Lee Ji-hye")
    }

    @Test func aNameWithTheReportersRoleUnderItIsTheByline() {
        let page = reader.read("Leaders Agree to Hold Talks\n\nLee Ji-hye\nStaff Reporter\n\n2021-03-03 10:00\n\nThe leaders agreed on Monday to hold talks next month in the capital, officials said.")
        #expect(page.byline == "Lee Ji-hye" && page.title == "Leaders Agree to Hold Talks")
    }

    @Test func aWiresEndMarkIsTheSourceNotBody() {
        let page = reader.read("Japan to Ease Entry Rules\n\nTOKYO, Jan. 5 -- Japan will ease entry rules for foreign students from next month, the minister said.\n\n==Kyodo")
        #expect(page.source == "Kyodo")
        #expect(page.paragraphs == ["TOKYO, Jan. 5 -- Japan will ease entry rules for foreign students from next month, the minister said."])
    }

    @Test func aWritersRoleAfterTheBylineIsNotTheSource() {
        #expect(PageLines.byLine("By Daniel Brooks, Contributing Writer")! == ("Daniel Brooks", nil))
        #expect(PageLines.byLine("By Mari Yamaguchi, Associated Press")! == ("Mari Yamaguchi", "Associated Press"))
    }

    @Test func aBreadcrumbsLastStepIsTheSection() {
        let page = reader.read("Home > Business\n\nShipbuilders Win Record Orders\n\nUpdated on 2023-11-02 14:20\n\nThe three largest shipbuilders won record orders for gas carriers this year, data showed Thursday.")
        #expect(page.section == "Business" && page.title == "Shipbuilders Win Record Orders")
    }

    @Test func aProgrammesNameWithItsHourIsNoSection() {
        let page = reader.read("News 9\n\nParties Clash Over Special Counsel Bill\n\n2020-11-30\n\nThe ruling and opposition parties clashed again on Monday over the bill as the session nears its end.")
        #expect(page.section == nil && page.title == "Parties Clash Over Special Counsel Bill")
    }

    @Test func soundBitesBecomeItalicNotes() {
        let page = reader.read("Title\n\nReport: The minister spoke to reporters at length after the meeting on Friday.\n\n[Sound bite: Kim Min-su - Minister (Korean)]")
        #expect(page.paragraphs.last == "*\\[Sound bite: Kim Min-su - Minister (Korean)\\]*")
    }

    @Test func gluedSentencesAreSeparatedButAbbreviationsNumbersAndDomainsStay() {
        #expect(ProseCleaner.unglueSentences("next week.The ministry said") == "next week. The ministry said")
        #expect(ProseCleaner.unglueSentences("the U.S. and 3.5 percent at www.kbs.co.kr today") == "the U.S. and 3.5 percent at www.kbs.co.kr today")
        #expect(ProseCleaner.unglueSentences("talks with the U.S.The envoy") == "talks with the U.S. The envoy")
        #expect(ProseCleaner.unglueSentences("he said.\"We will\"") == "he said.\"We will\"")
    }

    @Test func aLineBrokenMidSentenceIsJoined() {
        #expect(ProseCleaner.joinLines(["The government said it would", "expand support."]) == "The government said it would expand support.")
        #expect(ProseCleaner.joinLines(["First sentence.", "Second sentence."]) == "First sentence.\nSecond sentence.")
    }

    @Test func paragraphsSeparatedBySingleLineBreaksAreSplit() {
        let page = reader.read("Headline of the day\nWritten: 2024-03-04 14:00:00\nFirst paragraph of the story is here and it ends now.\nSecond paragraph also ends with a full stop here.\nThird one, broken in the\nmiddle of its sentence.")
        #expect(page.paragraphs == ["First paragraph of the story is here and it ends now.", "Second paragraph also ends with a full stop here.", "Third one, broken in the middle of its sentence."])
    }

    @Test func aPageWithNoTitleGetsOneFromItsFirstSentence() {
        let page = reader.read("North Korea fired two short-range ballistic missiles into the East Sea on Thursday morning, according to the Joint Chiefs of Staff. More follows.")
        // The first sentence is 128 characters: cut at the last word boundary within 90.
        #expect(page.title == "North Korea fired two short-range ballistic missiles into the East Sea on Thursday…")
    }

    @Test func aTitleFromTheFirstSentenceLeavesOutTheDatelineAndKeepsAbbreviations() {
        #expect(Headline.fromFirstSentence("SEOUL, Oct. 3 (Yonhap) -- Talks with the U.S. resumed on Tuesday. More later.") == "Talks with the U.S. resumed on Tuesday")
    }

    @Test func chromeNeverReachesTheBody() {
        let page = reader.read("Menu Content\nGo Top\n\nTitle\n\nThe story itself is this line, which is long enough to be prose here.\n\nRelated News\n\nAnother headline\n\nEditor's Pick\n\nClose\n\nThis website uses cookies and other technology.")
        #expect(page.paragraphs == ["The story itself is this line, which is long enough to be prose here."])
    }

    @Test func markdownSyntaxInTheTextIsEscaped() {
        #expect(BodyBlocks.markdown("# not a heading, *not* emphasis <b>") == "\\# not a heading, \\*not\\* emphasis \\<b>")
        #expect(BodyBlocks.markdown("1. not a list") == "1\\. not a list")
    }
}

/// The byte walk that splits lines agrees with Swift's own idea of a line break.
@Suite struct TextLinesTests {
    @Test(arguments: ["a\nb", "a\r\nb\rc", "\n\nx\n", "", "x", "a\u{0B}b\u{0C}c\u{85}d\u{2028}e\u{2029}f", "한국\r\n日本\n", "é\u{301}\nz", "trailing\n"])
    func splitsWhereCharacterIsNewlineSplits(_ text: String) {
        #expect(TextLines.split(text) == text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline))
        #expect(TextLines.split(text, omittingEmpty: true) == text.split(whereSeparator: \.isNewline))
    }
}
