import Foundation
import Yams

/// `redirects.yml` beside `gazette.yml`: old addresses and where their pages went, kept with
/// the content (so a clean build has every redirect) and added to by the build itself when an
/// article's URL changes.
///
///     /2024/01/11/central-bank-holds-rate/: /2024/01/11/central-bank-holds-its-rate/
///     "/news/view.htm?id=149306": /2024/01/11/central-bank-holds-its-rate/
struct RedirectTable: Sendable {
    struct Entry: Sendable, Hashable {
        var from: OldAddress
        var to: String
        var line: Int?
    }

    var entries: [Entry] = []

    static func path(siteRoot: String) -> String { siteRoot + "/redirects.yml" }

    static func load(path: String) throws(GazetteError) -> RedirectTable {
        guard let data = FileManager.default.contents(atPath: path) else { return RedirectTable() }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GazetteError(file: path, message: "cannot read the redirects as UTF-8 text")
        }
        var fields = YAMLFields(yaml: text, file: path)
        var table = RedirectTable()
        for key in fields.keys {
            let line = fields.line(ofKey: key)
            guard let from = OldAddress(key) else {
                fields.diagnostics.append(Diagnostic(file: path, line: line, message: "'\(key)' is not an address to redirect"))
                continue
            }
            guard let to = fields.string(key), let target = OldAddress(to), target.query == nil else {
                fields.diagnostics.append(Diagnostic(file: path, line: line, message:
                    "'\(key)' must lead to a page of the site, written as a path such as /2024/01/11/a-story/"))
                continue
            }
            table.entries.append(Entry(from: from, to: String(target.path.dropFirst()), line: line))
        }
        if !fields.diagnostics.isEmpty { throw GazetteError(fields.diagnostics) }
        return table
    }

    /// The whole file, entries sorted by their old address.
    func text() -> String {
        var out = "# Old addresses of pages that moved, and where they went (paths within the site).\n"
        out += "# `gazette build` adds a line when an article's URL changes; commit this file with the content.\n"
        for entry in entries.sorted(by: { $0.from < $1.from }) {
            out += "\(YAMLText.quoted(entry.from.text)): \(YAMLText.quoted("/" + entry.to))\n"
        }
        return out
    }

    /// The table with `moves` added (an old address already in it now leads to its new place).
    func adding(_ moves: [Entry]) -> RedirectTable {
        var byAddress: [OldAddress: Entry] = [:]
        for entry in entries + moves { byAddress[entry.from] = entry }
        return RedirectTable(entries: byAddress.values.sorted { $0.from < $1.from })
    }
}
