import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One article file as the file system describes it, without reading it.
struct ContentFile: Sendable, Hashable {
    /// Path as the build shows it in messages: "<content folder>/2024/03/a.md".
    var path: String
    var size: Int64
    /// Modification time in nanoseconds.
    var modified: Int64
}

/// Lists the `.md` files under the content folder with their sizes and times.
///
/// Uses `opendir`/`fstatat` directly: Foundation's enumerator and attribute dictionaries cost
/// about ten times as much, and an unchanged 100,000-article archive must be checked in
/// well under a second. Each name is looked up relative to its open folder (no path walk
/// from the root per file), and the folders are scanned by more threads than there are
/// cores: with the page cache cold, each `fstatat` waits on the disk for its inode, and this
/// machine's disk answers four times as many reads thirty-two at a time as two at a time.
enum ContentScan {
    /// Threads that scan folders; when the cache is warm, the work is the cores' anyway.
    static let threads = 8

    static func files(in directory: String) -> [ContentFile] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var top: [ContentFile] = []
        var seen = Set<String>()
        let folders = scan(base, into: &top).filter { !isLinkLoop($0, root: base, seen: &seen) }
        let below = folders.isEmpty ? [] : FolderPool(folders: folders, root: base, seen: seen).run(threads: threads)
        return (top + below).sorted { $0.path < $1.path }
    }

    /// A folder reached through a symbolic link that leads back above the link
    /// (`content/a/loop -> ..`), or to a folder this scan already reached through a link
    /// (two links that lead to each other): scanning it would never end. Other links to
    /// folders are followed, so an archive may link in a folder kept elsewhere. Only folders
    /// reached through a link are resolved: ordinary folders cost one `lstat` per level.
    static func isLinkLoop(_ folder: String, root: String, seen: inout Set<String>) -> Bool {
        guard isUnderLink(folder, root: root) else { return false }
        guard let target = realpath(folder, nil) else { return true }
        defer { free(target) }
        let resolved = String(cString: target)
        guard let parent = realpath((folder as NSString).deletingLastPathComponent, nil) else { return true }
        defer { free(parent) }
        let above = String(cString: parent)
        if resolved == "/" || above == resolved || above.hasPrefix(resolved + "/") { return true }
        return !seen.insert(resolved).inserted
    }

    /// Whether any folder on the path below `root` is a symbolic link.
    private static func isUnderLink(_ folder: String, root: String) -> Bool {
        var path = folder
        while path.count > root.count {
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return true }
            path = (path as NSString).deletingLastPathComponent
        }
        return false
    }

    /// Appends the folder's article files to `out`; returns its subfolders.
    fileprivate static func scan(_ dir: String, into out: inout [ContentFile]) -> [String] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        var folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }  // ".", "..", hidden files and folders
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) { folders.append(dir + "/" + name); continue }
            guard name.hasSuffix(".md") || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) else { continue }
            var info = stat()
            guard fstatat(fd, name, &info, 0) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(dir + "/" + name)
            } else if name.hasSuffix(".md"), (info.st_mode & S_IFMT) == S_IFREG {
                let nanos = info.modifiedNanoseconds
                out.append(ContentFile(path: dir + "/" + name, size: Int64(info.st_size), modified: nanos))
            }
        }
        return folders
    }
}

/// Folders taken from one list by several threads, each adding the subfolders it finds, until
/// the list is empty and no thread is scanning.
private final class FolderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [String]
    private var scanning = 0
    /// Folders reached through links, resolved (see `ContentScan.isLinkLoop`).
    private var seen: Set<String>
    private var found: [ContentFile] = []
    private let root: String

    init(folders: [String], root: String, seen: Set<String>) {
        pending = folders
        self.root = root
        self.seen = seen
    }

    func run(threads: Int) -> [ContentFile] {
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            Thread { [self] in
                work()
                done.leave()
            }.start()
        }
        done.wait()
        return found
    }

    private func work() {
        var mine: [ContentFile] = []
        while let folder = next() {
            let subfolders = ContentScan.scan(folder, into: &mine)
            finished(adding: subfolders)
        }
        condition.withLock { found += mine }
    }

    /// A folder to scan; nil once there is none left and none that could add more.
    private func next() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && scanning > 0 { condition.wait() }
        guard let folder = pending.popLast() else { return nil }
        scanning += 1
        return folder
    }

    private func finished(adding folders: [String]) {
        condition.lock()
        defer { condition.unlock() }
        for folder in folders where !ContentScan.isLinkLoop(folder, root: root, seen: &seen) { pending.append(folder) }
        scanning -= 1
        condition.broadcast()
    }
}

extension stat {
    /// The modification time in nanoseconds: with the size, how the build tells a file it
    /// has seen from one that changed.
    var modifiedNanoseconds: Int64 { Int64(st_mtim.tv_sec) * 1_000_000_000 + Int64(st_mtim.tv_nsec) }
}
