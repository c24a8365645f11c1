import Foundation
import Testing
@testable import GazetteServer

@Suite struct WorkspaceTests {
    @Test func aWorkspaceIsToldByItsNameAndOwnerOnly() {
        #expect(Workspace.owner(of: "gazette-serve-4242-123456") == 4242)
        #expect(Workspace.owner(of: "gazette-serve-test-1F2E") == nil)
        #expect(Workspace.owner(of: "gazette-serve-4242-") == nil)
        #expect(Workspace.owner(of: "gazette-serve-4242-12-3") == nil)
        #expect(Workspace.owner(of: "public") == nil)
    }

    @Test func theNextServeRemovesWorkspacesOfProcessesThatAreGone() throws {
        let parent = NSTemporaryDirectory() + "gazette-workspaces-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let orphan = "gazette-serve-\(ended.processIdentifier)-7", mine = "gazette-serve-\(getpid())-8"
        for name in [orphan, mine, "gazette-serve-test-x", "notes"] {
            try FileManager.default.createDirectory(atPath: parent + "/" + name + "/site", withIntermediateDirectories: true)
        }
        let made = (try Workspace.make(in: parent) as NSString).lastPathComponent
        var left: Set<String> = []
        for _ in 0..<200 {  // the orphans go on a thread of their own
            left = Set(try FileManager.default.contentsOfDirectory(atPath: parent))
            if !left.contains(orphan) { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(left == [mine, "gazette-serve-test-x", "notes", made])
    }
}
