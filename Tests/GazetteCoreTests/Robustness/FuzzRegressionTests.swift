import Foundation
import Testing
@testable import GazetteCore

/// Every input a fuzzing target (or a person) once found a fault with, fed to its reader
/// again: `Fixtures/fuzz/<target>/`, one file per input. A crash fails the whole run, a hang
/// stops it; the readers' own checks (no script past the HTML filter, no slug that is a
/// path) are preconditions in `UntrustedInput.read`.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.fixtures + "/fuzz"

    static var cases: [(UntrustedInput, String)] {
        UntrustedInput.allCases.flatMap { target in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target.rawValue)) ?? []
            return names.sorted().map { (target, $0) }
        }
    }

    @Test func everyTargetHasARegressionFolderOrNoneIsNeeded() {
        let folders = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.folder)) ?? []).subtracting(["README.md"])
        let targets = Set(UntrustedInput.allCases.map(\.rawValue))
        #expect(folders.isSubset(of: targets), "a folder that names no target: \(folders.subtracting(targets))")
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases.map { "\($0.0.rawValue)/\($0.1)" })
    func aFoundInputIsReadWithoutFault(_ name: String) throws {
        let target = try #require(UntrustedInput(rawValue: String(name.prefix { $0 != "/" })))
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        target.read(data)
    }
}
