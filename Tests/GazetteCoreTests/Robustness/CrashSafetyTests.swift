import Foundation
import Testing
@testable import GazetteCore

/// `kill -9` at random moments: a build leaves the previous site or the new one and no
/// litter, and the next build gives what a clean build gives; an import never leaves a
/// half-written article.
@Suite(.serialized) struct CrashSafetyTests {
    static let articles = 2_000

    /// An archive of 2,000 articles; `edition` changes the site title (every page) and
    /// one article's body, removes one article and adds another.
    static func writeSite(_ root: String, edition: Int, count: Int = articles) throws {
        let people = ["Ana Lima", "Kim Min-su", "José Ramos", "Lee Ji-ho", "Mark Hale", "Sato Yuki", "Omar Haddad"]
        let countries = ["Japan", "South Korea", "France", "Brazil", "Egypt", "Canada"]
        let sections = ["Politics", "Economy", "World", "Culture"]
        try? FileManager.default.removeItem(atPath: root + "/content")
        var files = ["gazette.yml": "title: Kill Test Times \(edition)\nbase_url: https://example.org/\nper_page: 20\n"]
        for i in 0..<count where !(edition == 1 && i == 7) {
            let month = i % 12 + 1, day = i % 28 + 1
            let body = edition == 1 && i == 3 ? "An edited first paragraph." : "Report \(i) on the harbour, the markets and the talks.\n\nMore detail \(i)."
            files["content/\(2020 + i % 5)/\(String(format: "%02d", month))/story-\(i).md"] = article(
                "Story \(i) of the archive", date: String(format: "%d-%02d-%02dT09:00:00+09:00", 2020 + i % 5, month, day),
                extra: "section: \(sections[i % 4])\npeople: [\(people[i % 7]), \(people[(i * 3 + 1) % 7])]\ncountries: [\(countries[i % 6])]\n",
                body: body)
        }
        if edition == 1 { files["content/2024/06/added.md"] = article("An added story", date: "2024-06-01T09:00:00+09:00") }
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// What sits beside the output, other than the output, its cache and search vectors.
    static func litter(beside output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent, base = (output as NSString).lastPathComponent
        let kept: Set = [base, base + ".gazette-cache", base + ".gazette-search"]
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
            ($0.hasPrefix(base) || $0.hasPrefix("." + base)) && !kept.contains($0)
        }
    }

    @Test func aRebuildKilledAtTwentyMomentsLeavesOneWholeSiteAndTheNextBuildIsClean() throws {
        let root = scratchFolder("kill-build")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site", output = site + "/public", logs = root + "/log"
        // The new site, built clean elsewhere: what every rebuild must end as.
        try Self.writeSite(site, edition: 1)
        try GazetteProcess.run(["build", "--source", site, "--output", root + "/expected", "--clean"], logs: logs)
        let new = Snapshot(root + "/expected")
        // The old site with its cache and search vectors, kept to start each attempt from.
        try Self.writeSite(site, edition: 0)
        let first = try GazetteProcess.run(["build", "--source", site], logs: logs)
        #expect(first.status == 0, "\(first.output)")
        let old = Snapshot(output)
        #expect(old != new && old.files.count > Self.articles)
        for suffix in ["", ".gazette-cache", ".gazette-search"] { try copyTree(output + suffix, root + "/old" + suffix) }
        try Self.writeSite(site, edition: 1)

        // How long a rebuild takes, to spread the kills over it.
        let started = Date()
        try GazetteProcess.run(["build", "--source", site], logs: logs)
        let duration = Date().timeIntervalSince(started)
        #expect(Snapshot(output) == new)

        var outcomes: [String: Int] = [:]
        for attempt in 0..<20 {
            for suffix in ["", ".gazette-cache", ".gazette-search"] { try copyTree(root + "/old" + suffix, output + suffix) }
            let moment = Double.random(in: 0.02...(duration * 1.05))
            let process = try GazetteProcess.start(["build", "--source", site], logs: logs)
            Thread.sleep(forTimeInterval: moment)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = Snapshot(output)
            let journal = FileManager.default.fileExists(atPath: OutputRecovery.journalPath(forOutput: output))
            let state = after == old ? "old" : after == new ? "new" : journal ? "in its commit" : "mixed"
            outcomes[state, default: 0] += 1
            #expect(state != "mixed", "attempt \(attempt), killed at \(moment) s: against old: \(after.difference(from: old)); against new: \(after.difference(from: new))")
            if state == "in its commit" {
                // Whatever runs next finishes the commit first: the new site, whole.
                OutputRecovery.prepare(output: output)
                #expect(Snapshot(output) == new, "attempt \(attempt): a finished commit gives the new site")
            }
            let next = try GazetteProcess.run(["build", "--source", site], logs: logs)
            #expect(next.status == 0, "\(next.output)")
            #expect(Snapshot(output) == new, "attempt \(attempt), killed at \(moment) s: \(Snapshot(output).difference(from: new))")
            #expect(Self.litter(beside: output) == [], "attempt \(attempt)")
        }
        print("CrashSafetyTests: 20 kills over a \(String(format: "%.2f", duration)) s rebuild of \(Self.articles) articles left the site \(outcomes)")
    }

