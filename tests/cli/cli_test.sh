#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The programs as a user runs them: exit codes, messages, JSON, bad files, idempotence.
# Usage: cli_test.sh SEISAKU_INDEX SEISAKU_SEARCH TEST_DATA_DIR SEISAKU_QUALITY
set -u
index=$1 search=$2 data=$3 quality=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0 passed=0

# expect NAME WANT_CODE PATTERN -- COMMAND...: run, check the exit code and that stdout+stderr
# match the extended regex PATTERN ("" for any).
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    local out code
    out=$("$@" 2>&1)
    code=$?
    if [[ $code -ne $want ]]; then
        echo "FAIL $name: exit $code, wanted $want"; echo "$out" | head -20
        failures=$((failures + 1)); return
    fi
    if [[ -n $pattern ]] && ! grep -Eq -- "$pattern" <<<"$out"; then
        echo "FAIL $name: output does not match /$pattern/"; echo "$out" | head -20
        failures=$((failures + 1)); return
    fi
    passed=$((passed + 1))
}

db=$tmp/db
# --- help, version, usage errors (exit 2, never CLI11's 100+) ---
expect "index --help" 0 "Usage: .*seisaku-index" -- "$index" --help
expect "search --help" 0 "Exit status: 0 results, 1 no results" -- "$search" --help
expect "search --version" 0 "^seisaku-search [0-9]+\.[0-9]+\.[0-9]+ \(Xapian 1\.4" -- "$search" --version
expect "index --version" 0 "^seisaku-index [0-9]" -- "$index" --version
expect "unknown option" 2 "Run with --help for more information" -- "$search" --db "$db" --bogus x
expect "limit out of range" 2 "5000" -- "$search" --db "$db" -n 5000 x
expect "bad --lang" 2 "fr" -- "$search" --db "$db" --lang fr x
expect "missing query" 2 "give a query, or --like PATH" -- "$search" --db "$db"
expect "bad --max-size" 2 "not a size" -- "$index" --db "$db" --max-size 12Q "$data/fixtures"

# --- faults with sysexits codes and messages naming what failed ---
expect "search missing db" 66 "cannot open index \"$tmp/none\": no such folder" -- "$search" --db "$tmp/none" policy
expect "search db is a file" 66 "not a folder" -- "$search" --db /etc/passwd policy
expect "index db is a file" 73 "it is a file, not a folder" -- "$index" --db /etc/passwd "$data/fixtures"
expect "index missing corpus" 66 "cannot read \"$tmp/nothing\": no such file or folder" -- "$index" --db "$db" "$tmp/nothing"
expect "bad dictionary" 78 "cannot load MeCab dictionary" -- "$index" --db "$db" --mecab-dicdir "$tmp" "$data/fixtures"

