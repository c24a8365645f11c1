#!/usr/bin/env python3
"""Gazette in a real browser: builds the sample archive (and a site of hostile content),
serves each folder as a plain web host would, and drives headless Chromium through the
search page, its filters and keyboard use, an article's related articles, a person's
profile, the index filters and the countries grid; the photos at a phone's and a desktop's
width (loaded, no layout shift); axe-core on every kind of page; and the structured data
of the pages as extruct, a real parser of JSON-LD and Open Graph, reads it. Every page
visited must log no JavaScript error. Run by `make e2e` (and so by `make test`).
"""
import argparse
import functools
import importlib.util
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium must not phone home
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(REPO, ".build", "e2e")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """A static server over `folder` on a free port, like any web host."""
    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(options=options, service=Service(executable_path=driver_path))


class Failures:
    def __init__(self):
        self.items = []
        self.passed = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.items.append(message)
            print("  FAIL: " + message)


def console_errors(driver):
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visit(driver, url, failures, label):
    driver.get(url)
    errors = console_errors(driver)
    failures.check(not errors, "%s logged JavaScript errors: %s" % (label, errors))


def wait_for_results(driver, timeout=10):
    """Waits until the search page has finished the query now in the box (not one it ran
    while the query was still being typed); returns the result links' (text, href) and the
    time the page measured."""
    def finished(d):
        app = d.find_element(By.ID, "search-app")
        box = d.find_element(By.ID, "search-q").get_attribute("value")
        return app.get_attribute("data-state") == "error" or (
            app.get_attribute("data-state") == "done" and app.get_attribute("data-query") == box)
    WebDriverWait(driver, timeout, poll_frequency=0.05, ignored_exceptions=(StaleElementReferenceException,)).until(finished)
    app = driver.find_element(By.ID, "search-app")
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title a")
    return [(a.text, a.get_attribute("href")) for a in links], float(app.get_attribute("data-results-ms") or "nan")


def type_query(driver, text):
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    driver.execute_script("document.getElementById('search-app').removeAttribute('data-state')")
    for ch in text:
        box.send_keys(ch)
        time.sleep(0.02)
    return box


def article_links(page_file):
    """The article links of a built list page, read from the file itself."""
    with open(page_file, encoding="utf-8") as f:
        html = f.read()
    # As a browser reports them: letters outside ASCII percent-encoded.
    return {urllib.parse.quote(h, safe="/:%") for h in re.findall(r'class="teaser-title"><a href="([^"]+)"', html)}


def front_page_links(root):
    """The article links of every page of the front page."""
    links = article_links(os.path.join(root, "index.html"))
    n = 2
    while os.path.exists(os.path.join(root, "page", str(n), "index.html")):
        links |= article_links(os.path.join(root, "page", str(n), "index.html"))
        n += 1
    return links


