#!/usr/bin/env bash
# Quick start: install dependencies, build, index corpus/ and answer a sample query.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
build/release/indexer/seisaku-index --db _index --overwrite corpus/en corpus/ja
echo
echo '$ seisaku-search --db _index "Hiroshima AI Process"'
build/release/searcher/seisaku-search --db _index -n 3 "Hiroshima AI Process"
echo '$ seisaku-search --db _index 海底ケーブル'
build/release/searcher/seisaku-search --db _index -n 3 海底ケーブル
