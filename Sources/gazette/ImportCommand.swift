import ArgumentParser
import Foundation
import GazetteCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn raw news pages (text dumps, saved HTML) into Markdown articles.",
        discussion: """
            Writes content/YYYY/MM/<slug>.md for each page, tagged with the people and countries it mentions. \
            Importing the same pages again changes nothing; a file an editor changed is kept unless --force.
            """)

    @Argument(help: "Raw pages: .txt, .html or .htm files, or folders read recursively.")
    var paths: [String]
    @Option(help: "The content folder to write into.")
    var into = "content"
    @Flag(help: "Show what would be written without writing.")
    var dryRun = false
    @Flag(help: "Replace article files that differ from what the import gives.")
    var force = false
    @Option(help: "Time zone of the pages' stamps, e.g. +09:00 (default: the site's timezone).")
    var timezone: String?
    @Option(help: "Date for pages that show none, e.g. 2024-03-05 (default: the file's modification time).")
    var defaultDate: String?
    @Option(help: "Also write the summary as JSON to this file.")
    var report: String?

    func run() throws {
        let siteRoot = (URL(fileURLWithPath: into).standardizedFileURL.deletingLastPathComponent().path)
        var config = SiteConfig()
        var registry = EntityRegistry()
        do throws(GazetteError) {
            config = try SiteConfig.load(path: siteRoot + "/gazette.yml")
            registry = try EntityRegistry.load(path: siteRoot + "/entities.yml")
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        var zone = config.timeZone
        if let timezone {
            guard let parsed = SiteTimeZone(timezone) else { throw ValidationError("--timezone must be an offset such as +09:00 or a zone name such as Asia/Seoul") }
            zone = parsed
        }
        var options = ImportOptions(paths: paths, into: into, timeZone: zone)
        options.dryRun = dryRun
        options.force = force
        options.registry = registry
        if let defaultDate {
            guard let date = DateParser(zone: zone).parse(defaultDate) else { throw ValidationError("--default-date must be a date such as 2024-03-05 or 2024-03-05T09:00:00+09:00") }
            options.defaultDate = date
        }
        let result = Importer(options: options).run()
        print(result.summary)
        if let report {
            do { try AtomicFile.write(result.json(), to: report) } catch {
                FileHandle.standardError.write(Data("error: cannot write the report to \(report): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        if !result.failed.isEmpty { throw ExitCode.failure }
    }
}
