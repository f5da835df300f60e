#!/usr/bin/env bash
# The network probe end to end (issue 10). Everything runs inside a network
# namespace this script creates (loopback only): strongSwan's charon,
# configured by swanctl, for the IKEv2 verdicts; small UDP responders for the
# silent and malformed cases; openssl s_server and a tiny TLS server for the
# SSTP certificate checks, with certificates generated here. Every wait is
# bounded; the trap removes the namespace, its processes and files.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
if [ "$(id -u)" -ne 0 ]; then
  echo "70-probe: needs root for ip netns (skipped)"; exit 0
fi
for tool in ip openssl python3 swanctl /usr/lib/ipsec/charon; do
  command -v "$tool" >/dev/null || { echo "70-probe: $tool missing (scripts/deps.d/70-probe.sh)"; exit 1; }
done
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build >/dev/null
VL=$PWD/build/native/vpnlint

NS=vlprobe$$
T=$(mktemp -d /tmp/vlprobe.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "/etc/netns/$NS" "$T"
}
trap cleanup EXIT
ip netns add "$NS"
ip -n "$NS" link set lo up
# names inside the namespace: ip netns exec bind-mounts /etc/netns/$NS/hosts
mkdir -p "/etc/netns/$NS"
printf '127.0.0.1 localhost vpn.test other.test\n' >"/etc/netns/$NS/hosts"
NSX=(ip netns exec "$NS")  # used directly so that $! is the process itself

fails=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
# expect NAME EXIT_CODE PATTERN... : runs the probe (bounded by `timeout`),
# checks the exit code and that every pattern is in the output.
OUT=$T/out
expect() {
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
wait_for() { # bounded wait for a condition
  for _ in $(seq 1 50); do "$@" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# ------------------------------------------------------------- IKEv2
start_charon() {
cat >"$T/strongswan.conf" <<EOF
charon {
  load_modular = no
  load = random nonce openssl aes sha1 sha2 hmac gmp kdf pem pkcs1 x509 pubkey kernel-netlink socket-default vici
  install_routes = no
  install_virtual_ip = no
  # every probe leaves half-open IKE_SAs from 127.0.0.1: keep charon from
  # blocking or demanding cookies during the verdict tests (cookies: below)
  block_threshold = 1000
  cookie_threshold = ${COOKIE_THRESHOLD:-1000}
  cookie_threshold_ip = ${COOKIE_THRESHOLD:-1000}
  plugins { vici { socket = unix://$T/charon.vici } }
}
EOF
export STRONGSWAN_CONF=$T/strongswan.conf
"${NSX[@]}" /usr/lib/ipsec/charon >"$T/charon.log" 2>&1 &
PIDS+=($!)
CHARON=$!
wait_for test -S "$T/charon.vici" || { echo "charon did not start"; cat "$T/charon.log"; exit 1; }
}
stop_charon() { kill "$CHARON" 2>/dev/null || true; wait "$CHARON" 2>/dev/null || true; rm -f "$T/charon.vici"; }
start_charon

# configure charon for one IKE proposal (and fragmentation yes|no)
serve() {
  cat >"$T/swanctl.conf" <<EOF
connections {
  probe {
    version = 2
    proposals = $1
    fragmentation = ${2:-yes}
    local_addrs = 127.0.0.1
    local { auth = psk }
    remote { auth = psk }
    children { c { esp_proposals = aes128gcm16,aes256-sha256 } }
  }
}
secrets { ike-test { secret = "test-only-never-sent" } }
EOF
  "${NSX[@]}" swanctl --load-all --clear --file "$T/swanctl.conf" --uri "unix://$T/charon.vici" >/dev/null 2>&1
}

# The profile offers AES-128-GCM, SHA-256 PRF, DH group 14 (profiles/ example).
PROFILE=profiles/profilexml/good/user-ikev2-peap-tls-split.xml
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2)

# (a) the server accepts what the profile offers
serve aes128gcm16-prfsha256-modp2048
expect "ike: offered proposal accepted" 0 \
  "[NET005] 127.0.0.1 UDP 500, profile CryptographySuite (AES-128-GCM, SHA-256 PRF, DH group 14 (MODP 2048)): accepted"
refute "ike: fragmentation announced" "NET007"
refute "ike: UDP 4500 answers" "NET002"
# loopback has no NAT: our NAT_DETECTION hashes (SHA-1) agree with charon's
refute "ike: no NAT between loopback addresses" "NET008"

# (b) the server has only a proposal the profile does not offer
serve aes256-sha384-ecp384
expect "ike: proposal rejected, server's choice named" 1 \
  "[NET003]" "rejected (NO_PROPOSAL_CHOSEN)" \
  "the server would accept AES-256-CBC, HMAC-SHA-384-192 integrity, SHA-384 PRF, DH group 20 (ECP 384)" \
  "13868"

# (c) same cipher and PRF, but a DH group the profile lacks
serve aes128gcm16-prfsha256-ecp256
expect "ike: DH group the profile lacks" 1 \
  "[NET004]" "asks for DH group 19 (ECP 256), which the proposal does not offer" "13868"

# no CryptographySuite: Windows' default sets; only the NegotiateDH2048 set fits
serve aes256-sha256-modp2048
CMD=("${NSX[@]}" "$VL" probe --server 127.0.0.1 --protocol ikev2 --timeout 2)
expect "ike: Windows default sets, one accepted" 0 \
  "[NET005] 127.0.0.1 UDP 500, Windows set with NegotiateDH2048_AES256=1" \
  "info: [NET004] 127.0.0.1 UDP 500, Windows default set (" "asks for DH group 14 (MODP 2048)"
refute "ike: no cookie needed with a high threshold" "COOKIE"

# no IKEv2 fragmentation on the server
serve aes128gcm16-prfsha256-modp2048 no
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2)
expect "ike: no fragmentation announced (a warning: exit 0)" 0 "warning: [NET007]" "RFC 7383"
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2 --fail-on warning)
expect "ike: --fail-on warning" 1 "warning: [NET007]"

# UDP 4500 closed (probed on 4501, where nothing listens)
serve aes128gcm16-prfsha256-modp2048
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2 --natt-port 4501)
expect "ike: UDP 4500 closed" 1 "[NET002]" "no answer from UDP 4501 within 2 s while UDP 500 answers"