    /// Raw text pages of the wire-agency layout, each its own story.
    static func writeRawPages(_ folder: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for i in 0..<count {
            let text = """
                SEOUL, Oct. 3 (Yonhap) -- Trade Minister Kwon Young-se on Tuesday announced plan number \(i) to expand the port of Busan, officials said.

                The plan, the \(i)th of its kind, was welcomed by shipping firms in Japan and China.

                "We will keep working on it," Kwon said.

                By Kim Soo-yeon
                """
            try text.write(toFile: folder + "/page-\(i).txt", atomically: false, encoding: .utf8)
        }
    }

    @Test func anImportKilledAtRandomMomentsNeverLeavesAHalfWrittenArticle() throws {
        let root = scratchFolder("kill-import")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let raw = root + "/raw", logs = root + "/log"
        try Self.writeRawPages(raw, count: 400)
        let arguments = ["import", raw, "--default-date", "2023-10-03", "--timezone", "+09:00", "--into"]
        let started = Date()
        let whole = try GazetteProcess.run(arguments + [root + "/expected"], logs: logs)
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.output)")
        let expected = Snapshot(root + "/expected")
        #expect(expected.files.count == 400)
        for attempt in 0..<10 {
            let content = root + "/content-\(attempt)"
            let moment = Double.random(in: 0.02...(duration * 1.05))
            let process = try GazetteProcess.start(arguments + [content], logs: logs)
            Thread.sleep(forTimeInterval: moment)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = Snapshot(content)
            for (path, hash) in after.files where !(path as NSString).lastPathComponent.hasPrefix(".") {
                #expect(expected.files[path] == hash, "attempt \(attempt), killed at \(moment) s: \(path) is not the article a whole import writes")
            }
            let again = try GazetteProcess.run(arguments + [content], logs: logs)
            #expect(again.status == 0, "\(again.output)")
            #expect(Snapshot(content) == expected, "attempt \(attempt): \(Snapshot(content).difference(from: expected))")
        }
    }
}

/// `gazette serve` stopped during its first build: nothing of its temporary folder is left.
@Suite struct ServeInterruptTests {
    @Test func sigtermDuringTheFirstBuildLeavesNoWorkspace() throws {
        let site = TemporaryDirectory(), temporary = TemporaryDirectory()
        var files = ["gazette.yml": "title: Stopped\nbase_url: https://example.org/\n"]
        for i in 0..<3000 { files["content/2024/\(i % 12 + 10)/story-\(i).md"] = article("Story \(i)", body: "Text \(i).") }
        site.write(files)
        let serve = try GazetteProcess.start(["serve", "--source", site.path, "--port", "0"], logs: temporary.path + "/log",
                                             environment: ["TMPDIR": temporary.path])
        func workspaces() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasPrefix("gazette-serve-") }
        }
        for _ in 0..<500 where workspaces().isEmpty { Thread.sleep(forTimeInterval: 0.01) }
        #expect(workspaces().count == 1)
        Thread.sleep(forTimeInterval: 0.05)  // into the build
        serve.terminate()
        serve.waitUntilExit()
        let output = (try? String(contentsOfFile: temporary.path + "/log.out", encoding: .utf8)) ?? ""
        #expect(!output.contains("Serving at"), "the signal came during the first build")
        #expect(serve.terminationStatus == 128 + SIGTERM)
        for _ in 0..<500 where !workspaces().isEmpty { Thread.sleep(forTimeInterval: 0.01) }
        #expect(workspaces().isEmpty)
    }
}
