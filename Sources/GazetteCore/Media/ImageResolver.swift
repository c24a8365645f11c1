import Foundation

/// Where an image an article names is. Relative paths are read from the article's folder
/// (an article may be a folder, `content/2024/01/rates/index.md`, with its photos beside it);
/// a path that starts with `/` from the content folder, or from the `media/` folder beside
/// it when it starts with `/media/`; a URL with a scheme is left as it is. A path that
/// leaves both folders (`../../etc/passwd.jpg`) is refused.
public struct ImageResolver: Sendable {
    public enum Location: Sendable, Hashable {
        case file(String)
        case remote(String)
    }

    let content: String
    let media: String

    public init(contentDirectory: String, mediaDirectory: String) {
        content = Self.absolute(contentDirectory)
        media = Self.absolute(mediaDirectory)
    }

    static func absolute(_ path: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasSuffix("/") && full.count > 1 ? String(full.dropLast()) : full
    }

    static func isRemote(_ reference: String) -> Bool {
        let lower = reference.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") || lower.hasPrefix("data:")
    }

    public func resolve(_ reference: String, from articleFile: String) -> Result<Location, GazetteError> {
        if Self.isRemote(reference) { return .success(.remote(reference)) }
        var path = reference
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        guard !path.isEmpty else { return .failure(GazetteError(file: articleFile, message: "an image with no path")) }
        let full: String
        if path.hasPrefix("/media/") {
            full = media + path.dropFirst("/media".count)
        } else if path.hasPrefix("/") {
            full = content + path
        } else {
            full = Self.absolute(articleFile).split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .joined(separator: "/") + "/" + path
        }
        let normal = URL(fileURLWithPath: full).standardizedFileURL.path
        guard normal.hasPrefix(content + "/") || normal.hasPrefix(media + "/") else {
            return .failure(GazetteError(file: articleFile, message:
                "the image '\(reference)' is outside the content and media folders; put it under content/ or media/"))
        }
        return .success(.file(normal))
    }
}
