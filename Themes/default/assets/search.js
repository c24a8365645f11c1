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

  // A query: its terms without stop words; the last one is a prefix while it is being
  // typed (no space after it yet).
  function parseQuery(query, stop) {
    var words = terms(query, true).filter(function (t) { return !stop.has(t); });
    var typing = /[\p{L}\p{N}\p{M}]$/u.test(query);
    return { words: words, prefix: typing && words.length ? words[words.length - 1] : null };
  }

  // Ascending document numbers from `{"d": [gaps]}` or `{"b": "<base64 bitmap>"}`.
  function decodeSet(json) {
    var out = [];
    if (json.d) {
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

  // [gap, impact, gap, impact, ...] -> Map(document -> impact).
  function decodePostings(list) {
    var map = new Map(), d = 0;
    for (var i = 0; i < list.length; i += 2) { d += list[i]; map.set(d, list[i + 1]); }
    return map;
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

  // The shard that would hold `term`: the last whose first term is not after it.
  Engine.prototype.shardOf = function (term) {
    var s = this.manifest.shards, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (s[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // Shards holding terms that start with `prefix`: the first, and up to two more.
  Engine.prototype.shardsFor = function (prefix) {
    var first = this.shardOf(prefix), out = [first], s = this.manifest.shards;
    for (var k = first + 1; k < s.length && out.length < 3 && s[k].lastIndexOf(prefix, 0) === 0; k++) out.push(k);
    return out;
  };

  // Document -> impact for one query word. A prefix stands for the most frequent ten
  // terms it starts (an exact match counts whole, a longer word a little less).
  Engine.prototype.postingsFor = function (word, isPrefix) {
    var self = this;
    var shards = isPrefix ? this.shardsFor(word) : [this.shardOf(word)];
    return Promise.all(shards.map(function (k) { return self.get('t/' + k + '.json'); })).then(function (loaded) {
      var candidates = [];
      loaded.forEach(function (shard) {
        if (isPrefix) {
          for (var t in shard) if (t.lastIndexOf(word, 0) === 0) candidates.push([t, shard[t]]);
        } else if (Object.prototype.hasOwnProperty.call(shard, word)) {
          candidates.push([word, shard[word]]);
        }
      });
      candidates.sort(function (a, b) { return b[1][0] - a[1][0]; });
      var merged = new Map();
      candidates.slice(0, 10).forEach(function (c) {
        var weight = c[0] === word ? 1 : 0.85;
        decodePostings(c[1][1]).forEach(function (impact, d) {
          var v = impact * weight;
          if (!(merged.get(d) >= v)) merged.set(d, v);
        });
      });
      return merged;
    });
  };

  // Every document of a filter: {kind: 'people'|'countries'|'sections'|'year', value}.
  Engine.prototype.filterSet = function (filter) {
    var m = this.manifest, path = null;
    if (filter.kind === 'year') path = 'y/' + encodeURIComponent(filter.value) + '.json';
    m.facets.forEach(function (f) { if (f.kind === filter.kind) path = 'f/' + f.path + '/' + encodeURIComponent(filter.value) + '.json'; });
    if (!path) return Promise.resolve(new Set());
    return this.get(path).then(function (json) { return new Set(decodeSet(json)); }, function () { return new Set(); });
  };

  // Ranked document numbers for a query and filters: more query words matched first, then
  // the summed weights, then the newer article (a smaller number).
  Engine.prototype.search = function (query, filters) {
    var self = this;
    return this.load().then(function () {
      var q = parseQuery(query, self.stop);
      var lists = q.words.map(function (w, i) { return self.postingsFor(w, q.prefix !== null && i === q.words.length - 1); });
      var sets = (filters || []).map(function (f) { return self.filterSet(f); });
      return Promise.all([Promise.all(lists), Promise.all(sets)]).then(function (r) {
        var postings = r[0], filterSets = r[1];
        var allowed = function (d) { return filterSets.every(function (s) { return s.has(d); }); };
        var results = [];
        if (postings.length === 0) {
          if (filterSets.length === 0) return { ids: [], words: q.words, prefix: q.prefix };
          var smallest = filterSets.reduce(function (a, b) { return a.size <= b.size ? a : b; });
          smallest.forEach(function (d) { if (allowed(d)) results.push([d, 0, 0]); });
        } else {
          var scores = new Map();
          postings.forEach(function (map) {
            map.forEach(function (impact, d) {
              var s = scores.get(d);
              if (s) { s[0] += 1; s[1] += impact; } else scores.set(d, [1, impact]);
            });
          });
          scores.forEach(function (s, d) { if (allowed(d)) results.push([d, s[0], s[1]]); });
        }
        results.sort(function (a, b) { return b[1] - a[1] || b[2] - a[2] || a[0] - b[0]; });
        var all = postings.length;
        var complete = results.filter(function (r) { return r[1] === all; });
        var ids = (complete.length ? complete : results).map(function (r) { return r[0]; });
        return { ids: ids, words: q.words, prefix: q.prefix };
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

  var api = { terms: terms, parseQuery: parseQuery, decodeSet: decodeSet, decodePostings: decodePostings, Engine: Engine };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; return; }
  if (typeof document === 'undefined') return;

  // ---- The search page ----

  var app = document.getElementById('search-app');
  if (!app) return;
  var base = app.getAttribute('data-base') || '/';
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
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

  var state = { q: '', people: null, countries: null, section: '', year: '' };
  var current = { ids: [], shown: 0, words: [], prefix: null };
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
            run();
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
      button.addEventListener('click', function () { state[spec[0]] = null; run(); });
      active.appendChild(button);
    });
  }

  function showMore() {
    var mine = generation;
    var ids = current.ids.slice(current.shown, current.shown + pageSize);
    return engine.documents(ids).then(function (docs) {
      if (mine !== generation) return;
      current.shown += docs.length;
      renderDocs(docs);
      more.hidden = current.shown >= current.ids.length;
      return docs;
    });
  }

  function run() {
    if (!engine.manifest) return engine.load().then(run);
    state.q = input.value;
    state.section = sectionSelect.value;
    state.year = yearSelect.value;
    writeURL();
    renderActive();
    var mine = ++generation;
    var query = state.q;
    var started = performance.now();
    var f = filters();
    if (!parseQuery(state.q, engine.stop || new Set()).words.length && !f.length) {
      list.textContent = '';
      facets.textContent = '';
      more.hidden = true;
      status.textContent = state.q ? say('type_longer', null, 'Type a longer word.')
        : say('type_to_search', { count: number(engine.manifest.documents), n: engine.manifest.documents }, 'Type to search {count} articles.');
      app.setAttribute('data-query', query);
      app.setAttribute('data-state', 'done');
      return Promise.resolve();
    }
    return engine.search(state.q, f).then(function (result) {
      if (mine !== generation) return;
      current = { ids: result.ids, shown: 0, words: result.words, prefix: result.prefix };
      list.textContent = '';
      return showMore().then(function (docs) {
        if (mine !== generation) return;
        var n = result.ids.length;
        var limit = engine.manifest.posting_limit;
        var counted = { count: number(n), n: n };
        status.textContent = n === 0 ? say('no_match', null, 'No articles match.')
          : n >= limit ? say('best_found', counted, 'Best {count} articles found.')
          : say('found', counted, n === 1 ? '{count} article found.' : '{count} articles found.');
        renderFacets(docs || []);
        var ms = performance.now() - started;
        app.setAttribute('data-results-ms', ms.toFixed(1));
        app.setAttribute('data-results-at', performance.now().toFixed(1));
        app.setAttribute('data-query', query);
        app.setAttribute('data-state', 'done');
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      status.textContent = say('index_failed', { error: error.message }, 'The search index could not be loaded ({error}).');
      app.setAttribute('data-state', 'error');
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  sectionSelect.addEventListener('change', run);
  yearSelect.addEventListener('change', run);
  more.addEventListener('click', function () { showMore(); });
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run().then(function () {
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
      if (at >= 0) { input.focus(); } else if (document.activeElement === input && input.value) { input.value = ''; run(); }
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
    return run();
  }).catch(function (error) {
    status.textContent = say('index_failed', { error: error.message }, 'The search index could not be loaded ({error}).');
    app.setAttribute('data-state', 'error');
  });
})();
