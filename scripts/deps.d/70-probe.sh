#!/usr/bin/env bash
# Network probe tests (scripts/test.d/70-probe.sh): strongSwan (charon started
# by the test inside a network namespace it creates, configured by swanctl;
# the standard plugins bring OpenSSL-backed AES-GCM and ECP groups),
# openssl (s_server and test certificates), libssl-dev (the SSTP probe's TLS),
# iproute2 (ip netns). Idempotent; installs only what is missing.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=(strongswan-charon strongswan-swanctl libstrongswan-standard-plugins openssl libssl-dev iproute2 python3)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps(probe): installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