# --- index, search, idempotence ---
expect "index fixtures" 0 "indexed 5 documents \(en 3 / ja 2\): 5 new, 0 updated, 0 unchanged, 0 deleted, 0 skipped, 1 warnings; 5 in the index" -- "$index" --db "$db" "$data/fixtures/en" "$data/fixtures/ja"
expect "re-index fixtures" 0 "indexed 0 documents \(en 0 / ja 0\): 0 new, 0 updated, 5 unchanged, 0 deleted, 0 skipped, 0 warnings; nothing to write; 5 in the index" -- "$index" --db "$db" "$data/fixtures/en" "$data/fixtures/ja"
expect "search hit" 0 "^1\. .*\[(en|ja)\]" -- "$search" --db "$db" DFFT
expect "search ja" 0 "ja/ppc.txt" -- "$search" --db "$db" 個人情報保護委員会
expect "search no hit" 1 "no results" -- "$search" --db "$db" zzyzx
expect "empty query" 2 "query has nothing to search for" -- "$search" --db "$db" ""
expect "long query" 2 "query too long \(100000 bytes, max 1024\)" -- "$search" --db "$db" "$(head -c 100000 /dev/zero | tr '\0' x)"
expect "env SEISAKU_DB" 0 "en/dfft.md" -- env SEISAKU_DB="$db" "$search" DFFT
expect "expansion shown" 0 "also searched for 半導体 as: semiconductor" -- "$search" --db "$db" 半導体 DFFT
expect "expansion label as analyzed" 0 "also searched for DFFT as: " -- "$search" --db "$db" "DFFT?"
expect "json expansion label" 0 '"from": ?"DFFT",' -- "$search" --db "$db" --json "DFFT?"
expect "cross-language" 0 "en/dfft.md" -- "$search" --db "$db" --lang en 信頼性のある自由なデータ流通
expect "--explain" 0 "matched: .*dfft \(stem, expansion, [0-9.]+\)" -- "$search" --db "$db" --lang en --explain 信頼性のある自由なデータ流通
expect "--no-expand" 1 "no results" -- "$search" --db "$db" --lang en --no-expand 信頼性のある自由なデータ流通
printf 'quantum computing\t量子計算\tqc\thpc\n' > "$tmp/glossary.tsv"
expect "--glossary" 0 "also searched for 量子計算 as: quantum computing" -- "$search" --db "$db" --glossary "$tmp/glossary.tsv" 量子計算
expect "--glossary adds to the built-in bank" 0 "en/dfft.md" -- "$search" --db "$db" --lang en --glossary "$tmp/glossary.tsv" 信頼性のある自由なデータ流通
# Without the term bank the words still cross, through the lexicon and the learned table.
expect "--no-builtin-glossary" 0 "also searched for データ as: data.* \((dictionary|learned)\)" -- "$search" --db "$db" --lang en --no-builtin-glossary 信頼性のある自由なデータ流通
expect "--no-builtin-glossary with --glossary" 0 "also searched for 量子計算 as: quantum computing" -- "$search" --db "$db" --no-builtin-glossary --glossary "$tmp/glossary.tsv" 量子計算
printf 'broken line\n' > "$tmp/bad-glossary.tsv"
# seisaku-index --glossary: the index keeps the glossary and its user dictionary; searches
# (and later runs) take them without being told; --overwrite without it goes back.
mkdir -p "$tmp/gdocs/en"
printf '# Network security management\n\nOur plan.\n' > "$tmp/gdocs/en/nsm.md"
printf 'network security management\tネットワークセキュリティマネジメント\tNSM\tmine\n' > "$tmp/nsm.tsv"
expect "index --glossary" 0 "1 new" -- "$index" --db "$tmp/gdb" --glossary "$tmp/nsm.tsv" "$tmp/gdocs/en"
expect "search an index with a glossary" 0 "also searched for ネットワークセキュリティマネジメント as: network security management" -- "$search" --db "$tmp/gdb" ネットワークセキュリティマネジメント
expect "its names have N terms" 0 "matched: network security management \(name, expansion" -- "$search" --db "$tmp/gdb" --explain ネットワークセキュリティマネジメント
expect "re-index keeps the glossary" 0 "1 unchanged" -- "$index" --db "$tmp/gdb" "$tmp/gdocs/en"
expect "index bad --glossary" 2 "bad-glossary.tsv:1: expected english<TAB>japanese" -- "$index" --db "$tmp/gdb" --glossary "$tmp/bad-glossary.tsv" "$tmp/gdocs/en"
expect "re-index --overwrite drops it" 0 "1 updated" -- "$index" --db "$tmp/gdb" --overwrite "$tmp/gdocs/en"
expect "search after --overwrite" 1 "no results" -- "$search" --db "$tmp/gdb" ネットワークセキュリティマネジメント

