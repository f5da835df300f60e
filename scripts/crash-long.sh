#!/usr/bin/env bash
# Long crash-safety run: every writer is SIGKILLed at random points, many
# times, and after each kill the file must be the old or the new version,
# never a mix (CI runs the same checks with fewer trials inside ctest).
#
#   scripts/crash-long.sh [TRIALS] [SEED]
#   scripts/crash-long.sh --wine build/windows-x64/native/vpnlint.exe [TRIALS] [SEED]
#
# 1. Phonebook editor (`pbk set`, library and CLI, half each): TRIALS random
#    kills through tests/unit/test_pbk_crash.c (VPNLINT_CRASH_TRIALS), plus
#    its kill at every stage of the writer.
# 2. `vpnlint lint -o FILE` (atomic output): TRIALS random kills; FILE must
#    hold the old output or the complete new one.
# 3. With --wine EXE: the registry repair and its journal under wine
#    (`repair natt --value 2`, killed at a random time, TRIALS/4 trials by
#    default since each starts wine): the value is absent or 2; when it is 2
#    the journal exists and is valid JSON (it is written first); `undo` then
#    puts the value back.
# Defaults: 200 trials, seed from the clock (printed, so a failure can be
# replayed). CRASH_PARTS="pbk lint wine" picks parts (default: all that
# apply). Exit 0 only when every trial kept a consistent state.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
wine_exe=""
if [ "${1:-}" = "--wine" ]; then
  wine_exe=$2
  shift 2
fi
trials=${1:-200}
seed=${2:-$(date +%s)}
fails=0
parts=${CRASH_PARTS:-pbk lint wine}
want() { grep -qw -- "$1" <<<"$parts"; }
echo "crash-long: $trials trials, seed $seed"

cmake -S . -B build -G Ninja >/dev/null && cmake --build build >/dev/null || {
  echo "build failed"; exit 2; }

# ---- 1. phonebook editor
if want pbk; then
echo "== pbk writer: $trials random kills (library and CLI) + every stage"
if out=$(VPNLINT_CRASH_TRIALS=$trials VPNLINT_CRASH_SEED=$seed CMOCKA_MESSAGE_OUTPUT=stdout \
         build/tests/test_pbk_crash 2>&1); then
  grep -E "random kills|PASSED" <<<"$out" | sed 's/^/   /'
else
  echo "$out" | tail -30; echo "FAIL: pbk writer"; fails=$((fails + 1))
fi
fi

# ---- 2. lint -o (atomic output file)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if want lint; then
echo "== lint -o: $trials random kills"
# a large input set, so that the run takes long enough to be killed inside
mkdir -p "$work/in"
for i in $(seq 1 40); do cp -r tests/fixtures/rules "$work/in/r$i"; done
printf 'OLD OUTPUT\n' >"$work/old"
cli=build/native/vpnlint
"$cli" lint --format sarif --no-fail -o "$work/new" "$work/in" >/dev/null 2>&1
[ -s "$work/new" ] || { echo "FAIL: lint -o wrote nothing"; exit 1; }
start=$(date +%s%N)
"$cli" lint --format sarif --no-fail -o "$work/probe" "$work/in" >/dev/null 2>&1
span_us=$(( ($(date +%s%N) - start) / 1000 * 12 / 10 + 1 ))
RANDOM=$((seed % 32768))
old_n=0 new_n=0 bad=0
for t in $(seq 1 "$trials"); do
  cp "$work/old" "$work/out"
  "$cli" lint --format sarif --no-fail -o "$work/out" "$work/in" >/dev/null 2>&1 &
  pid=$!
  delay_us=$(( (RANDOM * 32768 + RANDOM) % span_us ))
  sleep "$(awk -v u="$delay_us" 'BEGIN { printf "%.6f", u / 1000000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if cmp -s "$work/out" "$work/old"; then
    old_n=$((old_n + 1))
  elif cmp -s "$work/out" "$work/new"; then
    new_n=$((new_n + 1))
  else
    bad=$((bad + 1)); echo "   trial $t: the output is neither the old nor the complete new file"
  fi
  rm -f "$work"/out.* "$work"/.out* 2>/dev/null
