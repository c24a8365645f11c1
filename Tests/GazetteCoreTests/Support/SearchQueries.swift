import Foundation

/// Runs queries through the search page's own engine (search.js under Node) against the
/// index of a built site; returns, per query, the paths of the results in rank order.
func searchBuiltSite(_ root: String, _ queries: [(query: String, filters: [[String: String]])]) throws -> [[String]] {
    let program = """
    const fs = require('fs'); const s = require(process.argv[1]); const root = process.argv[2];
    const engine = new s.Engine(root + '/search-index/manifest.json', p => Promise.resolve(JSON.parse(fs.readFileSync(p, 'utf8'))));
    (async () => {
      const out = [];
      for (const q of JSON.parse(process.argv[3])) {
        const r = await engine.search(q.query, q.filters);
        out.push((await engine.documents(r.ids)).map(d => d.path));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch(e => { console.error(e); process.exit(1); });
    """
    let spec = try JSONSerialization.data(withJSONObject: queries.map { ["query": $0.query, "filters": $0.filters] })
    let output = try runNode(program, arguments: [TestPaths.themes + "/default/assets/search.js", root, String(decoding: spec, as: UTF8.self)])
    return try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
}
