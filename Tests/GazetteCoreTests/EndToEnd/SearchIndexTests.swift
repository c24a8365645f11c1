import Foundation
import Testing
@testable import GazetteCore

/// The index a build writes, read back by the search page's own engine (search.js under
/// Node), and its pieces alone.
@Suite struct SearchIndexTests {
    let out = TemporaryDirectory()

    init() throws {
        try SiteBuilder(options: buildOptions(site: TestPaths.site("basic"), output: out.path)).build()
    }

    /// Runs queries through the script's Engine against the built index; returns, per
    /// query, the paths of the results in rank order.
    func search(_ queries: [(query: String, filters: [[String: String]])], in site: String? = nil) throws -> [[String]] {
        try searchBuiltSite(site ?? out.path, queries)
    }

    let budget = "2024/03/05/parliament-passes-the-budget/"
    let harbour = "2024/03/04/harbour-reopens-after-the-storm/"

    @Test func aWordOfTheBodyFindsItsArticle() throws {
        #expect(try search([("lawmakers", [])]) == [[budget]])
    }

    @Test func theLastWordMatchesAsAPrefixWhileTyping() throws {
        let results = try search([("lawm", []), ("lawm ", [])])
        #expect(results[0] == [budget])
        #expect(results[1] == [], "after a space the word is complete, and 'lawm' is not one")
    }

    @Test func accentsAndCaseDoNotMatter() throws {
        #expect(try search([("JOSÉ RAMOS", [])])[0].contains(budget))
    }

    @Test func articlesMatchingEveryWordComeFirst() throws {
        let results = try search([("harbour reopened", []), ("ramos budget", [])])
        #expect(results[0].first == harbour)
        #expect(results[1] == [budget], "only the budget article has both words")
    }

    @Test func aTitleMatchOutranksABodyMatchAndRecencyBreaksTies() throws {
        let site = TemporaryDirectory().write([
            "content/a.md": article("Storm warning for the coast", date: "2024-01-01T10:00:00+09:00", body: "Calm seas were expected."),
            "content/b.md": article("Calm seas expected", date: "2024-01-02T10:00:00+09:00", body: "A storm warning was issued."),
            "content/c.md": article("Ferry timetable", date: "2024-01-03T10:00:00+09:00", body: "Ferries run hourly."),
            "content/d.md": article("Ferry timetable", date: "2024-01-04T10:00:00+09:00", body: "Ferries run hourly."),
        ])
        let output = TemporaryDirectory()
        try SiteBuilder(options: buildOptions(site: site.path, output: output.path)).build()
        let results = try search([("storm", []), ("timetable", [])], in: output.path)
        #expect(results[0] == ["2024/01/01/storm-warning-for-the-coast/", "2024/01/02/calm-seas-expected/"],
                "the older article has the word in its title, the newer only in its body")
        #expect(results[1] == ["2024/01/04/ferry-timetable/", "2024/01/03/ferry-timetable/"], "equal scores: the newer first")
    }

    @Test func filtersKeepOnlyTheirArticles() throws {
        let results = try search([
            ("", [["kind": "countries", "value": "japan"]]),
            ("", [["kind": "countries", "value": "japan"], ["kind": "sections", "value": "politics"]]),
            ("", [["kind": "year", "value": "2023"]]),
            ("budget", [["kind": "people", "value": "kim-min-su"]]),
            ("budget", [["kind": "sections", "value": "national"]]),
        ])
        #expect(results[0] == [budget, harbour], "newest first when there is no query")
        #expect(results[1] == [budget])
        #expect(results[2].count == 1 && results[2][0].hasPrefix("2023/"))
        #expect(results[3] == [budget])
        #expect(results[4] == [])
    }

    @Test func urlsAndMarkupInTheBodyAreNotIndexed() throws {
        #expect(try search([("https", []), ("debate", []), ("script", [])]) == [[], [budget], [SearchIndexTests.scriptTitlePath]])
    }

    static let scriptTitlePath = "2023/12/31/script-alert-1-script-quotes/"

    @Test func contentIsEscapedInTheIndexFiles() throws {
        let shard = try #require(out.read("search-index/d/0.json"))
        #expect(!shard.contains("<script>") && !shard.contains("<img"))
        #expect(shard.contains("\\u003cscript\\u003e"))
        let parsed = try JSONSerialization.jsonObject(with: Data(shard.utf8)) as? [[Any]]
        #expect(parsed?.contains { ($0[0] as? String) == "<script>alert(1)</script> & \"quotes\"" } == true)
    }

    @Test func termShardsAreSortedAndTheManifestPointsAtTheirFirstTerms() throws {
        let manifestText = try #require(out.read(SearchIndexFiles.manifest))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        let firsts = try #require(manifest["shards"] as? [String])
        for (k, first) in firsts.enumerated() {
            let text = try #require(out.read("search-index/t/\(k).json"))
            let shard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(shard.keys.min() == first)
        }
        #expect(manifest["documents"] as? Int == 3)
    }
}

