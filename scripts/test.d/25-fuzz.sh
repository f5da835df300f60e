#!/usr/bin/env bash
# Every libFuzzer harness for a short, bounded time; any crash fails.
# 20 s per harness, less when there are many, so the whole suite fuzzes for
# at most 160 s (VPNLINT_FUZZ_SECONDS overrides). Long runs: docs/hardening.md.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
n=$(find fuzz -maxdepth 1 -name 'fuzz_*.c' | wc -l)
[ "$n" -gt 0 ] || { echo "no harnesses in fuzz/"; exit 1; }
per=$((160 / n))
[ "$per" -gt 20 ] && per=20
bash scripts/fuzz.sh "${VPNLINT_FUZZ_SECONDS:-$per}"
