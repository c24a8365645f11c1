import Testing
@testable import GazetteCore

/// The date forms of news pages beyond the numeric `Written:` stamp, each read from a page
/// header (pages written for this test, in the layouts the import issue lists).
@Suite struct DateLinesTests {
    func page(_ header: String) -> ParsedPage { readTextPage(header: header) }

    @Test func aTimeBeforeTheDate() {
        let p = page("Talks resume in the capital\n\n08:32 January 15, 2020")
        #expect(p.written == "2020-01-15 08:32" && p.title == "Talks resume in the capital")
    }

    @Test func aPublishedAndUpdatedStampWithMonthNames() {
        let p = page("Talks resume in the capital\n\nPublished : May 10, 2022 - 19:37  Updated : May 11, 2022 - 08:05")
        #expect(p.written == "2022-05-10 19:37" && p.updated == "2022-05-11 08:05")
    }

    @Test(arguments: ["Wednesday, January 15, 2020", "Wed. Jan 15, 2020", "Wed, 15 January 2020"])
    func aWeekdayBeforeTheDate(_ line: String) {
        let p = page("Talks resume in the capital\n\n\(line)")
        #expect(p.written == "2020-01-15" && p.title == "Talks resume in the capital")
    }

    @Test(arguments: [("Posted March 3, 2021 at 10:00 a.m.", "2021-03-03 10:00", false),
                      ("Published on 2021-03-03 22:15", "2021-03-03 22:15", false),
                      ("Last updated March 4, 2021 3:05 p.m.", "2021-03-04 15:05", true)])
    func aLabelWithoutAColon(_ line: String, _ date: String, _ isUpdate: Bool) {
        let p = page("Talks resume in the capital\n\n\(line)")
        #expect((isUpdate ? p.updated : p.written) == date)
        #expect(p.title == "Talks resume in the capital")
    }

    @Test func aDateGluedToAnotherStorysHeadlineIsNotTheArticles() {
        let p = page("Most Popular\nHeat wave grips the southern provincesJanuary 14, 2020\nCourt upholds the sentence on appealJanuary 13, 2020\n\nTalks resume in the capital")
        #expect(p.written == nil && p.title == "Talks resume in the capital" && p.section == nil)
    }

    @Test func aDateGluedToTheHeadlineIsTheArticles() {
        let p = page("Talks resume in the capitalJanuary 15, 2020")
        #expect(p.written == "2020-01-15" && p.title == "Talks resume in the capital")
    }

    @Test func aDateGluedToAProgrammesName() {
        let p = page("News 9January 15, 2020\n\nTalks resume in the capital")
        #expect(p.written == "2020-01-15" && p.title == "Talks resume in the capital" && p.section == nil)
    }

    @Test func aPageShowingOnlyItsUpdateIsDatedByIt() {
        let p = page("Talks resume in the capital\n\nUpdated: 2020.01.15 08:32")
        #expect(p.written == "2020-01-15 08:32")
    }

    @Test func skipLinksAreNeitherSectionNorTitle() {
        let p = page("Go to Contents\nGo to Navigation\n\nTalks resume in the capital\n\nPosted : 2022-05-10 19:37")
        #expect(p.section == nil && p.title == "Talks resume in the capital")
    }

    @Test func aKoreanLabelledStampWithTimesInParentheses() {
        let p = page("Talks resume in the capital\n\n입력 2019.02.26 (15:25) 수정 2019.02.26 (15:28)")
        #expect(p.written == "2019-02-26 15:25" && p.updated == "2019-02-26 15:28")
    }

    @Test(arguments: [("January 15, 2020", "2020-01-15"), ("Jan. 15, 2020", "2020-01-15"), ("15 January 2020", "2020-01-15"),
                      ("2020-11-30", "2020-11-30"), ("March 3, 2021 3:46 PM KST", "2021-03-03 15:46")])
    func aDateOnItsOwnLine(_ line: String, _ date: String) {
        let p = page("Talks resume in the capital\n\n\(line)")
        #expect(p.written == date)
        #expect(p.title == "Talks resume in the capital")
    }

    @Test func aDateGluedToTheEndOfTheTitle() {
        let p = page("Summit ends in agreementJanuary 15, 2020")
        #expect(p.title == "Summit ends in agreement")
        #expect(p.written == "2020-01-15")
    }

    @Test func aDateInsideAHeadlineIsNotTheStamp() {
        #expect(DateLines.bareDate("Elections set for May 10, 2022 across the country") == nil)
        #expect(DateLines.gluedDate("Elections set for May 10, 2022") == nil)
        #expect(DateLines.bareDate("May 2022") == nil)
    }

    @Test func numericStampsKeepTheirSeconds() {
        #expect(PageLines.stamps("Written: 2019-11-12 15:46:21")?.written == "2019-11-12 15:46:21")
    }
}
