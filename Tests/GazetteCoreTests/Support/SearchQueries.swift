import Foundation

/// Runs queries through the search page's own engine (search.js under Node) against the
/// index of a built site; returns, per query, the paths of the results in rank order.
func searchBuiltSite(_ root: String, _ queries: [(query: String, filters: [[String: String]])]) throws -> [[String]] {
    try searchAnswers(root, queries).map(\.paths)
}

/// What the engine answers a query: every result's path in rank order, whether that is every
/// match (not a prefix's best), and the slugs of the people and countries the query names.
struct SearchAnswer: Decodable {
    var paths: [String]
    var complete: Bool
    var names: [String]
}

func searchAnswers(_ root: String, _ queries: [(query: String, filters: [[String: String]])]) throws -> [SearchAnswer] {
    let program = """
    const fs = require('fs'); const s = require(process.argv[1]); const root = process.argv[2];
    const engine = new s.Engine(root + '/search-index/manifest.json', p => Promise.resolve(JSON.parse(fs.readFileSync(p, 'utf8'))));
    (async () => {
      const out = [];
      for (const q of JSON.parse(process.argv[3])) {
        const r = await engine.search(q.query, q.filters);
        const paths = (await engine.documents(r.ids)).map(d => d.path);
        out.push({ paths, complete: r.complete, names: r.entities.map(e => e.slug) });
      }
      process.stdout.write(JSON.stringify(out));
    })().catch(e => { console.error(e); process.exit(1); });
    """
    let spec = try JSONSerialization.data(withJSONObject: queries.map { ["query": $0.query, "filters": $0.filters] })
    let output = try runNode(program, arguments: [TestPaths.themes + "/default/assets/search.js", root, String(decoding: spec, as: UTF8.self)])
    return try JSONDecoder().decode([SearchAnswer].self, from: Data(output.utf8))
}
