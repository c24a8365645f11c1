// Filters a people, countries or sections index by name, across all of its pages: the
// full list (name, slug, count) comes from search-index/n/<taxonomy>.json on first use.
(function () {
  'use strict';
  var box = document.querySelector('.term-filter');
  if (!box) return;
  var input = box.querySelector('input');
  var status = box.querySelector('.term-filter-status');
  var results = box.querySelector('.term-filter-results');
  var browse = document.querySelector('.term-browse');
  var base = box.getAttribute('data-base') || '/';
  var path = box.getAttribute('data-path');
  var names = null;
  var limit = 200;
  box.hidden = false;
  // The theme's words in the page's language (data-words); a plural word's form is picked
  // with the browser's CLDR rules.
  var words = {};
  try { words = JSON.parse(box.getAttribute('data-words') || '{}'); } catch (e) { words = {}; }
  var rules = typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(box.getAttribute('data-language') || 'en') : null;
  function say(key, values, fallback) {
    var w = words[key];
    if (w && typeof w === 'object') w = w[rules && values.count !== undefined ? rules.select(values.count) : 'other'] || w.other;
    return Object.keys(values).reduce(function (t, k) { return t.split('{' + k + '}').join(String(values[k])); }, typeof w === 'string' ? w : fallback);
  }

  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  }

  function load() {
    if (!names) {
      names = fetch(box.getAttribute('data-names')).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }).then(function (list) {
        return list.map(function (t) { return { name: t[0], slug: t[1], count: t[2], key: fold(t[0]) }; });
      });
    }
    return names;
  }

  function show() {
    var query = fold(input.value.trim());
    if (!query) {
      results.hidden = true;
      browse.hidden = false;
      status.textContent = '';
      return;
    }
    load().then(function (list) {
      if (fold(input.value.trim()) !== query) return;
      var found = list.filter(function (t) { return t.key.indexOf(query) >= 0; });
      found.sort(function (a, b) {
        var ap = a.key.lastIndexOf(query, 0) === 0, bp = b.key.lastIndexOf(query, 0) === 0;
        return (bp - ap) || (b.count - a.count) || a.name.localeCompare(b.name);
      });
      results.textContent = '';
      found.slice(0, limit).forEach(function (t) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = base + path + '/' + t.slug + '/';
        a.textContent = t.name;
        var count = document.createElement('span');
        count.className = 'count';
        count.textContent = String(t.count);
        li.appendChild(a);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(count);
        results.appendChild(li);
      });
      var n = found.length;
      status.textContent = n === 0 ? say('no_names', {}, 'No names match.')
        : n > limit ? say('names_found_first', { count: n, limit: limit }, '{count} names match; the first {limit} shown.')
        : say('names_found', { count: n }, n === 1 ? '{count} name matches.' : '{count} names match.');
      results.hidden = false;
      browse.hidden = true;
    }).catch(function (error) {
      status.textContent = say('names_failed', { error: error.message }, 'The list of names could not be loaded ({error}).');
    });
  }

  input.addEventListener('input', show);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; show(); }
  });
})();
