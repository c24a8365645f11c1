import Foundation

/// What a killed build can leave beside the output, made right by the next one.
///
/// A build killed while it works leaves its staging folder and the temporary files of its
/// cache and search vectors (`public.staging-PID`, `public.gazette-cache.tmp-PID`): they
/// are removed once their process is gone. A build killed while it moves its files into
/// the output leaves its commit journal (`public.gazette-commit`), which lists every move
/// and removal of that commit: the next build finishes the commit first, so the output is
/// the new site whole, never part old and part new.
public enum OutputRecovery {
    static func journalPath(forOutput output: String) -> String { trimmed(output) + ".gazette-commit" }

    /// Finishes a commit a killed build left half done, then removes dead builds' leftovers.
    static func prepare(output: String) {
        let destination = URL(fileURLWithPath: output).standardizedFileURL.path
        finishCommit(destination: destination)
        removeLeftovers(destination: destination)
    }

    /// The journal: the staging folder on the first line, then `M path` (move in) and
    /// `D path` (remove) lines. Written whole before the first move, removed after the last.
    static func writeJournal(destination: String, staging: String, moves: [String], removals: [String]) throws {
        var text = staging + "\n"
        for path in moves { text += "M " + path + "\n" }
        for path in removals { text += "D " + path + "\n" }
        try AtomicFile.write(text, to: journalPath(forOutput: destination))
    }

    /// Applies a commit: moves the staged files in, removes the removed ones (and folders
    /// they leave empty). Moving a file that is already in place is skipped, so applying a
    /// commit twice is the same as once.
    static func apply(destination: String, staging: String, moves: [String], removals: [String]) throws(GazetteError) {
        let fm = FileManager.default
        for path in moves {
            let source = staging + "/" + path, target = destination + "/" + path
            guard access(source, F_OK) == 0 else { continue }  // moved before the kill
            do {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw GazetteError(file: target, message: "cannot create its folder: \(error.localizedDescription)")
            }
            if rename(source, target) != 0 {
                throw GazetteError(file: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
        }
        for path in removals {
            unlink(destination + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(destination + "/" + folder) == 0 {  // fails unless empty
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    static func finishCommit(destination: String) {
        let journal = journalPath(forOutput: destination)
        guard let text = try? String(contentsOfFile: journal, encoding: .utf8) else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { unlink(journal); return }
        let staging = lines.removeFirst()
        let moves = lines.filter { $0.hasPrefix("M ") }.map { String($0.dropFirst(2)) }
        let removals = lines.filter { $0.hasPrefix("D ") }.map { String($0.dropFirst(2)) }
        // A journal that cannot be applied stays, and the next build tries again.
        guard (try? apply(destination: destination, staging: staging, moves: moves, removals: removals)) != nil else { return }
        unlink(journal)
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Staging folders and temporary files beside the output whose build's process is gone.
    static func removeLeftovers(destination: String) {
        let parent = (destination as NSString).deletingLastPathComponent
        let base = (destination as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "/" : parent) else { return }
        let patterns = [".staging-", ".old-", ".gazette-cache.tmp-", ".gazette-search.tmp-", ".gazette-commit.tmp-"]
        for name in names {
            let plain = name.hasPrefix(".") ? name.dropFirst() : name[...]  // AtomicFile's are hidden
            guard plain.hasPrefix(base + ".") else { continue }
            let rest = plain.dropFirst(base.count)
            // The process's number follows the pattern (AtomicFile adds "-N" after it); an
            // edition's search vectors are `.gazette-search-ko`.
            let pidText: Substring
            if let pattern = patterns.first(where: { rest.hasPrefix($0) }) {
                pidText = rest.dropFirst(pattern.count)
            } else if rest.hasPrefix(".gazette-search-"), let marker = rest.range(of: ".tmp-", options: .backwards) {
                pidText = rest[marker.upperBound...]
            } else {
                continue
            }
            guard let pid = Int32(pidText.prefix { $0 != "-" }), !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// Whether a process is running (a process of another user counts).
    public static func isAlive(_ pid: pid_t) -> Bool {
        pid == getpid() ? false : kill(pid, 0) == 0 || errno == EPERM
    }

    private static func trimmed(_ output: String) -> String {
        output.hasSuffix("/") ? String(output.dropLast()) : output
    }
}