def sample_site(driver, root, base, failures):
    print("Sample archive:")
    # Search as you type: a prefix finds the ferry article, highlighted.
    visit(driver, base + "search/", failures, "the search page")
    type_query(driver, "ferr")
    results, ms = wait_for_results(driver)
    failures.check(results and "ferry" in results[0][0].lower(), "typing 'ferr' should find the ferry article first, got %s" % results)
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    failures.check(any(m.startswith("ferr") for m in marks), "matches should be highlighted, marks were %s" % marks)
    failures.check("q=ferr" in driver.current_url, "the URL should keep the query, was %s" % driver.current_url)
    print("  'ferr': %d results in %.0f ms" % (len(results), ms))

    # Ranking: both words, the article with both in its title first.
    type_query(driver, "fukuoka ferry")
    results, ms = wait_for_results(driver)
    failures.check(results and results[0][0] == "Passenger ferry link to Fukuoka resumes after three years",
                   "'fukuoka ferry' should rank the Fukuoka ferry article first, got %s" % results[:3])

    # A phrase in quotes (the sample turns on search_phrases): only the article with the
    # words side by side, of the several with both.
    type_query(driver, "would keep ")
    loose, _ = wait_for_results(driver)
    type_query(driver, '"would keep"')
    phrase, _ = wait_for_results(driver)
    failures.check(len(loose) > 1, "'would keep' should find several articles, got %s" % loose)
    failures.check([t for t, _ in phrase] == ["Port of Busan opens its first fully automated container terminal"],
                   "'\"would keep\"' should find only the article with the phrase, got %s" % phrase)
    print("  'would keep': %d results; as a phrase: %d" % (len(loose), len(phrase)))

    # Filter by a person offered in the results.
    type_query(driver, "korea")
    results, _ = wait_for_results(driver)
    chips = driver.find_elements(By.CSS_SELECTOR, "#search-facets button[data-kind='people']")
    failures.check(len(chips) > 0, "results for 'korea' should offer people to filter by")
    if chips:
        slug = chips[0].get_attribute("data-slug")
        driver.execute_script("document.getElementById('search-app').removeAttribute('data-state')")
        chips[0].click()
        filtered, _ = wait_for_results(driver)
        allowed = {urllib.parse.urljoin(base, p) for p in article_links(os.path.join(root, "people", slug, "index.html"))}
        failures.check(filtered and all(href in allowed for _, href in filtered),
                       "filtered by %s, every result should be one of their articles: %s" % (slug, filtered))
        failures.check(len(filtered) <= len(results), "a filter can only narrow the results")
        failures.check("person=" + slug in driver.current_url, "the URL should keep the filter, was %s" % driver.current_url)
        active = driver.find_elements(By.CSS_SELECTOR, "#search-active button")
        failures.check(len(active) == 1, "the active filter should show, removable")
        if active:
            driver.execute_script("document.getElementById('search-app').removeAttribute('data-state')")
            active[0].click()
            unfiltered, _ = wait_for_results(driver)
            failures.check(len(unfiltered) == len(results), "removing the filter should bring back every result")

    # Filter by section and year with the selects.
    visit(driver, base + "search/?q=port&section=economy", failures, "a shared search URL")
    results, _ = wait_for_results(driver)
    economy = {urllib.parse.urljoin(base, p) for p in article_links(os.path.join(root, "sections", "economy", "index.html"))}
    failures.check(all(href in economy for _, href in results), "section=economy should keep only Economy articles: %s" % results)
    failures.check(driver.find_element(By.ID, "search-q").get_attribute("value") == "port", "a shared URL should fill in the query")

    # Keyboard: arrows move from the box through the results, Enter opens, Escape returns.
    visit(driver, base + "search/?q=harbour", failures, "the search page")
    results, _ = wait_for_results(driver)
    failures.check(len(results) >= 2, "'harbour' should find several articles, got %d" % len(results))
    box = driver.find_element(By.ID, "search-q")
    box.click()
    box.send_keys(Keys.ARROW_DOWN)
    focused = driver.switch_to.active_element
    failures.check(focused.get_attribute("href") == results[0][1], "ArrowDown should move to the first result")
    focused.send_keys(Keys.ARROW_DOWN)
    second = driver.switch_to.active_element
    failures.check(second.get_attribute("href") == results[1][1], "ArrowDown again should move to the second result")
    second.send_keys(Keys.ARROW_UP)
    failures.check(driver.switch_to.active_element.get_attribute("href") == results[0][1], "ArrowUp should move back")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    failures.check(driver.switch_to.active_element.get_attribute("id") == "search-q", "Escape on a result should return to the box")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    failures.check(box.get_attribute("value") == "" and not driver.find_elements(By.CSS_SELECTOR, "#search-results li"),
                   "Escape in the box should clear the query and the results")
    type_query(driver, "harbour")
    results, _ = wait_for_results(driver)
    box.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/search/" not in d.current_url)
    failures.check(driver.current_url == results[0][1], "Enter should open the result, got %s" % driver.current_url)
    errors = console_errors(driver)
    failures.check(not errors, "the opened article logged JavaScript errors: %s" % errors)

    # The opened article: related articles at its foot.
    related = driver.find_elements(By.CSS_SELECTOR, ".related a")
    failures.check(len(related) >= 1, "the article should list related articles")
    if related:
        target = related[0].get_attribute("href")
        related[0].click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url == target)
        failures.check(driver.find_elements(By.CSS_SELECTOR, "h1"), "a related article should open")

    # A person's page: coverage timeline and the people and countries alongside.
    with open(os.path.join(root, "search-index", "n", "people.json"), encoding="utf-8") as f:
        people = json.load(f)
    # The busiest person whose articles span more than one month, so that a timeline is drawn.
    def spans_months(person):
        with open(os.path.join(root, "people", person[1], "index.html"), encoding="utf-8") as f:
            return 'class="timeline"' in f.read()
    busiest = max((p for p in people if spans_months(p)), key=lambda p: p[2])
    visit(driver, base + "people/%s/" % busiest[1], failures, "a person's page")
    svg = driver.find_elements(By.CSS_SELECTOR, "svg.timeline")
    failures.check(svg and svg[0].get_attribute("aria-label"), "a person's page should show a labelled timeline")
    failures.check(driver.find_elements(By.CSS_SELECTOR, ".profile .chips a"), "a person's page should link people or countries mentioned alongside")

    # The people index filtered by name, across every page of it.
    visit(driver, base + "people/", failures, "the people index")
    box = driver.find_element(By.ID, "term-filter-input")
    query = busiest[0].split()[0][:3]
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".term-filter-status").text)
    names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".term-filter-results a")]
    failures.check(busiest[0] in names, "filtering the people index by '%s' should show %s, got %s" % (query, busiest[0], names))
    failures.check(all(query.lower() in n.lower() for n in names), "every name shown should contain '%s': %s" % (query, names))
    failures.check(not driver.find_element(By.CSS_SELECTOR, ".term-browse").is_displayed(), "the paged list should hide while filtering")

    # The countries index: a grid of every country, each tile a link.
    visit(driver, base + "countries/", failures, "the countries index")
    tiles = driver.find_elements(By.CSS_SELECTOR, "svg.coverage-grid a")
    with open(os.path.join(root, "search-index", "n", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    failures.check(0 < len(tiles) <= len(countries), "the grid should show the countries, %d tiles for %d" % (len(tiles), len(countries)))
    if tiles:
        label = tiles[0].get_attribute("aria-label")
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", tiles[0])
        WebDriverWait(driver, 10).until(lambda d: "/countries/" in d.current_url and d.current_url != base + "countries/")
        failures.check(label.split(":")[0] in driver.find_element(By.TAG_NAME, "h1").text, "a tile should open its country, %s" % label)

    # Every other kind of page, for JavaScript errors.
    for path in ("", "archive/", "sections/", "countries/by-name/", "people/by-name/", "2025/"):
        visit(driver, base + path, failures, "/" + path)


def hostile_site(driver, base, failures):
    print("Hostile content:")
    visit(driver, base + "search/?q=quotes", failures, "the search page")
    results, _ = wait_for_results(driver)
    failures.check(results and results[0][0] == '<script>alert(1)</script> & "quotes"',
                   "a title with markup should show as text, got %s" % results)
    failures.check(not driver.find_elements(By.CSS_SELECTOR, "#search-results script, #search-results img, #search-results b"),
                   "no element may come from content")
    chips = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#search-facets button")]
    failures.check(any("<img src=x onerror=alert(1)>" in c for c in chips), "a name with markup should show as text: %s" % chips)
    alerts = driver.execute_script("return typeof window.alert === 'function'")
    failures.check(alerts, "the page should be intact")


def without_javascript(base, failures):
    print("Without JavaScript:")
    driver = browser(javascript=False)
    try:
        driver.get(base + "search/")
        app = driver.find_element(By.ID, "search-app")
        failures.check(not app.is_displayed(), "without JavaScript the results area should stay hidden")
        body = driver.find_element(By.TAG_NAME, "main").text
        failures.check("needs JavaScript" in body, "without JavaScript the page should say search needs it")
        links = {a.text for a in driver.find_elements(By.CSS_SELECTOR, ".search-noscript a")}
        failures.check({"People", "Countries", "Archive"} <= links, "it should link the people, countries and date indexes: %s" % links)
    finally:
        driver.quit()


# Counts layout shifts from the moment a page starts, as browsers report them.
LAYOUT_SHIFTS = """
window.__shift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: 'layout-shift', buffered: true});
"""


def images_loaded(driver, selector):
    return driver.execute_script(
        "const all = [...document.querySelectorAll(arguments[0])];"
        "return all.length > 0 && all.every(i => i.complete && i.naturalWidth > 0);", selector)


def photos(driver, root, base, failures):
    # The articles of the front page's first page that have a lead photo, read from their own pages.
    with_photos = 0
    for link in article_links(os.path.join(root, "index.html")):
        with open(os.path.join(root, urllib.parse.unquote(link).lstrip("/"), "index.html"), encoding="utf-8") as f:
            with_photos += 'class="lead-image"' in f.read()
    print("Photos:")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LAYOUT_SHIFTS})
    article = next(p for p in front_page_links(root) if "typhoon" in p)
    os.makedirs(os.path.join(WORK, "screens"), exist_ok=True)
    for width, height in ((390, 844), (1280, 900)):
        driver.set_window_size(width, height)
        visit(driver, urllib.parse.urljoin(base, article), failures, "the typhoon article at %d px" % width)
        WebDriverWait(driver, 10).until(lambda d: images_loaded(d, ".lead-image img"))
        lead = driver.execute_script(
            "const i = document.querySelector('.lead-image img'); return [i.currentSrc, i.getBoundingClientRect().width];")
        failures.check(lead[0].endswith(".webp"), "at %d px the lead photo should come as WebP, got %s" % (width, lead[0]))
        failures.check(lead[1] <= width, "at %d px the lead photo should fit the page, it is %s px wide" % (width, lead[1]))
        driver.save_screenshot(os.path.join(WORK, "screens", "article-%d.png" % width))
        driver.execute_script("document.querySelector('.body-image').scrollIntoView()")
        WebDriverWait(driver, 10).until(lambda d: images_loaded(d, ".story-body img"))
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        time.sleep(0.3)
        shift = driver.execute_script("return window.__shift")
        failures.check(shift < 0.01, "at %d px the article should not shift as photos load, layout shift %.3f" % (width, shift))
        failures.check(not console_errors(driver), "the typhoon article logged errors at %d px" % width)
        visit(driver, base, failures, "the front page at %d px" % width)
        WebDriverWait(driver, 10).until(lambda d: images_loaded(d, ".teaser-image img"))
        thumbs = driver.execute_script("return [...document.querySelectorAll('.teaser-image img')].map(i => i.currentSrc)")
        failures.check(len(thumbs) == with_photos and all(t.endswith(".webp") for t in thumbs),
                       "the front page should show its %d photos' thumbnails as WebP, got %s" % (with_photos, thumbs))
        sizes = driver.execute_script(
            "return [...document.querySelectorAll('.teaser-image img')].map(i => i.getBoundingClientRect().width)")
        failures.check(all(0 < w <= 290 for w in sizes), "thumbnails should be small, they are %s px wide" % sizes)
        driver.save_screenshot(os.path.join(WORK, "screens", "front-%d.png" % width))
        shift = driver.execute_script("return window.__shift")
        failures.check(shift < 0.01, "at %d px the front page should not shift, layout shift %.3f" % (width, shift))
    driver.set_window_size(1280, 900)
    print("  photos load at 390 and 1280 px, no layout shift")


