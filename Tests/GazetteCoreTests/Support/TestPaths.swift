import Foundation
@testable import GazetteCore

/// Where the repository's folders are, from this file's own path.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let themes = repository.appendingPathComponent("Themes").path
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures").path
    static func site(_ name: String) -> String { fixtures + "/sites/" + name }
}

/// A throwaway folder, removed when the test is done with it.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "gazette-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The folder, and what a build into it leaves beside it (its cache and search vectors).
    deinit {
        for suffix in ["", ".gazette-cache", ".gazette-search", ".gazette-commit", ".gazette-images", ".gazette-links", ".gazette-deploy"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Writes files given as relative path → text.
    @discardableResult
    func write(_ files: [String: String]) -> Self {
        for (name, text) in files {
            let full = path + "/" + name
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return self
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }
}

/// A fixed "now" so embargo and feed output never depend on the day the tests run.
let testNow = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

func buildOptions(site: String, output: String, theme: String? = nil, baseURL: String? = nil, drafts: Bool = false, future: Bool = false) -> BuildOptions {
    BuildOptions(siteRoot: site, output: output, theme: theme, baseURL: baseURL.flatMap(BaseURL.init),
                 filter: PublishFilter(drafts: drafts, future: future, now: testNow), themeSearchPaths: [TestPaths.themes])
}

/// Builds and returns the error, or nil when the build succeeded.
func buildError(site: String, output: String) -> GazetteError? {
    do {
        try SiteBuilder(options: buildOptions(site: site, output: output)).build()
        return nil
    } catch {
        return error
    }
}

/// A minimal valid article.
func article(_ title: String, date: String = "2024-01-02T10:00:00+09:00", extra: String = "", body: String = "Body.") -> String {
    "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\n\(body)\n"
}
