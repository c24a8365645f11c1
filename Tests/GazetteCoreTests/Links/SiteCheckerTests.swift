import Foundation
import Testing
@testable import GazetteCore

/// `gazette check` finds what would fail a reader, with the page and the link.
@Suite struct SiteCheckerTests {
    let site = TemporaryDirectory()
    var output: String { site.path + "/public" }

    func check() throws -> SiteChecker.Report {
        try SiteChecker(options: buildOptions(site: site.path, output: output)).run()
    }

    @Test func aBuiltSiteWithPhotosAndRedirectsHasNoProblem() throws {
        let photos = PhotoSite()
        photos.folder.write(["content/plain.md": article("Plain", extra: "aliases: [/old/plain/]\n")])
        try photos.build()
        let report = try SiteChecker(options: buildOptions(site: photos.root, output: photos.output)).run()
        #expect(report.problems == [])
        #expect(report.pages > 10 && report.links > 100)
    }

    @Test func brokenLinksFragmentsAndDraftsAreReportedWithTheirPage() throws {
        site.write([
            "content/a.md": article("A story", body: "[gone](/nowhere/), [here](#nothing), [list](/people/#nosuch), "
                + "[draft](/2024/01/03/not-yet/), [elsewhere](https://example.net/x) and [home](/#main)."),
            "content/draft.md": article("Not yet", date: "2024-01-03T10:00:00+09:00", extra: "draft: true\n"),
        ])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        let problems = try check().problems
        let page = "2024/01/02/a-story/index.html"
        #expect(problems.map(\.page) == [page, page, page, page])
        #expect(problems.map(\.link).sorted() == ["#nothing", "/2024/01/03/not-yet/", "/nowhere/", "/people/#nosuch"])
        #expect(problems.contains { $0.reason.contains("draft.md, which is a draft or embargoed") })
    }

    @Test func aRedirectToAnotherRedirectIsReported() throws {
        site.write(["content/a.md": article("A story")])
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        let files = RedirectFiles(plan: .empty, base: BaseURL("https://example.org/")!, language: "en")
        try files.page(to: "second/").write(toFile: output + "/first.html", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: output + "/second", withIntermediateDirectories: true)
        try files.page(to: "2024/01/02/a-story/").write(toFile: output + "/second/index.html", atomically: true, encoding: .utf8)
        let problems = try check().problems
        #expect(problems.count == 1)
        #expect(problems.first?.page == "first.html" && problems.first?.reason.contains("another redirect") == true)
    }

    @Test func noSiteIsAClearError() {
        #expect(throws: GazetteError.self) { try check() }
    }
}

/// `--external` against a real server on loopback (nginx), never the internet.
@Suite(.enabled(if: LoopbackNginx.isAvailable)) struct ExternalLinkTests {
    @Test func linksToAnotherSiteThatAnswer404AreReportedAndAnswersAreKept() throws {
        let other = TemporaryDirectory().write(["www/here.html": "<!DOCTYPE html><title>x</title>"])
        let nginx = try LoopbackNginx(serverBlock: """
            server { listen 80; root \(other.path)/www; }
            """, redirects: nil)
        let site = TemporaryDirectory()
        let base = "http://127.0.0.1:\(nginx.port)"
        site.write(["content/a.md": article("A story", body: "[fine](\(base)/here.html) and [gone](\(base)/gone.html)")])
        let output = site.path + "/public"
        try SiteBuilder(options: buildOptions(site: site.path, output: output)).build()
        var checker = try SiteChecker(options: buildOptions(site: site.path, output: output))
        var limits = ExternalLinks.Options()
        limits.delayPerHost = 0
        checker.external = limits
        let problems = try checker.run().problems
        #expect(problems.map(\.link) == ["\(base)/gone.html"])
        #expect(problems.first?.reason == "the other site answers 404")
        let kept = ExternalLinks.load(ExternalLinks.cachePath(forOutput: output))
        #expect(kept["\(base)/here.html"]?.status == 200 && kept["\(base)/gone.html"]?.status == 404)
    }
}
