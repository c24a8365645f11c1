import Foundation
import Testing
@testable import GazetteCore

/// Incremental builds: after every kind of change, the output must be byte-identical to a
/// clean build's, and only files whose bytes change may be written.
@Suite struct IncrementalBuildTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }

    init() {
        var files: [String: String] = ["gazette.yml": "title: Inc Times\nbase_url: https://example.org/\nper_page: 3\nfeed_limit: 4\n"]
        let people = ["Ana Lima", "Kim Min-su", "José Ramos", "Lee Ji-ho", "Mark Hale"]
        let countries = ["Japan", "South Korea", "France", "Brazil"]
        for i in 0..<24 {
            let day = String(format: "%02d", i % 28 + 1)
            files["content/2024/\(i % 2 == 0 ? "03" : "04")/story-\(i).md"] = article(
                "Story number \(i)", date: "2024-0\(i % 2 == 0 ? 3 : 4)-\(day)T09:00:00+09:00",
                extra: "section: \(i % 3 == 0 ? "Politics" : "Economy")\npeople: [\(people[i % 5]), \(people[(i + 2) % 5])]\ncountries: [\(countries[i % 4])]\n",
                body: "Paragraph of story \(i).\n\nSecond paragraph.")
        }
        site.write(files)
    }

    @discardableResult
    func build(clean: Bool = false, into path: String? = nil) throws -> BuildReport {
        try buildSite(site.path, into: path ?? output, clean: clean)
    }

    /// The incremental output equals a clean build, file for file and byte for byte.
    func expectMatchesCleanBuild(_ note: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GazetteCoreTests.expectMatchesCleanBuild(site: site.path, output: output, note, sourceLocation: sourceLocation)
    }

    func modified(_ path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: output + "/" + path)[.modificationDate] as? Date
    }

    @Test func aRebuildWithNoChangesWritesNothing() throws {
        try build()
        let report = try build()
        #expect(report.writtenPaths == [])
        #expect(report.summary.contains("0 written, \(report.files) left alone"))
    }

    @Test func aRebuildWithNothingToDoStillSaysWhatWasLeftOut() throws {
        site.write(["content/draft.md": article("Not yet", extra: "draft: true\n")])
        #expect(try build().summary.hasSuffix("left out 1 draft"))
        let again = try build()
        #expect(again.writtenPaths == [] && again.summary.hasSuffix("left out 1 draft"))
    }

    @Test func aBodyEditRewritesThatArticleAndTheFeedsThatCarryIt() throws {
        try build()
        let before = modified("countries/brazil/index.html")
        Thread.sleep(forTimeInterval: 0.02)
        site.write(["content/2024/03/story-0.md": article("Story number 0", date: "2024-03-01T09:00:00+09:00",
            extra: "section: Politics\npeople: [Ana Lima, José Ramos]\ncountries: [Japan]\n", body: "A corrected first paragraph.\n\nSecond paragraph.")])
        let report = try build()
        #expect(report.writtenPaths.contains("2024/03/01/story-number-0/index.html"))
        // The summary is the first paragraph, so lists showing story 0 change too; nothing about Brazil does.
        #expect(!report.writtenPaths.contains { $0.contains("brazil") || $0.contains("story-number-5/") })
        #expect(modified("countries/brazil/index.html") == before)
        try expectMatchesCleanBuild("body edit")
    }

    @Test func aBodyEditPastTheSummaryRendersOnlyThatArticlesPage() throws {
        try build()
        site.write(["content/2024/03/story-0.md": article("Story number 0", date: "2024-03-01T09:00:00+09:00",
            extra: "section: Politics\npeople: [Ana Lima, José Ramos]\ncountries: [Japan]\n", body: "Paragraph of story 0.\n\nA rewritten second paragraph.")])
        // Its names' pages show coverage profiles, which count dates and names, not words: they
        // are not even rendered. (Story 0 is in none of the feeds: feed_limit is 4.)
        let pages = PageCount()
        try SiteBuilder(options: buildOptions(site: site.path, output: output), progress: { _, total in pages.set(total) }).build()
        #expect(pages.value == 1)
        try expectMatchesCleanBuild("body edit past the summary")
    }

    @Test func anAssetRemovedWhilePagesStayTheSameIsRemovedFromTheOutput() throws {
        site.write(["assets/masthead.txt": "Inc Times"])
        try build()
        #expect(SiteInspector(root: output).files.contains("assets/masthead.txt"))
        try FileManager.default.removeItem(atPath: site.path + "/assets/masthead.txt")
        // The page list is the same as last time, so only the other files are checked for
        // what went.
        let report = try build()
        #expect(report.removedPaths == ["assets/masthead.txt"])
        try expectMatchesCleanBuild("asset removed")
    }

    @Test func aFailedBuildLeavesTheCacheAsItWas() throws {
        try build()
        let cache = BuildCache.path(forOutput: output)
        let before = try Data(contentsOf: URL(fileURLWithPath: cache))
        site.write(["content/2024/03/story-0.md": article("Story number 0", date: "someday")])
        #expect(throws: GazetteError.self) { try build() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == before)

        // A build that fails while rendering has already written most of the new cache; it
        // is abandoned, not renamed into place.
        let loaded = try #require(BuildCache.load(from: cache))
        #expect(throws: BuildCache.Abandoned.self) { try loaded.save(to: cache) { nil } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "no half-written cache is left beside the output")
    }

    @Test func addingAPersonRewritesOnlyWhatShowsIt() throws {
        try build()
        site.write(["content/2024/04/story-23.md": article("Story number 23", date: "2024-04-24T09:00:00+09:00",
            extra: "section: Economy\npeople: [Lee Ji-ho, Ana Lima, Nadia Noor]\ncountries: [Brazil]\n", body: "Paragraph of story 23.\n\nSecond paragraph.")])
        let report = try build()
        let allowed: (String) -> Bool = { path in
            // The article, the people pages, the pages of its country and section (their feeds carry
            // its tags; their first pages list the people mentioned alongside), sitemap, feeds; in the
            // search index, the shards holding the new name's terms and the article, the name
            // shard that now holds the new person, the person's filter and the list of people.
            path.hasPrefix("2024/04/24/story-number-23/") || path.hasPrefix("people/") || path.hasPrefix("countries/brazil/")
                || path.hasPrefix("sections/economy/") || path == "sitemap.xml" || path == "feed.xml" || path == "feed.json"
                || path.hasPrefix("search-index/t/") || path.hasPrefix("search-index/d/") || path.hasPrefix("search-index/e/")
                || path == "search-index/f/people/nadia-noor.json" || path == "search-index/n/people.json"
        }
        #expect(report.writtenPaths.contains("search-index/f/people/nadia-noor.json"))
        #expect(report.writtenPaths.contains("search-index/e/0.json"))
        #expect(report.writtenPaths.contains("people/nadia-noor/index.html"))
        #expect(report.writtenPaths.allSatisfy(allowed), "\(report.writtenPaths.filter { !allowed($0) })")
        #expect(!report.writtenPaths.contains("people/kim-min-su/index.html"))
        try expectMatchesCleanBuild("tag added")
    }

    @Test func theSearchIndexFollowsABodyEditAndAnyDamageToItsVectors() throws {
        try build()
        site.write(["content/2024/03/story-0.md": article("Story number 0", date: "2024-03-01T09:00:00+09:00",
            extra: "section: Politics\npeople: [Ana Lima, José Ramos]\ncountries: [Japan]\n", body: "Zanzibar ferries resumed.")])
        let report = try build()
        #expect(report.writtenPaths.contains { $0.hasPrefix("search-index/t/") })
        #expect(SiteInspector(root: output).read("search-index/t/0.json").contains("\"zanzibar\""))
        try expectMatchesCleanBuild("body edit, search index")
        // A damaged vectors file is ignored: every article is read again.
        let vectors = output + ".gazette-search"
        var bytes = try #require(FileManager.default.contents(atPath: vectors))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: vectors))
        site.write(["content/2024/03/story-0.md": article("Story number 0", date: "2024-03-01T09:00:00+09:00",
            extra: "section: Politics\npeople: [Ana Lima, José Ramos]\ncountries: [Japan]\n", body: "Quokkas everywhere.")])
        try build()
        try expectMatchesCleanBuild("damaged vectors")
    }

    @Test func additionsDeletionsAndRenamesMatchACleanBuild() throws {
        try build()
        site.write(["content/2024/05/new.md": article("A brand new story", date: "2024-05-01T09:00:00+09:00", extra: "people: [Ana Lima]\n")])
        try build()
        try expectMatchesCleanBuild("addition")
        try FileManager.default.removeItem(atPath: site.path + "/content/2024/03/story-4.md")
        let removal = try build()
        #expect(removal.removedPaths.contains("2024/03/05/story-number-4/index.html"))
        try expectMatchesCleanBuild("deletion")
        try FileManager.default.moveItem(atPath: site.path + "/content/2024/03/story-6.md", toPath: site.path + "/content/2024/03/renamed.md")
        try build()
        try expectMatchesCleanBuild("rename")
        // Deleting the only article of a month removes the month's folder too.
        try FileManager.default.removeItem(atPath: site.path + "/content/2024/05/new.md")
        try build()
        #expect(!FileManager.default.fileExists(atPath: output + "/2024/05"))
        try expectMatchesCleanBuild("last article of a month deleted")
    }

    @Test func aTemplateChangeReRendersThePagesThatUseIt() throws {
        try build()
        site.write(["templates/404.mustache": "{{<base}}{{$content}}<p>Lost.</p>{{/content}}{{/base}}"])
        #expect(try build().writtenPaths == ["404.html"])
        site.write(["templates/article-item.mustache": "<li class=\"teaser\"><a href=\"{{url}}\">{{title}}</a></li>"])
        let report = try build()
        #expect(report.writtenPaths.contains("index.html") && report.writtenPaths.contains("countries/japan/index.html"))
        #expect(!report.writtenPaths.contains { $0.hasPrefix("2024/03/01/") }, "article pages do not use the list item")
        try expectMatchesCleanBuild("template change")
    }

    @Test func aChangeToAPartialRenderedAheadReRendersThePagesThatShowIt() throws {
        try build()
        site.write(["templates/site/footer.mustache": "<footer class=\"site-footer\"><p>A new footer</p></footer>\n"])
        let footer = try build()
        for page in ["index.html", "404.html", "2024/03/01/story-number-0/index.html", "countries/japan/index.html"] {
            #expect(footer.writtenPaths.contains(page), "\(page) after a site partial change")
        }
        try expectMatchesCleanBuild("site partial change")
        site.write(["templates/term-link.mustache": "{{#url}}<a class=\"term\" href=\"{{url}}\">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}\n"])
        let links = try build()
        #expect(links.writtenPaths.contains("2024/03/01/story-number-0/index.html"))
        try expectMatchesCleanBuild("term link change")
    }

    @Test func aConfigChangeRebuildsEverythingItTouches() throws {
        try build()
        site.write(["gazette.yml": "title: Renamed Times\nbase_url: https://example.org/\nper_page: 5\nfeed_limit: 4\n"])
        let report = try build()
        #expect(report.writtenPaths.contains("2024/03/01/story-number-0/index.html"))
        try expectMatchesCleanBuild("config change")
    }

    @Test func aCorruptOrStaleCacheIsIgnored() throws {
        try build()
        let cache = output + ".gazette-cache"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: cache))
        site.write(["content/2024/03/story-2.md": article("Story number 2, retitled", date: "2024-03-03T09:00:00+09:00")])
        try build()
        try expectMatchesCleanBuild("corrupt cache")
        #expect(BuildCache.load(from: cache) != nil, "a good cache is written again")

        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: cache))
        try build()
        try expectMatchesCleanBuild("garbage cache")

        // The output replaced by something else: the cache no longer describes it.
        try FileManager.default.removeItem(atPath: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "left over".write(toFile: output + "/old.html", atomically: true, encoding: .utf8)
        try build()
        try expectMatchesCleanBuild("output replaced")
    }

    @Test func anEmbargoLiftsWithoutAnyFileChanging() throws {
        site.write(["content/2030/later.md": article("Published in 2030", date: "2030-01-01T00:00:00Z")])
        try build()
        #expect(!FileManager.default.fileExists(atPath: output + "/2030"))
        var options = buildOptions(site: site.path, output: output)
        options.filter.now = Date(timeIntervalSince1970: 1_900_000_000)  // 2030-03-17
        try SiteBuilder(options: options).build()
        #expect(FileManager.default.fileExists(atPath: output + "/2030/01/01/published-in-2030/index.html"))
    }
}

/// The number of pages a build rendered, as its progress reports say.
final class PageCount: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func set(_ n: Int) { lock.withLock { total = n } }
    var value: Int { lock.withLock { total } }
}
