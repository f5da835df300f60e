#!/usr/bin/env bash
# SARIF output against the official SARIF 2.1.0 schema (ajv) and the SARIF
# multitool's validator with GitHub's ingestion rules; then proves the check
# can fail by feeding it two broken logs.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
(cd tests/sarif && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
vpnlint=build/native/vpnlint
"$vpnlint" lint --format sarif --no-fail -o "$out/fixtures.sarif" tests/fixtures/rules
"$vpnlint" lint --format sarif --no-fail -o "$out/profiles.sarif" profiles
if [ -d ../shared/corpus ]; then
  "$vpnlint" lint --format sarif --no-fail --base-dir .. -o "$out/corpus.sarif" ../shared/corpus
fi
node tests/sarif/validate.js "$out"/*.sarif
# the validator must reject broken logs
python3 - "$out/fixtures.sarif" "$out" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
d = json.load(open(src)); d['runs'][0]['results'][0]['level'] = 'fatal'
json.dump(d, open(out + '/broken-level.sarif.json', 'w'))
d = json.load(open(src)); del d['runs'][0]['tool']['driver']['rules'][0]['fullDescription']
json.dump(d, open(out + '/broken-rule.sarif.json', 'w'))
d = json.load(open(src)); d['runs'][0]['results'][0]['ruleIndex'] += 1
json.dump(d, open(out + '/broken-index.sarif.json', 'w'))
PY
for broken in "$out"/broken-*.sarif.json; do
  if node tests/sarif/validate.js "$broken" >/dev/null; then
    echo "FAIL: the validator accepted $broken"; exit 1
  fi
done
echo "sarif: broken logs rejected as expected"
