import Foundation

/// What `gazette import` was asked to do.
public struct ImportOptions: Sendable {
    /// Files or folders, as given on the command line.
    public var paths: [String]
    /// The content folder to write into.
    public var into: String
    public var dryRun = false
    public var force = false
    /// The zone the pages' stamps are written in.
    public var timeZone: SiteTimeZone
    /// For pages with no date; otherwise the file's modification time.
    public var defaultDate: ArticleDate?
    public var registry = EntityRegistry()

    public init(paths: [String], into: String, timeZone: SiteTimeZone) {
        self.paths = paths
        self.into = into
        self.timeZone = timeZone
    }
}

/// What happened to one raw page.
public struct ImportOutcome: Sendable, Equatable, Codable, Error {
    public enum Status: String, Sendable, Codable {
        /// A new file, or one rewritten with --force.
        case written
        /// The file already says exactly this.
        case unchanged
        /// The file exists and differs (an editor changed it); kept without --force.
        case kept
        /// Would be written (--dry-run).
        case wouldWrite = "would-write"
        case failed
    }

    public var source: String
    public var status: Status
    /// The article file, relative to the content folder.
    public var article: String?
    public var message: String?
    public var review: [String]
}

/// Everything an import did, for the summary and `--report`.
public struct ImportReport: Sendable, Codable {
    public var outcomes: [ImportOutcome]
    public var seconds: Double

    public var failed: [ImportOutcome] { outcomes.filter { $0.status == .failed } }
    public func count(_ status: ImportOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }

    public var summary: String {
        var lines: [String] = []
        let rate = seconds > 0 ? Int(Double(outcomes.count) / seconds) : 0
        lines.append("Imported \(outcomes.count) pages in \(String(format: "%.2f", seconds)) s (\(rate) pages/s): \(count(.written)) written, \(count(.unchanged)) unchanged, \(count(.kept)) kept, \(count(.wouldWrite)) to write (dry run), \(count(.failed)) failed")
        for o in outcomes where o.status == .kept {
            lines.append("  kept: \(o.article ?? "") differs from what \(o.source) gives (edited by hand?); --force replaces it")
        }
        for o in outcomes where !o.review.isEmpty && o.status != .failed {
            lines.append("  review \(o.review.joined(separator: ", ")): \(o.article ?? o.source)")
        }
        for o in outcomes where o.status == .failed {
            lines.append("  error: \(o.source): \(o.message ?? "failed")")
        }
        return lines.joined(separator: "\n")
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
