import Foundation

/// Countries tagged in front matter that no country table knows ("Narnia", "XX"): they still
/// get their pages, as an editor may mean a region or a territory, but the build says so,
/// since most are typing mistakes that split one country's coverage in two.
enum UnknownCountries {
    /// One warning per unknown name, at the first article (by file) that tags it, with its line.
    static func warnings(in site: Site) -> [Diagnostic] {
        guard let countries = site.taxonomy(.countries) else { return [] }
        return countries.terms.filter { $0.country == nil }.map { term in
            let files = term.articles.map { site.articles[$0].file }.sorted()
            let others = files.count > 1 ? " (and \(files.count - 1) more \(files.count == 2 ? "article" : "articles"))" : ""
            return Diagnostic(
                file: files[0], line: line(naming: term.name, in: files[0]),
                message: "'\(term.name)' is not a country Gazette knows\(others); check the spelling, or write its English short name "
                    + "or ISO code (South Korea, KR). Its page is built all the same")
        }
    }

    /// The front-matter line that names `name`, read again only for this message.
    static func line(naming name: String, in file: String) -> Int? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), let split = FrontMatterSplit(text) else { return nil }
        for (n, line) in split.yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(name) {
            return n + 2
        }
        return nil
    }
}
