import Foundation
import Yams

/// Writes imported articles into the content folder: atomically, idempotently, and never
/// over a file an editor changed unless forced.
struct ArticleFileWriter {
    let contentDirectory: String
    let dryRun: Bool
    let force: Bool
    /// Paths claimed in this run, so two pages with one title get two files.
    private var claimed: Set<String> = []
    /// Folders written to in this run, each cleared of a killed import's temporary files once.
    private var visited: Set<String> = []

    init(contentDirectory: String, dryRun: Bool, force: Bool) {
        self.contentDirectory = contentDirectory
        self.dryRun = dryRun
        self.force = force
    }

    mutating func write(_ article: ImportedArticle) -> ImportOutcome {
        let base = article.slug
        var n = 1
        while true {
            let slug = n == 1 ? base : "\(base)-\(n)"
            let relative = article.relativePath(slug: slug)
            let text = article.fileText(slug: slug)
            let full = contentDirectory + "/" + relative
            n += 1
            if claimed.contains(relative) { continue }
            let existing = FileManager.default.contents(atPath: full).flatMap { String(data: $0, encoding: .utf8) }
            // A file from another raw page with the same title: take the next slug.
            if let existing, Self.importedFrom(existing) != article.importedFrom { continue }
            claimed.insert(relative)
            func outcome(_ status: ImportOutcome.Status, _ message: String? = nil) -> ImportOutcome {
                ImportOutcome(source: article.importedFrom, status: status, article: relative, message: message, review: article.review)
            }
            if existing == text { return outcome(.unchanged) }
            if existing != nil && !force { return outcome(.kept, "differs from what the import would write; use --force to replace it") }
            if dryRun { return outcome(.wouldWrite) }
            let folder = (full as NSString).deletingLastPathComponent
            if visited.insert(folder).inserted { AtomicFile.removeAbandoned(in: folder) }
            do {
                try AtomicFile.write(text, to: full)
                return outcome(.written)
            } catch {
                return outcome(.failed, "cannot write \(full): \(error)")
            }
        }
    }

    /// The `imported_from` value of an article file, without a full YAML parse.
    static func importedFrom(_ text: String) -> String? {
        guard let split = FrontMatterSplit(text) else { return nil }
        for line in split.yaml.split(separator: "\n") where line.hasPrefix("imported_from:") {
            let value = line.dropFirst("imported_from:".count).trimmed()
            if value.hasPrefix("\"") {
                return (try? Yams.load(yaml: value) as? String) ?? String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
