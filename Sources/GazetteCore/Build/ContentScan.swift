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
/// Uses `opendir`/`lstat` directly: Foundation's enumerator and attribute dictionaries cost
/// about ten times as much, and an unchanged 100,000-article archive must be checked in
/// well under a second.
enum ContentScan {
    static func files(in directory: String) -> [ContentFile] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var out: [ContentFile] = []
        walk(base, into: &out)
        return out.sorted { $0.path < $1.path }
    }

    private static func walk(_ dir: String, into out: inout [ContentFile]) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }  // ".", "..", hidden files and folders
            let path = dir + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &out)
            } else if name.hasSuffix(".md"), (info.st_mode & S_IFMT) == S_IFREG {
                let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                out.append(ContentFile(path: path, size: Int64(info.st_size), modified: nanos))
            }
        }
    }
}
