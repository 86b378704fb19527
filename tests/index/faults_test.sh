#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# seisaku-index under faults (BAD-INPUTS D2, D4, D5, D7, D8, D11, I5, I20, I21): a second
# indexer, SIGTERM and SIGINT, searches during commits, a read-only database, a full disk, a
# memory limit, a file over the size limit, unreadable and special files; --json and progress.
# Usage: faults_test.sh SEISAKU_INDEX SEISAKU_SEARCH
set -u
index=$1 search=$2
tmp=$(mktemp -d)
chmod 755 "$tmp"  # the non-root cases run as nobody
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0 passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
ok() { passed=$((passed + 1)); }
doc_count() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
# Waits (up to 20 s) until the database at $1 holds documents: the first batch committed.
wait_for_documents() {
    for _ in $(seq 200); do
        [[ -e $1/iamglass && $(doc_count "$1") -gt 0 ]] 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
# A corpus big enough that a run takes a while: N small English documents.
make_docs() {
    mkdir -p "$1"
    awk -v dir="$1" -v n="$2" 'BEGIN {
        for (i = 0; i < n; i++) {
            f = sprintf("%s/d%05d.txt", dir, i)
            printf "Note %d\n\nPolicy council minutes about data governance, item %d.\n", i, i > f
            close(f)
        }
    }'
}
many=$tmp/many total=3000
make_docs "$many" $total

# --- D4: a second indexer fails at once with 75, or waits with --wait ---
# The first run adds 3,000 documents, so it compacts at its end: the waiting indexer must then
# open the compacted folder that took the index's place, not the old one it waited on.
db=$tmp/lockdb
"$index" --quiet --commit-every 5 --db "$db" "$many" >"$tmp/first.out" 2>&1 &
first=$!
if wait_for_documents "$db"; then
    kill -STOP "$first"
    out=$(timeout 20 "$index" --db "$db" "$many" 2>&1); code=$?
    if [[ $code -eq 75 ]] && grep -q "database is being updated by another process" <<<"$out"; then ok
    else fail "lock: exit $code: $out"; fi
    timeout 60 "$index" --quiet --wait --db "$db" "$many" >"$tmp/wait.out" 2>&1 &
    waiter=$!
    sleep 0.3
    kill -CONT "$first"
    wait "$first"; code1=$?
    wait "$waiter"; code2=$?
    if [[ $code1 -eq 0 && $code2 -eq 0 && $(doc_count "$db") == "$total" ]] &&
        grep -q "$total unchanged" "$tmp/wait.out" && grep -q "compacted" "$tmp/first.out" &&
        xapian-check "$db" >/dev/null 2>&1 && [[ ! -e $db.seisaku-compact ]]; then ok
    else fail "--wait: exits $code1 $code2, $(doc_count "$db") documents: $(cat "$tmp/first.out" "$tmp/wait.out")"; fi
else
    kill "$first" 2>/dev/null; wait "$first"; fail "lock: the first indexer committed nothing"
fi

# --- D2: SIGTERM stops the run, commits what was added, reports, exits 143 ---
db=$tmp/termdb
"$index" --commit-every 5 --db "$db" "$many" >"$tmp/term.out" 2>&1 &
pid=$!
if wait_for_documents "$db"; then
    kill -TERM "$pid"; wait "$pid"; code=$?
    out=$(cat "$tmp/term.out")
    count=$(doc_count "$db")
    shown=$(sed -n 's/.*; \([0-9]*\) in the index;.*/\1/p' <<<"$out")
    if [[ $code -eq 143 ]] && grep -q "stopped by SIGTERM after [0-9]* of $total files" <<<"$out" &&
        [[ $count == "$shown" && $count -gt 0 && $count -lt $total ]]; then ok
    else fail "SIGTERM: exit $code, $count documents: $out"; fi
    out=$("$index" --quiet --db "$db" "$many" 2>&1)
    if grep -q "$((total - count)) new, 0 updated, $count unchanged, 0 deleted" <<<"$out"; then ok
    else fail "after SIGTERM the re-run does not converge: $out"; fi
else
    kill "$pid" 2>/dev/null; wait "$pid"; fail "SIGTERM: the indexer committed nothing"
fi

# --- D2: SIGINT too: exit 130. A script's background job starts with SIGINT ignored, and the
# indexer keeps it so; env --default-signal gives it the default disposition back ---
db=$tmp/intdb
env --default-signal=INT "$index" --commit-every 5 --db "$db" "$many" >"$tmp/int.out" 2>&1 &
pid=$!
if wait_for_documents "$db"; then
    kill -INT "$pid"; wait "$pid"; code=$?
    out=$(cat "$tmp/int.out")
    if [[ $code -eq 130 ]] && grep -q "stopped by SIGINT after [0-9]* of $total files" <<<"$out" &&
        [[ $(doc_count "$db") -lt $total ]]; then ok
    else fail "SIGINT: exit $code: $out"; fi
else
    kill "$pid" 2>/dev/null; wait "$pid"; fail "SIGINT: the indexer committed nothing"
