#!/usr/bin/env bash
# Builds libxml2, cJSON and cmocka for Windows (mingw-w64, static libraries)
# from Debian's source packages, into a cache outside the repository:
#
#   ${VPNLINT_WIN_DEPS:-${XDG_CACHE_HOME:-~/.cache}/vpnlint/win-deps}/<triplet>/{include,lib}
#
# Usage: scripts/build-win-deps.sh [x86_64|i686 ...]   (default: both)
#        FORCE=1 rebuilds even when the cache is complete.
#
# A complete prefix carries a .stamp naming the recipe and the source versions
# and is reused as is. A prefix is built in a temporary folder and renamed into
# place, so an interrupted run never leaves a half-filled cache behind.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Bump when the build options below change, so caches are rebuilt.
recipe=4

cache=${VPNLINT_WIN_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/vpnlint/win-deps}
mkdir -p "$cache"
jobs=$(nproc 2>/dev/null || echo 2)

die() { echo "build-win-deps: $*" >&2; exit 1; }

archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(x86_64 i686)
for a in "${archs[@]}"; do
  case $a in x86_64|i686) ;; *) die "unknown architecture '$a' (use x86_64 or i686)" ;; esac
  command -v "$a-w64-mingw32-gcc" >/dev/null ||
    die "$a-w64-mingw32-gcc not found: run scripts/deps.d/50-win.sh (installs mingw-w64)"
done
command -v cmake >/dev/null || die "cmake not found: run scripts/deps-debian.sh"
command -v ninja >/dev/null || die "ninja not found: run scripts/deps-debian.sh"

# ---- sources: apt-get source (needs a deb-src entry), extracted once
src=$cache/src
have_deb_src() {
  grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}
fetch_sources() {
  if ! have_deb_src; then
    [ "$(id -u)" -eq 0 ] || die "no deb-src entry in /etc/apt: run scripts/deps.d/50-win.sh as root"
    bash "$root/scripts/deps.d/50-win.sh"
  fi
  command -v dpkg-source >/dev/null || die "dpkg-source missing: run scripts/deps.d/50-win.sh"
  local tmp
  tmp=$(mktemp -d "$cache/src.tmp.XXXXXX")
  (cd "$tmp" && apt-get source -qq libxml2 cjson cmocka >/dev/null 2>"$tmp/apt.log") || {
    cat "$tmp/apt.log" >&2
    rm -rf "$tmp"
    die "apt-get source failed (see above)"
  }
  rm -f "$tmp/apt.log"
  rm -rf "$src"
  mv "$tmp" "$src"
}
srcdir() { # first extracted folder of a source package
  [ -d "$src" ] || return 0
  find "$src" -maxdepth 1 -mindepth 1 -type d -name "$1-*" | sort | head -n 1
}
if [ -z "$(srcdir libxml2)" ] || [ -z "$(srcdir cjson)" ] || [ -z "$(srcdir cmocka)" ]; then
  echo "build-win-deps: fetching Debian sources into $src"
  fetch_sources
fi
xml_src=$(srcdir libxml2)
cjson_src=$(srcdir cjson)
cmocka_src=$(srcdir cmocka)
versions="recipe=$recipe $(basename "$xml_src") $(basename "$cjson_src") $(basename "$cmocka_src")"

build_one() { # <triplet> <prefix> <name> <source> <cmake args...>
  local triplet=$1 prefix=$2 name=$3 source=$4
  shift 4
  local b
  b=$(mktemp -d "$cache/build.$triplet.$name.XXXXXX")
  if ! {
    cmake -S "$source" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-${triplet%%-*}.cmake" \
      -DVPNLINT_WIN_DEPS="$cache" -DCMAKE_INSTALL_PREFIX="$prefix" \
      -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF "$@" &&
      cmake --build "$b" -j "$jobs" &&
      cmake --install "$b"
  } >"$b.log" 2>&1; then
    tail -n 40 "$b.log" >&2
    die "$name for $triplet failed (log: $b.log)"
  fi
  rm -rf "$b" "$b.log"
}

