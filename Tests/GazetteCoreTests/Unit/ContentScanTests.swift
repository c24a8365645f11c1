import Foundation
import Testing
@testable import GazetteCore

@Suite struct ContentScanTests {
    @Test func findsEveryArticleAtEveryDepthOnce() {
        let folder = TemporaryDirectory()
        var files: [String: String] = ["top.md": "t", "notes.txt": "not an article", ".hidden.md": "hidden"]
        var expected: Set<String> = ["top.md"]
        for year in 2010..<2016 {
            for month in 1...12 {
                for day in [1, 15] {
                    let path = "\(year)/\(String(format: "%02d", month))/\(day)/story.md"
                    files[path] = "s"
                    expected.insert(path)
                }
                files["\(year)/\(String(format: "%02d", month))/month.md"] = "m"
                expected.insert("\(year)/\(String(format: "%02d", month))/month.md")
            }
        }
        folder.write(files)
        let found = ContentScan.files(in: folder.path).map { String($0.path.dropFirst(folder.path.count + 1)) }
        #expect(found.count == expected.count)
        #expect(Set(found) == expected)
        #expect(found == found.sorted(), "in path order")
    }

    @Test func anEmptyContentFolderHasNoArticles() {
        let folder = TemporaryDirectory()
        folder.write(["2024/.keep": ""])
        #expect(ContentScan.files(in: folder.path).isEmpty)
    }
}
