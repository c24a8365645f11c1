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
        try FileWriter(root: staging, shownRoot: destination).write(data, to: path)
        lock.withLock { staged.append(path) }
    }

    var writtenPaths: [String] { lock.withLock { staged.sorted() } }
    var unchangedCount: Int { lock.withLock { unchanged } }

    /// Moves the staged files into the output and removes the files the site no longer has
    /// (and folders left empty by that). The moves are listed in a journal first, so a
    /// build killed among them is finished by the next (`OutputRecovery`).
    func commit(removing removed: [String]) throws(GazetteError) {
        let moves = writtenPaths
        if !moves.isEmpty || !removed.isEmpty {
            do {
                try OutputRecovery.writeJournal(destination: destination, staging: staging, moves: moves, removals: removed)
            } catch let failure as AtomicFile.Failure {
                throw OutputFailure.error(code: failure.code, path: OutputRecovery.journalPath(forOutput: destination))
            } catch {
                throw GazetteError(file: OutputRecovery.journalPath(forOutput: destination), message: "cannot write: \(error)")
            }
            try OutputRecovery.apply(destination: destination, staging: staging, moves: moves, removals: removed)
            unlink(OutputRecovery.journalPath(forOutput: destination))
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