# JSON output carries the same finding
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2 --format json)
expect "ike: json output" 0 '"NET005"'

# COOKIE (RFC 7296 2.6): charon demands one once a half-open SA exists; the
# second probe is answered only after the probe sends the cookie back
stop_charon
COOKIE_THRESHOLD=1 start_charon
serve aes128gcm16-prfsha256-modp2048
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2)
expect "ike: first probe, no cookie yet" 0 "[NET005]"
expect "ike: cookie round trip" 0 "accepted (after a COOKIE round trip)"

# nothing listens on UDP 500 any more: ICMP unreachable, bounded
stop_charon
CMD=("${NSX[@]}" "$VL" probe "$PROFILE" --server 127.0.0.1 --protocol ikev2 --timeout 2)
expect "ike: closed port" 1 "[NET001]" "no answer from UDP 500 within 2 s" "809"

# a silent responder (reads, never answers): the timeout path, bounded
cat >"$T/udp.py" <<'EOF'
import socket, struct, sys
mode = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 500))
open(sys.argv[2], "w").close()  # ready
while True:
    data, peer = s.recvfrom(65535)
    if mode == "silent" or len(data) < 28:
        continue
    hdr = bytearray(data[:28])
    hdr[8:16] = b"\x5b" * 8
    hdr[19] = 0x20
    if mode == "truncated":      # header says 300 bytes, 60 arrive
        hdr[24:28] = struct.pack(">I", 300)
        s.sendto(bytes(hdr) + b"\x00" * 32, peer)
    elif mode == "badpayload":   # a notify payload whose length runs past the end
        hdr[16] = 41
        hdr[24:28] = struct.pack(">I", 28 + 8)
        s.sendto(bytes(hdr) + bytes([0, 0, 0x01, 0x00, 0, 0, 0, 14]), peer)
    elif mode == "short":        # 12 bytes of nothing
        s.sendto(b"\x00" * 12, peer)
EOF
responder() {
  rm -f "$T/ready"
  "${NSX[@]}" python3 "$T/udp.py" "$1" "$T/ready" &
  PIDS+=($!)
  RESP=$!
  wait_for test -e "$T/ready" || { fail "responder $1 did not start"; }
}
stop_responder() { kill "$RESP" 2>/dev/null || true; wait "$RESP" 2>/dev/null || true; }

