import Testing
@testable import GazetteCore

@Suite struct DateParserTests {
    let seoul = DateParser(zone: SiteTimeZone("+09:00")!)

    @Test func readsISO8601WithOffset() {
        let date = seoul.parse("2019-11-12T15:46:21-05:00")
        #expect(date?.rfc3339 == "2019-11-12T15:46:21-05:00")
        #expect(date?.seconds == 1_573_591_581)
    }

    @Test func readsUTC() {
        #expect(seoul.parse("2019-11-12T06:46:21Z")?.rfc3339 == "2019-11-12T06:46:21Z")
    }

    @Test func readsDatesWithoutOffsetInTheSiteZone() {
        #expect(seoul.parse("2019-11-12 15:46")?.rfc3339 == "2019-11-12T15:46:00+09:00")
        #expect(seoul.parse("2019-11-12")?.rfc3339 == "2019-11-12T00:00:00+09:00")
    }

    @Test func readsNamedZonesWithSummerTime() {
        let newYork = DateParser(zone: SiteTimeZone("America/New_York")!)
        #expect(newYork.parse("2024-07-01 12:00")?.rfc3339 == "2024-07-01T12:00:00-04:00")
        #expect(newYork.parse("2024-01-01 12:00")?.rfc3339 == "2024-01-01T12:00:00-05:00")
    }

    @Test(arguments: ["2019-13-01", "2019-02-30", "12/11/2019", "2019-11-12T25:00", "yesterday", "2019-11-12T10:00+99:00"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(seoul.parse(text) == nil)
    }

    @Test func unknownZoneNameIsRejected() {
        #expect(SiteTimeZone("Mars/Olympus") == nil)
    }
}
