#!/usr/bin/env bash
# Installs the Debian 12 packages seisaku builds and runs with (as root; apt only when needed).
# With --test, also what the whole test suite needs: lighttpd and curl for the page's serving
# test, Debian's Chromium, its driver and python3-selenium for the browser test.
set -euo pipefail
packages=(
    g++ cmake make pkg-config
    libxapian-dev xapian-tools
    libicu-dev
    libmecab-dev mecab-ipadic-utf8 mecab-utils
    edict  # the Japanese-English lexicon, compiled at build time (docs/lexicon.md)
    libxml2-dev nlohmann-json3-dev
    libpoppler-cpp-dev  # PDF text (pdf/, the seisaku-pdftext program)
    libcli11-dev catch2
    python3 clang-format git
    lighttpd
)
if [[ ${1:-} == --test ]]; then
    packages+=(curl chromium chromium-driver python3-selenium clang-tidy)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