@Suite struct SearchIndexPartsTests {
    @Test func aTermKeepsItsBestPostingsAndCountsThemAll() {
        var a = SearchIndex.Accumulator(documentCount: 3000)
        for d in 0..<(SearchIndex.postingLimit * 3) { a.add(UInt32(d), score: Float(d % 7)) }
        let top: [(document: UInt32, score: Float)] = a.top()
        #expect(a.documentFrequency == SearchIndex.postingLimit * 3)
        #expect(top.count == SearchIndex.postingLimit)
        // 3,000 scores of 0...6, about 429 of each: all the 6s and 5s, and the 4s of the
        // smallest document numbers.
        #expect(top.allSatisfy { $0.score >= 4 })
        #expect(top.filter { $0.score == 6 }.count == (0..<3000).filter { $0 % 7 == 6 }.count)
        let higher = (0..<3000).filter { $0 % 7 >= 5 }.count
        let fours: [UInt32] = top.filter { $0.score == 4 }.map { $0.document }
        let expectedFours: [UInt32] = (0..<3000).filter { $0 % 7 == 4 }.prefix(SearchIndex.postingLimit - higher).map { UInt32($0) }
        #expect(fours == expectedFours)
        let documents: [UInt32] = top.map { $0.document }
        #expect(documents == documents.sorted())
    }

    @Test func aTermPastItsPostingsKeepsEveryDocumentAsABitmap() {
        var few = SearchIndex.Accumulator(documentCount: 5000)
        for d in stride(from: 0, to: 2 * SearchIndex.postingLimit, by: 2) { few.add(UInt32(d), score: 1) }
        #expect(few.every.isEmpty, "a term within its postings needs no bitmap")
        // Two runs of documents, each under the limit, over it together.
        var first = SearchIndex.Accumulator(documentCount: 5000), second = SearchIndex.Accumulator(documentCount: 5000)
        for d in 0..<700 { first.add(UInt32(d * 3), score: Float(d % 5)) }
        for d in 700..<1600 { second.add(UInt32(d * 3), score: Float(d % 5)) }
        first.merge(second)
        #expect(first.documentFrequency == 1600 && first.top().count == SearchIndex.postingLimit)
        var marked: [Int] = []
        for (k, word) in first.every.enumerated() { for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { marked.append(k * 64 + bit) } }
        #expect(marked == (0..<1600).map { $0 * 3 })
    }

    @Test func aPairPastItsPostingsKeepsOnlyItsSet() {
        var pair = SearchIndex.Accumulator(documentCount: 5000, setOnly: true)
        for d in 0..<1500 { pair.add(UInt32(d), score: Float(d % 7)) }
        #expect(pair.documentFrequency == 1500)
        #expect(pair.top().isEmpty, "a common pair's articles are ranked by its words")
        #expect(pair.every.reduce(0) { $0 + $1.nonzeroBitCount } == 1500)
        var rare = SearchIndex.Accumulator(documentCount: 5000, setOnly: true)
        for d in 0..<10 { rare.add(UInt32(d), score: 1) }
        #expect(rare.top().count == 10 && rare.every.isEmpty, "within the limit a pair has postings like a word")
    }

