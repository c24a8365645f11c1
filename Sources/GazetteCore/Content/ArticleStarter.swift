import Foundation

/// `gazette new`: a fresh article file with its front matter ready to fill in.
public struct ArticleStarter: Sendable {
    public var config: SiteConfig
    public var contentDirectory: String

    public init(config: SiteConfig, contentDirectory: String) {
        self.config = config
        self.contentDirectory = contentDirectory
    }

    /// The text of a new article.
    /// The slug is written out, so that a later edit of the title does not move the URL.
    public func text(title: String, section: String?, date: ArticleDate) -> String {
        let slug = Slug.make(title, fallback: "article")
        var lines = ["---", "title: \(YAMLText.quoted(title))", "slug: \(YAMLText.quoted(slug))", "date: \(date.rfc3339)"]
        if let section { lines.append("section: \(YAMLText.quoted(section))") }
        lines += ["byline: ", "people: []", "countries: []", "draft: true", "---", "", "Write the story here.", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes the file and returns its path. Never replaces an existing file.
    public func create(title: String, section: String?, now: Date) throws(GazetteError) -> String {
        let seconds = Int64(now.timeIntervalSince1970)
        let date = ArticleDate(seconds: seconds, offset: config.timeZone.offset(at: seconds))
        let t = date.local
        let dir = "\(contentDirectory)/\(t.year)/\(pad(t.month))"
        let path = "\(dir)/\(Slug.make(title, fallback: "article")).md"
        if FileManager.default.fileExists(atPath: path) {
            throw GazetteError(file: path, message: "already exists; choose another title or edit that file")
        }
        do {
            try AtomicFile.write(text(title: title, section: section, date: date), to: path)
        } catch {
            throw GazetteError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
        return path
    }
}

/// YAML scalars written by Gazette: always double-quoted, so no title can turn into a
/// number, a boolean or broken syntax.
public enum YAMLText {
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
