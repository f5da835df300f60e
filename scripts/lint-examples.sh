#!/usr/bin/env bash
# The main job on the examples: builds vpnlint (installing what it needs) and
# lints every example in profiles/. Good examples must be clean of errors and
# warnings, bad ones must raise findings; the findings are printed either way.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/deps-debian.sh --base
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DVPNLINT_BUILD_TESTS=OFF >/dev/null
cmake --build build-release >/dev/null
vpnlint=build-release/native/vpnlint
status=0
echo "== vpnlint lint profiles/"
"$vpnlint" lint --fail-on info profiles || true
echo
# Contract of the examples: every good example is clean, every bad one is not.
while IFS= read -r -d '' f; do
  case "$f" in
    */bad/*|*bad-*|*mistakes*)
      if "$vpnlint" lint --fail-on warning "$f" >/dev/null; then
        echo "example $f is meant to be bad but raised nothing"; status=1
      fi ;;
    *)
      # a good example may name rules that warn on purpose: "Expect: PX007"
      expect=$(grep -o 'Expect: *[A-Z0-9, ]*' "$f" | head -1 | sed 's/Expect: *//; s/ //g; s/,$//' || true)
      if ! "$vpnlint" lint --fail-on warning ${expect:+--disable "$expect"} "$f" >/dev/null; then
        echo "example $f is meant to be good but raised warnings or errors"; status=1
      fi ;;
  esac
done < <(find profiles -type f \( -name '*.xml' -o -name '*.pbk' -o -name '*.syncml' \) -print0 | sort -z)
[ "$status" -eq 0 ] && echo "examples behave: good ones clean, bad ones flagged"
exit "$status"
