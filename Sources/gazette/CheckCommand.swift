import ArgumentParser
import Foundation
import GazetteCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a built site before it goes out.",
        discussion: """
            Reads the built site (public/ unless --output says otherwise) and reports every internal link, image \
            or asset that leads nowhere, every #fragment no element has, every link to a draft or embargoed \
            article, and every redirect that leads to another redirect, with its page. Exits non-zero if any.
            """)

    @OptionGroup var site: SiteOptions
    @Option(name: .shortAndLong, help: "The built site to check (default: <source>/public).")
    var output: String?
    @OptionGroup var publish: PublishOptions
    @Option(help: "Base URL the site was built with, if not the config's.")
    var baseURL: String?
    @Flag(help: "Also try every link to another site (answers are kept for a week beside the output).")
    var external = false
    @Option(help: "With --external: how many sites to ask at once (one request at a time per site).")
    var concurrency = 8

    func run() throws {
        let options = BuildOptions(siteRoot: site.source, output: output, theme: publish.theme, baseURL: baseURL.flatMap(BaseURL.init),
                                   filter: publish.filter, themeSearchPaths: ThemeSearchPaths.installed())
        let started = Date()
        let report: SiteChecker.Report
        do throws(GazetteError) {
            var checker = try SiteChecker(options: options)
            if external {
                var limits = ExternalLinks.Options()
                limits.concurrency = max(1, concurrency)
                checker.external = limits
            }
            report = try checker.run()
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
        for problem in report.problems { FileHandle.standardError.write(Data("problem: \(problem)\n".utf8)) }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let found = report.problems.isEmpty ? "no problems" : report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
        print("Checked \(report.pages) pages and \(report.links) links in \(seconds) s: \(found)")
        if !report.problems.isEmpty { throw ExitCode.failure }
    }
}
