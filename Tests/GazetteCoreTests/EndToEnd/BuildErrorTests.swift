import Foundation
import Testing
@testable import GazetteCore

/// Sites with one defect each, and the message each must produce.
@Suite struct BuildErrorTests {
    func error(_ files: [String: String]) -> GazetteError? {
        let site = TemporaryDirectory().write(files)
        return buildError(site: site.path, output: site.path + "/public")
    }

    @Test func malformedYAMLNamesFileAndLine() {
        let e = error(["content/a.md": "---\ntitle: \"Unclosed\ndate: 2024-01-01\n---\n"])
        #expect(e?.diagnostics.first?.file.hasSuffix("content/a.md") == true)
        #expect(e?.diagnostics.first?.message.hasPrefix("malformed YAML") == true)
        #expect(e?.diagnostics.first?.line != nil)
    }

    @Test func missingTitle() {
        let e = error(["content/a.md": "---\ndate: 2024-01-01\n---\nBody\n"])
        #expect(e?.description.contains("content/a.md:2: missing 'title'") == true)
    }

    @Test func unparseableDate() {
        let e = error(["content/a.md": "---\ntitle: T\ndate: 31/12/2024\n---\n"])
        #expect(e?.description.contains("content/a.md:3: cannot read 'date: 31/12/2024' as a date") == true)
    }

    @Test func wrongType() {
        let e = error(["content/a.md": "---\ntitle: T\ndate: 2024-01-01\npeople: 3\n---\n"])
        #expect(e?.description.contains("content/a.md:4: 'people' must be a list of names") == true)
    }

    @Test func unknownTheme() {
        let e = error(["gazette.yml": "theme: nonesuch", "content/a.md": article("A")])
        #expect(e?.description.contains("unknown theme 'nonesuch'; the themes found are: default, plain") == true)
    }

    @Test func brokenTemplateNamesItsLine() {
        let e = error(["content/a.md": article("A"), "templates/article.mustache": "<h1>\n{{#article}}\n{{title}}\n"])
        #expect(e?.diagnostics.first?.file.hasSuffix("templates/article.mustache") == true)
        #expect(e?.diagnostics.first?.message.contains("never closed") == true)
    }

    @Test func aTagLeftOpenIsReportedAtItsLine() {
        let e = error(["content/a.md": article("A"), "templates/404.mustache": "<h1>\n<p>{{title</p>\n"])
        #expect(e?.diagnostics.first?.line == 2)
        #expect(e?.diagnostics.first?.message.contains("not closed with }}") == true)
    }

    @Test func missingPartialIsReported() {
        let e = error(["content/a.md": article("A"), "templates/404.mustache": "<p>\n{{> nowhere}}</p>"])
        #expect(e?.description.contains("templates/404.mustache:2: uses the partial 'nowhere'") == true)
    }

    @Test func twoArticlesClaimingOneURLAreNamedTogether() {
        let e = error(["content/a.md": article("Same title"), "content/b.md": article("Same title")])
        let message = e?.diagnostics.first?.description ?? ""
        #expect(message.contains("content/b.md") && message.contains("content/a.md") && message.contains("/2024/01/02/same-title/"))
    }

    @Test func invalidUTF8NamesTheFileAndLine() throws {
        let site = TemporaryDirectory().write(["content/a.md": article("A")])
        var bytes = Data("---\ntitle: T\ndate: 2024-01-01\n---\ncaf".utf8)
        bytes.append(contentsOf: [0xE9, 0x0A])  // Latin-1 é
        try bytes.write(to: URL(fileURLWithPath: site.path + "/content/latin1.md"))
        let e = buildError(site: site.path, output: site.path + "/public")
        #expect(e?.description.contains("content/latin1.md:5: not valid UTF-8 text") == true)
    }

    @Test func allErrorsOfARunAreReportedTogether() {
        let e = error([
            "gazette.yml": "per_page: zero",
            "content/a.md": "---\ndate: 2024-01-01\n---\n",
            "content/b.md": "---\ntitle: B\ndate: never\n---\n",
        ])
        #expect(e?.diagnostics.count == 3)
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = TemporaryDirectory().write(["content/a.md": article("First")])
        let output = site.path + "/public"
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        let before = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        site.write(["content/a.md": article("Second"), "content/b.md": "---\ntitle: broken\n"])
        #expect(buildError(site: site.path, output: output) != nil)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix("public.") }
        #expect(leftovers.sorted() == ["public.gazette-cache", "public.gazette-search"], "no staging folder is left behind")
    }

    @Test func aCleanBuildReplacesTheOutputWhole() throws {
        let site = TemporaryDirectory().write(["content/a.md": article("First")])
        let output = site.path + "/public"
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        try "stale".write(toFile: output + "/stale.html", atomically: true, encoding: .utf8)
        var options = buildOptions(site: site.path, output: output)
        options.clean = true
        try SiteBuilder(options: options).build()
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/2024/01/02/first/index.html"))
    }

    @Test func withoutACacheFilesTheSiteDoesNotHaveAreRemoved() throws {
        let site = TemporaryDirectory().write(["content/a.md": article("First")])
        let output = site.path + "/public"
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        try "stale".write(toFile: output + "/stale.html", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output + ".gazette-cache")
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"))
    }
}
