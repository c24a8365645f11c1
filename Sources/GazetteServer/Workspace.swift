import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary folder a preview builds into, `gazette-serve-<pid>-<random>` in the system's
/// temporary folder (an archive's preview can hold gigabytes). The server removes it when it
/// stops; Ctrl-C or SIGTERM during the first build, before the server's own handlers are in
/// place, removes it too; and a serve that died without removing it (SIGKILL, a power cut,
/// or a signal that came while the build was still writing into it) leaves it to the next
/// serve, which removes the folders of processes that are gone.
enum Workspace {
    static let prefix = "gazette-serve-"

    static func make(in parent: String = NSTemporaryDirectory()) throws -> String {
        // A million-article preview takes half an hour to remove from a slow disk: the new
        // serve does not wait for it.
        Thread.detachNewThread { removeOrphans(in: parent) }
        let path = (parent.hasSuffix("/") ? parent : parent + "/") + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The process a workspace folder belongs to, from its name; nil for any other name.
    static func owner(of name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    /// Removes the workspaces in `parent` whose process is gone. One whose pid was taken by
    /// another process since is left alone: the next serve after that one ends removes it.
    static func removeOrphans(in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names {
            guard let pid = owner(of: name), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
    }

    /// Until `cancel`, SIGINT and SIGTERM end the process (128 + the signal, as the shell
    /// reports a process the signal ended) and remove `path`. The build is still writing into
    /// it from other threads, so removing it in-process could race them and leave part of it:
    /// `rm -rf` is started, and the process ends at once, before `rm` has read the folder.
    ///
    /// Once the server runs, its own handlers (swift-service-lifecycle's) stop it gracefully.
    /// Cancelling a dispatch signal source left the signal's default action in place of theirs
    /// (the server then died with its folder), so the sources stay and `cancel` disarms them.
    final class RemovedOnInterrupt: @unchecked Sendable {
        private var sources: [DispatchSourceSignal] = []
        private let lock = NSLock()
        private var armed = true

        init(_ path: String) {
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                // A queue of its own gets a thread of its own: the build keeps the shared ones busy.
                let source = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue(label: "gazette-serve-interrupt"))
                source.setEventHandler { [self] in
                    guard lock.withLock({ armed }) else { return }
                    var child: pid_t = 0
                    let words: [String] = ["/bin/rm", "-rf", "--", path]
                    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
                    _ = posix_spawn(&child, "/bin/rm", nil, nil, argv, environ)
                    _exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }

        func cancel() {
            lock.withLock { armed = false }
        }
    }

    /// `body`'s result, with `interrupt` cancelled once it returns or throws.
    static func until<T>(_ interrupt: RemovedOnInterrupt, _ body: () async throws -> T) async rethrows -> T {
        defer { interrupt.cancel() }
        return try await body()
    }
}
