#!/usr/bin/env bash
# The SSTP probe of the Windows build (Schannel + CryptoAPI, native/src/probe/
# sstp_win.c) end to end under wine, whose Schannel is backed by GnuTLS.
# Everything runs inside a network namespace this script creates (loopback
# only): openssl s_server and a minimal SSTP front with the certificates
# scripts/test.d/lib/probe-tls.sh generates, and vpnlint.exe with a private
# WINEPREFIX whose wineserver is started inside the same namespace (wine's
# sockets are created by wineserver). Every wait is bounded; the trap stops
# the servers and wineserver and removes the namespace and files.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
if [ "$(id -u)" -ne 0 ]; then
  echo "75-probe-wine: needs root for ip netns (skipped)"; exit 0
fi
for tool in ip openssl python3 wine wineserver wineboot x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null ||
    { echo "75-probe-wine: $tool missing (scripts/deps.d/50-win.sh, 70-probe.sh)"; exit 1; }
done
bash scripts/build-win-deps.sh x86_64 >/dev/null
cmake --preset windows-x64 >/dev/null
cmake --build --preset windows-x64 >/dev/null
EXE=$PWD/build/windows-x64/native/vpnlint.exe

NS=vlwine$$
T=$(mktemp -d /tmp/vlprobewine.XXXXXX)
export WINEPREFIX=$T/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
NSX=(ip netns exec "$NS")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  "${NSX[@]}" wineserver -k 2>/dev/null || true
  timeout 10 wineserver -w 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "/etc/netns/$NS" "$T"
}
trap cleanup EXIT
ip netns add "$NS"
ip -n "$NS" link set lo up
mkdir -p "/etc/netns/$NS"
printf '127.0.0.1 localhost vpn.test other.test\n' >"/etc/netns/$NS/hosts"

# the prefix and its wineserver, inside the namespace
mkdir -p "$WINEPREFIX"
timeout 60 "${NSX[@]}" wineserver -p
timeout 120 "${NSX[@]}" wineboot -i >/dev/null 2>&1 || true
timeout 60 "${NSX[@]}" wine cmd /c exit 0 >/dev/null 2>&1 ||
  { echo "75-probe-wine: wine does not start in the namespace"; exit 1; }

