#!/usr/bin/env bash
# Builds the installable module folder module/out/VpnLint/:
#   VpnLint.psd1, VpnLint.Commands.dll, VpnLint.Core.dll, VpnLint.format.ps1xml,
#   en-US/VpnLint.Commands.dll-Help.xml (from docs/module/*.md), en-US/about_VpnLint.help.txt,
#   runtimes/linux-x64/native/libvpnlint.so and, when the Windows cross builds exist
#   (CMake presets windows-x64 / windows-x86 -> build/windows-<arch>/native/),
#   runtimes/win-x64/native/*.dll and runtimes/win-x86/native/*.dll.
# Usage: module/build.sh   (env: VPNLINT_NATIVE_DIR = folder holding libvpnlint.so,
#                            default build/native; CONFIGURATION = Release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
config=${CONFIGURATION:-Release}
native_dir=${VPNLINT_NATIVE_DIR:-$root/build/native}
out="$here/out/VpnLint"
stage="$here/out/.VpnLint.stage"

so="$native_dir/libvpnlint.so"
if [ ! -e "$so" ]; then
  echo "module/build.sh: $so not found; build the native library first:" >&2
  echo "  cmake -S . -B build -G Ninja && cmake --build build" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/src/VpnLint.Commands/VpnLint.Commands.csproj" -c "$config" -nologo -v quiet
dotnet build "$here/tools/HelpGen/HelpGen.csproj" -c "$config" -nologo -v quiet

rm -rf "$stage"
mkdir -p "$stage/en-US" "$stage/runtimes/linux-x64/native"
bin="$here/src/VpnLint.Commands/bin/$config/netstandard2.0"
cp "$bin/VpnLint.Commands.dll" "$bin/VpnLint.Core.dll" "$stage/"
cp "$here/package/VpnLint.psd1" "$here/package/VpnLint.format.ps1xml" "$stage/"
cp "$root/docs/module/about_VpnLint.help.txt" "$stage/en-US/"
dotnet "$here/tools/HelpGen/bin/$config/net10.0/HelpGen.dll" "$root/docs/module" "$stage/en-US/VpnLint.Commands.dll-Help.xml"
cp -L "$so" "$stage/runtimes/linux-x64/native/libvpnlint.so"

# Windows builds (mingw cross builds): vpnlint.dll and the DLLs beside it.
for rid in win-x64 win-x86; do
  found=""
  arch=${rid#win-}
  for d in "$root/build/windows-$arch/native" "$root/build-$rid/native" "$root/build-$rid"; do
    if [ -f "$d/vpnlint.dll" ]; then found="$d"; break; fi
  done
  if [ -n "$found" ]; then
    mkdir -p "$stage/runtimes/$rid/native"
    cp "$found"/*.dll "$stage/runtimes/$rid/native/"
    echo "module/build.sh: $rid from $found"
  else
    echo "module/build.sh: no $rid build (build/windows-$arch/native/vpnlint.dll, from the windows-$arch CMake preset); skipping $rid"
  fi
done

rm -rf "$out"
mv "$stage" "$out"
echo "module/build.sh: built $out"
