import Foundation

/// Writes that never leave a half-written file behind.
public enum AtomicFile {
    /// Writes `data` to a hidden temporary file beside `path` (`.NAME.tmp-PID-N`, which no
    /// scan of the content folder reads), then renames it into place: a crash mid-write
    /// leaves the old file or the new one, never a mix.
    /// - Throws: `AtomicFile.Failure` with the system's error number.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, code: OutputFailure.code(of: error))
        }
        // The process, and a number of its own: two threads writing one file must not share a
        // temporary name (one would rename the other's away before it renames its own).
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(nextNumber())"
        if let code = OutputFailure.write(data, to: temporary) { throw Failure(path: path, code: code) }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, code: code)
        }
    }

    private static let counter = LockedCounter()
    private static func nextNumber() -> Int { counter.next() }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Removes the temporary files of writes whose process was killed, from one folder.
    public static func removeAbandoned(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-", options: .backwards),
                  let pid = Int32(name[marker.upperBound...].prefix { $0 != "-" }),
                  !OutputRecovery.isAlive(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var isDiskFull: Bool { OutputFailure.isDiskFull(code) }
        public var description: String {
            isDiskFull ? "the disk is full (no space left on the device that holds \(path))" : String(cString: strerror(code))
        }
        public var localizedDescription: String { description }
    }
}


/// A number that goes up by one each time it is asked for, from any thread.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int { lock.withLock { value += 1; return value } }
}
