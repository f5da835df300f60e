#!/usr/bin/env bash
# vpnlint.dll and vpnlint.exe must import only Windows system DLLs (no mingw
# runtime: libgcc_s, libwinpthread, libxml2, ...), so the module ships one
# DLL per architecture. usage: check_imports.sh OBJDUMP FILE...
set -euo pipefail
objdump=$1
shift
allowed='^(kernel32|advapi32|msvcrt|ole32|oleaut32|user32|shell32|ws2_32|secur32|crypt32|ntdll|vpnlint)\.dll$'
fails=0
for f in "$@"; do
  dlls=$("$objdump" -p "$f" | awk '/DLL Name:/ { print tolower($3) }' | sort -u)
  [ -n "$dlls" ] || { echo "FAIL - $f: no imports found (not a PE file?)"; fails=1; continue; }
  for d in $dlls; do
    if ! [[ $d =~ $allowed ]]; then
      echo "FAIL - $(basename "$f") imports $d (not a Windows system DLL)"
      fails=1
    fi
  done
  wide=$(strings -el "$f")
  if ! grep -q '^VS_VERSION_INFO$' <<<"$wide" || ! grep -q '^FileVersion$' <<<"$wide"; then
    echo "FAIL - $(basename "$f") has no version resource"
    fails=1
  fi
  echo "ok   - $(basename "$f") imports: $(echo $dlls)"
done
exit $fails
