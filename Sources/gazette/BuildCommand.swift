import ArgumentParser
import Foundation
import GazetteCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render content/ into a static site.",
        discussion: "Reads gazette.yml and content/ in the source folder and writes the site to public/. A failed build leaves the previous output untouched.")

    @OptionGroup var site: SiteOptions
    @Option(name: .shortAndLong, help: "Where to write the site (default: <source>/public).")
    var output: String?
    @OptionGroup var publish: PublishOptions
    @Option(help: "Base URL instead of the config's, e.g. https://example.org/archive/.")
    var baseURL: String?
    @Flag(help: "Ignore the build cache and write the whole site anew.")
    var clean = false
    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func run() throws {
        var base: BaseURL?
        if let baseURL {
            guard let parsed = BaseURL(baseURL) else {
                throw ValidationError("--base-url must be an absolute http(s) URL such as https://example.org/archive/")
            }
            base = parsed
        }
        var options = BuildOptions(
            siteRoot: site.source, output: output, theme: publish.theme, baseURL: base,
            filter: publish.filter, themeSearchPaths: ThemeSearchPaths.installed())
        options.clean = clean
        options.processEndsAfterBuild = true
        let terminal = isatty(STDERR_FILENO) == 1
        let builder = SiteBuilder(options: options, progress: terminal ? Terminal.progress : nil)
        do throws(GazetteError) {
            let report = try builder.build()
            Terminal.warn(report.warnings)
            print(report.summary)
            if timings {
                print(PhaseClock.table(report.phases))
                if let why = report.slowTemplates { print("  templates rendered through swift-mustache, not compiled: \(why)") }
            }
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}

struct SiteOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The site folder, holding gazette.yml and content/.")
    var source = "."
}

/// What a build publishes and how it looks, shared by `build` and `serve`.
struct PublishOptions: ParsableArguments {
    @Option(help: "Theme to use instead of the config's.")
    var theme: String?
    @Flag(help: "Include articles marked 'draft: true'.")
    var drafts = false
    @Flag(help: "Include articles dated in the future (embargoed).")
    var future = false

    var filter: PublishFilter { PublishFilter(drafts: drafts, future: future) }
}

enum Terminal {
    /// "Rendering 5000/20000 pages", redrawn in place on a terminal.
    @Sendable static func progress(done: Int, total: Int) {
        let line = done == total ? "\r\u{1B}[K" : "\rRendering \(done)/\(total) pages\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func warn(_ warnings: [Diagnostic]) {
        guard !warnings.isEmpty else { return }
        FileHandle.standardError.write(Data(warnings.map { "warning: \($0)\n" }.joined().utf8))
    }

    static func report(_ error: GazetteError) {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
    }
}
