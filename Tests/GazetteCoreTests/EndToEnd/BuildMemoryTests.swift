import Foundation
import Testing
@testable import GazetteCore

/// Builds that keep the last build's cache in memory (as `gazette serve` does) instead of
/// reading it back from its file: the same output as a clean build after every change, and
/// the file is not needed.
@Suite struct BuildMemoryTests {
    let site = TemporaryDirectory()
    let memory = BuildMemory()
    var output: String { site.path + "/public" }

    init() {
        var files = ["gazette.yml": "title: Kept Times\nbase_url: https://example.org/\nper_page: 2\nfeed_limit: 3\n"]
        for i in 0..<6 {
            files["content/2024/03/story-\(i).md"] = storyFile(i, second: "Second paragraph.")
        }
        site.write(files)
    }

    func storyFile(_ i: Int, second: String) -> String {
        article("Story \(i)", date: "2024-03-0\(i + 1)T09:00:00+09:00",
                extra: "people: [Ana Lima\(i % 2 == 0 ? ", Kim Min-su" : "")]\ncountries: [Japan]\n",
                body: "First paragraph of story \(i).\n\n\(second)")
    }

    /// Builds with the memory; returns how many pages were rendered.
    @discardableResult
    func build(memory: BuildMemory? = nil) throws -> Int {
        let pages = PageCount()
        try SiteBuilder(options: buildOptions(site: site.path, output: output), memory: memory ?? self.memory,
                        progress: { _, total in pages.set(total) }).build()
        return pages.value
    }

    /// Damages the cache file, so that a build that read it would render every page.
    func damageCacheFile() throws {
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: BuildCache.path(forOutput: output)))
    }

    @Test func aRebuildStartsFromTheKeptCacheNotTheFile() throws {
        let all = try build()
        try damageCacheFile()
        site.write(["content/2024/03/story-1.md": storyFile(1, second: "A rewritten second paragraph.")])
        let pages = try build()
        #expect(pages == 1, "only the edited article's page is rendered, not \(pages)")
        try expectMatchesCleanBuild(site: site.path, output: output, "body edit from the kept cache")
        // Without the memory, the damaged file is all there is, and every page is rendered.
        try damageCacheFile()
        site.write(["content/2024/03/story-1.md": storyFile(1, second: "Rewritten again.")])
        #expect(try build(memory: BuildMemory()) == all)
    }

    @Test func aBuildWithNothingToDoKeepsTheCache() throws {
        try build()
        try build()
        try damageCacheFile()
        site.write(["content/2024/03/story-1.md": storyFile(1, second: "Changed after a build that did nothing.")])
        #expect(try build() == 1)
    }

    @Test func additionsDeletionsAndNameChangesFromTheKeptCacheMatchACleanBuild() throws {
        try build()
        site.write(["content/2024/03/story-9.md": article("A new story", date: "2024-03-09T09:00:00+09:00",
                                                          extra: "people: [Lee Ji-ho]\n")])
        try build()
        try expectMatchesCleanBuild(site: site.path, output: output, "addition")
        try FileManager.default.removeItem(atPath: site.path + "/content/2024/03/story-1.md")
        try build()
        try expectMatchesCleanBuild(site: site.path, output: output, "deletion")
        site.write(["content/2024/03/story-4.md": article("Story 4", date: "2024-03-05T09:00:00+09:00",
                                                          extra: "people: [Mark Hale]\ncountries: [France]\n")])
        try build()
        try expectMatchesCleanBuild(site: site.path, output: output, "names changed")
    }

    @Test func aFailedBuildForgetsTheKeptCache() throws {
        try build()
        site.write(["content/2024/03/story-0.md": article("Story 0", date: "someday")])
        #expect(throws: GazetteError.self) { try build() }
        #expect(memory.take() == nil)
        site.write(["content/2024/03/story-0.md": storyFile(0, second: "Fixed.")])
        try build()
        try expectMatchesCleanBuild(site: site.path, output: output, "after a failed build")
    }

    @Test func searchVectorsComeFromTheLastBuildThatSavedThem() throws {
        try build()
        let path = SearchVectors.path(forOutput: output)
        #expect(memory.vectors(at: path) != nil)
        try FileManager.default.removeItem(atPath: path)
        site.write(["content/2024/03/story-1.md": storyFile(1, second: "Zanzibar ferries resumed.")])
        try build()
        #expect(memory.vectors(at: path)?.terms.contains("zanzibar") == true)
        #expect(SearchVectors.load(from: path)?.terms.contains("zanzibar") == true, "the file is written as always")
        try expectMatchesCleanBuild(site: site.path, output: output, "search index from kept vectors")
    }
}
