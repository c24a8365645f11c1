import ArgumentParser
import Foundation
import GazetteCore

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the archive's people and countries with counts and merged spellings.",
        discussion: "For reviewing tags: fix a name once in entities.yml (aliases, never, add) and import and build both follow it.")

    @OptionGroup var site: SiteOptions
    @Option(help: "Only people or only countries.")
    var only: TaxonomyKind?

    func run() throws {
        do throws(GazetteError) {
            let census = try EntityCensus.take(siteRoot: site.source)
            print(census.report(only: only))
        } catch {
            Terminal.report(error)
            throw ExitCode.failure
        }
    }
}

extension TaxonomyKind: ExpressibleByArgument {}
