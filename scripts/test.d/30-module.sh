#!/usr/bin/env bash
# The PowerShell module (module/): builds the installable module folder against the
# freshly built libvpnlint.so, checks formatting, runs the xunit suites (VpnLint.Core
# against the real library; conformance of the cmdlet layer by metadata), and checks
# the syntax of the Intune sample scripts with the tree-sitter PowerShell grammar.
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

echo "-- module: build"
bash module/build.sh
export VPNLINT_MODULE_DIR="$PWD/module/out/VpnLint"

echo "-- module: dotnet format --verify-no-changes"
dotnet format module/VpnLint.sln --verify-no-changes

echo "-- module: xunit"
dotnet test module/tests/VpnLint.Core.Tests/VpnLint.Core.Tests.csproj -nologo
dotnet test module/tests/VpnLint.Conformance.Tests/VpnLint.Conformance.Tests.csproj -nologo

echo "-- module: PowerShell syntax (tree-sitter)"
(cd module/tests/pssyntax && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && node --test)
