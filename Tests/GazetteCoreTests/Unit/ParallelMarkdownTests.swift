import Foundation
import Testing
@testable import GazetteCore

/// cmark-gfm keeps one process-wide table of special inline characters that each parse
/// with extensions adds to and removes from; two parses at once lose strikethroughs and
/// autolinks. Gazette parses under a lock, so rendering on every core must give exactly
/// what rendering on one gives.
@Suite struct ParallelMarkdownTests {
    /// Articles rich in what the shared table affects: strikethrough, autolinks, tables, task lists.
    static func articles(_ n: Int) -> [String] {
        (0..<n).map { i in
            """
            Lead paragraph \(i) with ~~struck \(i)~~ text, *emphasis*, **strong** and www.example\(i % 7).org.

            | Col | Value |
            |---|--:|
            | row \(i) | ~~\(i * 3)~~ \(i * 7) |

            - [x] done \(i)
            - [ ] open https://example.org/\(i)

            Closing ~struck~ line, a [link](https://example.org/a/\(i)) and plain text.
            """
        }
    }

    @Test func parallelRenderingIsByteIdenticalToSerial() {
        let renderer = MarkdownRenderer()
        let inputs = Self.articles(3000)
        let serial = inputs.map { renderer.html($0) }
        let parallel = inputs.parallelMap { renderer.html($0) }
        let differing = zip(serial, parallel).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) of \(inputs.count) articles rendered differently in parallel")
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"http://www.example") && $0.contains("<table") })
    }
}
