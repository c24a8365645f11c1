#!/usr/bin/env python3
"""Deterministic synthetic news archives for Gazette's benchmark.

    generate.py N OUTDIR [--seed S] [--format gazette|hugo|raw|html] [--language en|zh] [--part K/M]

gazette: content/YYYY/MM/slug.md with the importer's front matter.
hugo:    the same articles for Hugo (people, countries and sections as taxonomies).
raw:     the same articles as raw text dumps of article pages, for `gazette import`.

zh:      (--language zh) the same shapes in Chinese: words of two to four Han characters with no
         spaces between them, Chinese names, sentences ending in 。, for the search of
         unspaced scripts.

Article i depends only on (seed, i). People and countries are drawn from a few thousand
made-up names with a long-tailed (Zipf-like) distribution; bodies are 350 to 600 words with
GFM tables, lists, links, emphasis, strikethrough and autolinks.
"""
import argparse
import bisect
import os
import random

SYLLABLES = ["min", "ji", "seo", "hyun", "woo", "jin", "soo", "young", "ho", "eun", "ha", "joon", "na", "ra", "tae",
             "kyung", "sung", "hee", "chul", "mi", "yeon", "gun", "dong", "hwa", "bin", "ah", "yoon", "won", "il", "han"]
SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin",
            "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong", "Moon", "Yang", "Son", "Bae", "Baek", "Nam", "Noh", "Ha"]
GIVEN = ["Mark", "Anna", "David", "Laura", "James", "Sofia", "Peter", "Maria", "Thomas", "Elena", "Daniel", "Julia",
         "Michael", "Sarah", "Carlos", "Aiko", "Kenji", "Yuki", "Hiroshi", "Li", "Wei", "Ahmed", "Fatima", "Ivan", "Olga"]
FAMILY = ["Miller", "Garcia", "Tanaka", "Suzuki", "Nakamura", "Wang", "Chen", "Novak", "Rossi", "Dubois", "Schmidt",
          "Hansen", "Okafor", "Silva", "Petrov", "Khan", "Hughes", "Larsen", "Moreau", "Fischer", "Ito", "Sato"]
COUNTRIES = ["South Korea", "United States", "China", "Japan", "North Korea", "Russia", "United Kingdom", "Germany",
             "France", "India", "Vietnam", "Australia", "Canada", "Philippines", "Indonesia", "Thailand", "Brazil",
             "Mexico", "Italy", "Spain", "Turkey", "Saudi Arabia", "Iran", "Israel", "Ukraine", "Poland", "Netherlands",
             "Sweden", "Norway", "Singapore", "Malaysia", "Egypt", "Nigeria", "South Africa", "Argentina", "Chile",
             "New Zealand", "Mongolia", "Kazakhstan", "Pakistan", "Bangladesh", "Qatar", "Switzerland", "Austria"]
SECTIONS = ["Politics", "Economy", "Society", "World", "Culture", "Sports", "Science", "North Korea", "Business"]
WORDS = ("government officials said the plan would expand support for families and small firms across the region "
         "while critics warned that costs could rise faster than expected over the coming months as talks continue "
         "between ministries lawmakers and industry groups on a final agreement before the deadline next year").split()

# Chinese words and names for --language zh: common news vocabulary, written for this benchmark.
ZH_WORDS = ("政府 官员 表示 计划 将 扩大 对 家庭 和 小企业 的 支持 范围 同时 批评者 警告 成本 可能 比 预期 更快 上涨 "
            "在 未来 几个月 各部门 议员 与 行业 团体 之间 的 谈判 继续 进行 争取 在 明年 截止 日期 前 达成 最终 协议 "
            "经济 增长 出口 市场 安全 会谈 外交部 发言人 首都 地区 合作 发展 国际 会议 总统 总理 代表团 访问").split()
ZH_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
ZH_GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰")
LANGUAGE = "en"


def people_pool(rng, n=3000):
    pool, seen = [], set()
    while len(pool) < n:
        if LANGUAGE == "zh":
            name = rng.choice(ZH_SURNAMES) + "".join(rng.choice(ZH_GIVEN) for _ in range(rng.randint(1, 2)))
        elif rng.random() < 0.6:
            name = f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).capitalize()}-{rng.choice(SYLLABLES)}"
        else:
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name not in seen:
            seen.add(name)
            pool.append(name)
    return pool


def zipf_weights(n, s):
    """Cumulative weights of a Zipf law truncated at n items: item k is drawn in proportion to 1/k^s."""
    total, out = 0.0, []
    for k in range(1, n + 1):
        total += 1.0 / k ** s
        out.append(total)
    return out


def zipf_pick(rng, items, cumulative, k):
    out = []
    while len(out) < min(k, len(items)):
        i = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
        if items[i] not in out:
            out.append(items[i])
    return out


