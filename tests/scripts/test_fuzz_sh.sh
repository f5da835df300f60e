#!/usr/bin/env bash
# scripts/fuzz.sh against a stand-in harness (no clang needed): how a run's
# end is reported (done, stopped by SIGINT, failed) and what FUZZ_MERGE=1 does
# to a kept corpus (replaced by the merged set; kept as it was if the merge
# fails; never touched without FUZZ_CORPUS_DIR).
set -u
root=$1
fails=0
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# The stand-in: FAKE=ok|int|crash|mergefail. -merge=1 OUT IN copies IN's
# keep-* files to OUT. Every call is logged to $tmp/calls.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/fuzz_pbk" <<'STUB'
#!/bin/sh
echo "$1" >>"$FAKE_CALLS"
if [ "$1" = -merge=1 ]; then
  [ "$FAKE" = mergefail ] && { echo "merge broke" >&2; exit 3; }
  eval "out=\${$(($# - 1))} in=\${$#}"
  for f in "$in"/keep-*; do [ -f "$f" ] && cp "$f" "$out/"; done
  exit 0
fi
case "$FAKE" in
  int) echo "==1== libFuzzer: run interrupted; exiting"
       echo "stat::number_of_executed_units: 7"; exit 72 ;;
  crash) echo "==1== ERROR: libFuzzer: deadly signal"; exit 1 ;;
  *) echo "stat::number_of_executed_units: 5"; exit 0 ;;
esac
STUB
chmod +x "$tmp/bin/fuzz_pbk"
export FAKE_CALLS=$tmp/calls

run() { # FAKE corpus-dir-or-empty merge-or-empty
  : >"$FAKE_CALLS"
  FAKE=$1 FUZZ_CORPUS_DIR=$2 FUZZ_MERGE=$3 FUZZ_NO_BUILD=1 FUZZ_BUILD_DIR=$tmp/bin \
    FUZZ_ONLY=pbk bash "$root/scripts/fuzz.sh" 1 >"$tmp/out" 2>&1
}
has() { grep -q -- "$2" "$tmp/out" && ok || { bad "$1: output lacks '$2'"; cat "$tmp/out"; }; }

run ok "" ""
[ $? -eq 0 ] && ok || bad "done: exit status"
has done "stat::number_of_executed_units: 5"

run int "" ""
[ $? -eq 0 ] && ok || bad "SIGINT: exit status"
has sigint "stopped by SIGINT"
has sigint-count "stat::number_of_executed_units: 7"

run crash "" ""
[ $? -eq 1 ] && ok || bad "crash: exit status"
has crash "FAIL fuzz_pbk"

# FUZZ_MERGE=1 replaces the kept corpus by the merged set.
mkdir -p "$tmp/c/pbk"
printf a >"$tmp/c/pbk/keep-a"; printf b >"$tmp/c/pbk/drop-b"; printf c >"$tmp/c/pbk/keep-c"
run ok "$tmp/c" 1
[ $? -eq 0 ] && ok || bad "merge: exit status"
has merge "corpus merged: 3 -> 2 inputs"
[ "$(ls "$tmp/c/pbk" | tr '\n' ' ')" = "keep-a keep-c " ] && ok || bad "merge: corpus is $(ls "$tmp/c/pbk")"
[ "$(cat "$tmp/c/pbk/keep-a")" = a ] && ok || bad "merge: content changed"
[ "$(ls "$tmp/c")" = pbk ] && ok || bad "merge: left $(ls "$tmp/c")"
[ "$(head -n 1 "$FAKE_CALLS")" = -merge=1 ] && ok || bad "merge: not run first"

# A failed merge keeps the corpus as it was and leaves nothing behind.
printf d >"$tmp/c/pbk/drop-d"
run mergefail "$tmp/c" 1
[ $? -eq 0 ] && ok || bad "merge failure: exit status"
has merge-fail "corpus merge failed (corpus kept as it was)"
has merge-fail-why "merge broke"
[ "$(ls "$tmp/c/pbk" | tr '\n' ' ')" = "drop-d keep-a keep-c " ] && ok || bad "merge failure: corpus is $(ls "$tmp/c/pbk")"
[ "$(ls "$tmp/c")" = pbk ] && ok || bad "merge failure: left $(ls "$tmp/c")"

# Without FUZZ_MERGE, or without a kept corpus, there is no merge.
run ok "$tmp/c" ""
grep -q -- -merge=1 "$FAKE_CALLS" && bad "merge without FUZZ_MERGE" || ok
run ok "" 1
grep -q -- -merge=1 "$FAKE_CALLS" && bad "merge without FUZZ_CORPUS_DIR" || ok

echo "fuzz.sh: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