expect "bad --glossary" 2 "bad-glossary.tsv:1: expected english<TAB>japanese" -- "$search" --db "$db" --glossary "$tmp/bad-glossary.tsv" x
expect "missing --glossary" 2 "cannot read glossary \"$tmp/none.tsv\": no such file" -- "$search" --db "$db" --glossary "$tmp/none.tsv" x
printf 'q1\tcross\t信頼性のある自由なデータ流通\ten/dfft.md=2\n' > "$tmp/judged.tsv"
expect "quality with the term bank" 0 "all +1 +[01][.][0-9]+ +1[.]000" -- "$quality" --db "$db" --no-group --queries "$tmp/judged.tsv"
expect "quality --no-builtin-glossary" 0 "all +1 +[01][.][0-9]+" -- "$quality" --db "$db" --no-group --no-builtin-glossary --queries "$tmp/judged.tsv"
expect "quality --glossary" 0 "all +1 +[01][.][0-9]+ +1[.]000" -- "$quality" --db "$db" --no-group --no-builtin-glossary --glossary "$data/../../corpus/glossary.tsv" --queries "$tmp/judged.tsv"

# --- output for scripts: no ANSI when piped; JSON parses and has the documented fields ---
if "$search" --db "$db" DFFT | grep -q $'\x1b'; then
    echo "FAIL piped output has ANSI escapes"; failures=$((failures + 1))
else passed=$((passed + 1)); fi
if NO_COLOR=1 "$search" --db "$db" --color auto DFFT | grep -q $'\x1b'; then
    echo "FAIL NO_COLOR output has ANSI escapes"; failures=$((failures + 1))
else passed=$((passed + 1)); fi
expect "--color always" 0 $'\x1b\\[1mDFFT' -- "$search" --db "$db" --color always DFFT
json_check='
import json, sys
d = json.load(sys.stdin)
assert set(d) >= {"query", "total", "offset", "results"}, d.keys()
assert d["results"], "no results"
for r in d["results"]:
    assert set(r) >= {"rank", "path", "title", "lang", "date", "date_source", "score", "snippet", "highlights"}, r.keys()
    assert (r["date_source"] == "") == (r["date"] == ""), r
    for b, e in r["highlights"]:
        assert 0 <= b < e <= len(r["snippet"].encode()), (b, e)
    if "passage" in r:
        p = r["passage"]
        assert p["anchor"] == r["path"] + "#p" + str(p["paragraph"]) and p["paragraph"] >= 1, p
print("json ok", len(d["results"]))
'
expect "json parses" 0 "json ok 1" -- bash -c "\"$search\" --db \"$db\" --json DFFT | python3 -c '$json_check'"
expect "translation grouped" 0 "also in ja: ja/dfft.md" -- "$search" --db "$db" DFFT
expect "passage on the path line" 0 "^   en/dfft\.md#p1 · Data Free Flow with Trust \(DFFT\) in brief  score" -- "$search" --db "$db" DFFT
expect "json passage" 0 '"passage": ?\{"paragraph": ?1, ?"headings": ?\["Data Free Flow with Trust \(DFFT\) in brief"\], ?"anchor": ?"en/dfft.md#p1"\}' -- "$search" --db "$db" --json DFFT
expect "--no-group" 0 "json ok 2" -- bash -c "\"$search\" --db \"$db\" --no-group --json DFFT | python3 -c '$json_check'"
expect "json hostile" 0 "json ok 1" -- bash -c "\"$search\" --db \"$db\" --json quantum | python3 -c '$json_check'"
expect "json invalid utf-8 query" 0 "json ok" -- bash -c "\"$search\" --db \"$db\" --json \$'DFFT \xff' | python3 -c '$json_check'"
suggest_check='
import json, sys
d = json.load(sys.stdin)
assert "suggestion" in d, d.keys()
print("suggestion", d["suggestion"])
'
expect "json suggestion null" 0 "^suggestion None$" -- bash -c "\"$search\" --db \"$db\" --json DFFT | python3 -c '$suggest_check'"
expect "json suggestion" 1 "^suggestion borders$" -- bash -c "\"$search\" --db \"$db\" --json bordrs | python3 -c '$suggest_check'; exit \${PIPESTATUS[0]}"
expect "did you mean" 1 "^did you mean: borders\?$" -- "$search" --db "$db" bordrs
expect "--no-suggest" 1 "^no results" -- bash -c "\"$search\" --db \"$db\" --no-suggest bordrs | head -1; exit \${PIPESTATUS[0]}"
expect "closed pipe is quiet" 0 "^1\. " -- bash -c "\"$search\" --db \"$db\" DFFT | head -1"

