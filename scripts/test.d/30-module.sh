#!/usr/bin/env bash
# The PowerShell module (module/): builds the installable module folder against the
# freshly built libvpnlint.so, checks formatting, runs the xunit suites (VpnLint.Core
# against the real library; conformance of the cmdlet layer by metadata), and checks
# the syntax of the Intune sample scripts with the tree-sitter PowerShell grammar.
# Test-VpnServer's probe tests (ProbeNetworkTests) send packets, so they run a second
# time inside a network namespace made here, where they talk only to its loopback.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The native library: 10-native.sh builds build/; build it here when run alone.
if [ ! -e build/native/libvpnlint.so ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build --target vpnlint
fi
export VPNLINT_NATIVE_DIR="$PWD/build/native"

# A library of another ABI version, for the loader's refusal test.
fake_dir=build/module-fakes
mkdir -p "$fake_dir"
gcc -shared -fPIC -o "$fake_dir/libfake_abi.so" module/tests/fakes/fake_abi.c
export VPNLINT_FAKE_ABI_LIB="$PWD/$fake_dir/libfake_abi.so"

# vpnlint_probe_options as VpnLint.Core lays it out (55-module-wine.sh checks the Windows layouts).
gcc -std=c11 -fsyntax-only -Inative/include module/tests/fakes/probe_layout.c

echo "-- module: build"
bash module/build.sh
export VPNLINT_MODULE_DIR="$PWD/module/out/VpnLint"

echo "-- module: dotnet format --verify-no-changes"
dotnet format module/VpnLint.sln --verify-no-changes

echo "-- module: xunit"
dotnet test module/tests/VpnLint.Core.Tests/VpnLint.Core.Tests.csproj -nologo
dotnet test module/tests/VpnLint.Conformance.Tests/VpnLint.Conformance.Tests.csproj -nologo

echo "-- module: probe tests in a private network namespace (loopback only)"
if [ "$(id -u)" -ne 0 ]; then
  echo "30-module: ProbeNetworkTests need root for ip netns (skipped)"
else
  ns=vpnlint-modtest$$
  results=$PWD/build/module-netns-results.xml
  rm -f "$results"
  trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  # xunit.v3's own runner on the already built tests (no restore, nothing else leaves the namespace).
  rc=0
  VPNLINT_TEST_NETNS=$ns timeout 300 ip netns exec "$ns" \
    dotnet module/tests/VpnLint.Core.Tests/bin/Debug/net10.0/VpnLint.Core.Tests.dll \
    -class VpnLint.Core.Tests.ProbeNetworkTests -noColor -xml "$results" || rc=$?
  ip netns del "$ns"
  trap - EXIT
  # Skipped is failed here: the namespace exists so that these tests run.
  python3 - "$results" "$rc" <<'PY'
import sys, xml.etree.ElementTree as ET
path, rc = sys.argv[1], int(sys.argv[2])
try:
    asm = ET.parse(path).getroot().findall("assembly")
except Exception as e:
    sys.exit(f"FAIL: no xunit results at {path}: {e}")
n = {k: sum(int(a.get(k, 0)) for a in asm) for k in ("total", "passed", "failed", "errors", "skipped")}
print("netns: {total} tests, {passed} passed, {failed} failed, {errors} errors, {skipped} skipped (runner exit %d)".format(**n) % rc)
if n["total"] == 0 or n["passed"] != n["total"] or rc != 0:
    sys.exit("FAIL: the probe tests did not all pass inside the namespace")
PY
fi

echo "-- module: PowerShell syntax (tree-sitter)"
(cd module/tests/pssyntax && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && node --test)
