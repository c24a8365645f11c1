import CGazetteSystem
import Foundation

/// A new site written beside the old one and swapped in only when complete, so a
/// failed or interrupted build leaves the previous output exactly as it was.
public struct StagedOutput: Sendable {
    public let destination: String
    /// Where this build writes; becomes `destination` on `commit()`.
    public let staging: String

    public init(destination: String) throws(GazetteError) {
        let dest = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = dest
        staging = "\(dest).staging-\(getpid())"
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw GazetteError(file: dest, message: "cannot create the output folder beside it: \(error.localizedDescription)")
        }
    }

    /// Puts the new site in place of the old one. On Linux the two folders are exchanged
    /// in one step (renameat2 RENAME_EXCHANGE), so there is no moment without a site.
    public func commit() throws(GazetteError) {
        let fm = FileManager.default
        let old = "\(destination).old-\(getpid())"
        if fm.fileExists(atPath: destination) {
            if Self.exchange(staging, destination) {
                try? fm.removeItem(atPath: staging)  // now holds the previous site
                return
            }
            do { try fm.moveItem(atPath: destination, toPath: old) } catch {
                throw GazetteError(file: destination, message: "cannot move the previous output aside: \(error.localizedDescription)")
            }
        }
        do { try fm.moveItem(atPath: staging, toPath: destination) } catch {
            try? fm.moveItem(atPath: old, toPath: destination)
            throw GazetteError(file: destination, message: "cannot put the new output in place: \(error.localizedDescription)")
        }
        try? fm.removeItem(atPath: old)
    }

    /// Drops the half-built site.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        gazette_exchange_paths(a, b) == 0
    }
}
