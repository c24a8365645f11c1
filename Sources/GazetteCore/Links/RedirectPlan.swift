/// Every redirect the build writes, resolved: from `redirects.yml` and the articles'
/// `aliases:`, each old address led straight to the live page at the end of its chain
/// (A → B → C becomes A → C and B → C), none from an address a live page has.
struct RedirectPlan: Sendable {
    struct Redirect: Sendable, Hashable {
        var from: OldAddress
        /// The live page's site path.
        var to: String
    }

    var redirects: [Redirect] = []
    /// Redirects whose chain ends at no page of the site (the article was deleted), or
    /// loops: warnings, with the file and line that made them.
    var warnings: [Diagnostic] = []

    static let empty = RedirectPlan(redirects: [], warnings: [])

    init(redirects: [Redirect], warnings: [Diagnostic]) {
        self.redirects = redirects
        self.warnings = warnings
    }

    /// - Parameters:
    ///   - isLive: whether the site has a page at a site path (`2024/01/11/a-story/`).
    init(table: RedirectTable, tableFile: String, articles: [Article], articlePaths: [String], isLive: (String) -> Bool) {
        var next: [OldAddress: String] = [:]
        var origin: [OldAddress: Diagnostic] = [:]
        for entry in table.entries {
            next[entry.from] = entry.to
            origin[entry.from] = Diagnostic(file: tableFile, line: entry.line, message: "")
        }
        // An article's own aliases win over the table: they are where the article says it was.
        for (i, article) in articles.enumerated() {
            for alias in article.aliases {
                guard let from = OldAddress(alias) else {
                    warnings.append(Diagnostic(file: article.file, message: "the alias '\(alias)' is not an address"))
                    continue
                }
                next[from] = articlePaths[i]
                origin[from] = Diagnostic(file: article.file, message: "")
            }
        }
        for from in next.keys.sorted() {
            if from.query == nil, isLive(String(from.path.dropFirst())) || isLive(String(from.path.dropFirst()) + "/") { continue }
            var target = next[from]!
            var seen: Set<String> = [from.text]
            var loops = false
            while !isLive(target), let further = next[OldAddress(sitePath: target)] {
                if !seen.insert("/" + target).inserted { loops = true; break }
                target = further
            }
            let place = origin[from]!
            if loops {
                warnings.append(Diagnostic(file: place.file, line: place.line, message:
                    "the redirect from \(from.text) goes round in a loop; it is left out"))
            } else if !isLive(target) {
                warnings.append(Diagnostic(file: place.file, line: place.line, message:
                    "the redirect from \(from.text) leads to /\(target), which the site does not have; it is left out"))
            } else {
                redirects.append(Redirect(from: from, to: target))
            }
        }
    }
}
