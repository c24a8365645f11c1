import ArgumentParser
import Foundation
import GazetteCore

struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Send the built site to a target named in gazette.yml.",
        discussion: """
            Sends only the files that changed since the last deploy to that target, as the build recorded them: \
            images first, then the other files, then the HTML, and removals last. Build (and check) first.
            """)

    @Argument(help: "The target, as named under 'deploy:' in gazette.yml (optional when there is one).")
    var target: String?
    @OptionGroup var site: SiteOptions
    @Option(name: .shortAndLong, help: "The built site (default: <source>/public).")
    var output: String?
    @Flag(help: "List what would be sent and removed, and send nothing.")
    var dryRun = false
    @Option(help: "Print a web server configuration for this site (nginx or apache) and exit.")
    var printConfig: String?
    @Option(help: "With --print-config: the folder the server serves (default: /var/www/site).")
    var root = "/var/www/site"

    func run() throws {
        let options = BuildOptions(siteRoot: site.source, output: output, themeSearchPaths: ThemeSearchPaths.installed())
        if let printConfig {
            let config: SiteConfig
            do { config = try SiteConfig.load(path: options.configFile) } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            switch printConfig {
            case "nginx": print(HostConfig.nginx(base: config.baseURL, root: root), terminator: "")
            case "apache": print(HostConfig.apache(base: config.baseURL, root: root), terminator: "")
            default: throw ValidationError("--print-config takes nginx or apache")
            }
            return
        }
        do throws(GazetteError) {
            let deployer = Deployer(options: options, target: try Deployer.target(named: target, options: options))
            let report = try deployer.run(dryRun: dryRun)
            if dryRun {
                let plan = report.plan
                for path in plan.images + plan.files + plan.pages { print("send \(path)") }
                for path in plan.removals { print("remove \(path)") }
            }
            print(report.summary)
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}
