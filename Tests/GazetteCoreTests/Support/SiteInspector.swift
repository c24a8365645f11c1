import Foundation

/// Reads a built site back: its files, its internal links, and whether they resolve.
struct SiteInspector {
    let root: String
    /// The path the site is served under, "/" or "/archive/".
    var basePath = "/"

    var files: [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    var htmlFiles: [String] { files.filter { $0.hasSuffix(".html") } }

    func read(_ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }

    /// Every `href` and `src` value in an HTML text.
    static func links(in html: String) -> [String] {
        var out: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                out.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return out
    }

    /// Internal links (starting with "/") that point at no file: "page.html -> /missing/".
    func brokenLinks() -> [String] {
        var broken: [String] = []
        for page in htmlFiles {
            for link in Self.links(in: read(page)) where link.hasPrefix("/") && !link.hasPrefix("//") {
                guard let target = file(forURLPath: link) else {
                    broken.append("\(page) -> \(link) (outside \(basePath))")
                    continue
                }
                if !FileManager.default.fileExists(atPath: root + "/" + target) { broken.append("\(page) -> \(link)") }
            }
        }
        return broken
    }

    /// `/archive/people/` → `people/index.html`; nil when outside the base path.
    func file(forURLPath link: String) -> String? {
        var path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        path = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard path.hasPrefix(basePath) else { return nil }
        path = String(path.dropFirst(basePath.count))
        path = path.removingPercentEncoding ?? path
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