fi

# --- D5: searches while the indexer commits every 100 documents (and then, by default,
# compacts and swaps folders): each answers, never from a half-written batch, never less ---
for compact in never auto; do
    db=$tmp/busydb-$compact
    "$index" --quiet --commit-every 100 --compact "$compact" --db "$db" "$many" >"$tmp/busy.out" 2>&1 &
    pid=$!
    if ! wait_for_documents "$db"; then
        kill "$pid" 2>/dev/null; wait "$pid"; fail "D5 ($compact): the indexer committed nothing"; continue
    fi
    last=0 bad="" searches=0
    while kill -0 "$pid" 2>/dev/null && ((searches < 300)); do
        out=$("$search" --db "$db" --json --no-expand --no-suggest -n 1 minutes 2>"$tmp/busy.err"); code=$?
        n=$(grep -oE '"total": ?[0-9]+' <<<"$out" | grep -oE '[0-9]+$')
        searches=$((searches + 1))
        if [[ $code -ne 0 || -s $tmp/busy.err || -z $n ]] || ((n < last || (n % 100 != 0 && n != total))); then
            bad="search $searches: exit $code, total '$n' after $last: $(cat "$tmp/busy.err")"; break
        fi
        last=$n
    done
    wait "$pid"; code=$?
    if [[ -z $bad && $code -eq 0 && $(doc_count "$db") == "$total" ]] && ((searches > 1)); then ok
    else fail "D5 ($compact): ${bad:-} indexer exit $code, $searches searches: $(cat "$tmp/busy.out")"; fi
done

# --- I5: the default --max-size (20 MiB) refuses a larger file before reading it ---
mkdir -p "$tmp/huge"
truncate -s 21M "$tmp/huge/huge.txt"  # sparse: no disk, and never read
printf 'Small\n\nsmallword\n' > "$tmp/huge/small.txt"
out=$("$index" --db "$tmp/hugedb" "$tmp/huge" 2>&1); code=$?
if [[ $code -eq 0 ]] && grep -q "skipped huge/huge.txt: larger than --max-size" <<<"$out" &&
    grep -q "1 new, 0 updated, 0 unchanged, 0 deleted, 1 skipped (too large 1)" <<<"$out"; then ok
else fail "default --max-size: exit $code: $out"; fi

# --- D11: an address-space limit: a document that does not fit is skipped (today: the 16 MB
# one), the run goes on and the index stays whole ---
if ldd "$index" | grep -q libasan; then
    echo "SKIP memory limit: AddressSanitizer reserves more address space than the limit"
else
    mkdir -p "$tmp/mem"
    awk 'BEGIN { for (i = 0; i < 400000; i++) printf "Policy line %d about data governance.\n", i }' > "$tmp/mem/big.txt"
    printf 'Small\n\nsmallword\n' > "$tmp/mem/small.txt"
    out=$(prlimit --as=$((256 << 20)) "$index" --max-size 0 --db "$tmp/memdb" "$tmp/mem" 2>&1); code=$?
    count=$(doc_count "$tmp/memdb")
    if [[ $code -eq 0 ]] && xapian-check "$tmp/memdb" >/dev/null 2>&1 &&
        { { grep -q "skipped mem/big.txt: out of memory while reading" <<<"$out" && [[ $count == 1 ]]; } ||
            { grep -q "2 new" <<<"$out" && [[ $count == 2 ]]; }; } &&
        ! grep -q "terminate called" <<<"$out"; then ok
    else fail "memory limit: exit $code: $out"; fi
fi

# --- I20: special files and links are skipped without blocking; --json reports them ---
odd=$tmp/odd
mkdir -p "$odd"
printf 'Fine\n\nplain text\n' > "$odd/ok.txt"
mkfifo "$odd/pipe.txt"
ln -s loop2.txt "$odd/loop1.txt"; ln -s loop1.txt "$odd/loop2.txt"
ln -s /dev/zero "$odd/zero.txt"
ln -s / "$odd/root"
{ printf 'x'; head -c 100 /dev/zero; } > "$odd/nul.md"
head -c 5000 /dev/zero | tr '\0' a > "$odd/big.txt"
out=$(timeout 20 "$index" --json --max-size 4K --db "$tmp/odddb" "$odd" 2>"$tmp/odd.err"); code=$?
check='
import json, sys
lines = [json.loads(l) for l in sys.stdin]
summary = lines[-1]
assert summary["event"] == "summary", summary
reasons = {e["path"]: e.get("reason", e["event"]) for e in lines[:-1]}
want = {"odd/ok.txt": "new", "odd/pipe.txt": "not-regular", "odd/loop1.txt": "symlink",
        "odd/loop2.txt": "symlink", "odd/zero.txt": "symlink", "odd/root": "symlink",
        "odd/nul.md": "binary", "odd/big.txt": "too-large"}
