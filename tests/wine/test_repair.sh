#!/usr/bin/env bash
# The agent's device verbs under wine, against wine's real registry and
# service manager: repair natt, idempotence, undo (absent value included),
# detect exit codes before/after, a missing service, and a repair killed
# mid-way leaving registry and journal consistent.
#
# usage: tests/wine/test_repair.sh PATH/TO/vpnlint.exe
# Uses a private WINEPREFIX beside the exe (recreated each run), runs
# `wine reg` from an empty folder (wine looks for reg.exe in the current
# folder first) and stops the prefix's wineserver at the end.
set -uo pipefail
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -f "$exe" ] || { echo "no such exe: $1"; exit 2; }
export WINEPREFIX
WINEPREFIX=$(dirname "$exe")/../wineprefix-cli
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
rm -rf "$WINEPREFIX"
work=$(mktemp -d)
cd "$work" || exit 2
trap 'wineserver -k 2>/dev/null; rm -rf "$work"' EXIT
wineboot -i >/dev/null 2>&1

key='HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent'
val=AssumeUDPEncapsulationContextOnSendRule
fails=0
ok() { echo "ok   - $*"; }
bad() { echo "FAIL - $*"; fails=$((fails + 1)); }
check() { # description, command...
  local d=$1; shift
  if "$@"; then ok "$d"; else bad "$d"; fi
}
vl() { wine "$exe" "$@" 2>"$work/err" >"$work/out"; local rc=$?; tr -d '\r' <"$work/out" >"$work/out.u"; mv "$work/out.u" "$work/out"; tr -d '\r' <"$work/err" >"$work/err.u"; mv "$work/err.u" "$work/err"; return $rc; }
natt() { # prints the value (0x..) or "absent"
  local q
  if q=$(wine reg query "$key" /v "$val" 2>/dev/null | tr -d '\r'); then
    awk -v v="$val" '$1 == v { print $3 }' <<<"$q"
  else
    echo absent
  fi
}
journal_state() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(",".join(s["state"] for s in j["steps"]))' "$1"; }
journal_before() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j["steps"][-1]["before"])' "$1"; }

# A user phonebook with an L2TP-only connection, where %APPDATA% points.
appdata=$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
pbkdir=$(winepath -u "$appdata" 2>/dev/null)/Microsoft/Network/Connections/Pbk
mkdir -p "$pbkdir"
printf '[Office L2TP]\r\nMEDIA=rastapi\r\nType=2\r\nVpnStrategy=3\r\nPhoneNumber=vpn.example.com\r\n' >"$pbkdir/rasphone.pbk"
wine reg delete "$key" /v "$val" /f >/dev/null 2>&1

# ---- detect before: a remediation is needed (exit 1), one line < 2048
vl detect --intune; rc=$?
check "detect --intune exits 1 before the repair (got $rc)" test "$rc" -eq 1
check "detect --intune prints one line" test "$(wc -l <"$work/out")" -eq 1
check "detect --intune line is under 2048 characters" test "$(wc -c <"$work/out")" -le 2048
check "detect --intune names the NAT-T fix" grep -q '^REMEDIATE: set NAT-T value to 2' "$work/out"
check "detect stderr is empty" test ! -s "$work/err"
vl detect; rc=$?
check "detect reports the missing RasMan service" grep -q 'RasMan: not installed' "$work/out"
check "detect reports DEV001 for RasMan" grep -q 'DEV001.*RasMan.*not installed' "$work/out"

# ---- repair natt --value 2
J=$work/natt.json
vl repair natt --value 2 --journal "Z:$J"; rc=$?
check "repair natt exits 0 (got $rc: $(cat "$work/err"))" test "$rc" -eq 0
check "wine reg query shows 0x2" test "$(natt)" = 0x2
check "repair says reboot required" grep -q 'reboot required' "$work/out"
check "repair prints the journal path" grep -q "journal: Z:$J" "$work/out"
check "journal step is done, before absent" test "$(journal_state "$J")/$(journal_before "$J")" = "done/None"
sum1=$(sha256sum "$J")
vl repair natt --value 2 --journal "Z:$J"; rc=$?
check "second repair exits 0" test "$rc" -eq 0
check "second repair changes nothing and says so" grep -q 'already 2; nothing changed' "$work/out"
check "second repair leaves the journal as it was" test "$(sha256sum "$J")" = "$sum1"
vl detect --intune; rc=$?
check "detect exits 0 after the repair (got $rc)" test "$rc" -eq 0
check "detect --intune says no remediation" grep -q '^NO REMEDIATION NEEDED' "$work/out"

