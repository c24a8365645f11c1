import ArgumentParser
import GazetteCore

@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A static site generator for news archives.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, DeployCommand.self, ImportCommand.self, NewCommand.self, EntitiesCommand.self])
}
