// Runs judged queries through the search page's own engine (assets/search.js) under Node,
// each with an empty cache, against a built site's index on disk, for bench/search_relevance.py.
//
//   node search_judged.js SEARCH_JS SITE_DIR < queries.json
//
// Prints one JSON line per query: every result's document number in rank order, the count,
// whether it is complete, the names the query was read as, and the bytes and files read.
'use strict';
const fs = require('fs');
const path = require('path');
const search = require(path.resolve(process.argv[2]));
const site = process.argv[3];
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));

(async () => {
  for (const query of queries) {
    let bytes = 0, files = 0;
    const engine = new search.Engine(path.join(site, 'search-index', 'manifest.json'), (file) => {
      const data = fs.readFileSync(file);
      bytes += data.length;
      files += 1;
      return Promise.resolve(JSON.parse(data.toString('utf8')));
    });
    const started = process.hrtime.bigint();
    const result = await engine.search(query, []);
    await engine.documents(result.ids.slice(0, 10));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(JSON.stringify({
      query, ids: result.ids, complete: result.complete, names: result.entities.map((e) => e.slug), bytes, files, ms,
    }) + '\n');
  }
})().catch((e) => { console.error(e); process.exit(1); });
