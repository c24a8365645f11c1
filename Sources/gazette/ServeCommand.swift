import ArgumentParser
import Foundation
import GazetteCore
import GazetteServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally, rebuilt and reloaded as you edit.",
        discussion: "Builds into a temporary folder (public/ is left alone), serves it, and reloads open pages after each rebuild. A failed rebuild keeps the last good site and shows its errors on every page.")

    @OptionGroup var site: SiteOptions
    @Option(help: "Address to listen on. Loopback unless you say otherwise.")
    var host = "127.0.0.1"
    @Option(help: "Port; 0 picks a free one.")
    var port = 8080
    @Option(help: "Serve under this path, as on the host, e.g. /archive/.")
    var basePath: String?
    @OptionGroup var publish: PublishOptions

    func run() async throws {
        var options = ServeOptions(build: BuildOptions(
            siteRoot: site.source, theme: publish.theme, filter: publish.filter,
            themeSearchPaths: ThemeSearchPaths.installed()))
        options.host = host
        options.port = port
        options.basePath = basePath
        try await PreviewServer(options: options).run()
    }
}
