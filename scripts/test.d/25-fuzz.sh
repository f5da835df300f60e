#!/usr/bin/env bash
# Every libFuzzer harness for a short, bounded time; any crash fails.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
bash scripts/fuzz.sh "${VPNLINT_FUZZ_SECONDS:-20}"
