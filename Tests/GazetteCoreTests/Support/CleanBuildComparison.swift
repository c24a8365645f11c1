import Foundation
import Testing
@testable import GazetteCore

/// Builds the site in `site` into `output`: incrementally, or from nothing with `clean`.
@discardableResult
func buildSite(_ site: String, into output: String, clean: Bool = false) throws -> BuildReport {
    var options = buildOptions(site: site, output: output)
    options.clean = clean
    return try SiteBuilder(options: options).build()
}

/// Builds `site` from nothing into a folder of its own and records an issue for every file
/// of `output` that differs from it, or is missing, or is extra.
func expectMatchesCleanBuild(site: String, output: String, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let clean = TemporaryDirectory()
    try buildSite(site, into: clean.path + "/out", clean: true)
    let a = SiteInspector(root: output), b = SiteInspector(root: clean.path + "/out")
    #expect(a.files == b.files, "\(note): file lists differ", sourceLocation: sourceLocation)
    for file in b.files where a.read(file) != b.read(file) {
        Issue.record("\(note): \(file) differs from a clean build", sourceLocation: sourceLocation)
    }
}
