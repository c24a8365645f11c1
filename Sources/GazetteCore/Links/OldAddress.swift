import Foundation

/// An address a page had, as a redirect matches it: a path on this site (relative to its
/// base path, with a leading slash) and the query string, if any. A whole old URL
/// (`https://old.example.com/news/view.htm?id=149306`) counts by its path and query: the
/// old host must send its readers here; from then on the path is what is matched.
struct OldAddress: Sendable, Hashable, Comparable {
    var path: String
    var query: String?

    init?(_ text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        if let scheme = rest.range(of: "://") {
            let afterHost = rest[scheme.upperBound...].firstIndex(of: "/") ?? rest.endIndex
            rest = String(rest[afterHost...])
        }
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        var query: String?
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = String(rest[..<mark])
            if query?.isEmpty == true { query = nil }
        }
        if !rest.hasPrefix("/") { rest = "/" + rest }
        guard rest != "/" || query != nil, !rest.contains("\n") else { return nil }
        path = rest
        self.query = query
    }

    init(sitePath: String) {
        path = "/" + sitePath
        query = nil
    }

    /// As written in `redirects.yml` and host rules: `/path?query`.
    var text: String { query.map { path + "?" + $0 } ?? path }

    /// The output file an HTML redirect page goes in, when a static host can serve one
    /// there: not for an address with a query (a file cannot match it) nor for a script's
    /// name (`.php`, `.asp`: a static host would offer the page as a download).
    var pageFile: String? {
        guard query == nil else { return nil }
        let site = String(path.dropFirst())
        if site.isEmpty { return nil }
        if site.hasSuffix("/") { return site + "index.html" }
        let last = (site as NSString).lastPathComponent
        let ext = (last as NSString).pathExtension.lowercased()
        if ext == "html" || ext == "htm" { return site }
        if ext.isEmpty { return site + "/index.html" }
        return nil
    }

    static func < (a: OldAddress, b: OldAddress) -> Bool { a.text < b.text }
}
