#!/usr/bin/env bash
# Builds and runs the whole test suite: format check, an optimised build with warnings as
# errors, clang-tidy's checks (.clang-tidy), then the same tests again under AddressSanitizer
# and UBSan. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
jobs=$(nproc)

echo "== format (clang-format $(clang-format --version | grep -o '[0-9]*\.[0-9.]*' | head -1))"
if ! git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror; then
    echo "check: run scripts/format.sh and commit the result" >&2
    exit 1
fi

echo "== release build, warnings as errors"
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$jobs"
ctest --preset ci -j"$jobs"

echo "== clang-tidy ($(clang-tidy-14 --version | grep -o 'version [0-9.]*'), .clang-tidy)"
cmake --build --preset tidy

echo "== sanitizer build (ASan + UBSan)"
cmake --preset ci-asan >/dev/null
cmake --build --preset ci-asan -j"$jobs"
ctest --preset ci-asan -j"$jobs"
