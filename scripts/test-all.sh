#!/usr/bin/env bash
# Runs every test suite of vpnlint: installs dependencies, builds, then runs
# each suite in scripts/test.d/ in order. Exits non-zero if any suite fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/deps-debian.sh
export VPNLINT_ROOT="$root"
failed=()
for suite in scripts/test.d/*.sh; do
  [ -e "$suite" ] || continue
  echo "==== $(basename "$suite")"
  if ! bash "$suite"; then
    failed+=("$(basename "$suite")")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED suites: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
