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

    /// Where an article goes: its slug and path, and the file already there, if any.
    private struct Placement: Sendable {
        var article: ImportedArticle
        var slug: String
        var relative: String
        var full: String
        var existing: String?
    }

    /// Writes every article. Each one's path is chosen in order (two pages with one title
    /// take `slug` and `slug-2` in the order given); the files are made and written on every
    /// core, since one at a time that was a tenth of an import's time and all of it serial.
    mutating func write(_ articles: [ImportedArticle]) -> [ImportOutcome] {
        let placements = articles.map { place($0) }
        let (dryRun, force) = (self.dryRun, self.force)
        return placements.parallelMap { Self.write($0, dryRun: dryRun, force: force) }
    }

    private mutating func place(_ article: ImportedArticle) -> Placement {
        let base = article.slug
        var n = 1
        while true {
            let slug = n == 1 ? base : "\(base)-\(n)"
            let relative = article.relativePath(slug: slug)
            let full = contentDirectory + "/" + relative
            n += 1
            if claimed.contains(relative) { continue }
            let existing = FileManager.default.contents(atPath: full).flatMap { String(data: $0, encoding: .utf8) }
            // A file from another raw page with the same title: take the next slug.
            if let existing, Self.importedFrom(existing) != article.importedFrom { continue }
            claimed.insert(relative)
            let folder = (full as NSString).deletingLastPathComponent
            if !dryRun, visited.insert(folder).inserted { AtomicFile.removeAbandoned(in: folder) }
            return Placement(article: article, slug: slug, relative: relative, full: full, existing: existing)
        }
    }

    private static func write(_ placement: Placement, dryRun: Bool, force: Bool) -> ImportOutcome {
        let article = placement.article
        func outcome(_ status: ImportOutcome.Status, _ message: String? = nil) -> ImportOutcome {
            ImportOutcome(source: article.importedFrom, status: status, article: placement.relative, message: message,
                          review: article.review)
        }
        let text = article.fileText(slug: placement.slug)
        if placement.existing == text { return outcome(.unchanged) }
        if placement.existing != nil && !force {
            return outcome(.kept, "differs from what the import would write; use --force to replace it")
        }
        if dryRun { return outcome(.wouldWrite) }
        do {
            try AtomicFile.write(text, to: placement.full)
            return outcome(.written)
        } catch {
            return outcome(.failed, "cannot write \(placement.full): \(error)")
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
