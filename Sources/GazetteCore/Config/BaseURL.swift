import Foundation

/// Where the site will live: `https://example.org/archive/` → origin
/// `https://example.org` and path `/archive/`.
///
/// Pages link with root-relative paths that start with `path`, so the output works when
/// served at that sub-folder; feeds and sitemaps need absolute URLs and add `origin`.
public struct BaseURL: Sendable, Hashable {
    public let origin: String
    /// Always starts and ends with `/`.
    public let path: String

    public static let root = BaseURL(origin: "http://localhost", path: "/")

    init(origin: String, path: String) {
        self.origin = origin
        self.path = path
    }

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" }) else { return nil }
        var path = String(rest.dropFirst(host.count))
        if path.contains("?") || path.contains("#") { return nil }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.init(origin: "\(scheme)://\(host)", path: path)
    }

    /// Same site, served under another path (`gazette serve --base-path`).
    public func with(path newPath: String) -> BaseURL {
        var p = newPath
        if !p.hasPrefix("/") { p = "/" + p }
        if !p.hasSuffix("/") { p += "/" }
        return BaseURL(origin: origin, path: p)
    }

    public var string: String { origin + path }
    /// The host name, without scheme or port: `example.org`.
    public var host: String {
        let afterScheme = origin.range(of: "://").map { String(origin[$0.upperBound...]) } ?? origin
        return String(afterScheme.prefix { $0 != ":" })
    }

    /// `2019/11/12/slug/` → `/archive/2019/11/12/slug/`.
    public func relative(_ sitePath: String) -> String { path + sitePath }

    /// `2019/11/12/slug/` → `https://example.org/archive/2019/11/12/slug/`.
    public func absolute(_ sitePath: String) -> String { origin + path + sitePath }
}
