#!/usr/bin/env python3
"""Judged search: queries with a known answer, drawn from a generated corpus, for `make bench`.

    search_relevance.py CORPUS_CONTENT SITE_DIR [--pagefind] [--seed S]

The truth is a scan of the corpus's Markdown files, not the index: for 200 people (each
asked as written, in lowercase, or in lowercase without hyphens), the articles that name
them; for 100 two-word and 50 three-word queries mixing common words (in 5% of the
articles or more) and rare ones (names and countries in few articles), the articles whose
title, body, names or section contain every word.

Gazette's engine (the theme's search.js) answers every query under Node with an empty
cache, so every result is compared with the truth: recall (of the articles with every
word, the share the engine returns), and precision at 10 for names (of the first
min(10, articles) results, the share that are the person's). Then every query is asked
again in headless Chromium with the browser cache off, through the /search/?q= page, for
the bytes downloaded (counted by the server) and the time to results. With --pagefind, the
same queries through Pagefind's JavaScript API in the same browser: its count against
the truth, precision at 10 for names, bytes and time.

When the index has phrases (`search_phrases: true`), 30 two-word and 20 three-word phrases
taken from the articles' text (stop words between their words kept) are asked in quotes;
their truth is the articles whose title, body, names or section have those words in that
order with nothing between but punctuation.

JUDGED_NODE_ONLY=1 stops after the answers under Node (no browser): the relevance figures
and the index bytes, in seconds instead of minutes.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_queries as sq  # noqa: E402

WORD = re.compile(r"[^\W_]+")
LINK = re.compile(r"\]\([^)]*\)|https?://\S+|www\.\S+")


def sequence(text):
    return [w for w in WORD.findall(text.lower()) if len(w) > 1]


def tokens(text):
    return set(sequence(text))


def read_corpus(content):
    """Per article (by the number that ends each generated title, which is unique): its words,
    and its people. (Not by file name: a long slug is cut and given a hash in its URL.)"""
    articles = {}
    for folder, _, files in os.walk(content):
        for name in files:
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            _, front, body = text.split("---\n", 2)
            title, people, rest, key = "", [], [], None
            for line in front.splitlines():
                if line.startswith("title:"):
                    title = line[6:].strip().strip('"')
                elif line.startswith("section:"):
                    rest.append(line[8:].strip())
                elif re.match(r"^[a-z_]+:", line):
                    key = line.split(":")[0]
                elif line.startswith("  - ") and key in ("people", "countries"):
                    value = line[4:].strip().strip('"')
                    rest.append(value)
                    if key == "people":
                        people.append(value)
            plain = LINK.sub(" ", body)
            words = tokens(title) | tokens(plain) | tokens(" ".join(rest))
            # Each field's words in order, fields apart, for phrases.
            text = " " + " | ".join(" ".join(sequence(field)) for field in [title, plain] + rest) + " "
            articles[title.rsplit(" ", 1)[-1]] = (words, people, text)
    return articles


def document_stems(site):
    """Document number -> the number that ends its title."""
    manifest = json.load(open(os.path.join(site, "search-index", "manifest.json")))
    per, stems = manifest["documents_per_shard"], []
    for k in range((manifest["documents"] + per - 1) // per):
        for doc in json.load(open(os.path.join(site, "search-index", "d", "%d.json" % k))):
            stems.append(doc[0].rsplit(" ", 1)[-1])
    return stems


def choose_queries(articles, rng, stop):
    df = {}
    for words, _, _ in articles.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(articles)
    common = sorted(w for w, c in df.items() if c >= 0.05 * n and w not in stop and not w.isdigit())
    rare = sorted(w for w, c in df.items() if 0.0005 * n <= c <= 0.02 * n and w not in stop and not w.isdigit())
    by_person = {}
    for stem, (_, people, _) in articles.items():
        for p in people:
            by_person.setdefault(p, set()).add(stem)
    people = sorted(by_person)
    names = []
    for k, person in enumerate(rng.sample(people, min(200, len(people)))):
        asked = person if k % 3 == 0 else person.lower() if k % 3 == 1 else person.lower().replace("-", " ")
        names.append((asked, by_person[person]))
    words = []
    for size, mixes in ((2, [(2, 0)] * 40 + [(1, 1)] * 30 + [(0, 2)] * 30), (3, [(3, 0)] * 20 + [(2, 1)] * 15 + [(1, 2)] * 15)):
        for c, r in mixes:
            words.append(" ".join(rng.sample(common, c) + rng.sample(rare, r)))
    truth = {q: {s for s, (w, _, _) in articles.items() if all(t in w for t in q.split())} for q in words}
    return names, words, truth, len(common), len(rare)


def choose_phrases(articles, rng, stop):
    """30 two-word and 20 three-word phrases read from random articles' bodies: words side by
    side, or with up to two stop words between (as the index pairs them); each with the
    articles that have it word for word."""
    stems = sorted(articles)
    phrases = []
    for size in [2] * 30 + [3] * 20:
        while True:
            seq = articles[rng.choice(stems)][2].split(" | ")[1].split()
            start = rng.randrange(len(seq))
            if seq[start] in stop or seq[start].isdigit():
                continue
            taken, gap, k = [seq[start]], 0, start + 1
            while k < len(seq) and sum(1 for t in taken if t not in stop) < size and gap <= 2:
                gap = gap + 1 if seq[k] in stop else 0
                taken.append(seq[k])
                k += 1
            if sum(1 for t in taken if t not in stop) == size and taken[-1] not in stop:
                phrases.append(" ".join(taken))
                break
    truth = {p: {s for s, (_, _, text) in articles.items() if " " + p + " " in text} for p in phrases}
    return phrases, truth


def node_answers(site, queries):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search_judged.js")
    engine = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Themes", "default", "assets", "search.js")
    run = subprocess.run(["node", "--max-old-space-size=4096", script, engine, site], input=json.dumps(queries),
                         capture_output=True, text=True, check=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def precision_at_10(ranked, relevant):
    k = min(10, len(relevant))
    return sum(1 for s in ranked[:k] if s in relevant) / k if k else 1.0


def spread(values, unit, scale=1.0):
    v = sorted(x / scale for x in values)
    return "median %.1f %s, worst %.1f %s" % (statistics.median(v), unit, v[-1], unit)


def by_kind(costs, n_names, n_words, label):
    """Median bytes and ms of the names, the word queries, the phrases (if any), then of all."""
    parts = []
    kinds = (("names", costs[:n_names]), ("words", costs[n_names:n_names + n_words]),
             ("phrases", costs[n_names + n_words:]), ("all", costs))
    for kind, part in kinds:
        if part:
            parts.append("%s %.1f KB %.0f ms" % (kind, statistics.median(c[0] for c in part) / 1024,
                                                 statistics.median(c[1] for c in part)))
    print("    %-9s medians: %s" % (label, ", ".join(parts)))


def browser_costs(site, engine, queries):
    """(bytes, ms, count, the keys of the first ten results) per query, the browser cache off."""
    if engine == "pagefind":
        with open(os.path.join(site, "pagefind-query.html"), "w") as f:
            f.write(sq.PAGEFIND_PAGE)
    host = sq.Host(site)
    base = host.base
    driver = sq.browser()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    out = []
    try:
        # The browser's first search pays for starting its renderer and compiling its code
        # paths: one query, not timed, first (each timed one still finds nothing cached).
        driver.get(base + ("search/?q=warm+up" if engine == "gazette" else "pagefind-query.html?q=warm+up"))
        time.sleep(2)
        for query in queries:
            # Cold: nothing kept from the query before (the cache switch alone lets some
            # files be reused across pages).
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.get("about:blank")
            host.clear()
            q = urllib.parse.quote(query)
            if engine == "gazette":
                driver.get(base + "search/?q=" + q)
                sq.WebDriverWait(driver, 120).until(lambda d: d.execute_script(
                    "var a = document.getElementById('search-app'); return a.dataset.state === 'done' || a.dataset.state === 'error'"))
                at, count, first = driver.execute_script(
                    "var a = document.getElementById('search-app'); return [parseFloat(a.dataset.resultsAt), parseInt(a.dataset.count || '0'),"
                    " Array.from(document.querySelectorAll('#search-results .search-result-title a')).map(x => x.textContent)]")
                marker = ("/search-index/", "/assets/search.js")
            else:
                driver.get(base + "pagefind-query.html?q=" + q)
                sq.WebDriverWait(driver, 300).until(lambda d: d.execute_script("return document.body.dataset.state === 'done'"))
                at, count, first = driver.execute_script(
                    "var b = document.body.dataset; return [parseFloat(b.at), parseInt(b.count), JSON.parse(b.titles)]")
                marker = ("/pagefind/",)
            time.sleep(0.02)  # the access log line is written as the response ends
            used = [e for e in host.served() if any(m in e[0] for m in marker)]
            out.append((sum(e[1] for e in used), at, count, [title.strip().rsplit(" ", 1)[-1] for title in first]))
    finally:
        driver.quit()
        host.stop()
    return out




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("content")
    ap.add_argument("site")
    ap.add_argument("--pagefind", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    articles = read_corpus(args.content)
    # The index's own stop words (the engine drops them from queries).
    stop = set(json.load(open(os.path.join(args.site, "search-index", "manifest.json")))["stop"])
    rng = random.Random(args.seed)
    names, words, truth, n_common, n_rare = choose_queries(articles, rng, stop)
    manifest = json.load(open(os.path.join(args.site, "search-index", "manifest.json")))
    phrases, phrase_truth = choose_phrases(articles, rng, stop) if manifest.get("phrases") else ([], {})
    print("  judged queries over %d articles: %d names, %d two-word and %d three-word (%d common words, %d rare)"
          % (len(articles), len(names), sum(1 for q in words if q.count(" ") == 1), sum(1 for q in words if q.count(" ") == 2),
             n_common, n_rare))
    stems = document_stems(args.site)
    queries = [q for q, _ in names] + words + ['"%s"' % p for p in phrases]
    answers = node_answers(args.site, queries)
    p10 = [precision_at_10([stems[d] for d in a["ids"][:10]], relevant) for a, (_, relevant) in zip(answers, names)]
    named_first = sum(1 for a in answers[:len(names)] if a["names"])
    recalls, counted = [], []
    for a, q in zip(answers[len(names):len(names) + len(words)], words):
        if not truth[q]:
            continue
        found = {stems[d] for d in a["ids"]}
        recalls.append(len(found & truth[q]) / len(truth[q]))
        counted.append(len(a["ids"]) / len(truth[q]))
    print("    gazette   names: precision at 10 %.3f (lowest %.2f), the name offered for %d of %d"
          % (statistics.mean(p10), min(p10), named_first, len(names)))
    print("    gazette   words: recall %.4f (lowest %.4f) over %d queries with matches; count / truth %.3f-%.3f; %d of %d complete"
          % (statistics.mean(recalls), min(recalls), len(recalls), min(counted), max(counted),
             sum(1 for a in answers[len(names):len(names) + len(words)] if a["complete"]), len(words)))
    if phrases:
        recalls, ratios = [], []
        for a, p in zip(answers[len(names) + len(words):], phrases):
            found = {stems[d] for d in a["ids"]}
            recalls.append(len(found & phrase_truth[p]) / len(phrase_truth[p]))
            ratios.append(len(a["ids"]) / len(phrase_truth[p]))
        print("    gazette   phrases: recall %.4f (lowest %.4f) over %d phrases (articles with one: %d-%d);"
              " count / truth %.3f-%.3f, median %.3f"
              % (statistics.mean(recalls), min(recalls), len(phrases), min(len(t) for t in phrase_truth.values()),
                 max(len(t) for t in phrase_truth.values()), min(ratios), max(ratios), statistics.median(ratios)))
    print("    gazette   index read per query (Node): %s, median %d files"
          % (spread([a["bytes"] for a in answers], "KB", 1024), statistics.median([a["files"] for a in answers])))
    if os.environ.get("JUDGED_NODE_ONLY"):
        return
    costs = browser_costs(args.site, "gazette", queries)
    print("    gazette   cold in Chromium: %s; %s" % (spread([c[0] for c in costs], "KB", 1024), spread([c[1] for c in costs], "ms")))
    by_kind(costs, len(names), len(words), "gazette")
    slowest = sorted(zip(costs, queries), key=lambda x: -x[0][1])[:3]
    print("    gazette   slowest: " + ", ".join('"%s" %.0f ms' % (q, c[1]) for c, q in slowest))
    sys.stdout.flush()
    if args.pagefind and os.path.isdir(os.path.join(args.site, "pagefind")):
        costs = browser_costs(args.site, "pagefind", queries)
        p10 = [precision_at_10(c[3], relevant) for c, (_, relevant) in zip(costs, names)]
        ratios = [c[2] / len(truth[q]) for c, q in zip(costs[len(names):], words) if truth[q]]
        caught = [min(1.0, c[2] / len(truth[q])) for c, q in zip(costs[len(names):], words) if truth[q]]
        print("    pagefind  names: precision at 10 %.3f (lowest %.2f)" % (statistics.mean(p10), min(p10)))
        print("    pagefind  words: count / truth %.3f-%.3f (recall at most %.4f)" % (min(ratios), max(ratios), statistics.mean(caught)))
        print("    pagefind  cold in Chromium: %s; %s" % (spread([c[0] for c in costs], "KB", 1024), spread([c[1] for c in costs], "ms")))
        by_kind(costs, len(names), len(words), "pagefind")


if __name__ == "__main__":
    main()
