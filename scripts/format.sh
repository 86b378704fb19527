#!/usr/bin/env bash
# Formats every C++ file of the repository in place with clang-format 14.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp' | xargs clang-format -i