responder silent
expect "ike: silent server, timeout" 1 "[NET001]" "no answer from UDP 500 within 2 s (" "IKE_SA_INIT sent)"
stop_responder
responder truncated
expect "ike: truncated answer" 1 "[NET006]" "malformed (truncated: the header says 300 bytes, 60 arrived)"
stop_responder
responder badpayload
expect "ike: payload length past the end" 1 "[NET006]" "payload 1 (type 41) says 256 bytes, 8 remain"
stop_responder
responder short
expect "ike: 12-byte answer" 1 "[NET006]" "12 bytes: shorter than an IKE header"
stop_responder

# ------------------------------------------------------------- SSTP / TLS
# shellcheck source=scripts/test.d/lib/probe-tls.sh
. scripts/test.d/lib/probe-tls.sh
probe_tls_fixtures "$T" || exit 1
tls_ready() { "${NSX[@]}" bash -c 'exec 3<>/dev/tcp/127.0.0.1/443' 2>/dev/null; }
serve_tls() { # CERT: openssl s_server with the leaf and its root as chain
  cat "$T/$1.pem" "$T/$2.pem" >"$T/chain-$1.pem"
  "${NSX[@]}" openssl s_server -quiet -accept 127.0.0.1:443 -cert "$T/$1.pem" -key "$T/$1.key" \
    -cert_chain "$T/$2.pem" -www >/dev/null 2>&1 &
  PIDS+=($!)
  TLS=$!
  wait_for tls_ready || fail "s_server did not start"
}
stop_tls() { kill "$TLS" 2>/dev/null || true; wait "$TLS" 2>/dev/null || true; }

CMD=("${NSX[@]}" "$VL" probe "$T/sstp.xml" --protocol sstp --timeout 3)
cat "$T/good.pem" "$T/TrustedRoot.pem" >"$T/chain-good.pem"
rm -f "$T/ready"
"${NSX[@]}" python3 "$T/sstp.py" "$T/good.pem" "$T/good.key" "$T/chain-good.pem" "$T/ready" sstp &
PIDS+=($!)
TLS=$!
wait_for test -e "$T/ready" || fail "sstp front did not start"
expect "sstp: good certificate, SSTP answers" 0 "[NET027]" "an SSTP server answered SSTP_DUPLEX_POST (HTTP/1.1 200)"
refute "sstp: no certificate error" "error:"
refute "sstp: no certificate warning" "warning:"
stop_tls

serve_tls clientonly TrustedRoot
expect "sstp: wrong EKU" 1 "[NET022]" "lacks the Server Authentication EKU" "0x80070040" "13801"
refute "sstp: wrong EKU is not a name problem" "NET023"
stop_tls

serve_tls wrongname TrustedRoot
expect "sstp: wrong name" 1 "[NET023]" "DNS:other.test" "not for vpn.test" "13801"
stop_tls

serve_tls untrusted OtherRoot
expect "sstp: untrusted root" 1 "[NET024]" "/CN=OtherRoot" "not among the profile's 1 TrustedRootCA" "0x800B0109"
stop_tls

serve_tls expired TrustedRoot
expect "sstp: expired" 1 "[NET025]" "expired on" "0x800B0101"
stop_tls

# s_server -www does not answer SSTP_DUPLEX_POST at all
serve_tls good TrustedRoot
expect "sstp: TLS but no answer" 1 "[NET026]" "nothing answered SSTP_DUPLEX_POST within 3 s"
stop_tls

# a web server that answers 404: not SSTP
rm -f "$T/ready"
"${NSX[@]}" python3 "$T/sstp.py" "$T/good.pem" "$T/good.key" "$T/chain-good.pem" "$T/ready" web &
PIDS+=($!)
TLS=$!
wait_for test -e "$T/ready" || fail "web front did not start"
expect "sstp: web server without SSTP" 1 "[NET026]" "answered \"HTTP/1.1 404 Not Found\", not by an SSTP server"
stop_tls

# nothing on TCP 443
expect "sstp: closed port" 1 "[NET020]" "TCP 443 cannot be reached"

if [ "$fails" -gt 0 ]; then
  echo "70-probe: $fails check(s) failed"; exit 1
fi
echo "70-probe: all checks passed"
