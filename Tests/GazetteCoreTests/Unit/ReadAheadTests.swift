import Foundation
import Testing
@testable import GazetteCore

@Suite struct ReadAheadTests {
    func files(_ n: Int) -> (TemporaryDirectory, [String]) {
        let folder = TemporaryDirectory()
        folder.write(Dictionary(uniqueKeysWithValues: (0..<n).map { ("a\($0).md", "article \($0)") }))
        return (folder, (0..<n).map { folder.path + "/a\($0).md" })
    }

    /// Waits up to two seconds for the advising thread to reach `count`.
    func waitFor(_ ahead: ReadAhead, toAdvise count: Int) -> Int {
        for _ in 0..<200 where ahead.advisedCount < count { Thread.sleep(forTimeInterval: 0.01) }
        return ahead.advisedCount
    }

    @Test func staysNoMoreThanItsLeadPastTheFurthestFileReached() {
        let (folder, paths) = files(40)
        let ahead = ReadAhead(paths: paths, lead: 8)
        defer { ahead.stop() }
        #expect(waitFor(ahead, toAdvise: 8) == 8)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(ahead.advisedCount == 8, "it waits for the parsers")
        ahead.reach(20)
        #expect(waitFor(ahead, toAdvise: 28) == 28)
        ahead.reach(39)
        #expect(waitFor(ahead, toAdvise: 40) == 40)
        _ = folder
    }

    @Test func goesOnPastAFileThatIsGone() {
        var (folder, paths) = files(10)
        paths.insert(folder.path + "/missing.md", at: 3)
        let ahead = ReadAhead(paths: paths, lead: 5)
        defer { ahead.stop() }
        ahead.reach(10)
        #expect(waitFor(ahead, toAdvise: 11) == 11)
    }

    @Test func advisesNothingMoreOnceStopped() {
        let (folder, paths) = files(20)
        let ahead = ReadAhead(paths: paths, lead: 5)
        #expect(waitFor(ahead, toAdvise: 5) == 5)
        ahead.stop()
        ahead.reach(15)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(ahead.advisedCount == 5)
        _ = folder
    }
}
