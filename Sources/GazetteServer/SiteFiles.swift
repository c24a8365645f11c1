import Foundation
import Hummingbird

/// Maps request paths to files of the built site, safely: nothing outside the site folder
/// can be read, whatever the path says (`..`, `%2e%2e`, or a symlink that points out).
struct SiteFiles: Sendable {
    /// The site folder, with symlinks resolved.
    let root: String
    /// The path the site is served under, "/" or "/archive/".
    let basePath: String

    enum Lookup: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(String)
        case notFound
    }

    /// `/archive/people/` → `<root>/people/index.html`.
    func lookup(_ requestPath: String) -> Lookup {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0") else { return .notFound }
        guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return .notFound }
        if decoded + "/" == basePath { return .redirect(basePath) }
        let relative = String(decoded.dropFirst(basePath.count))
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        var candidate = root + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            if !relative.isEmpty && !relative.hasSuffix("/") { return .redirect(decoded + "/") }
            candidate += "/index.html"
        }
        // Resolve symlinks and check the real path is still inside the site.
        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notFound
        }
        return .file(real)
    }

    /// The content type for a file, by name and extension. Feeds get their own types.
    static func contentType(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
        if name == "feed.json" { return "application/feed+json; charset=utf-8" }
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        default:
            if let media = MediaType.getMediaType(forExtension: ext) { return media.description }
            return "application/octet-stream"
        }
    }
}