done
echo "   $trials kills: $old_n left the old output, $new_n the new one, $bad a mix"
[ "$bad" -eq 0 ] || fails=$((fails + 1))
fi

# ---- 3. repair journal under wine
if [ -n "$wine_exe" ] && want wine; then
  wtrials=${WINE_TRIALS:-$(( (trials + 3) / 4 ))}
  echo "== repair journal under wine: $wtrials random kills"
  exe=$(cd "$(dirname "$wine_exe")" && pwd)/$(basename "$wine_exe")
  export WINEPREFIX=$work/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  cd "$work" || exit 2
  wineboot -i >/dev/null 2>&1
  key='HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent'
  val=AssumeUDPEncapsulationContextOnSendRule
  natt() {
    local q
    if q=$(wine reg query "$key" /v "$val" 2>/dev/null | tr -d '\r'); then
      awk -v v="$val" '$1 == v { print $3 }' <<<"$q"
    else
      echo absent
    fi
  }
  # one unkilled run gives the time span the kill points are spread over
  wine reg delete "$key" /v "$val" /f >/dev/null 2>&1
  start=$(date +%s%N)
  wine "$exe" repair natt --value 2 --journal "Z:$work/probe.json" >/dev/null 2>&1
  span_us=$(( ($(date +%s%N) - start) / 1000 * 12 / 10 + 1 ))
  # the unkilled repair must work, or every trial would pass trivially
  if [ "$(natt)" != 0x2 ] || [ ! -s "$work/probe.json" ]; then
    echo "FAIL: an unkilled repair did not set the value (got $(natt))"; exit 1
  fi
  wine "$exe" undo "Z:$work/probe.json" >/dev/null 2>&1
  [ "$(natt)" = absent ] || { echo "FAIL: undo of the probe left $(natt)"; exit 1; }
  echo "   one unkilled repair + journal takes $((span_us * 10 / 12 / 1000)) ms (wine start included)"
  w_absent=0 w_set=0 w_bad=0 w_escaped=0
  for t in $(seq 1 "$wtrials"); do
    wine reg delete "$key" /v "$val" /f >/dev/null 2>&1
    J=$work/j$t.json
    wine "$exe" repair natt --value 2 --journal "Z:$J" >/dev/null 2>&1 &
    pid=$!
    delay_us=$(( (RANDOM * 32768 + RANDOM) % span_us ))
    sleep "$(awk -v u="$delay_us" 'BEGIN { printf "%.6f", u / 1000000 }')"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # the Windows process must really be gone (not finishing in the background)
    if ps -eo args | grep -q '[v]pnlint.exe repair natt'; then
      w_escaped=$((w_escaped + 1))
    fi
    wineserver -w 2>/dev/null || true
    v=$(natt)
    jvalid=no
    [ -f "$J" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$J" 2>/dev/null &&
      jvalid=yes
    case "$v/$jvalid" in
      absent/*) w_absent=$((w_absent + 1)) ;;
      0x2/yes) w_set=$((w_set + 1)) ;;
      *) w_bad=$((w_bad + 1)); echo "   trial $t: value $v, journal valid: $jvalid" ;;
    esac
    if [ "$jvalid" = yes ]; then
      wine "$exe" undo "Z:$J" >/dev/null 2>&1
      v2=$(natt)
      if [ "$v2" != absent ]; then
        w_bad=$((w_bad + 1)); echo "   trial $t: undo left $v2, not absent"
      fi
    elif [ -f "$J" ]; then
      w_bad=$((w_bad + 1)); echo "   trial $t: the journal is not valid JSON"
    fi
  done
  wineserver -k 2>/dev/null || true
  cd "$root" || exit 2
  echo "   $wtrials kills: $w_absent left the value absent, $w_set set it (journal valid, undone), $w_bad inconsistent; $w_escaped kill(s) missed a still-running process"
  [ "$w_bad" -eq 0 ] || fails=$((fails + 1))
fi

if [ "$fails" -gt 0 ]; then
  echo "crash-long: $fails part(s) FAILED (seed $seed)"
  exit 1
fi
echo "crash-long: all trials consistent (seed $seed)"