# --- bad files: repaired or skipped with a message, never a crash (BAD-INPUTS I1-I4) ---
bad=$tmp/bad
mkdir -p "$bad"
: > "$bad/empty.txt"
printf 'invalid \xff\xfe bytes then searchable words\n' > "$bad/invalid.txt"
printf 'before\0after nulword\n' > "$bad/nul.txt"
{ printf '\x7fELF\x02\x01\x01'; head -c 4000 /dev/zero; } > "$bad/binary.txt"
head -c 100000 /dev/urandom > "$bad/random.txt"
printf '<html><title>unterminated <p>body <!-- never closed' > "$bad/broken.html"
printf '%s\n' "$(head -c 30000 /dev/zero | tr '\0' a)" > "$bad/longword.txt"
printf 'x' > "$bad/unsupported.doc"
printf '%%PDF-1.4\nnothing else\n' > "$bad/damaged.pdf"
head -c 200000 /dev/zero | tr '\0' y > "$bad/big.txt"
badb=$tmp/baddb
expect "index bad files" 0 "indexed 5 documents.*, 5 skipped" -- "$index" --db "$badb" --max-size 100K "$bad"
expect "binary skipped" 0 "skipped bad/binary.txt: binary file \(NUL bytes\), not indexed" -- "$index" --db "$badb" --max-size 100K "$bad"
expect "random skipped" 0 "skipped bad/random.txt: binary file" -- "$index" --db "$badb" --max-size 100K "$bad"
expect "damaged pdf skipped" 0 "skipped bad/damaged.pdf: not a PDF, or a damaged one" -- "$index" --db "$badb" --max-size 100K "$bad"
expect "too large skipped" 0 "skipped bad/big.txt: larger than --max-size" -- "$index" --db "$badb" --max-size 100K "$bad"
# (warnings come from reading: --overwrite, as an unchanged file is not read again)
expect "invalid repaired" 0 "warning: bad/invalid.txt: 2 invalid UTF-8 sequences replaced by U\+FFFD" -- "$index" --db "$badb" --overwrite --max-size 100K "$bad"
expect "--strict, a skipped file" 1 "5 skipped" -- "$index" --strict --db "$badb" --max-size 100K "$bad"
expect "--strict, all clean" 0 "indexed 1 documents" -- "$index" --strict --db "$tmp/strictdb" "$data/fixtures/en/dfft.md"
expect "text after NUL" 0 "bad/nul.txt" -- "$search" --db "$badb" nulword
expect "repaired text" 0 "bad/invalid.txt" -- "$search" --db "$badb" searchable
expect "broken html" 0 "bad/broken.html" -- "$search" --db "$badb" body

# --- found in review: each a regression test ---
odd=$tmp/odd
deep=$odd/$(printf 'd%.0s' {1..120})/$(printf 'e%.0s' {1..140})
mkdir -p "$deep"
printf 'Emoji\n\nimportant \xe2\x9a\xa0\xef\xb8\x8f policy\n' > "$odd/emoji.txt"
printf 'Deep\n\ndeepword here\n' > "$deep/deep.txt"
printf 'Odd\n\noddword\n' > "$odd/$(printf 'bad\rname.txt')"
mkdir -p "$tmp/r1/docs" "$tmp/r2/docs"
printf 'A\n\nfirstroot\n' > "$tmp/r1/docs/a.txt"
printf 'B\n\nsecondroot\n' > "$tmp/r2/docs/a.txt"
oddb=$tmp/odddb
expect "emoji indexed" 0 "indexed 3 documents" -- "$index" --db "$oddb" "$odd"
expect "long path found" 0 "deep.txt" -- "$search" --db "$oddb" deepword
expect "control in name blanked" 0 'odd/bad name.txt' -- "$search" --db "$oddb" oddword
expect "variation selector query" 2 "query has nothing to search for" -- "$search" --db "$oddb" $'\xef\xb8\x8f'
expect "same root name twice" 0 "skipped docs/a.txt: same path as a file indexed earlier" -- "$index" --db "$tmp/rootdb" "$tmp/r1/docs" "$tmp/r2/docs"
expect "first root kept" 0 "docs/a.txt" -- "$search" --db "$tmp/rootdb" firstroot
expect "message names program once" 66 "^seisaku-index: cannot read" -- "$index" --db "$db" "$tmp/nothing"
expect "negative max-size" 2 "not a size" -- "$index" --db "$db" --max-size -1 "$data/fixtures"
expect "huge max-size" 2 "17179869184G" -- "$index" --db "$db" --max-size 17179869184G "$data/fixtures"
if [[ -w /dev/full ]]; then
    expect "write error" 74 "cannot write the results" -- bash -c "\"$search\" --db \"$db\" DFFT > /dev/full"
