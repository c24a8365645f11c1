import ArgumentParser
import Foundation
import GazetteCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new article dated now.",
        discussion: "Writes content/YYYY/MM/<slug>.md with front matter to fill in, and prints its path.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "The headline.")
    var title: String
    @Option(help: "The section, e.g. Politics.")
    var section: String?

    func run() throws {
        do throws(GazetteError) {
            let config = try SiteConfig.load(path: site.source + "/gazette.yml")
            let path = try ArticleStarter(config: config, contentDirectory: site.source + "/content")
                .create(title: title, section: section, now: Date())
            print(path)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
