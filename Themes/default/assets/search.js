// Gazette's search: reads the sharded index that `gazette build` writes to search-index/
// and downloads only the shards a query needs. Plain JavaScript, no dependencies.
// The engine (terms, Engine) also runs under Node for the tests; the page code runs only
// in a browser, on the page that has #search-app.
(function () {
  'use strict';

  // Exactly Gazette's SearchTokenizer: lowercase, diacritics removed, split at anything
  // that is not a letter, digit or mark, one-character ASCII terms dropped; runs of Han,
  // kana, Hangul and unspaced South-East Asian scripts give each character and each pair.
  // A query (`query` true) asks only for the pairs of a run of two or more.
  var DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/g;
  function isUnspaced(v) {
    return (v >= 0x0e00 && v <= 0x0eff) || (v >= 0x1000 && v <= 0x109f) || (v >= 0x1100 && v <= 0x11ff) ||
      (v >= 0x1780 && v <= 0x17ff) || v === 0x3005 || v === 0x3007 || (v >= 0x3040 && v <= 0x30ff) ||
      (v >= 0x3130 && v <= 0x318f) || (v >= 0x31f0 && v <= 0x31ff) || (v >= 0x3400 && v <= 0x4dbf) ||
      (v >= 0x4e00 && v <= 0x9fff) || (v >= 0xac00 && v <= 0xd7af) || (v >= 0xf900 && v <= 0xfaff) ||
      (v >= 0xff66 && v <= 0xff9f) || (v >= 0x20000 && v <= 0x3ffff);
  }
  function terms(text, query) {
    var folded = text.toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
    var out = [];
    folded.split(/[^\p{L}\p{N}\p{M}]+/u).forEach(function (word) {
      var other = '', run = [];
      function flushOther() {
        if (other.length > 1 || (other.length === 1 && other.charCodeAt(0) >= 0x80)) out.push(other);
        other = '';
      }
      function flushRun() {
        for (var k = 0; k < run.length; k++) {
          if (!query || run.length === 1) out.push(run[k]);
          if (k + 1 < run.length) out.push(run[k] + run[k + 1]);
        }
        run = [];
      }
      Array.from(word).forEach(function (c) {
        if (isUnspaced(c.codePointAt(0))) { flushOther(); run.push(c); } else { flushRun(); other += c; }
      });
      flushOther();
      flushRun();
    });
    return out;
  }

  // Whether an index term is a phrase's pair (words have no spaces).
  function isPair(term) { return term.indexOf(' ') >= 0; }

  // A query: `words`, its terms without stop words (for highlighting and names), and
  // `units`, what each result must have. A unit is a word, or, for words in double quotes
  // (straight or curly) when the index has `phrases` (`search_phrases: true`), a pair of
  // words as the index holds it: `final agreement`, or with the stop words between them, up
  // to the manifest's `phrases.gap`: `state of emergency`. A phrase's word that makes no
  // pair (alone in its quotes, or too many stop words away) is asked for as a word. The
  // last word is a prefix while it is being typed (no space or quote after it yet). A pair
  // has no weights: `weighing` lists the phrases' words, whose weights rank their articles.
  function parseQuery(query, stop, phrases) {
    var words = [], units = [], weighing = [];
    var parts = query.replace(/[\u201c\u201d\u201e]/g, '"').split('"');
    parts.forEach(function (part, k) {
      var quoted = phrases && k % 2 === 1 && k < parts.length - 1;
      var all = terms(part, true), previous = null, between = [], paired = false;
      function lone(word) { if (word !== null && !paired) units.push({ term: word, prefix: false }); }
      all.forEach(function (t) {
        if (stop.has(t)) { between.push(t); return; }
        words.push(t);
        if (!quoted) { units.push({ term: t, prefix: false }); return; }
        if (isUnspaced(t.codePointAt(0))) { lone(previous); units.push({ term: t, prefix: false }); previous = null; return; }
        if (previous !== null && between.length <= phrases.gap) {
          units.push({ term: [previous].concat(between, [t]).join(' '), prefix: false });
          if (!paired) weighing.push(previous);
          weighing.push(t);
          paired = true;
        } else {
          lone(previous);
          paired = false;
        }
        previous = t;
        between = [];
      });
      if (quoted) lone(previous);
    });
    var typing = /[\p{L}\p{N}\p{M}]$/u.test(query);
    var last = units.length ? units[units.length - 1] : null;
    if (typing && last && last.term === words[words.length - 1]) last.prefix = true;
    return { words: words, units: units, weighing: weighing, prefix: last && last.prefix ? last.term : null };
  }

  // Ascending document numbers from `{"d": [gaps]}`, `{"n": [gaps of the documents not in
  // the set], "c": count}` or `{"b": "<base64 bitmap>"}`.
  function decodeSet(json) {
    var out = [];
    if (json.n) {
      var absent = decodeSet({ d: json.n }), next = 0;
      for (var a = 0; a <= absent.length; a++) {
        var end = a < absent.length ? absent[a] : json.c;
        for (; next < end; next++) out.push(next);
        next = end + 1;
      }
    } else if (json.d) {
      var d = 0;
      for (var i = 0; i < json.d.length; i++) { d += json.d[i]; out.push(d); }
    } else if (json.b) {
      var bytes = atob(json.b);
      for (var k = 0; k < bytes.length; k++) {
        var byte = bytes.charCodeAt(k);
        for (var bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out.push(k * 8 + bit);
      }
    }
    return out;
  }

  // A set of document numbers that answers membership without listing itself: a bitmap
  // stays a bitmap (a word in every article of 100,000 is one 17 KB string to test bits in).
  function DocumentSet(json) {
    if (json && json.b) {
      var bytes = atob(json.b);
      this.has = function (d) { return ((bytes.charCodeAt(d >> 3) >> (d & 7)) & 1) === 1; };
      this.list = function () { return decodeSet(json); };
      var n = 0;
      for (var k = 0; k < bytes.length; k++) for (var v = bytes.charCodeAt(k); v; v &= v - 1) n++;
      this.size = n;
    } else if (json && json.n) {
      var missing = new Set(decodeSet({ d: json.n })), count = json.c;
      this.has = function (d) { return d < count && !missing.has(d); };
      this.list = function () { return decodeSet(json); };
      this.size = count - missing.size;
    } else {
      var list = json instanceof Array ? json : decodeSet(json || {});
      var set = new Set(list);
      this.has = function (d) { return set.has(d); };
      this.list = function () { return list; };
      this.size = list.length;
    }
  }

  // A result's rank as one number, smaller first: more `first` (a name's article, or more of
  // the query's words), then the higher score (in sixteenths), then the smaller document.
  var DOCUMENT_SPAN = 16777216, SCORE_SPAN = 1048576;
  function rankKey(first, score, d) {
    var s = Math.min(SCORE_SPAN - 1, Math.round(score * 16));
    first = Math.min(15, first);
    return ((15 - first) * SCORE_SPAN + (SCORE_SPAN - 1 - s)) * DOCUMENT_SPAN + d;
  }

  // [gap, impact, gap, impact, ...] -> Map(document -> impact).
  function decodePostings(list) {
    var map = new Map(), d = 0;
    for (var i = 0; i < list.length; i += 2) { d += list[i]; map.set(d, list[i + 1]); }
    return map;
  }

  // A term's postings as weights, and the lowest kept.
  function weighed(postings) {
    var weights = decodePostings(postings), floor = weights.size ? 255 : 0;
    weights.forEach(function (impact) { if (impact < floor) floor = impact; });
    return { weights: weights, floor: floor };
  }

  function Engine(manifestURL, fetchJSON) {
    this.root = manifestURL.replace(/[^/]*$/, '');
    this.fetchJSON = fetchJSON;
    this.cache = new Map();
    this.manifest = null;
  }

  Engine.prototype.get = function (path) {
    if (!this.cache.has(path)) {
      var self = this;
      var p = this.fetchJSON(this.root + path);
      p.catch(function () { self.cache.delete(path); });
      this.cache.set(path, p);
    }
    return this.cache.get(path);
  };

  Engine.prototype.load = function () {
    var self = this;
    if (this.manifest) return Promise.resolve(this.manifest);
    return this.get('manifest.json').then(function (m) {
      self.manifest = m;
      self.stop = new Set(m.stop);
      return m;
    });
  };

  // The shard of sorted keys that would hold `key`: the last whose first key is not after it.
  function shardIndex(firsts, key) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  Engine.prototype.shardOf = function (term) { return shardIndex(this.manifest.shards, term); };

  // Shards holding terms that start with `prefix`: the first, and up to two more.
  Engine.prototype.shardsFor = function (prefix) {
    var first = this.shardOf(prefix), out = [first], s = this.manifest.shards;
    for (var k = first + 1; k < s.length && out.length < 3 && s[k].lastIndexOf(prefix, 0) === 0; k++) out.push(k);
    return out;
  };

  // What one query word matches: `weights` (document -> impact, a term's best postings),
  // `set` (every document it matches, when `complete`) and `floor` (the lowest weight kept,
  // given to a document of the set outside the best). A word that is a term matches it
  // exactly; a last word being typed that is no term stands for the ten most frequent terms
  // it starts (a longer word counts a little less than an exact one would).
  Engine.prototype.match = function (word, mayBePrefix) {
    var self = this;
    return this.get('t/' + this.shardOf(word) + '.json').then(function (shard) {
      if (Object.prototype.hasOwnProperty.call(shard, word)) {
        var entry = shard[word];
        if (isPair(word)) {
          // A phrase's pair: its articles, no weights (its words rank them).
          var none = { weights: new Map(), floor: 0, complete: true };
          if (entry.length < 3) return Object.assign(none, { set: new DocumentSet(decodeSet({ d: entry[1] })) });
          return self.get('a/' + entry[2] + '.json').then(function (json) { return Object.assign(none, { set: new DocumentSet(json) }); });
        }
        var w = weighed(entry[1]);
        if (entry.length < 3) return { weights: w.weights, set: new DocumentSet(Array.from(w.weights.keys())), complete: true, floor: w.floor };
        return self.get('a/' + entry[2] + '.json').then(function (json) {
          return { weights: w.weights, set: new DocumentSet(json), complete: true, floor: w.floor };
        });
      }
      if (!mayBePrefix) return { weights: new Map(), set: new DocumentSet([]), complete: true, floor: 0 };
      return Promise.all(self.shardsFor(word).map(function (k) { return self.get('t/' + k + '.json'); })).then(function (loaded) {
        var candidates = [];
        loaded.forEach(function (shard) {
          // Words only: a phrase's pairs start with their first word too.
          for (var t in shard) if (t.lastIndexOf(word, 0) === 0 && !isPair(t)) candidates.push([t, shard[t]]);
        });
        candidates.sort(function (a, b) { return b[1][0] - a[1][0]; });
        var merged = new Map();
        candidates.slice(0, 10).forEach(function (c) {
          decodePostings(c[1][1]).forEach(function (impact, d) {
            var v = impact * 0.85;
            if (!(merged.get(d) >= v)) merged.set(d, v);
          });
        });
        var complete = candidates.length <= 10 && candidates.every(function (c) { return c[1].length < 3; });
        return { weights: merged, set: new DocumentSet(Array.from(merged.keys()).sort(function (a, b) { return a - b; })), complete: complete, floor: 0 };
      });
    });
  };

  // A word's best weights and the lowest of them, without its set: what a phrase's word adds
  // to the rank of the phrase's articles.
  Engine.prototype.weights = function (word) {
    return this.get('t/' + this.shardOf(word) + '.json').then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, word) ? weighed(shard[word][1]) : { weights: new Map(), floor: 0 };
    });
  };

  // The people and countries a query names, whatever its case and hyphens: each
  // {label, path, kind, count, slug}.
  Engine.prototype.names = function (query) {
    var self = this, key = terms(query).join(' '), firsts = this.manifest.names || [];
    if (!key || !firsts.length) return Promise.resolve([]);
    return this.get('e/' + shardIndex(firsts, key) + '.json').then(function (shard) {
      if (!Object.prototype.hasOwnProperty.call(shard, key)) return [];
      return shard[key].map(function (v) {
        return { label: v[0], path: v[1], kind: self.manifest.facets[v[2]].kind, count: v[3], slug: v[4] };
      });
    });
  };

  // Every document of a filter: {kind: 'people'|'countries'|'sections'|'year', value}.
  Engine.prototype.filterSet = function (filter) {
    var m = this.manifest, path = null;
    if (filter.kind === 'year') path = 'y/' + encodeURIComponent(filter.value) + '.json';
    m.facets.forEach(function (f) { if (f.kind === filter.kind) path = 'f/' + f.path + '/' + encodeURIComponent(filter.value) + '.json'; });
    if (!path) return Promise.resolve(new DocumentSet([]));
    return this.get(path).then(function (json) { return new DocumentSet(json); }, function () { return new DocumentSet([]); });
  };

  // Ranked document numbers for a query and filters. Every document with all the query's
  // words and phrases, counted whole: the smallest set walked, the others' tested. Articles
  // of a person or country the query names come first, then the summed weights, then the newer
  // article (a smaller number). When no article has every word, those with the most.
  // `complete` says the count is every match (not a prefix's best).
  Engine.prototype.search = function (query, filters) {
    var self = this;
    return this.load().then(function () {
      var q = parseQuery(query, self.stop, self.manifest.phrases);
      var matching = q.units.map(function (u) { return self.match(u.term, u.prefix); });
      var weighing = Promise.all(q.weighing.map(function (w) { return self.weights(w); }));
      var sets = (filters || []).map(function (f) { return self.filterSet(f); });
      var named = q.words.length ? self.names(query).then(function (entities) {
        return Promise.all(entities.map(function (e) { return self.filterSet({ kind: e.kind, value: e.slug }); }))
          .then(function (entitySets) { return { entities: entities, sets: entitySets }; });
      }) : Promise.resolve({ entities: [], sets: [] });
      return Promise.all([Promise.all(matching), Promise.all(sets), named, weighing]).then(function (r) {
        var matches = r[0], filterSets = r[1], entities = r[2].entities, entitySets = r[2].sets;
        var scorers = matches.concat(r[3]);
        var allowed = function (d) { return filterSets.every(function (s) { return s.has(d); }); };
        var done = function (ids, complete) {
          return { ids: ids, words: q.words, prefix: q.prefix, complete: complete, entities: entities };
        };
        if (matches.length === 0) {
          if (filterSets.length === 0) return done([], true);
          var smallest = filterSets.reduce(function (a, b) { return a.size <= b.size ? a : b; });
          return done(smallest.list().filter(allowed), true);
        }
        var bySize = matches.slice().sort(function (a, b) { return a.set.size - b.set.size; });
        // Each match as one number whose order is the ranking (a name's articles, then the
        // higher score in sixteenths, then the smaller document number), sorted as a typed
        // array: 100,000 matches sort in about a third of the time records with a comparator take.
        var keys = [];
        bySize[0].set.list().forEach(function (d) {
          for (var k = 1; k < bySize.length; k++) if (!bySize[k].set.has(d)) return;
          if (!allowed(d)) return;
          var score = 0;
          for (var w = 0; w < scorers.length; w++) {
            var impact = scorers[w].weights.get(d);
            score += impact === undefined ? scorers[w].floor : impact;
          }
          var named = entitySets.some(function (s) { return s.has(d); }) ? 1 : 0;
          keys.push(rankKey(named, score, d));
        });
        var complete = matches.every(function (m) { return m.complete; });
        if (keys.length === 0 && matches.length > 1) {
          // No article has every word: those with the most of them, from the words' best.
          var scores = new Map();
          matches.forEach(function (m) {
            m.weights.forEach(function (impact, d) {
              var s = scores.get(d);
              if (s) { s[0] += 1; s[1] += impact; } else scores.set(d, [1, impact]);
            });
          });
          scores.forEach(function (s, d) { if (allowed(d)) keys.push(rankKey(s[0], s[1], d)); });
          complete = false;
        }
        var sorted = Float64Array.from(keys).sort();
        var ids = new Array(sorted.length);
        for (var i = 0; i < sorted.length; i++) ids[i] = sorted[i] % DOCUMENT_SPAN;
        return done(ids, complete);
      });
    });
  };

  // The stored facts of documents, in the order asked.
  Engine.prototype.documents = function (ids) {
    var self = this, per = this.manifest.documents_per_shard;
    var shards = Array.from(new Set(ids.map(function (d) { return Math.floor(d / per); })));
    return Promise.all(shards.map(function (k) { return self.get('d/' + k + '.json'); })).then(function () {
      return Promise.all(ids.map(function (d) {
        return self.get('d/' + Math.floor(d / per) + '.json').then(function (shard) {
          var r = shard[d % per];
          return {
            id: d, title: r[0], path: r[1], date: r[2], section: r[3], summary: r[4], people: r[5], countries: r[6]
          };
        });
      }));
    });
  };

  var api = {
    terms: terms, parseQuery: parseQuery, decodeSet: decodeSet, decodePostings: decodePostings, DocumentSet: DocumentSet,
    Engine: Engine
  };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; return; }
  if (typeof document === 'undefined') return;

  // ---- The search page ----

  var app = document.getElementById('search-app');
  if (!app) return;
  var base = app.getAttribute('data-base') || '/';
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var sortSelect = document.getElementById('search-sort');
  var pager = document.getElementById('search-pager');
  var previousButton = document.getElementById('search-previous');
  var nextButton = document.getElementById('search-next');
  var pageStatus = document.getElementById('search-page');
  var suggestion = document.getElementById('search-suggestion');
  var sectionSelect = document.getElementById('search-section');
  var yearSelect = document.getElementById('search-year');
  var active = document.getElementById('search-active');
  var facets = document.getElementById('search-facets');
  var pageSize = 10;
  // The theme's words in the page's language (data-words), with English when a page has none.
  var language = app.getAttribute('data-language') || 'en';
  var words = {};
  try { words = JSON.parse(app.getAttribute('data-words') || '{}'); } catch (e) { words = {}; }
  var plurals = typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(language) : null;
  function number(n) { return n.toLocaleString(language); }
  function say(key, values, fallback) {
    var w = words[key];
    if (w && typeof w === 'object') {
      var category = plurals && values && typeof values.n === 'number' ? plurals.select(values.n) : 'other';
      w = w[category] || w.other;
    }
    var text = typeof w === 'string' ? w : fallback;
    Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(String(values[k])); });
    return text;
  }
  var engine = new Engine(app.getAttribute('data-index'), function (url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  });

  var state = { q: '', people: null, countries: null, section: '', year: '', sort: '', page: 1 };
  var current = { ids: [], words: [], prefix: null };
  var generation = 0;
  var names = {};  // slug -> name for active person and country filters

  app.hidden = false;
  document.documentElement.classList.add('search-ready');

  function readURL() {
    var p = new URLSearchParams(location.search);
    state.q = p.get('q') || '';
    state.people = p.get('person');
    state.countries = p.get('country');
    state.section = p.get('section') || '';
    state.year = p.get('year') || '';
    state.sort = p.get('sort') === 'newest' ? 'newest' : '';
    state.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
    if (p.get('person_name') && state.people) names['people:' + state.people] = p.get('person_name');
    if (p.get('country_name') && state.countries) names['countries:' + state.countries] = p.get('country_name');
  }

  function writeURL() {
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.people) { p.set('person', state.people); p.set('person_name', names['people:' + state.people] || state.people); }
    if (state.countries) { p.set('country', state.countries); p.set('country_name', names['countries:' + state.countries] || state.countries); }
    if (state.section) p.set('section', state.section);
    if (state.year) p.set('year', state.year);
    if (state.sort) p.set('sort', state.sort);
    if (state.page > 1) p.set('page', String(state.page));
    var s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  function filters() {
    var out = [];
    if (state.people) out.push({ kind: 'people', value: state.people });
    if (state.countries) out.push({ kind: 'countries', value: state.countries });
    if (state.section) out.push({ kind: 'sections', value: state.section });
    if (state.year) out.push({ kind: 'year', value: state.year });
    return out;
  }

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  // Text with the query's words marked, built as DOM nodes (never as HTML).
  function highlighted(text, words, prefix) {
    var frag = document.createDocumentFragment();
    var re = /[\p{L}\p{N}\p{M}]+/gu, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      var t = terms(m[0])[0];
      var hit = t && (words.indexOf(t) >= 0 || (prefix && t.lastIndexOf(prefix, 0) === 0));
      if (!hit) continue;
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement('mark');
      mark.textContent = m[0];
      frag.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function renderDocs(docs) {
    docs.forEach(function (doc) {
      var li = el('li', 'search-result');
      var h = el('h2', 'search-result-title');
      var a = el('a');
      a.href = base + doc.path;
      a.appendChild(highlighted(doc.title, current.words, current.prefix));
      h.appendChild(a);
      li.appendChild(h);
      var meta = el('p', 'search-result-meta');
      var time = el('time', '', doc.date);
      time.setAttribute('datetime', doc.date);
      meta.appendChild(time);
      if (doc.section) meta.appendChild(document.createTextNode(' · ' + doc.section[0]));
      li.appendChild(meta);
      var p = el('p', 'search-result-summary');
      p.appendChild(highlighted(doc.summary, current.words, current.prefix));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  // People and countries of the results on screen, offered as filters.
  function renderFacets(docs) {
    facets.textContent = '';
    [['people', say('people_in_results', null, 'People in these results')],
     ['countries', say('countries_in_results', null, 'Countries in these results')]].forEach(function (spec) {
      if (state[spec[0]]) return;
      var counts = new Map();
      docs.forEach(function (doc) {
        doc[spec[0]].forEach(function (pair) {
          var c = counts.get(pair[1]) || { name: pair[0], n: 0 };
          c.n += 1;
          counts.set(pair[1], c);
        });
      });
      if (!counts.size) return;
      var group = el('div', 'search-facet');
      group.appendChild(el('h2', 'search-facet-title', spec[1]));
      var ul = el('ul', 'chips');
      Array.from(counts.entries()).sort(function (a, b) { return b[1].n - a[1].n || a[1].name.localeCompare(b[1].name); })
        .slice(0, 8).forEach(function (entry) {
          var li = el('li');
          var button = el('button', 'chip-button', entry[1].name + ' ');
          button.type = 'button';
          button.setAttribute('data-kind', spec[0]);
          button.setAttribute('data-slug', entry[0]);
          button.appendChild(el('span', 'count', String(entry[1].n)));
          button.addEventListener('click', function () {
            state[spec[0]] = entry[0];
            names[spec[0] + ':' + entry[0]] = entry[1].name;
            run(1);
          });
          li.appendChild(button);
          ul.appendChild(li);
        });
      group.appendChild(ul);
      facets.appendChild(group);
    });
  }

  function renderActive() {
    active.textContent = '';
    [['people', say('person', null, 'Person')], ['countries', say('country', null, 'Country')]].forEach(function (spec) {
      var slug = state[spec[0]];
      if (!slug) return;
      var button = el('button', 'chip-button chip-active', spec[1] + ': ' + (names[spec[0] + ':' + slug] || slug) + ' ×');
      button.type = 'button';
      button.setAttribute('aria-label', say('remove_filter', null, 'Remove filter') + ' ' + spec[1] + ' ' + (names[spec[0] + ':' + slug] || slug));
      button.addEventListener('click', function () { state[spec[0]] = null; run(1); });
      active.appendChild(button);
    });
  }

  function pageCount() { return Math.max(1, Math.ceil(current.ids.length / pageSize)); }

  // One page of the results: its documents fetched and shown, the pager set.
  function showPage(page) {
    var mine = generation;
    state.page = Math.min(Math.max(1, page), pageCount());
    var ids = current.ids.slice((state.page - 1) * pageSize, state.page * pageSize);
    return engine.documents(ids).then(function (docs) {
      if (mine !== generation) return;
      list.textContent = '';
      renderDocs(docs);
      pager.hidden = current.ids.length <= pageSize;
      previousButton.disabled = state.page <= 1;
      nextButton.disabled = state.page >= pageCount();
      pageStatus.textContent = say('page_status', { current: number(state.page), total: number(pageCount()) },
        'Page {current} of {total}');
      writeURL();
      return docs;
    });
  }

  // The person's or country's page, first, when the query is a name.
  function renderSuggestion(entities) {
    suggestion.textContent = '';
    suggestion.hidden = !entities.length;
    entities.forEach(function (e) {
      var a = el('a', 'search-suggestion-link');
      a.href = base + e.path;
      a.appendChild(el('strong', '', (e.kind === 'countries' ? say('country', null, 'Country') : say('person', null, 'Person')) + ': ' + e.label));
      a.appendChild(document.createTextNode(' · ' + say('articles', { count: number(e.count), n: e.count }, '{count} articles')));
      suggestion.appendChild(a);
    });
  }

  function run(page) {
    if (!engine.manifest) return engine.load().then(function () { return run(page); });
    state.q = input.value;
    state.section = sectionSelect.value;
    state.year = yearSelect.value;
    state.sort = sortSelect.value;
    state.page = page || 1;
    writeURL();
    renderActive();
    var mine = ++generation;
    var query = state.q;
    var started = performance.now();
    var f = filters();
    if (!parseQuery(state.q, engine.stop || new Set()).words.length && !f.length) {
      list.textContent = '';
      facets.textContent = '';
      pager.hidden = true;
      renderSuggestion([]);
      status.textContent = state.q ? say('type_longer', null, 'Type a longer word.')
        : say('type_to_search', { count: number(engine.manifest.documents), n: engine.manifest.documents }, 'Type to search {count} articles.');
      app.setAttribute('data-query', query);
      app.setAttribute('data-state', 'done');
      return Promise.resolve();
    }
    return engine.search(state.q, f).then(function (result) {
      if (mine !== generation) return;
      var ids = state.sort === 'newest' ? result.ids.slice().sort(function (a, b) { return a - b; }) : result.ids;
      current = { ids: ids, words: result.words, prefix: result.prefix };
      // The documents are asked for first and the suggestion drawn while they come: its
      // count is the page's first number formatted, which costs 20-30 ms in a cold browser.
      var shown = showPage(state.page);
      renderSuggestion(result.entities);
      return shown.then(function (docs) {
        if (mine !== generation) return;
        var n = result.ids.length;
        var counted = { count: number(n), n: n };
        status.textContent = n === 0 ? say('no_match', null, 'No articles match.')
          : !result.complete ? say('best_found', counted, 'Best {count} articles found.')
          : say('found', counted, n === 1 ? '{count} article found.' : '{count} articles found.');
        renderFacets(docs || []);
        var ms = performance.now() - started;
        app.setAttribute('data-results-ms', ms.toFixed(1));
        app.setAttribute('data-results-at', performance.now().toFixed(1));
        app.setAttribute('data-count', String(n));
        app.setAttribute('data-query', query);
        app.setAttribute('data-state', 'done');
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      status.textContent = say('index_failed', { error: error.message }, 'The search index could not be loaded ({error}).');
      app.setAttribute('data-state', 'error');
    });
  }

  function turn(by) {
    app.setAttribute('data-state', 'paging');
    showPage(state.page + by).then(function () {
      app.setAttribute('data-state', 'done');
      var first = list.querySelector('a');
      if (first) first.focus();
    }).catch(function (error) {
      status.textContent = say('index_failed', { error: error.message }, 'The search index could not be loaded ({error}).');
      app.setAttribute('data-state', 'error');
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(1); }, 60);
  });
  sectionSelect.addEventListener('change', function () { run(1); });
  yearSelect.addEventListener('change', function () { run(1); });
  sortSelect.addEventListener('change', function () { run(1); });
  previousButton.addEventListener('click', function () { turn(-1); });
  nextButton.addEventListener('click', function () { turn(1); });
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(1).then(function () {
      var first = list.querySelector('a');
      if (first) first.focus();
    });
  });

  // Arrow keys move between the query and the results; Enter opens (a link's own
  // behaviour); Escape clears the query, or goes back to it from a result.
  document.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll('.search-result-title a'));
    var at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      if (at + 1 < links.length) { links[at + 1].focus(); e.preventDefault(); }
    } else if (e.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      if (at >= 0) { input.focus(); } else if (document.activeElement === input && input.value) { input.value = ''; run(1); }
      e.preventDefault();
    }
  });

  readURL();
  input.value = state.q;
  engine.load().then(function (m) {
    m.sections.forEach(function (s) { option(sectionSelect, s[1], s[0]); });
    m.years.forEach(function (y) { option(yearSelect, String(y), String(y)); });
    sectionSelect.value = state.section;
    yearSelect.value = state.year;
    sortSelect.value = state.sort;
    return run(state.page);
  }).catch(function (error) {
    status.textContent = say('index_failed', { error: error.message }, 'The search index could not be loaded ({error}).');
    app.setAttribute('data-state', 'error');
  });
})();
