#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of untrusted input (see Sources/GazetteCore/Support/UntrustedInput.swift).
#
#   make fuzz                       each target for its full budget: 10 minutes or 10^6 inputs, whichever comes first
#   FUZZ_SECONDS=20 make fuzz       a short pass (what `make test` runs)
#   FUZZ_TARGETS="slug markdown"    only these targets;  FUZZ_JOBS=2: two targets at a time
#
# Each target's corpus starts from the repository's own files (articles, raw pages, configs) and grows in
# .build-fuzz/corpus/<target>. A crash, sanitizer report, leak or hang is copied to
# Tests/GazetteCoreTests/Fixtures/fuzz/<target>/, where FuzzRegressionTests replays it on every `make test`,
# and the run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-600}
RUNS=${FUZZ_RUNS:-1000000}
JOBS=${FUZZ_JOBS:-1}
ALL="front-matter article markdown text-page html-page raw-page feed tokenizer slug site-config entities"
TARGETS=${FUZZ_TARGETS:-$ALL}
SCRATCH=.build-fuzz
BIN=$SCRATCH/debug/gazette-fuzz
FINDINGS=Tests/GazetteCoreTests/Fixtures/fuzz

echo "fuzz: building with -sanitize=fuzzer,address"
GAZETTE_FUZZ=1 swift build --scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address --product gazette-fuzz \
  2>&1 | grep -E "error|Compiling GazetteCore|Build complete" | grep -v "^ld" || true
[ -x "$BIN" ] || { echo "fuzz: the fuzzing build failed"; exit 1; }

seeds() {  # the repository's files that fit a target, one path a line
  case "$1" in
    front-matter|article|markdown|tokenizer|slug)
      find content Tests/GazetteCoreTests/Fixtures/sites -name '*.md' | head -400 ;;
    text-page) find Tests/GazetteCoreTests/Fixtures/import samples -name '*.txt' ;;
    html-page) find Tests/GazetteCoreTests/Fixtures/import samples -name '*.html' ;;
    raw-page) find Tests/GazetteCoreTests/Fixtures/import samples -name '*.txt' -o -name '*.html' ;;
    feed) find samples/feeds -name '*.rss' -o -name '*.atom' -o -name '*.xml' ;;
    site-config) find . -path ./.build -prune -o -path ./$SCRATCH -prune -o -name 'gazette.yml' -print ;;
    entities) find . -path ./.build -prune -o -path ./$SCRATCH -prune -o -name 'entities.yml' -print ;;
  esac
}

run_target() {
  local target=$1 corpus=$SCRATCH/corpus/$1 artifacts=$SCRATCH/artifacts/$1/ log=$SCRATCH/logs/$1.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds "$target" | while read -r f; do cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"; done
  [ -d "$FINDINGS/$target" ] && cp "$FINDINGS/$target"/* "$corpus/" 2>/dev/null
  local started=$(date +%s)
  GAZETTE_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$BIN" "$corpus" -runs="$RUNS" -max_total_time="$SECONDS_PER_TARGET" \
    -max_len=65536 -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
  local status=$? took=$(( $(date +%s) - started ))
  local runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  local cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  local found=$(ls "$artifacts" 2>/dev/null | wc -l)
  if [ "$found" -gt 0 ]; then
    mkdir -p "$FINDINGS/$target" && cp "$artifacts"/* "$FINDINGS/$target/"
  fi
  printf 'fuzz: %-13s %9s inputs in %4ss, coverage %6s, %s finding(s)%s\n' "$target" "${runs:-?}" "$took" "${cov:-?}" "$found" \
    "$([ $status -ne 0 ] && echo " (exit $status; see $log)")"
  [ "$found" -eq 0 ] && [ $status -eq 0 ]
}
export -f run_target seeds
export SCRATCH BIN FINDINGS RUNS SECONDS_PER_TARGET

rm -rf "$SCRATCH/artifacts"
failed=0
printf '%s\n' $TARGETS | xargs -P "$JOBS" -I{} bash -c 'run_target {}' || failed=1
[ $failed -eq 0 ] && echo "fuzz: no findings" || { echo "fuzz: findings copied to $FINDINGS; fix them, then make test replays them"; exit 1; }
