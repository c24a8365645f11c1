import Foundation
import Testing
@testable import GazetteCore

@Suite struct ArticleStarterTests {
    @Test func writesADraftDatedNowInTheSiteZone() throws {
        let dir = TemporaryDirectory()
        var config = SiteConfig()
        config.timeZone = SiteTimeZone("+09:00")!
        let path = try ArticleStarter(config: config, contentDirectory: dir.path).create(title: "Rain: \"heavy\"", section: "Weather", now: testNow)
        #expect(path == dir.path + "/2026/01/rain-heavy.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let article = try ArticleParser(dates: DateParser(zone: .utc)).parse(text, file: path).get()
        #expect(article.title == "Rain: \"heavy\"")
        #expect(article.date.rfc3339 == "2026-01-01T09:00:00+09:00")
        #expect(article.section == "Weather" && article.draft)
    }

    @Test func neverReplacesAnExistingFile() throws {
        let dir = TemporaryDirectory()
        let starter = ArticleStarter(config: SiteConfig(), contentDirectory: dir.path)
        _ = try starter.create(title: "Same", section: nil, now: testNow)
        #expect(throws: GazetteError.self) { try starter.create(title: "Same", section: nil, now: testNow) }
    }
}
