#!/usr/bin/env bash
# Indexing time and database size of seisaku-index next to Xapian's omindex (xapian-omega)
# on the same folder, in the same invocation, as ratios (the machine is shared and noisy).
# Usage: bench/index-vs-omindex.sh [FOLDER] [RUNS]   (default ../shared/corpus-real, 5 runs)
# Needs a release build (cmake --preset release && cmake --build --preset release).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus-real}
runs=${2:-5}
index=build/release/indexer/seisaku-index
[[ -x $index ]] || { echo "bench: build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
command -v omindex >/dev/null || {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xapian-omega >/dev/null
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: > "$work/seisaku.t"
: > "$work/omindex.t"
for ((i = 1; i <= runs; i++)); do
    # Alternate the order so neither tool always runs on a warmer cache.
    for tool in seisaku omindex; do
        rm -rf "$work/$tool.db"
        t0=$(now)
        if [[ $tool == seisaku ]]; then
            "$index" --db "$work/seisaku.db" "$corpus" >/dev/null 2>&1
        else
            # .md is not in omindex's built-in MIME map: read it as plain text.
            omindex --db "$work/omindex.db" --url / --mime-type=md:text/plain "$corpus" >/dev/null 2>&1
        fi
        t1=$(now)
        awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}' >> "$work/$tool.t"
    done
done
s_time=$(median < "$work/seisaku.t")
o_time=$(median < "$work/omindex.t")
s_size=$(du -sk "$work/seisaku.db" | cut -f1)
o_size=$(du -sk "$work/omindex.db" | cut -f1)
s_docs=$(xapian-delve "$work/seisaku.db" | grep -o 'number of documents = [0-9]*' | grep -o '[0-9]*$')
o_docs=$(xapian-delve "$work/omindex.db" | grep -o 'number of documents = [0-9]*' | grep -o '[0-9]*$')
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sbL "$corpus" | cut -f1)

printf 'corpus: %s (%d files, %d bytes); median of %d runs each\n' "$corpus" "$files" "$bytes" "$runs"
printf '%-10s %10s %10s %10s\n' tool seconds "db KiB" documents
printf '%-10s %10.3f %10d %10d\n' seisaku "$s_time" "$s_size" "$s_docs"
printf '%-10s %10.3f %10d %10d\n' omindex "$o_time" "$o_size" "$o_docs"
awk -v st="$s_time" -v ot="$o_time" -v ss="$s_size" -v os="$o_size" \
    'BEGIN {printf "ratio seisaku/omindex: time %.2f, size %.2f\n", st / ot, ss / os}'
