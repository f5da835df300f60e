#!/usr/bin/env bash
# Runs every libFuzzer harness (fuzz/fuzz_<parser>) for a bounded time.
#   scripts/fuzz.sh [SECONDS_PER_HARNESS] [extra libFuzzer flags...]
# CI runs it for a short time; for a long run, e.g. 8 hours per harness on
# all cores: scripts/fuzz.sh 28800 -jobs=$(nproc) -workers=$(nproc)
# Crashes are written to fuzz/artifacts/; turn each into a regression test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
shift || true
CC=clang cmake -S . -B build-fuzz -G Ninja -DVPNLINT_FUZZ=ON -DVPNLINT_SANITIZE=ON \
  -DVPNLINT_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz >/dev/null
mkdir -p fuzz/artifacts
status=0
for bin in build-fuzz/fuzz/fuzz_*; do
  name=$(basename "$bin")
  parser=${name#fuzz_}
  corpus=$(mktemp -d)
  # seeds: the test fixtures and the real-world corpus for that parser
  for seeds in "tests/fixtures/rules" "tests/fixtures/$parser" "fuzz/seeds/$parser" \
               "../shared/corpus/$parser"; do
    [ -d "$seeds" ] && find "$seeds" -type f -size -256k -exec cp {} "$corpus/" \; 2>/dev/null || true
  done
  dict=()
  [ -f "fuzz/$parser.dict" ] && dict=(-dict="fuzz/$parser.dict")
  echo "== $name for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
  if ! "$bin" "${dict[@]}" -max_total_time="$seconds" -max_len=262144 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix=fuzz/artifacts/"$name"- -print_final_stats=1 \
      "$@" "$corpus" 2>"$corpus.log"; then
    echo "FAIL $name: see fuzz/artifacts/"; tail -40 "$corpus.log"; status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$corpus.log" | sed 's/^/   /'
    grep -E "cov: [0-9]+" "$corpus.log" | tail -1 | sed 's/^/   /'
  fi
  rm -rf "$corpus" "$corpus.log"
done
exit "$status"
