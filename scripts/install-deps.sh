#!/usr/bin/env bash
# Installs the Debian 12 packages seisaku builds and runs with (as root; apt only when needed).
set -euo pipefail
packages=(
    g++ cmake make pkg-config
    libxapian-dev xapian-tools
    libicu-dev
    libmecab-dev mecab-ipadic-utf8 mecab-utils
    libxml2-dev nlohmann-json3-dev
    libpoppler-cpp-dev  # PDF text (pdf/, the seisaku-pdftext program)
    libcli11-dev catch2
    python3 clang-format git
    lighttpd chromium chromium-driver python3-selenium  # the page and its browser test
)
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