def old_addresses(driver, base, failures):
    """The sample's redirects.yml moves an old address; on a plain static server (this one)
    the HTML page left there takes the reader on."""
    print("Old addresses:")
    target = base + "2024/01/11/central-bank-holds-its-key-rate-for-an-eighth-straight-meeting/"
    driver.get(base + "2024/01/11/central-bank-holds-rate/")
    try:
        WebDriverWait(driver, 10).until(lambda d: d.current_url == target)
    except TimeoutException:
        pass
    failures.check(driver.current_url == target, "the old address should lead to %s, ended at %s" % (target, driver.current_url))
    failures.check(not console_errors(driver), "following the redirect logged errors")


def right_to_left_article(root):
    """The sample's Arabic article, by its page's language."""
    for folder, _, files in os.walk(os.path.join(root, "ar", "2023")):
        if "index.html" in files:
            with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
                if '<html lang="ar" dir="rtl">' in f.read(300):
                    return urllib.parse.quote(os.path.relpath(folder, root)) + "/"
    raise AssertionError("the sample has no Arabic article")


def accessibility(driver, root, base, failures):
    """axe-core on one page of each kind, at both widths: no violation."""
    print("Accessibility (axe-core):")
    spec = importlib.util.find_spec("axe_playwright_python")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as f:
        axe = f.read()
    # Sorted: a set's order changes from run to run, and so did the page checked.
    links = sorted(front_page_links(root))
    article = next(p for p in links if "typhoon" in p)
    plain = next(p for p in links if "typhoon" not in p)
    # A table wider than a phone scrolls inside the story, and must take the keyboard focus.
    table = next(p for p in links if "rice-harvest" in p)
    pages = ["", article, plain, table, "people/", "people/kang-tae-min/", "countries/", "countries/south-korea/", "sections/economy/",
             "archive/", "2022/", "2022/09/", "search/?q=port", "404.html", right_to_left_article(root), "ar/", "ko/"]
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        for page in pages:
            driver.get(urllib.parse.urljoin(base, page))
            driver.execute_script(axe)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                "v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))));")
            failures.check(not result, "axe-core at %d px on /%s: %s" % (width, page, result))
    driver.set_window_size(1280, 900)
    print("  %d pages at 390 and 1280 px" % len(pages))


