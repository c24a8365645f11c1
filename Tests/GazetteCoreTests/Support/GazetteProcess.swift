import Foundation
import Testing
@testable import GazetteCore

/// The `gazette` program, run as a user runs it, for tests that kill it or fill its disk.
///
/// `make test` passes the release build in `GAZETTE_BINARY`; a plain `swift test` uses the
/// debug build beside the test bundle (`swift build` makes both).
enum GazetteProcess {
    static let binary: String? = {
        if let given = ProcessInfo.processInfo.environment["GAZETTE_BINARY"], FileManager.default.isExecutableFile(atPath: given) {
            return given
        }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gazette").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
    }()

    /// Starts `gazette` with `arguments`; output goes to files in `logs` (a pipe left unread
    /// could stall it).
    static func start(_ arguments: [String], logs: String, environment: [String: String] = [:]) throws -> Process {
        let binary = try #require(binary, "no gazette binary: run swift build, or set GAZETTE_BINARY")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        _ = FileManager.default.createFile(atPath: logs + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: logs + ".err", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: logs + ".out")
        process.standardError = FileHandle(forWritingAtPath: logs + ".err")
        try process.run()
        return process
    }

    /// Runs `gazette` to the end: its exit status and what it printed on both streams.
    @discardableResult
    static func run(_ arguments: [String], logs: String) throws -> (status: Int32, output: String) {
        let process = try start(arguments, logs: logs)
        process.waitUntilExit()
        let out = (try? String(contentsOfFile: logs + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: logs + ".err", encoding: .utf8)) ?? ""
        return (process.terminationStatus, out + err)
    }
}

/// A folder's files and their bytes' hashes, to compare whole sites.
struct Snapshot: Equatable {
    var files: [String: UInt64]

    init(_ root: String) {
        files = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        for case let path as String in walker {
            if let data = FileManager.default.contents(atPath: root + "/" + path) {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = StableHash.of(data)
                }
            }
        }
    }

    /// How two snapshots differ, for a failure message.
    func difference(from other: Snapshot) -> String {
        let missing = Set(other.files.keys).subtracting(files.keys), extra = Set(files.keys).subtracting(other.files.keys)
        let changed = files.filter { other.files[$0.key] != nil && other.files[$0.key] != $0.value }.keys
        return "missing \(missing.count) (\(missing.sorted().prefix(3))), extra \(extra.count) (\(extra.sorted().prefix(3))), changed \(changed.count) (\(changed.sorted().prefix(3)))"
    }
}

/// A scratch folder in memory where the machine has one (`/dev/shm`), else in the temporary folder.
func scratchFolder(_ name: String) -> String {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
    let path = base + "gazette-\(name)-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func copyTree(_ from: String, _ to: String) throws {
    try? FileManager.default.removeItem(atPath: to)
    try FileManager.default.copyItem(atPath: from, toPath: to)
}
