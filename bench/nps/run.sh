#!/usr/bin/env bash
# Streaming benchmark for `vpnlint nps` (not a test: it times things).
# Generates a 1 GiB log in each format, then measures wall time, MB/s and
# peak RSS (GNU time). Usage: bench/nps/run.sh [BUILD_DIR] [SIZE_MIB]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
size=${2:-1024}
cli="$build/native/vpnlint"
[ -x "$cli" ] || { echo "build vpnlint first ($cli missing)"; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fmt in csv xml; do
  log="$tmp/IN2401.$fmt"
  python3 "$root/bench/nps/gen.py" "$fmt" "$size" "$log" >/dev/null
  bytes=$(stat -c %s "$log")
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$cli" nps --format json "$log" >"$tmp/out.json" || true
  read -r secs rss_kb <"$tmp/time"
  python3 - "$fmt" "$bytes" "$secs" "$rss_kb" "$tmp/out.json" <<'PY'
import json, sys
fmt, size, secs, rss, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
j = json.load(open(out))
mbs = size / 1e6 / secs if secs else float('inf')
print(f"{fmt}: {size/2**20:.0f} MiB, {j['records']} records, {secs:.1f} s, {mbs:.0f} MB/s, peak RSS {rss/1024:.1f} MiB")
PY
done