def structured_data(root, failures):
    """The pages' JSON-LD and Open Graph as extruct reads them."""
    print("Structured data (extruct):")
    import extruct

    def read(path):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            return extruct.extract(f.read(), base_url="https://example.org/", syntaxes=["json-ld", "opengraph"], uniform=True)

    article = next(p for p in front_page_links(root) if "typhoon" in p).lstrip("/")
    data = read(article + "index.html")
    news = [d for d in data["json-ld"] if d.get("@type") == "NewsArticle"]
    failures.check(len(news) == 1, "an article should have one NewsArticle, got %s" % [d.get("@type") for d in data["json-ld"]])
    if news:
        n = news[0]
        for key in ("headline", "image", "datePublished", "dateModified", "author", "publisher"):
            failures.check(n.get(key), "the NewsArticle should have %s (Google lists it)" % key)
        failures.check(all(a.get("@type") == "Person" and a.get("name") for a in n.get("author", [])), "authors should be named people")
        image = (n.get("image") or [{}])[0]
        failures.check(image.get("width", 0) >= 1200 and image.get("url", "").startswith("https://example.org/images/"),
                       "the NewsArticle image should be the large photo, got %s" % image)
    failures.check(any(d.get("@type") == "BreadcrumbList" for d in data["json-ld"]), "an article should have a BreadcrumbList")
    og = data["opengraph"][0] if data["opengraph"] else {}
    # (extruct's uniform form gives og:type as @type.)
    failures.check(og.get("@type") == "article" and og.get("og:image", "").endswith(".jpg"),
                   "Open Graph should say article and give the photo, got %s" % {k: og.get(k) for k in ("@type", "og:image")})
    person = read("people/kang-tae-min/index.html")["json-ld"]
    failures.check(person and person[0].get("@type") == "ProfilePage", "a person's page should be a ProfilePage: %s" % person)
    home = read("index.html")["json-ld"]
    failures.check(home and home[0].get("potentialAction", {}).get("@type") == "SearchAction",
                   "the home page should offer its search: %s" % home)
    print("  article, person and home pages read")