def sentence(rng, n=None):
    if LANGUAGE == "zh":
        words = [rng.choice(ZH_WORDS) for _ in range(n or rng.randint(10, 22))]
        return "".join(words[:len(words) // 2]) + "，" + "".join(words[len(words) // 2:]) + "。"
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(10, 22))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def body(rng, people, countries):
    parts, words = [], 0
    target = rng.randint(350, 600)
    while words < target:
        kind = rng.random()
        if kind < 0.08:
            rows = [f"| {c} | {rng.randint(1, 999):,} | {rng.uniform(-9, 9):.1f}% |" for c in rng.sample(countries or ["South Korea"], 1) * 3]
            parts.append("| Market | Volume | Change |\n|---|--:|--:|\n" + "\n".join(rows))
            words += 12
        elif kind < 0.14:
            parts.append("\n".join(f"- {sentence(rng, 8)}" for _ in range(3)))
            words += 24
        else:
            s = [sentence(rng) for _ in range(rng.randint(2, 4))]
            if people and LANGUAGE == "zh":
                s.insert(1, f"{rng.choice(people)}说：“{sentence(rng, 9)}”")
            elif people:
                s.insert(1, f'"{sentence(rng, 9)[:-1]}," said {rng.choice(people)}.')
            if rng.random() < 0.3:
                s.append(f"See the [full report](https://example.org/r/{rng.randint(1, 99999)}) or www.example.org for *details* and ~~old~~ **new** figures.")
            parts.append(("" if LANGUAGE == "zh" else " ").join(s))
            words += sum(len(x) // 3 if LANGUAGE == "zh" else len(x.split()) for x in s)
    return "\n\n".join(parts)


def article(seed, i, pool, people_weights, country_weights):
    rng = random.Random(seed * 1_000_003 + i)
    year = 2010 + (i * 7919) % 16
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    people = zipf_pick(rng, pool, people_weights, rng.randint(0, 6))
    countries = zipf_pick(rng, COUNTRIES, country_weights, rng.randint(1, 4))
    if LANGUAGE == "zh":
        title = "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(4, 8))) + f" {i}"
    else:
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11))).capitalize() + f" {i}"
    return {
        "title": title, "year": year, "month": month, "day": day,
        "date": f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}+09:00",
        "section": rng.choice(SECTIONS), "byline": f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).capitalize()}-{rng.choice(SYLLABLES)}",
        "people": people, "countries": countries, "body": body(rng, people, countries),
        "slug": f"article-{i}" if LANGUAGE == "zh" else f"{'-'.join(title.lower().split())}",
    }


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(a, hugo):
    lines = ["---", f"title: {quote(a['title'])}", f"date: {a['date']}", f"section: {a['section']}",
             "source: Bench Wire", f"byline: {a['byline']}"]
    for key in ("people", "countries"):
        lines.append(f"{key}:" + ("" if a[key] else " []"))
        lines += [f"  - {quote(x)}" for x in a[key]]
    if hugo:
        lines.append(f"sections: [{quote(a['section'])}]")
        lines.append(f"slug: {a['slug']}")
    lines.append("---")
    return "\n".join(lines)


def raw_page(a):
    stamp = a["date"][:19].replace("T", " ")
    return (f"Menu Content\nGo Top\n\n{a['section']}\n\n{a['title']}\n\nWritten: {stamp}Updated: {stamp}\n\n{a['title']}\n\n"
            f"Photo : Bench Photo\n\n{a['body']}\n{a['byline']}, Bench Wire News.\n\nRelated News\n\nEditor's Pick\n\nClose\n")


def html_page(a):
    """A saved article page as a news site serves it: meta tags, JSON-LD, navigation, the
    article among related links and a footer."""
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    paragraphs = "\n".join(f"      <p>{esc(p)}</p>" for p in a["body"].split("\n\n") if p.strip())
    related = "\n".join(f'      <li><a href="/news/{i}">Related headline number {i} about the markets</a></li>' for i in range(8))
    menu = "\n".join(f'    <li><a href="/section/{s}">{s.title()}</a></li>' for s in ["politics", "economy", "world", "culture", "sports"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | Bench Wire</title>
<meta property="og:title" content="{esc(a['title'])}"><meta property="og:site_name" content="Bench Wire">
<meta property="article:published_time" content="{a['date']}"><meta property="article:section" content="{esc(a['section'])}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{esc(a['title'])}",
"datePublished":"{a['date']}","author":{{"@type":"Person","name":"{esc(a['byline'])}"}}}}</script>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head>
<body><a class="skip-link" href="#main">Go to Contents</a>
<header class="site-header"><div class="logo">Bench Wire</div><nav class="gnb"><ul>
{menu}
</ul></nav></header>
<main id="main"><article class="news-article">
    <h1 class="headline">{esc(a['title'])}</h1>
    <div class="byline">By {esc(a['byline'])}</div>
    <div class="article-body">
{paragraphs}
    </div>
</article>
<aside class="related"><h2>Related News</h2><ul>
{related}
</ul></aside></main>
<footer class="site-footer"><p>Copyright Bench Wire. All rights reserved.</p></footer>
</body></html>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["gazette", "hugo", "raw", "html"], default="gazette")
    ap.add_argument("--language", choices=["en", "zh"], default="en")
    ap.add_argument("--part", default="0/1", help="K/M: only the articles i with i %% M == K (to write one corpus from M processes)")
    args = ap.parse_args()
    part, parts = (int(x) for x in args.part.split("/"))
    global LANGUAGE
    LANGUAGE = args.language
    pool = people_pool(random.Random(args.seed))
    people_weights, country_weights = zipf_weights(len(pool), 1.0), zipf_weights(len(COUNTRIES), 1.1)
    for i in range(part, args.n, parts):
        a = article(args.seed, i, pool, people_weights, country_weights)
        if args.format == "raw":
            path = os.path.join(args.out, f"{a['year']}", f"page-{i:07d}.txt")
            text = raw_page(a)
        elif args.format == "html":
            path = os.path.join(args.out, f"{a['year']}", f"page-{i:07d}.html")
            text = html_page(a)
        else:
            path = os.path.join(args.out, f"{a['year']}", f"{a['month']:02d}", f"{a['slug']}.md")
            text = front_matter(a, args.format == "hugo") + "\n\n" + a["body"] + "\n"
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
