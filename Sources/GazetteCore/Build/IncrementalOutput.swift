import Foundation

/// Updates an existing output folder in place: new and changed files are written to a
/// staging folder first, and moved into the output one by one only when the whole build
/// has succeeded. A file whose bytes are the same is never touched, so its time stays and
/// an rsync to the web host sends only what changed.
final class IncrementalOutput: @unchecked Sendable {
    let destination: String
    let staging: String
    private let lock = NSLock()
    private var staged: [String] = []
    private var unchanged = 0

    init(destination: String) throws(GazetteError) {
        self.destination = destination
        staging = "\(destination).staging-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        do { try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true) } catch {
            throw GazetteError(file: destination, message: "cannot create a staging folder beside it: \(error.localizedDescription)")
        }
    }

    /// Stages `data` for `path` unless the output already holds exactly these bytes.
    func write(_ data: Data, to path: String) throws(GazetteError) {
        if let existing = FileManager.default.contents(atPath: destination + "/" + path), existing == data {
            lock.withLock { unchanged += 1 }
            return
        }
        try FileWriter(root: staging).write(data, to: path)
        lock.withLock { staged.append(path) }
    }

    var writtenPaths: [String] { lock.withLock { staged.sorted() } }
    var unchangedCount: Int { lock.withLock { unchanged } }

    /// Moves the staged files into the output and removes the files the site no longer has
    /// (and folders left empty by that).
    func commit(removing removed: [String]) throws(GazetteError) {
        let fm = FileManager.default
        for path in writtenPaths {
            let target = destination + "/" + path
            do {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if rename(staging + "/" + path, target) != 0 {
                    throw GazetteError(file: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
                }
            } catch let error as GazetteError {
                throw error
            } catch {
                throw GazetteError(file: target, message: "cannot create its folder: \(error.localizedDescription)")
            }
        }
        for path in removed {
            try? fm.removeItem(atPath: destination + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, (try? fm.contentsOfDirectory(atPath: destination + "/" + folder))?.isEmpty == true {
                try? fm.removeItem(atPath: destination + "/" + folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
