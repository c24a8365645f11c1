import Foundation

/// Writes files under one root. Inside the staging folder a plain write is enough:
/// the folder as a whole is what is swapped in atomically.
struct FileWriter: Sendable {
    let root: String
    /// The folder the user knows (the output), named in messages instead of the staging folder.
    var shownRoot: String?

    func write(_ data: Data, to path: String) throws(GazetteError) {
        let full = root + "/" + path
        let shown = (shownRoot ?? root) + "/" + path
        var failure = OutputFailure.write(data, to: full)
        if failure == ENOENT {
            // The file's folder is new. Written first and made on failure: asking the file
            // system for every folder of every path first was 3% of a build's time.
            let folder = (full as NSString).deletingLastPathComponent
            if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw OutputFailure.error(code: OutputFailure.code(of: error), path: shown)
                }
            }
            failure = OutputFailure.write(data, to: full)
        }
        if let failure { throw OutputFailure.error(code: failure, path: shown) }
    }
}

/// Why an output file could not be written, said so the user knows what to do.
enum OutputFailure {
    static let diskFull = "the disk is full"

    /// Writes with POSIX calls, so the reason is the system's own error number.
    static func write(_ data: Data, to path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        var failure: Int32?
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                done += n
            }
        }
        if close(fd) != 0 && failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    static func isDiskFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }

    /// The system's error number behind a Foundation file error (EIO when it gives none).
    static func code(of error: Error) -> Int32 {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) } ?? EIO
    }

    static func error(code: Int32, path: String) -> GazetteError {
        if isDiskFull(code) {
            return GazetteError(file: path, message: "\(diskFull) (no space left on the device that holds it); free some space or "
                + "choose another --output, then build again. The previous site and its cache are as they were")
        }
        if code == ENAMETOOLONG {
            return GazetteError(file: path, message: "cannot write: the name is too long for the file system; shorten the slug or title it comes from")
        }
        return GazetteError(file: path, message: "cannot write: \(String(cString: strerror(code)))")
    }

    /// A full disk fails every page the same way: one message says it.
    static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        if let full = diagnostics.first(where: { $0.message.hasPrefix(diskFull) }) { return [full] }
        return diagnostics
    }
}