fails=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
OUT=$T/out
expect() { # NAME EXIT_CODE PATTERN...
  local name=$1 want=$2; shift 2
  local got=0
  timeout 60 "${CMD[@]}" >"$OUT" 2>&1 || got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$name: exit $got, wanted $want"; sed 's/^/     /' "$OUT"; return
  fi
  for pat in "$@"; do
    if ! grep -qF -- "$pat" "$OUT"; then
      fail "$name: no '$pat'"; sed 's/^/     /' "$OUT"; return
    fi
  done
  pass "$name"
}
refute() { # NAME PATTERN: the last output must not contain PATTERN
  if grep -qF -- "$2" "$OUT"; then fail "$1: unexpected '$2'"; sed 's/^/     /' "$OUT"; else pass "$1"; fi
}
wait_for() { for _ in $(seq 1 50); do "$@" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# shellcheck source=scripts/test.d/lib/probe-tls.sh
. scripts/test.d/lib/probe-tls.sh
probe_tls_fixtures "$T" || exit 1
tls_ready() { "${NSX[@]}" bash -c 'exec 3<>/dev/tcp/127.0.0.1/443' 2>/dev/null; }
serve_tls() { # CERT ROOT: openssl s_server with the leaf and its root as chain
  "${NSX[@]}" openssl s_server -quiet -accept 127.0.0.1:443 -cert "$T/$1.pem" -key "$T/$1.key" \
    -cert_chain "$T/$2.pem" -www >/dev/null 2>&1 &
  PIDS+=($!)
  TLS=$!
  wait_for tls_ready || fail "s_server did not start"
}
serve_sstp() { # MODE (sstp|web): the SSTP front with the good certificate
  cat "$T/good.pem" "$T/TrustedRoot.pem" >"$T/chain-good.pem"
  rm -f "$T/ready"
  "${NSX[@]}" python3 "$T/sstp.py" "$T/good.pem" "$T/good.key" "$T/chain-good.pem" "$T/ready" "$1" &
  PIDS+=($!)
  TLS=$!
  wait_for test -e "$T/ready" || fail "sstp front ($1) did not start"
}
stop_tls() { kill "$TLS" 2>/dev/null || true; wait "$TLS" 2>/dev/null || true; }
winpath() { echo "Z:${1//\//\\}"; }

PROFILE=$(winpath "$T/sstp.xml")
CMD=("${NSX[@]}" wine "$EXE" probe "$PROFILE" --protocol sstp --timeout 3)

serve_sstp sstp
expect "wine sstp: good certificate, SSTP answers" 0 "[NET027]" \
  "vpn.test TCP 443: an SSTP server answered SSTP_DUPLEX_POST (HTTP/1.1 200)"
refute "wine sstp: no certificate error" "error:"
refute "wine sstp: no certificate warning" "warning:"
refute "wine sstp: no NET028 (the probe is available)" "NET028"
# auto mode: the SSTP probe runs instead of the NET028 note
CMD=("${NSX[@]}" wine "$EXE" probe --server vpn.test --protocol auto --timeout 2
     --ca-file "$(winpath "$T/TrustedRoot.pem")")
expect "wine auto: SSTP probed, no NET028" 1 "[NET027]" "[NET001]"
refute "wine auto: no NET028" "NET028"
# no TrustedRootCA in the profile: the chain against --ca-file, then without it
CMD=("${NSX[@]}" wine "$EXE" probe --server vpn.test --protocol sstp --timeout 3
     --ca-file "$(winpath "$T/TrustedRoot.pem")")
expect "wine sstp: chain verifies against --ca-file" 0 "[NET027]"
refute "wine sstp: --ca-file root trusted" "NET024"
CMD=("${NSX[@]}" wine "$EXE" probe --server vpn.test --protocol sstp --timeout 3)
expect "wine sstp: root not in the machine's store" 1 "[NET024]" \
  "does not verify against this machine's trusted roots: the root is not trusted" "[NET027]"
CMD=("${NSX[@]}" wine "$EXE" probe --server vpn.test --protocol sstp --timeout 3
     --ca-file "$(winpath "$T/OtherRoot.pem")")
expect "wine sstp: --ca-file with another root" 1 "[NET024]" "the root is not trusted"
stop_tls

CMD=("${NSX[@]}" wine "$EXE" probe "$PROFILE" --protocol sstp --timeout 3)
serve_tls clientonly TrustedRoot
expect "wine sstp: wrong EKU" 1 "[NET022]" "/CN=clientonly lacks the Server Authentication EKU" \
  "0x80070040" "13801"
refute "wine sstp: wrong EKU is not a name problem" "NET023"
stop_tls

serve_tls wrongname TrustedRoot
expect "wine sstp: wrong name" 1 "[NET023]" "the certificate is for DNS:other.test, CN=wrongname" \
  "not for vpn.test" "13801"
stop_tls

serve_tls untrusted OtherRoot
expect "wine sstp: root not in TrustedRootCA" 1 "[NET024]" "/CN=OtherRoot" \
  "not among the profile's 1 TrustedRootCA" "0x800B0109"
stop_tls

serve_tls expired TrustedRoot
expect "wine sstp: expired" 1 "[NET025]" "/CN=expired expired on Jan  1 00:00:00 2021 GMT" \
  "0x800B0101"
stop_tls

# s_server -www does not answer SSTP_DUPLEX_POST at all: bounded by --timeout
serve_tls good TrustedRoot
expect "wine sstp: TLS but no answer" 1 "[NET026]" "nothing answered SSTP_DUPLEX_POST within 3 s"
stop_tls

serve_sstp web
expect "wine sstp: web server without SSTP" 1 "[NET026]" \
  "answered \"HTTP/1.1 404 Not Found\", not by an SSTP server"
stop_tls

# a TLS 1.2-only server (what wine's Schannel negotiates anyway)
"${NSX[@]}" openssl s_server -quiet -accept 127.0.0.1:443 -cert "$T/good.pem" -key "$T/good.key" \
  -cert_chain "$T/TrustedRoot.pem" -tls1_2 -www >/dev/null 2>&1 &
PIDS+=($!)
TLS=$!
wait_for tls_ready || fail "s_server -tls1_2 did not start"
expect "wine sstp: TLS 1.2 handshake" 1 "[NET026]" "TLS works but nothing answered"
stop_tls

# a TLS 1.3-only server. The probe asks Schannel for TLS 1.2 and 1.3, but
# wine 8's Schannel has no TLS 1.3 client (its protocol table stops at 1.2,
# GnuTLS priority "-VERS-ALL:+VERS-TLS1.2"), so under such a wine the
# handshake fails; that is reported, not counted. Where wine offers TLS 1.3
# the check counts.
"${NSX[@]}" openssl s_server -quiet -accept 127.0.0.1:443 -cert "$T/good.pem" -key "$T/good.key" \
  -cert_chain "$T/TrustedRoot.pem" -tls1_3 -www >/dev/null 2>&1 &
PIDS+=($!)
TLS=$!
wait_for tls_ready || fail "s_server -tls1_3 did not start"
got=0
timeout 60 "${CMD[@]}" >"$OUT" 2>&1 || got=$?
if grep -qF "[NET021]" "$OUT"; then
  echo "note wine sstp: TLS 1.3-only server not reachable: $(wine --version)'s Schannel offers no TLS 1.3 (not counted)"
else
  expect "wine sstp: TLS 1.3 handshake" 1 "[NET026]" "TLS works but nothing answered"
fi
stop_tls

# a server that speaks no TLS: the handshake fails (NET021), bounded
"${NSX[@]}" python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 443)); s.listen(4); open(sys.argv[1], "w").close()
while True:
    c, _ = s.accept(); c.recv(4096); c.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n"); c.close()
' "$T/plain-ready" &
PIDS+=($!)
TLS=$!
wait_for test -e "$T/plain-ready" || fail "plain server did not start"
expect "wine sstp: no TLS on the port" 1 "[NET021]" "the TLS handshake failed"
stop_tls

# nothing on TCP 443: connection refused, the 809 cause
expect "wine sstp: closed port" 1 "[NET020]" "TCP 443 cannot be reached: Connection refused" "809"

if [ "$fails" -gt 0 ]; then
  echo "75-probe-wine: $fails check(s) failed"; exit 1
fi
echo "75-probe-wine: all checks passed"
