#!/usr/bin/env bash
# The README's main job: the examples in profiles/ behave (good ones clean,
# bad ones flagged).
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
bash scripts/lint-examples.sh >/tmp/vpnlint-examples.log 2>&1 || { cat /tmp/vpnlint-examples.log; exit 1; }
tail -1 /tmp/vpnlint-examples.log
