#!/usr/bin/env bash
# seisaku.cgi as a web server runs it (RFC 3875 environment): the time alarm (Q23), a POST
# whose body is never read (Q18), HEAD (Q19), the database never taken from the query string
# (Q14), a missing configuration (no internals shown).
# Usage: cgi_test.sh SEISAKU_CGI INDEX
set -uo pipefail
cgi=$1
db=$2
fails=0
pass=0
expect() {  # name, pattern (grep -E) the output must match; the command follows --
    local name=$1 pattern=$2
    shift 3
    local out
    out=$("$@" 2>&1)
    if grep -Eq -- "$pattern" <<<"$out"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name: output does not match /$pattern/"
        head -c 600 <<<"$out"
        echo
        fails=$((fails + 1))
    fi
}
run() {  # METHOD QUERY_STRING [extra env...]
    local method=$1 qs=$2
    shift 2
    env -i REQUEST_METHOD="$method" QUERY_STRING="$qs" SCRIPT_NAME=/search SERVER_NAME=127.0.0.1 \
        SERVER_PORT=8080 SEISAKU_DB="$db" "$@" "$cgi"
}

expect "search answers 200" '^Status: 200 OK' -- run GET 'q=DFFT'
expect "timeout gives 503" '^Status: 503 Service Unavailable' -- run GET 'q=DFFT' SEISAKU_CGI_TIMEOUT_MS=1
expect "timeout keeps the headers" "Content-Security-Policy: default-src 'none'" -- \
    run GET 'q=DFFT' SEISAKU_CGI_TIMEOUT_MS=1
# A POST with a huge announced body: refused at once, stdin never read (the pipe never ends).
started=$(date +%s%N)
post=$(env -i REQUEST_METHOD=POST CONTENT_LENGTH=1000000000000 QUERY_STRING=q=x SEISAKU_DB="$db" \
    "$cgi" < <(sleep 20))
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
expect "POST is 405" '^Status: 405 Method Not Allowed' -- echo "$post"
if [[ $elapsed_ms -lt 10000 ]]; then pass=$((pass + 1)); else
    echo "FAIL POST waited for stdin (${elapsed_ms} ms)"
    fails=$((fails + 1))
fi
expect "HEAD has the length of GET" '^Content-Length: [0-9]{4,}' -- run HEAD 'q=DFFT'
head_body=$(run HEAD 'q=DFFT' | sed '1,/^\r$/d')
if [[ -z $head_body ]]; then pass=$((pass + 1)); else
    echo "FAIL HEAD sent a body"
    fails=$((fails + 1))
fi
same_a=$(run GET 'q=DFFT' | md5sum)
same_b=$(run GET 'q=DFFT&db=../../etc&db=%2e%2e%2f&db=/abs' | md5sum)
if [[ $same_a == "$same_b" ]]; then pass=$((pass + 1)); else
    echo "FAIL db= in the query string changed the answer"
    fails=$((fails + 1))
fi
expect "no configuration is 500" '^Status: 500' -- env -i REQUEST_METHOD=GET QUERY_STRING=q=x "$cgi"
noconf=$(env -i REQUEST_METHOD=GET QUERY_STRING=q=x SEISAKU_DB=/nonexistent/secret "$cgi")
if ! grep -q "nonexistent" <<<"$noconf"; then pass=$((pass + 1)); else
    echo "FAIL a path was shown"
    fails=$((fails + 1))
fi
expect "config file" '^Status: 200' -- bash -c \
    "printf 'db = %s\n' '$db' > /tmp/seisaku-cgi-test.conf; env -i REQUEST_METHOD=GET QUERY_STRING=q=DFFT SEISAKU_CONFIG=/tmp/seisaku-cgi-test.conf '$cgi'; rm -f /tmp/seisaku-cgi-test.conf"
# The site's glossary (SEISAKU_GLOSSARY or the config file's glossary lines) is added to the
# built-in term bank; builtin_glossary = no leaves that out; a broken one is a 500 page that
# shows no path, and the server's log (stderr) says which file and line.
gloss=$(mktemp -d)
printf 'quantum computing\t量子計算\tqc\thpc\n' > "$gloss/mine.tsv"
printf 'broken line\n' > "$gloss/bad.tsv"
printf 'chip\t半導体チップ\t\tmine\n' > "$gloss/other.tsv"
q_ja='q=%E9%87%8F%E5%AD%90%E8%A8%88%E7%AE%97&format=json'
expect "SEISAKU_GLOSSARY adds" '"from":"量子計算","to":\["quantum computing"' -- \
    run GET "$q_ja" SEISAKU_GLOSSARY="$gloss/other.tsv:$gloss/mine.tsv"
expect "SEISAKU_GLOSSARY keeps the built-in bank" '"from":"DFFT","to":\["Data Free Flow' -- \
    run GET 'q=DFFT&format=json' SEISAKU_GLOSSARY="$gloss/mine.tsv"
printf 'glossary = %s\nbuiltin_glossary = no\n' "$gloss/mine.tsv" > "$gloss/site.conf"
expect "config glossary" '"from":"量子計算","to":\["quantum computing"' -- \
    run GET "$q_ja" SEISAKU_CONFIG="$gloss/site.conf"
expect "config builtin_glossary = no" '"expansions":\[\]' -- \
    run GET 'q=DFFT&format=json' SEISAKU_CONFIG="$gloss/site.conf"
expect "broken glossary is 500" '^Status: 500' -- run GET 'q=DFFT' SEISAKU_GLOSSARY="$gloss/bad.tsv"
expect "broken glossary in the log" "glossary in the configuration: $gloss/bad.tsv:1: expected" -- \
    bash -c "env -i REQUEST_METHOD=GET QUERY_STRING=q=DFFT SEISAKU_DB='$db' SEISAKU_GLOSSARY='$gloss/bad.tsv' '$cgi' 2>&1 >/dev/null"
if ! run GET 'q=DFFT' SEISAKU_GLOSSARY="$gloss/bad.tsv" 2>/dev/null | grep -q "bad.tsv"; then
    pass=$((pass + 1))
else
    echo "FAIL the page showed the glossary's path"
    fails=$((fails + 1))
fi
rm -rf "$gloss"
echo "$pass passed, $fails failed"
[[ $fails -eq 0 ]]