assert reasons == want, reasons
assert summary["skipped"] == 7 and summary["new"] == 1 and summary["files"] == 8, summary
assert summary["skipped_by"]["symlink"] == 4, summary
print("json events ok")
'
if [[ $code -eq 0 ]] && python3 -c "$check" <<<"$out" && [[ ! -s $tmp/odd.err ]]; then ok
else fail "special files: exit $code: $out $(cat "$tmp/odd.err")"; fi
out=$("$index" --max-size 4K --db "$tmp/odddb" "$odd" 2>&1)
if grep -q "skipped odd/pipe.txt: not a regular file (FIFO)" <<<"$out" &&
    grep -q "7 skipped (binary 1, too large 1, not a regular file 1, symbolic link 4)" <<<"$out"; then ok
else fail "special files, text: $out"; fi

# --- progress: none when stderr is not a terminal, a line when it is ---
"$index" --overwrite --db "$tmp/progdb" "$many" >/dev/null 2>"$tmp/prog.err"
if grep -q $'\r' "$tmp/prog.err" || grep -q "files/s" "$tmp/prog.err"; then
    fail "progress written to a file"
else ok; fi
if command -v script >/dev/null; then
    out=$(script -qec "\"$index\" --overwrite --db \"$tmp/progdb\" \"$many\"" /dev/null 2>&1)
    if grep -q "files/s, [0-9.]* MB/s" <<<"$out"; then ok; else fail "no progress on a terminal: $out"; fi
    out=$(script -qec "\"$index\" --quiet --overwrite --db \"$tmp/progdb\" \"$many\"" /dev/null 2>&1)
    if grep -q "files/s" <<<"$out"; then fail "progress with --quiet"; else ok; fi
fi

# --- D7: disk full (a file size limit, SIGXFSZ ignored): exit 74, last commit kept ---
db=$tmp/fulldb
out=$( (trap '' XFSZ; exec prlimit --fsize=$((512 * 1024)) "$index" --commit-every 200 --db "$db" "$many") 2>&1)
code=$?
count=$(doc_count "$db")
if [[ $code -eq 74 ]] && grep -q "the disk is full or a file size limit was reached" <<<"$out" &&
    [[ $count =~ ^[0-9]+$ ]] && ((count % 200 == 0 && count < total)); then ok
else fail "disk full: exit $code, '$count' documents: $out"; fi
out=$("$index" --quiet --db "$db" "$many" 2>&1)
if [[ $(doc_count "$db") == "$total" ]]; then ok; else fail "after disk full: $out"; fi

# --- D8, I21: as a user other than root: read-only database, unreadable file and folder ---
as_user=()
if [[ $(id -u) -eq 0 ]]; then
    if runuser -u nobody -- true 2>/dev/null; then as_user=(runuser -u nobody --)
    else echo "SKIP permission cases: running as root and runuser -u nobody does not work"; fi
fi
if [[ $(id -u) -ne 0 || ${#as_user[@]} -gt 0 ]]; then
    small=$tmp/small
    mkdir -p "$small/locked"
    printf 'One\n\nfirst words\n' > "$small/a.txt"
    printf 'Two\n\nsecond words\n' > "$small/locked/b.txt"
    chmod -R a+rX "$small"
    db=$tmp/rodb
    "$index" --quiet --db "$db" "$small" >/dev/null 2>&1
    chmod -R a+rX "$db"; chmod -R a-w "$db"
    out=$("${as_user[@]}" "$index" --db "$db" "$small" 2>&1); code=$?
    if [[ $code -eq 77 ]] && grep -q "not writable" <<<"$out"; then ok
    else fail "read-only database: exit $code: $out"; fi
    out=$("${as_user[@]}" "$search" --db "$db" words 2>&1); code=$?
    if [[ $code -eq 0 ]]; then ok; else fail "search of a read-only database: exit $code: $out"; fi
    chmod -R u+w "$db"
    db=$tmp/userdb
    mkdir -p "$db"; chmod 777 "$db"
    "${as_user[@]}" "$index" --quiet --db "$db" "$small" >/dev/null 2>&1
    printf 'Three\n\nthird words\n' > "$small/secret.txt"
    chmod 000 "$small/secret.txt" "$small/locked"
    out=$("${as_user[@]}" "$index" --db "$db" "$small" 2>&1); code=$?
    "${as_user[@]}" "$index" --strict --db "$db" "$small" >/dev/null 2>&1; strict_code=$?
    chmod 755 "$small/locked"
    if [[ $strict_code -eq 1 ]]; then ok; else fail "--strict with unreadable files: exit $strict_code"; fi
    if [[ $code -eq 0 ]] && grep -q "skipped small/secret.txt: cannot open for reading: Permission denied" <<<"$out" &&
        grep -q "skipped small/locked: cannot read folder" <<<"$out" &&
        grep -q "0 new, 0 updated, 1 unchanged, 0 deleted, 2 skipped (unreadable 2)" <<<"$out" &&
        [[ $(doc_count "$db") == 2 ]]; then ok
    else fail "unreadable file and folder: exit $code: $out"; fi
fi

echo "$passed passed, $failures failed"
[[ $failures -eq 0 ]]
