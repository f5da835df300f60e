#!/usr/bin/env bash
# Installs what building and testing vpnlint needs on Debian 12 (idempotent).
# Each part of the project may add scripts/deps.d/NN-name.sh for its own needs.
# --base: only what building the library and the agent needs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

need=(cmake ninja-build gcc pkg-config libxml2-dev libcjson-dev libcmocka-dev)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ "${1:-}" = "--base" ] && exit 0
for extra in "$here"/deps.d/*.sh; do
  [ -e "$extra" ] || continue
  bash "$extra"
done
