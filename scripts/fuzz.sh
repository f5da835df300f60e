#!/usr/bin/env bash
# Runs every libFuzzer harness (fuzz/fuzz_<parser>) for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_HARNESS] [extra libFuzzer flags...]
#
# Each harness gets its own seeds (below) and its dictionary fuzz/<parser>.dict.
# CI (scripts/test.d/25-fuzz.sh) runs each for 20 s. For a long run see
# docs/hardening.md; in short:
#
#   FUZZ_CORPUS_DIR=fuzz/corpus FUZZ_ONLY=pbk scripts/fuzz.sh 28800
#   scripts/fuzz.sh 28800 -fork=$(nproc)          # all harnesses, all cores
#
# Environment:
#   FUZZ_ONLY="pbk nps"    run only these harnesses (default: all)
#   FUZZ_CORPUS_DIR=DIR    keep each harness's corpus in DIR/<parser> and reuse
#                          it next time (default: a temp folder, discarded)
#   FUZZ_LOG_DIR=DIR       keep each harness's libFuzzer log as DIR/<parser>.log
#   FUZZ_NO_BUILD=1        do not (re)build build-fuzz first
#   FUZZ_BUILD_DIR=DIR     take the harnesses from DIR/fuzz_* (default
#                          build-fuzz/fuzz; copy them away for a long run so
#                          that rebuilding does not replace a running binary)
#   FUZZ_MAX_LEN=N         longest input libFuzzer makes (default 262144)
#   FUZZ_MERGE=1           with FUZZ_CORPUS_DIR: minimise each kept corpus
#                          (-merge=1) before fuzzing; not while another
#                          process fuzzes the same folder
#   FUZZ_FAST=1            build with UBSan alone (VPNLINT_UBSAN) into
#                          build-fuzz-fast: several times more executions per
#                          second than ASan, for long runs (ASan stays in CI)
# Crashes are written to fuzz/artifacts/; turn each into a regression test
# (tests/fixtures/fuzz/<parser>/ + tests/unit/test_fuzz_regressions.c).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
shift || true
build=build-fuzz sanitize=-DVPNLINT_SANITIZE=ON
if [ -n "${FUZZ_FAST:-}" ]; then
  build=build-fuzz-fast sanitize=-DVPNLINT_UBSAN=ON
fi
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  CC=clang cmake -S . -B "$build" -G Ninja -DVPNLINT_FUZZ=ON "$sanitize" \
    -DVPNLINT_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" >/dev/null
fi
# The real-world corpus sits beside the repository (../shared/corpus); from a
# git worktree under /work/wt/<name> it is two levels up.
shared=""
for d in "${VPNLINT_CORPUS_DIR:-}" "$root/../shared/corpus" "$root/../../shared/corpus"; do
  [ -n "$d" ] && [ -d "$d" ] && { shared=$d; break; }
done

# seeds_for PARSER: prints the seed files of a harness, one per line.
seeds_for() {
  local p=$1
  case "$p" in
    profilexml)
      find tests/fixtures/rules profiles -type f -name '*.xml' 2>/dev/null
      [ -n "$shared" ] && find "$shared/profilexml" -type f 2>/dev/null ;;
    pbk)
      find tests/fixtures/rules -type f -name '*.pbk' 2>/dev/null
      [ -n "$shared" ] && find "$shared/pbk" -type f 2>/dev/null ;;
    nps)
      find tests/fixtures/kb -type f -name 'nps_*' 2>/dev/null ;;
    rasevents)
      find tests/fixtures/kb -type f -name 'rasclient_*' 2>/dev/null ;;
  esac
  # generic places, and the inputs of past crashes (regression tests)
  for d in "tests/fixtures/$p" "fuzz/seeds/$p" "tests/fixtures/fuzz/$p"; do
    [ -d "$d" ] && find "$d" -type f
  done
  [ -n "$shared" ] && [ -d "$shared/$p" ] && [ "$p" != profilexml ] && [ "$p" != pbk ] &&
    find "$shared/$p" -type f
  return 0
}

mkdir -p fuzz/artifacts
status=0
for bin in "${FUZZ_BUILD_DIR:-$build/fuzz}"/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  parser=${name#fuzz_}
  if [ -n "${FUZZ_ONLY:-}" ] && ! grep -qw -- "$parser" <<<"$FUZZ_ONLY"; then
    continue
  fi
  if [ -n "${FUZZ_CORPUS_DIR:-}" ]; then
    corpus=$FUZZ_CORPUS_DIR/$parser
    mkdir -p "$corpus"
    keep=1
  else
    corpus=$(mktemp -d)
    keep=0
  fi
  seeddir=$(mktemp -d)
  n=0
  while IFS= read -r f; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 262144 ] || continue
    n=$((n + 1))
    cp "$f" "$seeddir/$n-$(basename "$f")"
  done < <(seeds_for "$parser" | sort -u)
  dict=()
  [ -f "fuzz/$parser.dict" ] && dict=(-dict="fuzz/$parser.dict")
  log=${FUZZ_LOG_DIR:+$FUZZ_LOG_DIR/$parser.log}
  [ -n "$log" ] && mkdir -p "$FUZZ_LOG_DIR"
  log=${log:-$(mktemp)}
  echo "== $name for ${seconds}s ($n seeds, dict: ${dict[*]:-none})"
  # (a corpus that is not kept is a new, empty folder: nothing to merge)
  if [ -n "${FUZZ_MERGE:-}" ] && [ -n "$(ls -A "$corpus")" ]; then
    # Minimise the kept corpus first: libFuzzer re-reads its folder every
    # second (-reload=1), and a folder of tens of thousands of redundant
    # inputs costs a fifth of the run. Only the merged set replaces it,
    # whole (no -max_len here: the run itself reads inputs cut to it).
    merged=$(mktemp -d "$corpus.merge.XXXXXX")
    if "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 \
        "$merged" "$corpus" >"$merged.log" 2>&1; then
      before=$(find "$corpus" -type f | wc -l)
      mv "$corpus" "$merged.old" && mv "$merged" "$corpus" && rm -rf "$merged.old"
      echo "   corpus merged: $before -> $(find "$corpus" -type f | wc -l) inputs"
    else
      echo "   corpus merge failed (corpus kept as it was):"; tail -5 "$merged.log"
      rm -rf "$merged"
    fi
    rm -f "$merged.log"
  fi
  # the first folder is where new inputs go; the seed folder is read only
  rc=0
  "$bin" "${dict[@]}" -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-262144}" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix=fuzz/artifacts/"$name"- -print_final_stats=1 \
    "$@" "$corpus" "$seeddir" >"$log" 2>&1 || rc=$?
  # A long run stopped by hand (pkill -INT fuzz_<parser>, for exact counts)
  # exits non-zero too; libFuzzer says so, and it is not a finding.
  interrupted=0
  if [ "$rc" -ne 0 ] && grep -q 'libFuzzer: run interrupted; exiting' "$log"; then
    interrupted=1
  fi
  if [ "$rc" -ne 0 ] && [ "$interrupted" -eq 0 ]; then
    echo "FAIL $name: see fuzz/artifacts/"; tail -60 "$log"; status=1
  else
    [ "$interrupted" -eq 0 ] || echo "   stopped by SIGINT (not a finding)"
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed 's/^/   /' || true
    grep -E "cov: [0-9]+" "$log" | tail -1 | sed 's/^/   /' || true
  fi
  rm -rf "$seeddir"
  [ "$keep" -eq 1 ] || rm -rf "$corpus"
  [ -n "${FUZZ_LOG_DIR:-}" ] || rm -f "$log"
done
exit "$status"