    @Test func documentSetsUseWhicheverEncodingIsSmaller() {
        #expect(SearchIndexFiles.documentSet([2, 5, 9], of: 100_000) == "{\"d\":[2,3,4]}\n")
        let dense = SearchIndexFiles.documentSet(Array(0..<16), of: 16)
        #expect(dense == "{\"b\":\"//8=\"}\n")
        let nearlyAll = SearchIndexFiles.documentSet((0..<100_000).filter { $0 != 5 && $0 != 9 }, of: 100_000)
        #expect(nearlyAll == "{\"n\":[5,4],\"c\":100000}\n", "the two articles without the word, not 13 KB of bits")
    }

    @Test func scoringDocumentsInParallelRunsGivesTheSameIndex() throws {
        // 3,000 articles over a small vocabulary: common words pass the posting limit, so
        // the runs' best postings must be merged, not just joined.
        let words = ["harbour", "ferry", "minister", "vote", "storm", "grain", "bridge", "court", "rail", "port", "tariff"]
        let articles = (0..<3000).map { n in
            Article(file: "/a\(n).md", bodyOffset: 0, bodyLine: 1, title: "Story \(n)", date: ArticleDate(seconds: 1_700_000_000 + Int64(n) * 3_600, offset: 0),
                    updated: nil, section: nil, source: nil, byline: nil, photoCredit: nil, people: [], countries: [],
                    summary: "", slug: "story-\(n)", draft: false, importedFrom: nil, params: [:])
        }
        let site = try Site(config: SiteConfig(), articles: articles)
        @Sendable func body(_ i: Int) -> [UInt8] {
            Array((0..<(5 + i % 13)).map { words[($0 * 7 + i * 3 + $0 * i) % words.count] }.joined(separator: " ").utf8)
        }
        let keys = (0..<3000).map(UInt64.init)
        let (one, _) = SearchIndex.build(site: site, keys: keys, previous: nil, parts: 1, body: body)
        #expect(one.entries.contains { $0.postings.count == SearchIndex.postingLimit && $0.documentFrequency > SearchIndex.postingLimit })
        for parts in [2, 3, 7] {
            let (split, _) = SearchIndex.build(site: site, keys: keys, previous: nil, parts: parts, body: body)
            #expect(split.entries.map(\.term) == one.entries.map(\.term))
            #expect(split.entries.map(\.documentFrequency) == one.entries.map(\.documentFrequency))
            let samePostings = split.entries.map(\.postings) == one.entries.map(\.postings)  // not inside #expect: it would print them all
            #expect(samePostings, "split into \(parts)")
            let sameSets = split.entries.map(\.every) == one.entries.map(\.every)
            #expect(sameSets, "every document of the common terms, split into \(parts)")
        }
    }