fi

# --- BAD-INPUTS D9, D10, D12, D13, I19: more faults and odd names ---
mkdir -p "$tmp/emptydir"
expect "search empty folder" 66 "no index there \(create it with seisaku-index\)" -- "$search" --db "$tmp/emptydir" DFFT
# D10: a damaged index says so, with how to rebuild it (65), and never crashes; damage that
# reading does not reach (bytes flipped in a block no search reads) may go unseen.
for damage in truncated no-version flipped; do
    copy=$tmp/damaged-$damage
    cp -r "$db" "$copy"
    case $damage in
        truncated) truncate -s $(($(stat -c %s "$copy/postlist.glass") / 2)) "$copy/postlist.glass" ;;
        no-version) rm "$copy/iamglass" ;;
        flipped)
            size=$(stat -c %s "$copy/termlist.glass")
            printf '\xa5%.0s' {1..16} | dd of="$copy/termlist.glass" bs=1 seek=$((size / 2)) conv=notrunc status=none ;;
    esac
    if [[ $damage != flipped ]]; then
        expect "search $damage index" 65 "the index is damaged \(.*\); rebuild it with seisaku-index --overwrite" -- "$search" --db "$copy" DFFT
        expect "index $damage index" 65 "the index is damaged" -- "$index" --db "$copy" "$data/fixtures/en"
        expect "rebuild $damage index" 0 "indexed 3 documents" -- "$index" --overwrite --db "$copy" "$data/fixtures/en"
    fi
    for program in search index; do
        if [[ $program == search ]]; then out=$("$search" --db "$copy" DFFT 2>&1); code=$?
        else out=$("$index" --db "$copy" "$data/fixtures/en" 2>&1); code=$?; fi
        if ((code < 128)) && ! grep -q "terminate called" <<<"$out"; then passed=$((passed + 1))
        else echo "FAIL $program of a $damage index: exit $code: $out"; failures=$((failures + 1)); fi
    done
done
# D12: a locale that is not installed changes nothing.
expect "unknown locale search" 0 "^1\. " -- env LANG=xx_YY.UTF-8 LC_ALL=xx_YY.UTF-8 "$search" --db "$db" DFFT
expect "unknown locale index" 0 "nothing to write" -- env LANG=xx_YY.UTF-8 LC_ALL=xx_YY.UTF-8 "$index" --db "$db" "$data/fixtures/en" "$data/fixtures/ja"
# D13: the reader of the output goes away: killed by SIGPIPE (141) as coreutils are, or, with
# SIGPIPE ignored, the same status and no message.
for ignore in "" "trap '' PIPE;"; do
    expect "closed pipe, ${ignore:-default}" 0 "^status 141 stderr 0$" -- bash -c "$ignore \"$search\" --db \"$db\" -n 100 --json DFFT 2>\"$tmp/pipe.err\" | true; echo status \${PIPESTATUS[0]} stderr \$(wc -c < \"$tmp/pipe.err\")"
