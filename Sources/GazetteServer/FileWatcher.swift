import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) and single files for changes with Linux inotify, and
/// reports a burst of changes once it has been quiet for a moment: an editor saving 50
/// files, or a `git checkout`, gives one call, not 50.
final class FileWatcher: @unchecked Sendable {
    private let fd: Int32
    private var folders: [Int32: String] = [:]  // watch descriptor → folder
    private let lock = NSLock()
    private let quiet: TimeInterval
    private let onChange: @Sendable () -> Void
    private var thread: Thread?
    private var stopped = false

    static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)

    /// - Parameters:
    ///   - paths: folders to watch with all their subfolders, and files (watched through their folder).
    ///   - ignore: names never worth a rebuild (the output folder, editor swap files).
    init?(paths: [String], quietMilliseconds: Int, onChange: @escaping @Sendable () -> Void) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        quiet = TimeInterval(quietMilliseconds) / 1000
        self.onChange = onChange
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { addTree(path) } else { add((path as NSString).deletingLastPathComponent) }
        }
    }

    deinit { close(fd) }

    private func add(_ folder: String) {
        let wd = inotify_add_watch(fd, folder, Self.mask)
        if wd >= 0 { lock.withLock { folders[wd] = folder } }
    }

    private func addTree(_ folder: String) {
        add(folder)
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        for case let item as String in walker {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + item
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { add(full) }
        }
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "gazette-watcher"
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changedAt: Date?
        while !isStopped {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let timeout: Int32 = changedAt == nil ? 250 : Int32(max(10, quiet * 1000 / 2))
            if poll(&pfd, 1, timeout) > 0 {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    handle(buffer, count: n)
                    changedAt = Date()
                }
            }
            if let at = changedAt, Date().timeIntervalSince(at) >= quiet {
                changedAt = nil
                onChange()
            }
        }
    }

    /// Watches folders created since, so a new `content/2025/` is seen too.
    private func handle(_ buffer: [UInt8], count: Int) {
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
            let event = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: inotify_event.self) }
            let nameLength = Int(event.len)
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, nameLength > 0 {
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let bytes = buffer[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
                if let folder = lock.withLock({ folders[event.wd] }) {
                    addTree(folder + "/" + String(decoding: bytes, as: UTF8.self))
                }
            }
            offset += MemoryLayout<inotify_event>.size + nameLength
        }
    }
}