for a in "${archs[@]}"; do
  triplet=$a-w64-mingw32
  prefix=$cache/$triplet
  if [ -z "${FORCE:-}" ] && [ -f "$prefix/.stamp" ] && [ "$(cat "$prefix/.stamp")" = "$versions" ]; then
    echo "build-win-deps: $triplet up to date ($prefix)"
    continue
  fi
  echo "build-win-deps: building $triplet into $prefix"
  stage=$cache/$triplet.tmp.$$
  rm -rf "$stage"
  mkdir -p "$stage"

  # libxml2: parser, tree, output, XPath; no iconv/ICU/lzma/zlib, no network,
  # native Win32 threads (not winpthreads, which would be one more DLL/archive),
  # no Python, no programs. LIBXML_STATIC while compiling it too, so the
  # symbols are not dllexport'ed (they would leak out of vpnlint.dll).
  build_one "$triplet" "$stage" libxml2 "$xml_src" -DCMAKE_C_FLAGS="-DLIBXML_STATIC" \
    -DLIBXML2_WITH_ICONV=OFF -DLIBXML2_WITH_ICU=OFF -DLIBXML2_WITH_LZMA=OFF \
    -DLIBXML2_WITH_ZLIB=OFF -DLIBXML2_WITH_PYTHON=OFF -DLIBXML2_WITH_HTTP=OFF \
    -DLIBXML2_WITH_FTP=OFF -DLIBXML2_WITH_PROGRAMS=OFF -DLIBXML2_WITH_TESTS=OFF \
    -DLIBXML2_WITH_MODULES=OFF -DLIBXML2_WITH_CATALOG=OFF -DLIBXML2_WITH_DOCB=OFF \
    -DLIBXML2_WITH_DEBUG=OFF -DLIBXML2_WITH_LEGACY=OFF -DLIBXML2_WITH_SCHEMATRON=OFF \
    -DHAVE_PTHREAD_H=

  # The installed header defaults to static linkage even without pkg-config.
  hdr=$stage/include/libxml2/libxml/xmlexports.h
  [ -f "$hdr" ] || die "libxml2 header not installed at $hdr"
  sed -i '0,/^#ifndef __XML_EXPORTS_H__/s//\/* vpnlint: static build *\/\n#ifndef LIBXML_STATIC\n#define LIBXML_STATIC\n#endif\n#ifndef __XML_EXPORTS_H__/' "$hdr"

  # cJSON: static, symbols not exported (CJSON_HIDE_SYMBOLS), no tests.
  build_one "$triplet" "$stage" cjson "$cjson_src" -DENABLE_CJSON_TEST=OFF \
    -DENABLE_PUBLIC_SYMBOLS=OFF -DENABLE_HIDDEN_SYMBOLS=ON -DENABLE_CUSTOM_COMPILER_FLAGS=OFF \
    -DENABLE_LOCALES=ON
  # The installed header defaults to the static (hidden) linkage, as vcpkg does.
  hdr=$stage/include/cjson/cJSON.h
  [ -f "$hdr" ] || die "cJSON header not installed at $hdr"
  sed -i '0,/^#ifndef cJSON__h/s//\/* vpnlint: static build *\/\n#ifndef CJSON_HIDE_SYMBOLS\n#define CJSON_HIDE_SYMBOLS\n#endif\n#ifndef cJSON__h/' "$hdr"

  # cmocka: 1.1.x always builds a DLL too; keep only the static archive.
  build_one "$triplet" "$stage" cmocka "$cmocka_src" -DWITH_STATIC_LIB=ON \
    -DWITH_EXAMPLES=OFF -DUNIT_TESTING=OFF -DPICKY_DEVELOPER=OFF
  [ -f "$stage/lib/libcmocka-static.a" ] || die "cmocka static archive not installed"
  mv -f "$stage/lib/libcmocka-static.a" "$stage/lib/libcmocka.a"

  # Nothing dynamic may stay in the prefix: the link must be static.
  find "$stage" \( -name '*.dll' -o -name '*.dll.a' \) -delete
  rm -rf "$stage/lib/cmake/cmocka" "$stage/bin"
  sed -i 's/-lcmocka-static/-lcmocka/; s/-lcmocka$/-lcmocka/' "$stage"/lib/pkgconfig/cmocka.pc 2>/dev/null || true
  for lib in libxml2.a libcjson.a libcmocka.a; do
    [ -f "$stage/lib/$lib" ] || die "$lib missing in $stage/lib"
  done
  # The staging folder's name is baked into .pc/.cmake files: point them at
  # the final prefix.
  grep -rlF "$stage" "$stage" | while IFS= read -r f; do
    sed -i "s|$stage|$prefix|g" "$f"
  done
  echo "$versions" >"$stage/.stamp"
  rm -rf "$prefix"
  mv "$stage" "$prefix"
  echo "build-win-deps: $triplet done"
done
