import Foundation

/// Up to five related articles for each article, from the people and countries they
/// share, each shared name weighted by its rarity (a shared rare name counts more than a
/// shared "South Korea"), nearness in time breaking ties.
///
/// A name carried by thousands of articles contributes only the articles nearest in time
/// to this one (`window` on each side); a rare name contributes all of its articles. That
/// keeps the work linear in the archive's size.
enum RelatedArticles {
    static func compute(site: Site, limit: Int = 5, window: Int = 40) -> [[Int]] {
        let n = Double(max(1, site.articles.count))
        let taxonomies = [site.taxonomy(.people), site.taxonomy(.countries)].compactMap { $0 }
        // Scores go into an array as long as the archive, one per run of articles, with the
        // articles touched listed beside it: a dictionary per article was most of the time.
        let count = site.articles.count
        let runs = ProcessorCount.runs(of: count, minimumRun: 512, parts: ProcessorCount.value * 8)
        return runs.parallelMap { run -> [[Int]] in
            var scores = [Double](repeating: 0, count: count)
            var touched: [Int] = []
            return run.map { a -> [Int] in
                let article = site.articles[a]
                for taxonomy in taxonomies {
                    for name in Site.names(of: article, in: taxonomy.config.kind) {
                        guard let term = taxonomy.term(named: name), term.articles.count > 1 else { continue }
                        let weight = log(n / Double(term.articles.count)) + 0.01
                        let list = term.articles
                        var range = list.indices
                        if list.count > 2 * window + 1 {
                            let position = binarySearch(list, a)
                            range = max(0, position - window)..<min(list.count, position + window + 1)
                        }
                        for k in range where list[k] != a {
                            if scores[list[k]] == 0 { touched.append(list[k]) }
                            scores[list[k]] += weight
                        }
                    }
                }
                defer {
                    for k in touched { scores[k] = 0 }
                    touched.removeAll(keepingCapacity: true)
                }
                return best(touched, scores: scores, of: a, limit: limit, site: site)
            }
        }.flatMap { $0 }
    }

    /// The `limit` best-scored candidates, by a partial selection rather than a sort of them
    /// all: highest score first, then nearest in time, then first in the archive (a total
    /// order, so the order candidates come in does not matter).
    private static func best(_ candidates: [Int], scores: [Double], of a: Int, limit: Int, site: Site) -> [Int] {
        let date = site.articles[a].date.seconds
        func better(_ x: Int, _ y: Int) -> Bool {
            if scores[x] != scores[y] { return scores[x] > scores[y] }
            let dx = abs(site.articles[x].date.seconds - date), dy = abs(site.articles[y].date.seconds - date)
            return dx != dy ? dx < dy : x < y
        }
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        for candidate in candidates {
            if best.count == limit, let last = best.last, !better(candidate, last) { continue }
            let at = best.firstIndex { better(candidate, $0) } ?? best.count
            best.insert(candidate, at: at)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// A hash of what `compute` reads: every article's date and names, in site order.
    static func inputs(site: Site, limit: Int) -> UInt64 {
        // Runs of a fixed size (not one per core, so the hash is the same on any machine) are
        // hashed in parallel, then their hashes in order.
        let n = site.articles.count
        let runs = stride(from: 0, to: n, by: 8192).map { $0..<min(n, $0 + 8192) }.parallelMap { run -> UInt64 in
            var h = StableHash()
            for article in site.articles[run] {
                h.add(article.date.seconds)
                h.add(article.people.count); for name in article.people { h.add(name) }
                h.add(article.countries.count); for name in article.countries { h.add(name) }
            }
            return h.value
        }
        var h = StableHash()
        h.add("related"); h.add(limit); h.add(site.articles.count)
        for run in runs { h.add(run) }
        return h.value
    }

    /// Where `value` is (or would be) in an ascending list.
    static func binarySearch(_ list: [Int], _ value: Int) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
