#!/usr/bin/env bash
# The whole native suite again under ASan + UBSan (clang), then the unit
# tests under valgrind memcheck (no leaks, no invalid reads).
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
CC=clang cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVPNLINT_SANITIZE=ON >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure
# valgrind on the plain (gcc) build's unit tests
failed=0
for t in build/tests/test_*; do
  [ -x "$t" ] || continue
  if ! valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
       "$t" >/tmp/vpnlint-valgrind.log 2>&1; then
    echo "valgrind: $t failed"; tail -40 /tmp/vpnlint-valgrind.log; failed=1
  fi
done
[ "$failed" -eq 0 ] && echo "valgrind: all unit tests clean"
exit "$failed"