def languages(driver, base, failures):
    """The sample's Korean, Chinese and Arabic versions of the ferry story: found by search
    in their own scripts, each page in its language and direction, linked to the others."""
    print("Languages:")
    for query, language, why in [("福冈", "zh", "a Chinese word (pairs of Han characters)"),
                                 ("대통령", "ko", "a Korean stem (the article writes 대통령은)"),
                                 ("فوكوكا", "ar", "an Arabic word")]:
        # Each edition has its own search page and index.
        visit(driver, base + language + "/search/", failures, "the %s search page" % language)
        type_query(driver, query)
        results, ms = wait_for_results(driver)
        hrefs = [href for _, href in results]
        failures.check(len(hrefs) >= 1, "%s, '%s', should find its article, got %s" % (why, query, results))
        if hrefs:
            visit(driver, hrefs[0], failures, "the %s result" % language)
            failures.check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
                           "'%s' should open the %s article first, opened %s" % (query, language, driver.current_url))
            failures.check(urllib.parse.urlparse(driver.current_url).path.startswith("/%s/" % language),
                           "the %s article should be in the /%s/ edition: %s" % (language, language, driver.current_url))
        print("  '%s': %d results in %.0f ms" % (query, len(results), ms))

    english = base + "2023/08/21/passenger-ferry-link-to-fukuoka-resumes-after-three-years/"
    visit(driver, english, failures, "the English ferry article")
    switch = {a.get_attribute("hreflang"): a.get_attribute("href")
              for a in driver.find_elements(By.CSS_SELECTOR, ".translations a")}
    failures.check(set(switch) == {"ko", "zh", "ar"}, "the English article should link its three translations: %s" % switch)
    if "ar" in switch:
        visit(driver, switch["ar"], failures, "the Arabic article")
        direction = driver.execute_script("return getComputedStyle(document.querySelector('.story-title')).direction")
        failures.check(direction == "rtl", "the Arabic article should read right to left, its direction is %s" % direction)
        # Laid out mirrored: the headline hugs the right edge of the column.
        edges = driver.execute_script("""
            var t = document.querySelector('.story-title'), r = document.createRange();
            r.selectNodeContents(t);
            var box = t.getBoundingClientRect(), text = r.getBoundingClientRect();
            return [box.right - text.right, text.left - box.left];""")
        failures.check(edges[0] < 2 and edges[1] > 2, "the Arabic headline should start at the right, gaps %s" % edges)
    if "ko" in switch:
        visit(driver, switch["ko"], failures, "the Korean article")
        dateline = driver.find_element(By.CSS_SELECTOR, ".dateline").text
        failures.check(dateline.startswith("입력") and "2023년 8월 21일" in dateline,
                       "the Korean article should say its date in Korean: %s" % dateline)
        headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".story-tags h2, .translations h2")]
        failures.check("기사 속 인물" in headings and "다른 언어로 보기" in headings,
                       "the Korean article's headings should be Korean: %s" % headings)
        nav = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav a")]
        failures.check("검색" in nav, "the Korean article's navigation should be Korean: %s" % nav)
        # The Korean edition's front page: its own articles, its dates in Korean, and the switcher.
        visit(driver, base + "ko/", failures, "the Korean front page")
        dates = [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".teaser-meta time")]
        failures.check(dates and all("년" in d for d in dates), "the Korean front page's dates should be Korean: %s" % dates)
        editions = {a.get_attribute("hreflang") for a in driver.find_elements(By.CSS_SELECTOR, ".editions a")}
        failures.check(editions == {"en", "zh", "ar"}, "the Korean front page should link the other editions: %s" % editions)


