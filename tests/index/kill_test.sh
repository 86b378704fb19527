#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# BAD-INPUTS D1: SIGKILL seisaku-index at random moments. Every time the database must open
# with a document count between 0 and the total (a committed count: a multiple of the batch
# when the run started from an empty index), and a final normal run must converge. Every run
# compacts at its end (--compact always), so some kills land in a compaction or its exchange.
# Usage: kill_test.sh SEISAKU_INDEX
set -u
index=$1
rounds=${KILL_ROUNDS:-20}
batch=7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
docs=$tmp/docs db=$tmp/db
mkdir -p "$docs/en" "$docs/ja"
total=300
awk -v dir="$docs" -v n=$total 'BEGIN {
    for (i = 0; i < n; i++) {
        if (i % 2) {
            f = sprintf("%s/en/doc%03d.txt", dir, i)
            printf "Report %d on data policy\n\nThe council discussed data governance, item %d.\n", i, i > f
        } else {
            f = sprintf("%s/ja/doc%03d.txt", dir, i)
            printf "報告 %d\n\n個人情報保護委員会はデータ政策について議論した。項目%d。\n", i, i > f
        }
        close(f)
    }
}'
doc_count() {
    xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'
}
failures=0
for ((round = 1; round <= rounds; round++)); do
    # Every third round starts without an index, so the count shows the batch boundaries;
    # every third rebuilds with --overwrite; the others go on from where the last one was.
    mode=$((round % 3)) fresh=0
    args=(--quiet --commit-every "$batch" --compact always --db "$db")
    if [[ $mode -eq 0 ]]; then rm -rf "$db"; fresh=1; fi
    if [[ $mode -eq 1 ]]; then args+=(--overwrite); fi
    "$index" "${args[@]}" "$docs" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '0.%03d' $((RANDOM % 300)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [[ ! -e $db/iamglass ]]; then
        continue  # killed before the database was first created
    fi
    count=$(doc_count "$db")
    if ! [[ $count =~ ^[0-9]+$ ]] || ((count > total)); then
        echo "FAIL round $round: database does not open or has '$count' documents"
        failures=$((failures + 1)); continue
    fi
    if ((fresh)) && ((count % batch != 0 && count != total)); then
        echo "FAIL round $round: $count documents is not a committed count (batches of $batch)"
        failures=$((failures + 1))
    fi
    if ! xapian-check "$db" >/dev/null 2>&1; then
        echo "FAIL round $round: xapian-check finds errors"; failures=$((failures + 1))
    fi
done
out=$("$index" --quiet --db "$db" "$docs" 2>&1)
code=$?
count=$(doc_count "$db")
if [[ $code -ne 0 || $count != "$total" ]]; then
    echo "FAIL converge: exit $code, $count documents, wanted $total"; echo "$out"
    failures=$((failures + 1))
fi
out=$("$index" --quiet --db "$db" "$docs" 2>&1)
if ! grep -q "0 new, 0 updated, $total unchanged, 0 deleted.*nothing to write" <<<"$out"; then
    echo "FAIL second run not write-free: $out"; failures=$((failures + 1))
fi
if [[ -e $db.seisaku-compact ]]; then
    echo "FAIL a killed compaction's folder outlived the next runs"; failures=$((failures + 1))
fi
echo "$rounds kill rounds, $failures failures"
[[ $failures -eq 0 ]]
