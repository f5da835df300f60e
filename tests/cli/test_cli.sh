#!/usr/bin/env bash
# End-to-end checks of the vpnlint agent: exit codes, formats, stdin.
set -u
vpnlint=$1
root=$2
fails=0
pass=0
t() { # name expected-exit command...
  local name=$1 want=$2; shift 2
  "$@" >/tmp/vpnlint-cli.out 2>/tmp/vpnlint-cli.err
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat /tmp/vpnlint-cli.out /tmp/vpnlint-cli.err | head -20
    fails=$((fails+1))
  else
    pass=$((pass+1))
  fi
}
contains() { # name pattern
  if grep -q -- "$2" /tmp/vpnlint-cli.out; then pass=$((pass+1)); else echo "FAIL $1: output lacks '$2'"; head -20 /tmp/vpnlint-cli.out; fails=$((fails+1)); fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '<VPNProfile><NativeProfile><Servers>vpn.example.com</Servers><NativeProtocolType>IKEv2</NativeProtocolType><Authentication><MachineMethod>Certificate</MachineMethod></Authentication><RoutingPolicyType>SplitTunnel</RoutingPolicyType></NativeProfile></VPNProfile>' >"$tmp/ok.xml"
printf '<VPNProfile><NativeProfile>' >"$tmp/broken.xml"

t version 0 "$vpnlint" --version
contains version "vpnlint 0."
t usage-no-verb 3 "$vpnlint"
t usage-unknown-verb 3 "$vpnlint" frobnicate
t usage-unknown-option 3 "$vpnlint" lint --bogus "$tmp/ok.xml"
t usage-no-path 3 "$vpnlint" lint
t usage-bad-format 3 "$vpnlint" lint --format yaml "$tmp/ok.xml"
t usage-bad-rule 3 "$vpnlint" lint --disable PX9999 "$tmp/ok.xml"
t missing-file 2 "$vpnlint" lint "$tmp/nope.xml"
contains missing-file-msg "no such file"
t broken 1 "$vpnlint" lint "$tmp/broken.xml"
contains broken-text "broken.xml:1:"
contains broken-rule "\[PX001\]"
t broken-no-fail 0 "$vpnlint" lint --no-fail "$tmp/broken.xml"
t broken-disabled 0 "$vpnlint" lint --disable PX001 "$tmp/broken.xml"
t broken-json 1 "$vpnlint" lint --format json "$tmp/broken.xml"
contains json-rule '"rule":[[:space:]]*"PX001"'
contains json-kind '"kind":[[:space:]]*"profilexml"'
t broken-sarif 1 "$vpnlint" lint --format sarif "$tmp/broken.xml"
contains sarif-version '"version":[[:space:]]*"2.1.0"'
t broken-intune 1 "$vpnlint" lint --format intune "$tmp/broken.xml"
contains intune-line "FAIL"
lines=$(wc -l </tmp/vpnlint-cli.out)
[ "$lines" -eq 1 ] && pass=$((pass+1)) || { echo "FAIL intune: $lines lines"; fails=$((fails+1)); }
t stdin 1 sh -c "\"$vpnlint\" lint - < \"$tmp/broken.xml\""
contains stdin-path "<stdin>"
t output-file 1 "$vpnlint" lint --format sarif -o "$tmp/out.sarif" "$tmp/broken.xml"
[ -s "$tmp/out.sarif" ] && pass=$((pass+1)) || { echo "FAIL output-file: not written"; fails=$((fails+1)); }
t rules 0 "$vpnlint" rules
contains rules-px001 "PX001"
t rules-md 0 "$vpnlint" rules --format markdown
contains rules-md-table "| \[PX001\](PX001.md)"
t directory 1 "$vpnlint" lint "$tmp"
contains directory-both "broken.xml"
mkdir -p "$tmp/mixed"
printf '<Project Sdk="Microsoft.NET.Sdk"/>' >"$tmp/mixed/app.csproj.xml"
printf '<VPNProfile><DnsSuffix>corp.example.com</DnsSuffix></VPNProfile>' >"$tmp/mixed/p.xml"
t dir-skips-foreign-xml 0 "$vpnlint" lint --disable PX023,PX002 "$tmp/mixed"
if grep -q "app.csproj" /tmp/vpnlint-cli.out; then echo "FAIL dir-skips-foreign-xml: listed"; fails=$((fails+1)); else pass=$((pass+1)); fi
t named-foreign-xml 1 "$vpnlint" lint "$tmp/mixed/app.csproj.xml"
contains named-foreign-xml-rule "IN003"
# device verbs on Linux: plainly Windows-only, except planning from a phonebook
t detect-needs-windows 3 "$vpnlint" detect
t remediate-needs-windows 3 "$vpnlint" remediate
printf '[Office L2TP]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=3\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n' >"$tmp/l2tp.pbk"
t remediate-plan 0 "$vpnlint" remediate --dry-run --pbk="$tmp/l2tp.pbk"
contains remediate-plan-natt "AssumeUDPEncapsulationContextOnSendRule to 2, because 1 L2TP"
t remediate-plan-missing 2 "$vpnlint" remediate --dry-run --pbk "$tmp/none.pbk"
t remediate-pbk-needs-dry-run 3 "$vpnlint" remediate --pbk "$tmp/l2tp.pbk"
t too-big 1 "$vpnlint" lint --max-bytes 10 "$tmp/ok.xml"
contains too-big-rule "IN001"
echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