LARGE = 2400  # articles in the archive whose common words pass a term's 1,000 weighted postings


def write_large_archive(folder):
    """2,400 short articles: "harbour" in every one, "ferry" in two of three, "storm" in one of
    five; article n is an hour newer than article n - 1. Returns, per query, the numbers of
    the articles with every word."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "content"))
    with open(os.path.join(folder, "gazette.yml"), "w") as f:
        f.write("title: Harbour Wire\nbase_url: https://example.org/\ntimezone: \"+09:00\"\n")
    for n in range(LARGE):
        day, hour = divmod(n, 24)
        body = "Harbour report." + (" The ferry sailed." if n % 3 else "") + (" A storm passed." if n % 5 == 0 else "")
        with open(os.path.join(folder, "content", "s%d.md" % n), "w") as f:
            f.write('---\ntitle: "Story %d"\ndate: 2020-%02d-%02dT%02d:00:00+09:00\n---\n\n%s\n'
                    % (n, 1 + day // 28, 1 + day % 28, hour, body))
    return {"harbour ferry": {n for n in range(LARGE) if n % 3}, "storm ferry": {n for n in range(LARGE) if n % 3 and n % 5 == 0}}


def paging(driver, base, expected, failures):
    """A common two-word query counted whole and paged through to its end, then by date."""
    print("Large archive (%d articles):" % LARGE)
    query = "harbour ferry"
    visit(driver, base + "search/?q=" + urllib.parse.quote(query), failures, "the search page")
    results, ms = wait_for_results(driver)
    count = int(driver.find_element(By.ID, "search-app").get_attribute("data-count"))
    status = driver.find_element(By.ID, "search-status").text
    failures.check(count == len(expected[query]), "'%s' should count %d articles, counted %d" % (query, len(expected[query]), count))
    failures.check("{:,}".format(len(expected[query])) in status, "the status should say the whole count: %s" % status)
    seen, pages = [], 0
    while True:
        links, _ = wait_for_results(driver)
        seen += [int(href.rstrip("/").rsplit("-", 1)[-1]) for _, href in links]
        pages += 1
        next_button = driver.find_element(By.ID, "search-next")
        if not next_button.is_enabled() or pages > LARGE:
            break
        driver.execute_script("document.getElementById('search-app').removeAttribute('data-state')")
        next_button.click()
    failures.check(len(seen) == len(set(seen)) and set(seen) == expected[query],
                   "paging through '%s' should show every match once: %d shown, %d distinct, %d expected"
                   % (query, len(seen), len(set(seen)), len(expected[query])))
    failures.check("page=%d" % pages in driver.current_url, "the address should keep the page, was %s" % driver.current_url)
    print("  '%s': %d articles on %d pages, first results in %.0f ms" % (query, count, pages, ms))
    # Back one page, then the newest first.
    driver.execute_script("document.getElementById('search-app').removeAttribute('data-state')")
    driver.find_element(By.ID, "search-previous").click()
    links, _ = wait_for_results(driver)
    failures.check(len(links) == 10 and "page=%d" % (pages - 1) in driver.current_url, "Previous should show the page before")
    visit(driver, base + "search/?q=storm+ferry&sort=newest", failures, "the search page sorted by date")
    links, _ = wait_for_results(driver)
    numbers = [int(href.rstrip("/").rsplit("-", 1)[-1]) for _, href in links]
    newest = sorted(expected["storm ferry"], reverse=True)[:10]
    failures.check(numbers == newest, "sorted by date, the newest matches first: %s, expected %s" % (numbers, newest))
    errors = console_errors(driver)
    failures.check(not errors, "the large archive's search should log no errors: %s" % errors)


def build(gazette, source, output):
    shutil.rmtree(output, ignore_errors=True)
    subprocess.run([gazette, "build", "--source", source, "--output", output, "--clean"], check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gazette", default=os.path.join(REPO, ".build", "release", "gazette"))
    args = parser.parse_args()
    gazette = os.path.abspath(args.gazette)
    sample = os.path.join(WORK, "sample")
    hostile = os.path.join(WORK, "hostile")
    build(gazette, REPO, sample)
    build(gazette, os.path.join(REPO, "Tests", "GazetteCoreTests", "Fixtures", "sites", "basic"), hostile)
    large_source, large = os.path.join(WORK, "large-source"), os.path.join(WORK, "large")
    expected = write_large_archive(large_source)
    build(gazette, large_source, large)

    failures = Failures()
    sample_server, sample_base = serve(sample)
    hostile_server, hostile_base = serve(hostile)
    large_server, large_base = serve(large)
    driver = browser()
    try:
        sample_site(driver, sample, sample_base, failures)
        photos(driver, sample, sample_base, failures)
        old_addresses(driver, sample_base, failures)
        languages(driver, sample_base, failures)
        accessibility(driver, sample, sample_base, failures)
        hostile_site(driver, hostile_base, failures)
        paging(driver, large_base, expected, failures)
    except TimeoutException as error:
        failures.check(False, "timed out waiting on %s: %s" % (driver.current_url, error.msg))
    finally:
        driver.quit()
    without_javascript(sample_base, failures)
    structured_data(sample, failures)
    sample_server.shutdown()
    hostile_server.shutdown()
    large_server.shutdown()

    if failures.items:
        print("e2e: %d of %d checks failed" % (len(failures.items), failures.passed + len(failures.items)))
        sys.exit(1)
    print("e2e: all %d checks passed in headless Chromium" % failures.passed)


if __name__ == "__main__":
    main()