done
# I19: file names with a space, a leading dash, a newline and a byte that is not UTF-8.
names=$tmp/names
mkdir -p "$names"
printf 'Space\n\nspaceword\n' > "$names/with space.txt"
printf 'Dash\n\ndashword\n' > "$names/-dash.txt"
printf 'Newline\n\nnewlineword\n' > "$names/$(printf 'new\nline.txt')"
printf 'Latin1\n\nlatinword\n' > "$names/$(printf 'caf\xe9.txt')"
expect "odd names indexed" 0 "indexed 4 documents" -- "$index" --db "$tmp/namesdb" "$names"
expect "name with a space" 0 "names/with space.txt" -- "$search" --db "$tmp/namesdb" spaceword
expect "name with a dash" 0 "names/-dash.txt" -- "$search" --db "$tmp/namesdb" dashword
expect "name with a newline" 0 "names/new line.txt" -- "$search" --db "$tmp/namesdb" newlineword
expect "name not UTF-8" 0 "names/caf\xEF\xBF\xBD.txt|names/caf.\.txt" -- "$search" --db "$tmp/namesdb" latinword
expect "name not UTF-8, json" 0 "json ok 1" -- bash -c "\"$search\" --db \"$tmp/namesdb\" --json latinword | python3 -c '$json_check'"

# Issue 14: real documents. A folder with a metadata file (two bad rows) and a translation
# pair by file names: per-line warnings, the rest indexed, the pair reported.
real=$tmp/real
mkdir -p "$real"
printf 'Act on Data (Act No. 57 of May 30, 2003)\n\n(Purpose)\nArticle 27 (1) A business keeps records for 92 days under Article 68.\n\n(Records)\nArticle 28 (1) Records are kept for 95 days under Article 69.\n' > "$real/en-data-act.txt"
printf 'データに関する法律（平成十五年五月三十日法律第五十七号）\n\n（目的）\n第二十七条　事業者は、第六十八条により九十二日間記録を保存する。\n\n（記録）\n第二十八条　記録は、第六十九条により九十五日間保存する。\n' > "$real/ja-data-act.txt"
printf 'Notes\n\nSome notes.\n' > "$real/notes.txt"
printf 'file\ttitle\tdate\nnotes.txt\tMeeting notes\t2024-04-30\nmissing.txt\tX\t\n../x.txt\tY\t\n' > "$real/metadata.tsv"
expect "metadata: an unknown file named" 0 "real/metadata.tsv:3: no document \"missing.txt\"" -- "$index" --db "$tmp/realdb" "$real"
expect "metadata: a file outside named" 0 "real/metadata.tsv:4: \"\.\./x\.txt\" is outside the metadata file's folder; row ignored" -- "$index" --db "$tmp/realdb" "$real"
expect "pairs in the summary" 0 "1 translation pairs found" -- "$index" --overwrite --db "$tmp/realdb" "$real"
expect "--strict with bad metadata rows" 1 "" -- "$index" --strict --overwrite --db "$tmp/realdb2" "$real"
expect "json pair event" 0 '"event":"paired","path":"real/en-data-act.txt","other":"real/ja-data-act.txt"' -- "$index" --json --overwrite --db "$tmp/realdb" "$real"
expect "json summary pairs" 0 '"pairs":1,"pairs_new":1' -- "$index" --json --overwrite --db "$tmp/realdb" "$real"
expect "title from the metadata file" 0 "Meeting notes  \[en\] 2024-04-30" -- "$search" --db "$tmp/realdb" notes
expect "law title and date" 0 "Act on Data – Articles 27–28  \[en\] 2003-05-30" -- "$search" --db "$tmp/realdb" --no-group records
expect "date source explained" 0 "date 2003-05-30 from its law number" -- "$search" --db "$tmp/realdb" --explain --no-group records
expect "json date source" 0 '"date":"2003-05-30","date_source":"enactment"' -- "$search" --db "$tmp/realdb" --json --no-group records
expect "kanji era year filter" 0 "データに関する法律 第二十七条～第二十八条" -- "$search" --db "$tmp/realdb" --no-group 'year:平成十五年 記録'
expect "article passage cited" 0 "第二十八条（記録）" -- "$search" --db "$tmp/realdb" --no-group 九十五日間

echo "$passed passed, $failures failed"
[[ $failures -eq 0 ]]
