#!/usr/bin/env bash
# The module's C# library-layer tests (module/tests/VpnLint.Core.Tests, xunit.v3) on Windows:
# published as a self-contained win-x64 test executable (the runtime pack comes from NuGet and
# stays in the NuGet cache) and run under wine with a private WINEPREFIX against the mingw-built
# vpnlint.dll. There the NAT-T repair really writes HKLM of that prefix's registry and undoes it.
# Also rebuilds the module folder now that the cross builds exist, so it carries
# runtimes/win-x64/native and runtimes/win-x86/native, and checks both DLLs.
# Test-VpnServer's probe: only the cases that refuse before sending run here (ProbeTests); the
# probes that send (ProbeNetworkTests) skip themselves, there is no network under wine.
# Fails when any test fails, when the results are missing, or when the wine-only tests did not run.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export WINEDEBUG=-all

# The Windows libraries: 50-windows.sh builds them; build only the DLLs here when run alone.
for arch in x64 x86; do
  if [ ! -f "build/windows-$arch/native/vpnlint.dll" ]; then
    bash scripts/build-win-deps.sh "$([ $arch = x64 ] && echo x86_64 || echo i686)"
    cmake --preset "windows-$arch" >/dev/null
    cmake --build "build/windows-$arch" --target vpnlint
  fi
done

echo "-- module: folder with the Windows libraries"
[ -e build/native/libvpnlint.so ] || { cmake -S . -B build -G Ninja >/dev/null && cmake --build build --target vpnlint; }
VPNLINT_NATIVE_DIR="$PWD/build/native" bash module/build.sh
fails=0
for pair in win-x64:pei-x86-64 win-x86:pei-i386; do
  rid=${pair%%:*} fmt=${pair#*:}
  dll="module/out/VpnLint/runtimes/$rid/native/vpnlint.dll"
  if [ ! -f "$dll" ] || ! objdump -f "$dll" 2>/dev/null | grep -q "file format $fmt"; then
    echo "FAIL: $dll missing or not $fmt"
    fails=1
  fi
done

out=build/module-wine
mkdir -p "$out"
# vpnlint_probe_options as VpnLint.Core lays it out, for 64- and 32-bit Windows.
x86_64-w64-mingw32-gcc -std=c11 -fsyntax-only -Inative/include module/tests/fakes/probe_layout.c
i686-w64-mingw32-gcc -std=c11 -fsyntax-only -Inative/include module/tests/fakes/probe_layout.c
# A library of another ABI version, for the loader's refusal test (as 30-module.sh does for Linux).
x86_64-w64-mingw32-gcc -shared -o "$out/fake_abi.dll" module/tests/fakes/fake_abi.c

echo "-- module: publish VpnLint.Core.Tests for win-x64 (self-contained)"
rm -rf "$out/tests"
dotnet publish module/tests/VpnLint.Core.Tests/VpnLint.Core.Tests.csproj -c Release -r win-x64 --self-contained \
  -o "$out/tests" -nologo -v quiet
# Put the project's restore back to the portable one (dotnet test on Linux uses obj/ too).
dotnet restore module/tests/VpnLint.Core.Tests/VpnLint.Core.Tests.csproj -v quiet >/dev/null

# A private wine prefix, kept between runs (creating one takes a while); the tests set the
# registry state they need themselves. mscoree must stay enabled while .NET runs: wine's loader
# hands IL-only images to it. It is disabled only while the prefix is created (no Mono prompt).
export WINEPREFIX="$PWD/$out/prefix"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "-- module: creating the wine prefix $WINEPREFIX"
  WINEDLLOVERRIDES="mscoree,mshtml=" wineboot -i >/dev/null 2>&1 || true
  wineserver -w
fi
export WINEDLLOVERRIDES="mshtml="
# .NET's W^X double mapping of JIT code trips wine 8 ("Internal CLR error" when a finalizer frees
# dynamic-method code); the tests are about the library layer, not about W^X.
export DOTNET_EnableWriteXorExecute=0

winpath() { local p; p=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); echo "Z:${p//\//\\}"; }
export VPNLINT_NATIVE_DIR; VPNLINT_NATIVE_DIR=$(winpath build/windows-x64/native)
export VPNLINT_FAKE_ABI_LIB; VPNLINT_FAKE_ABI_LIB=$(winpath "$out/fake_abi.dll")
if [ -d "$PWD/../shared/corpus" ] || [ -d /work/shared/corpus ]; then
  corpus=$( [ -d "$PWD/../shared/corpus" ] && echo "$PWD/../shared/corpus" || echo /work/shared/corpus )
  export VPNLINT_CORPUS_DIR; VPNLINT_CORPUS_DIR=$(winpath "$corpus")
fi

echo "-- module: xunit.v3 under wine (win-x64)"
results="$out/results.xml"
rm -f "$results"
rc=0
(cd "$out/tests" && wine VpnLint.Core.Tests.exe -noColor -xml "$(winpath ../results.xml)") || rc=$?
wineserver -k 2>/dev/null || true

# wine's exit status alone is not trusted (a crash that starts winedbg can still exit 0):
# the xunit results must exist, count no failure and no error, and show the wine-only tests run.
python3 - "$results" "$rc" <<'PY' || fails=1
import sys, xml.etree.ElementTree as ET
path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except Exception as e:
    sys.exit(f"FAIL: no xunit results at {path}: {e}")
asm = root.findall("assembly")
total = sum(int(a.get("total", 0)) for a in asm)
failed = sum(int(a.get("failed", 0)) for a in asm)
errors = sum(int(a.get("errors", 0)) for a in asm)
skipped = sum(int(a.get("skipped", 0)) for a in asm)
print(f"wine: {total} tests, {failed} failed, {errors} errors, {skipped} skipped (runner exit {rc})")
for t in root.iter("test"):
    if t.get("result") == "Fail":
        msg = t.find("failure/message")
        print("FAIL:", t.get("name"), "-", (msg.text or "").strip()[:400] if msg is not None else "")
ran = {t.get("method") or t.get("name").rsplit(".", 1)[-1]: t.get("result") for t in root.iter("test")}
must = ["UnderWineTheRepairWritesTheRegistryAndUndoRestoresIt", "UnderWineTheDeviceChecksReportFindingsAndState",
        "ALibraryOfAnotherAbiVersionIsRefused", "ADeclinedConfirmationWritesNothing",
        "OptionsStructHasTheHeadersLayoutOnThisArchitecture", "NothingToProbeIsAnArgumentError",
        "TheLibraryJudgesProtocolAndTimeoutRange", "AMissingFileIsNotFoundAndNamed", "APhonebookNeedsOneNamedEntry"]
missing = [m for m in must if not any(k.endswith(m) and v == "Pass" for k, v in ran.items())]
if missing:
    print("FAIL: these tests did not pass under wine:", ", ".join(missing))
if total == 0 or failed or errors or missing or rc != 0:
    sys.exit(1)
PY

# After the suite the repair's undo left the value as the test found it: absent.
if (cd / && wine reg query 'HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent' /v AssumeUDPEncapsulationContextOnSendRule >/dev/null 2>&1); then
  echo "FAIL: AssumeUDPEncapsulationContextOnSendRule is still set in $WINEPREFIX after the tests"
  fails=1
fi
wineserver -k 2>/dev/null || true
exit $fails
