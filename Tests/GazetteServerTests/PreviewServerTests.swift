import Foundation
import Testing
@testable import GazetteServer

/// `gazette serve` over real HTTP: pages, types, 404, caching, safety, live reload.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithTheirContentTypes() async throws {
        let server = try await ServerHarness(files: sampleSite)
        defer { Task { await server.stop() } }
        for (path, type) in [("/", "text/html"), ("/2024/01/02/first-story/", "text/html"), ("/assets/style.css", "text/css"),
                             ("/feed.xml", "application/atom+xml"), ("/feed.json", "application/feed+json"),
                             ("/sitemap.xml", "application/xml"), ("/robots.txt", "text/plain")] {
            let reply = try await server.get(path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers["content-type"]?.hasPrefix(type) == true, "\(path): \(reply.headers["content-type"] ?? "none")")
        }
        #expect(try await server.get("/2024/01/02/first-story/").body.contains("<h1 class=\"story-title\">First story</h1>"))
        await server.stop()
    }

    @Test func unknownPathsGetTheThemes404PageWithStatus404() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let reply = try await server.get("/no/such/page/")
        #expect(reply.status == 404)
        #expect(reply.body.contains("Page not found"))
        await server.stop()
    }

    @Test func foldersWithoutTheirSlashRedirect() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let reply = try await server.get("/people")
        #expect(reply.status == 301 && reply.headers["location"] == "/people/")
        await server.stop()
    }

    @Test func conditionalRequestsAndHEAD() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let first = try await server.get("/assets/style.css")
        let etag = try #require(first.headers["etag"])
        #expect(first.headers["last-modified"] != nil)
        #expect(try await server.get("/assets/style.css", headers: ["If-None-Match": etag]).status == 304)
        let head = try await server.get("/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] != nil)
        await server.stop()
    }

    @Test func nothingOutsideTheSiteCanBeRead() async throws {
        let server = try await ServerHarness(files: sampleSite)
        for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc/passwd", "/%00", "/assets/%2e%2e/%2e%2e/gazette.yml"] {
            let reply = try await server.rawGet(path)
            #expect(reply.status == 404 || reply.status == 400, "\(path) gave \(reply.status)")
            #expect(!reply.body.contains("root:"), "\(path)")
        }
        await server.stop()
    }

    @Test func symlinksThatPointOutAreNotFollowed() async throws {
        let files = SiteFiles(root: NSTemporaryDirectory() + "gazette-links-" + UUID().uuidString, basePath: "/")
        try FileManager.default.createDirectory(atPath: files.root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: files.root) }
        try FileManager.default.createSymbolicLink(atPath: files.root + "/secret", withDestinationPath: "/etc/passwd")
        try "ok".write(toFile: files.root + "/page.html", atomically: true, encoding: .utf8)
        #expect(files.lookup("/secret") == .notFound)
        #expect(files.lookup("/page.html") == .file(files.root + "/page.html"))
    }

    @Test func twoHundredConcurrentClientsAllGetTheirPages() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<200 {
                group.addTask { try await server.get(i % 2 == 0 ? "/" : "/assets/style.css").status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 200 && statuses.allSatisfy { $0 == 200 })
        await server.stop()
    }

    @Test func anEditRebuildsAndReloadsOpenPages() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let page = try await server.get("/2024/01/02/first-story/")
        #expect(page.body.contains("EventSource(\"/__gazette/events\")"))
        let events = EventStreamReader(url: server.baseURL + "__gazette/events")
        defer { events.cancel() }
        try await Task.sleep(nanoseconds: 300_000_000)
        try server.edit("content/a.md", sampleSite["content/a.md"]!.replacingOccurrences(of: "The first story.", with: "The first story, corrected."))
        #expect(await events.wait(for: "reload", seconds: 5))
        // A reload may come first from a build that started before the edit landed (under
        // Thread Sanitizer, setup is slow enough for that): the edit's own build follows.
        var corrected = false
        for _ in 0..<50 where !corrected {
            corrected = try await server.get("/2024/01/02/first-story/").body.contains("The first story, corrected.")
            if !corrected { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        #expect(corrected)
        await server.stop()
    }

    @Test func aBrokenEditShowsTheErrorsAndTheNextGoodBuildClearsThem() async throws {
        let server = try await ServerHarness(files: sampleSite)
        let events = EventStreamReader(url: server.baseURL + "__gazette/events")
        defer { events.cancel() }
        try await Task.sleep(nanoseconds: 300_000_000)
        try server.edit("content/a.md", "---\ntitle: \"First story\"\ndate: someday\n---\n")
        #expect(await events.wait(for: "reload", seconds: 5))
        let broken = try await server.get("/2024/01/02/first-story/")
        #expect(broken.status == 200, "the last good site is still served")
        #expect(broken.body.contains("id=\"gazette-errors\""))
        #expect(broken.body.contains("content/a.md:3: cannot read &#39;date: someday&#39; as a date"))
        try server.edit("content/a.md", sampleSite["content/a.md"]!)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(!(try await server.get("/").body.contains("gazette-errors")))
        await server.stop()
    }

    @Test func aBasePathPreviewsTheSiteUnderItsSubFolder() async throws {
        let server = try await ServerHarness(files: sampleSite, basePath: "/archive/")
        #expect(server.baseURL.hasSuffix("/archive/"))
        let home = try await server.get("")
        #expect(home.status == 200 && home.body.contains("href=\"/archive/assets/style.css\""))
        #expect(try await server.rawGet("/").status == 301)
        #expect(try await server.rawGet("/assets/style.css").status == 404)
        await server.stop()
    }

    @Test func bindsToLoopbackByDefault() {
        #expect(ServeOptions(build: .init(siteRoot: ".")).host == "127.0.0.1")
    }
}