    @Test func anEditInPlaceScoresOnlyTheTermsOfTheEditedArticle() throws {
        // 400 articles, each body a few words of a small vocabulary plus a word of its own.
        let words = ["harbour", "ferry", "minister", "vote", "storm", "grain", "bridge", "court", "rail", "port", "tariff"]
        let articles = (0..<400).map { n in
            Article(file: "/a\(n).md", bodyOffset: 0, bodyLine: 1, title: "Story \(n)", date: ArticleDate(seconds: 1_700_000_000 - Int64(n) * 3_600, offset: 0),
                    updated: nil, section: nil, source: nil, byline: nil, photoCredit: nil, people: [], countries: [],
                    summary: "", slug: "story-\(n)", draft: false, importedFrom: nil, params: [:])
        }
        let site = try Site(config: SiteConfig(), articles: articles)
        @Sendable func text(_ i: Int) -> String {
            (0..<(6 + i % 5)).map { words[($0 * 3 + i) % words.count] }.joined(separator: " ") + " unique\(i)"
        }
        let keys = (0..<400).map { UInt64($0) }
        let (first, vectors) = SearchIndex.build(site: site, keys: keys, previous: nil) { Array(text($0).utf8) }
        #expect(first.termsScored == first.entries.count)

        // Article 7 loses "unique7" and gains "lighthouse", with the same length.
        var edited = keys
        edited[7] = 1_007
        let editedText: @Sendable (Int) -> [UInt8]? = { i in
            Array((i == 7 ? text(7).replacingOccurrences(of: "unique7", with: "lighthouse") : text(i)).utf8)
        }
        let (incremental, _) = SearchIndex.build(site: site, keys: edited, previous: vectors, body: editedText)
        let (clean, _) = SearchIndex.build(site: site, keys: edited, previous: nil, body: editedText)
        // Article 7's words and the pairs of words side by side in it, before and after: a
        // dozen of each, of the index's hundreds.
        #expect(first.entries.count > 400)
        #expect(incremental.termsScored < 30, "only article 7's terms, before and after: \(incremental.termsScored)")
        #expect(incremental.entries.map(\.term) == clean.entries.map(\.term))
        #expect(incremental.entries.map(\.documentFrequency) == clean.entries.map(\.documentFrequency))
        let samePostings = incremental.entries.map(\.postings) == clean.entries.map(\.postings)
        #expect(samePostings)
        #expect(incremental.entries.contains { $0.term == "lighthouse" } && !incremental.entries.contains { $0.term == "unique7" })

        // A new article changes every weight (the document count is in each): all scored.
        let (grown, _) = SearchIndex.build(site: try Site(config: SiteConfig(), articles: articles + [articles[0]].map {
            var a = $0; a.file = "/new.md"; a.slug = "new"; return a
        }), keys: keys + [9_999], previous: vectors) { Array(text($0 % 400).utf8) }
        #expect(grown.termsScored == grown.entries.count)
    }

    @Test func articlesWithVectorsFromTheLastBuildAreNotReadAgain() throws {
        func article(_ n: Int, body: String) -> Article {
            Article(file: "/a\(n).md", bodyOffset: 0, bodyLine: 1, title: "Story \(n)", date: ArticleDate(seconds: 1_700_000_000 + Int64(n) * 86_400, offset: 0),
                    updated: nil, section: nil, source: nil, byline: nil, photoCredit: nil, people: [], countries: [],
                    summary: "", slug: "story-\(n)", draft: false, importedFrom: nil, params: [:])
        }
        let bodies = ["/a0.md": "Alpha harbour.", "/a1.md": "Beta harbour.", "/a2.md": "Gamma harbour."]
        let site = try Site(config: SiteConfig(), articles: (0..<3).map { article($0, body: bodies["/a\($0).md"]!) })
        let read = ReadLog()
        func build(_ keys: [UInt64], _ previous: SearchVectors?, _ bodies: [String: String]) -> (SearchIndex, SearchVectors) {
            SearchIndex.build(site: site, keys: keys, previous: previous) { i in
                read.add(site.articles[i].file)
                return Array(bodies[site.articles[i].file]!.utf8)
            }
        }
        let (_, vectors) = build([10, 11, 12], nil, bodies)
        #expect(read.files.count == 3)
        read.reset()
        var edited = bodies
        edited[site.articles[1].file] = "Delta harbour."
        let (index, _) = build([10, 21, 12], vectors, edited)
        #expect(read.files == [site.articles[1].file], "only the article whose key changed is read")
        let (clean, _) = build([10, 21, 12], nil, edited)
        #expect(index.entries.map(\.term) == clean.entries.map(\.term))
        #expect(index.entries.map(\.postings) == clean.entries.map(\.postings))
        #expect(index.entries.contains { $0.term == "delta" } && !index.entries.contains { $0.term == "beta" })
    }
}

/// Which article files a test's body reader was asked for.
final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ file: String) { lock.withLock { list.append(file) } }
    func reset() { lock.withLock { list = [] } }
    var files: [String] { lock.withLock { list.sorted() } }
}