# ---- undo restores the absent value
vl undo "Z:$J"; rc=$?
check "undo exits 0" test "$rc" -eq 0
check "undo restored: value absent again" test "$(natt)" = absent
check "undo says what it restored" grep -q 'restored .*from 2 to absent' "$work/out"
vl undo "Z:$J"; rc=$?
check "second undo has nothing to do" grep -q 'nothing to undo' "$work/out"

# ---- an earlier value is restored too; dry run writes nothing
wine reg add "$key" /v "$val" /t REG_DWORD /d 1 /f >/dev/null 2>&1
vl repair natt --value 0 --dry-run --journal "Z:$work/dry.json"
check "dry run writes nothing" test "$(natt)" = 0x1
check "dry run writes no journal" test ! -e "$work/dry.json"
J2=$work/natt2.json
vl repair natt --journal "Z:$J2"
check "repair natt (default 2) over 1" test "$(natt)" = 0x2
vl undo "Z:$J2"
check "undo puts 1 back" test "$(natt)" = 0x1
# undo refuses when the value changed since
vl repair natt --value 2 --journal "Z:$J2"
wine reg add "$key" /v "$val" /t REG_DWORD /d 0 /f >/dev/null 2>&1
vl undo "Z:$J2"; rc=$?
check "undo refuses a value changed since the repair (exit 1, got $rc)" test "$rc" -eq 1
check "refused undo leaves the value alone" test "$(natt)" = 0x0
wine reg delete "$key" /v "$val" /f >/dev/null 2>&1

# ---- a service that does not exist
vl repair service RasMan --journal "Z:$work/svc.json"; rc=$?
check "repair service RasMan: not installed (exit 2, got $rc)" test "$rc" -eq 2
check "repair service says not installed" grep -q 'RasMan is not installed' "$work/err"
check "no journal for a service that does not exist" test ! -e "$work/svc.json"
vl repair service Spooler; rc=$?
check "repair service refuses a non-VPN service (exit 3)" test "$rc" -eq 3

# ---- killed mid-way: registry and journal stay consistent
kill_at() { # stage journal
  rm -f "$2"
  VPNLINT_TEST_PAUSE_AT=$1 wine "$exe" repair natt --value 2 --journal "Z:$2" >"$work/kout" 2>"$work/kerr" &
  local pid=$!
  for _ in $(seq 1 300); do
    grep -q "paused at $1" "$work/kerr" 2>/dev/null && break
    sleep 0.1
  done
  grep -q "paused at $1" "$work/kerr" || { bad "repair never reached $1"; kill -9 "$pid"; return; }
  kill -9 "$pid"
  wait "$pid" 2>/dev/null
  sleep 0.2
  if ps -eo args | grep -q '[v]pnlint.exe repair natt'; then
    bad "the killed repair is still running"
  fi
}
K=$work/killed.json
kill_at journal-written "$K"
check "killed after the journal: value unchanged (absent)" test "$(natt)" = absent
check "killed after the journal: journal holds a pending step, before absent" \
  test "$(journal_state "$K")/$(journal_before "$K")" = "pending/None"
check "killed after the journal: no temporary file left" test -z "$(ls "$work" | grep -F 'killed.json.tmp')"
vl undo "Z:$K"; rc=$?
check "undo of the interrupted repair succeeds" test "$rc" -eq 0
check "undo of the interrupted repair: value still absent" test "$(natt)" = absent
kill_at value-written "$K"
check "killed after the write: value is 0x2" test "$(natt)" = 0x2
check "killed after the write: journal pending with before absent" \
  test "$(journal_state "$K")/$(journal_before "$K")" = "pending/None"
vl undo "Z:$K"; rc=$?
check "undo after a kill restores the absent value" test "$rc/$(natt)" = "0/absent"

if [ "$fails" -gt 0 ]; then
  echo "$fails wine repair check(s) failed"
  exit 1
fi
echo "all wine repair checks passed"
