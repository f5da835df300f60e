#!/usr/bin/env bash
# Windows cross build: mingw-w64, wine (runs the Windows tests), dpkg-dev and a
# deb-src entry (scripts/build-win-deps.sh builds libxml2/cJSON/cmocka from
# Debian's source packages). Idempotent; installs only what is missing.
#
# 32-bit wine (wine32:i386) is not installed here: it needs the i386
# architecture, and with the mirror's i386 lists behind the amd64 ones its
# dependencies do not resolve. scripts/test.d/50-windows.sh then builds x86 and
# runs its tests only where a 32-bit wine exists.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

updated=""
update_once() {
  [ -n "$updated" ] && return 0
  $SUDO apt-get update -qq
  updated=1
}

# deb-src entry for the Debian archive the machine already uses.
if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deps(win): adding a deb-src entry (/etc/apt/sources.list.d/vpnlint-src.sources)"
  uris=http://deb.debian.org/debian
  suites="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  suites="$suites $suites-updates"
  $SUDO tee /etc/apt/sources.list.d/vpnlint-src.sources >/dev/null <<SRC
Types: deb-src
URIs: $uris
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  update_once
fi

need=(mingw-w64 wine wine64 dpkg-dev cmake ninja-build)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps(win): installing ${missing[*]}"
  update_once
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
