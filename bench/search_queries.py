#!/usr/bin/env python3
"""Cold queries against a built site in headless Chromium, for `make bench`.

    search_queries.py SITE_DIR --engine gazette|pagefind QUERY...

Serves SITE_DIR over HTTP on localhost (Debian's nginx when installed, else Python's own
server; no compression, as a plain static host), then for
each query starts a fresh browser (empty cache), opens the engine's search, and prints the
bytes the search downloaded (its script and index files, counted by the server) and the
time from navigation to the first results on screen. Gazette: the theme's /search/?q= page. Pagefind: its JavaScript API
(`pagefind.search`, then the data of the first ten results), loaded from /pagefind/.
"""
import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

os.environ.setdefault("SE_AVOID_STATS", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PAGEFIND_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pagefind query</title></head>
<body><script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(q);
const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
document.body.dataset.count = search.results.length;
document.body.dataset.first = data.length ? data[0].meta.title : '';
document.body.dataset.titles = JSON.stringify(data.map(d => d.meta.title));
document.body.dataset.at = performance.now().toFixed(1);
document.body.dataset.state = 'done';
</script></body></html>
"""


SERVED = []  # (path, bytes) of every file served, counted at the server: the browser's
            # resource timing misses what Pagefind's worker fetches.


class Counting(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    def do_GET(self):
        super().do_GET()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if os.path.isfile(path):
            SERVED.append((urllib.parse.urlsplit(self.path).path, os.path.getsize(path)))

    def log_message(self, *args):
        pass


NGINX_CONF = """daemon off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
  types {{ text/html html; text/css css; text/javascript js; application/json json; application/wasm wasm;
          image/svg+xml svg; application/octet-stream pf_meta pf_fragment pf_index pf_filter; }}
  log_format counted '$uri $body_bytes_sent';
  access_log {tmp}/access.log counted;
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp}; uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  server {{ listen 127.0.0.1:{port}; root {site}; index index.html; }}
}}
"""


class Host:
    """The site served over HTTP on localhost, with what was served since `clear()` as
    (path, bytes): by nginx, as a real host serves it, when Debian's nginx is installed (its
    access log counts the bytes); else by Python's own server, counting at the handler."""

    def __init__(self, site):
        self.site = site
        nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
        if nginx:
            self.tmp = tempfile.mkdtemp(prefix="gazette-bench-nginx-")
            os.chmod(self.tmp, 0o755)
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            with open(os.path.join(self.tmp, "nginx.conf"), "w") as f:
                f.write(NGINX_CONF.format(tmp=self.tmp, port=port, site=os.path.abspath(site)))
            self.process = subprocess.Popen([nginx, "-c", os.path.join(self.tmp, "nginx.conf"), "-p", self.tmp],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            self.base = "http://127.0.0.1:%d/" % port
            self.log = os.path.join(self.tmp, "access.log")
            self.server = "nginx"
        else:
            handler = functools.partial(Counting, directory=site)
            self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
            self.base = "http://127.0.0.1:%d/" % self.httpd.server_address[1]
            self.process = None
            self.server = "Python http.server"
        self.offset = 0

    def clear(self):
        SERVED.clear()
        if self.process:
            self.offset = os.path.getsize(self.log) if os.path.exists(self.log) else 0

    def served(self):
        if not self.process:
            return list(SERVED)
        with open(self.log) as f:
            f.seek(self.offset)
            return [(line.split()[0], int(line.split()[1])) for line in f if line.strip()]

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait()
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            self.httpd.shutdown()


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def run_query(host, engine, query):
    base = host.base
    driver = browser()
    host.clear()
    try:
        q = urllib.parse.quote(query)
        if engine == "gazette":
            driver.get(base + "search/?q=" + q)
            WebDriverWait(driver, 120).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-state") in ("done", "error"))
            app = driver.find_element(By.ID, "search-app")
            at = float(app.get_attribute("data-results-at"))
            count = driver.find_element(By.ID, "search-status").text
            links = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title a")
            first = links[0].text if links else ""
            marker = ("/search-index/", "/assets/search.js")
        else:
            driver.get(base + "pagefind-query.html?q=" + q)
            WebDriverWait(driver, 300).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "done")
            body = driver.find_element(By.TAG_NAME, "body")
            at = float(body.get_attribute("data-at"))
            count = body.get_attribute("data-count") + " results"
            first = body.get_attribute("data-first")
            marker = ("/pagefind/",)
        time.sleep(0.02)  # the access log line is written as the response ends
        used = [e for e in host.served() if any(m in e[0] for m in marker)]
        return sum(e[1] for e in used), len(used), at, count, first
    finally:
        driver.quit()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--engine", choices=["gazette", "pagefind"], required=True)
    ap.add_argument("queries", nargs="+")
    args = ap.parse_args()
    if args.engine == "pagefind":
        with open(os.path.join(args.site, "pagefind-query.html"), "w") as f:
            f.write(PAGEFIND_PAGE)
    host = Host(args.site)
    for query in args.queries:
        size, files, at, count, first = run_query(host, args.engine, query)
        print("    %-9s %-24s %8.1f KB in %3d files, results after %7.0f ms  (%s; first: %s)"
              % (args.engine, '"' + query + '"', size / 1024, files, at, count.strip(), first[:40]))
        sys.stdout.flush()
    host.stop()


if __name__ == "__main__":
    main()
