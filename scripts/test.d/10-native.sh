#!/usr/bin/env bash
# The native library and agent on Linux: build with warnings as errors, run
# the cmocka suite through ctest.
set -euo pipefail
cd "${VPNLINT_ROOT:?}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure
# one format for all C sources (.clang-format); clang-format is part of clang-tools
if command -v clang-format >/dev/null; then
  git ls-files '*.c' '*.h' | xargs clang-format --dry-run --Werror
  echo "clang-format: all C sources formatted"
fi
