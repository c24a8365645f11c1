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
/// from the root per file), and the folders below the top are scanned in parallel.
enum ContentScan {
    static func files(in directory: String) -> [ContentFile] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var top: [ContentFile] = []
        let folders = scan(base, into: &top)
        let below = folders.parallelMap { folder -> [ContentFile] in
            var out: [ContentFile] = []
            var pending = [folder]
            while let next = pending.popLast() { pending += scan(next, into: &out) }
            return out
        }
        return (top + below.joined()).sorted { $0.path < $1.path }
    }

    /// Appends the folder's article files to `out`; returns its subfolders.
    private static func scan(_ dir: String, into out: inout [ContentFile]) -> [String] {
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
                let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                out.append(ContentFile(path: dir + "/" + name, size: Int64(info.st_size), modified: nanos))
            }
        }
        return folders
    }
}
