#!/usr/bin/env bash
# scripts/serve.sh end to end: start it in the background on a free port with the given CGI
# program and index, check /search, /docs/ and /static/ as a browser would, stop it.
# Usage: serve_test.sh CGI DB   (needs lighttpd and curl; the test is skipped without them)
set -euo pipefail
cgi=$1
db=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
serve=$root/scripts/serve.sh
work=$(mktemp -d)
chmod 755 "$work"  # lighttpd started as root reads as www-data
finish() {
    bash "$serve" --workdir "$work/serve" --stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap finish EXIT

out=$(bash "$serve" --no-build --background --port 0 --workdir "$work/serve" --db "$db" --cgi "$cgi")
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' <<<"$out" | head -1)
[[ -n $url ]] || { echo "FAIL: serve.sh printed no URL: $out"; exit 1; }

failures=0
expect() {  # "STATUS CONTENT-TYPE" (or "STATUS"), then curl arguments
    local want=$1 format='%{http_code} %{content_type}' got
    shift
    [[ $want == *' '* ]] || format='%{http_code}'
    got=$(curl -s -o /dev/null -w "$format" "$@") || true
    if [[ $got == "$want" ]]; then
        echo "ok    $want  $*"
    else
        echo "FAIL  $*: got '$got', want '$want'"
        failures=$((failures + 1))
    fi
}
html='text/html; charset=utf-8'
text='text/plain; charset=utf-8'
expect "200 $html" "$url/search?q=DFFT"
expect "200 $html" "$url/search?q=%E6%B5%B7%E5%BA%95%E3%82%B1%E3%83%BC%E3%83%96%E3%83%AB"
expect "200 $html" "$url/search?q=DFFT&db=/nonexistent"  # the index is never taken from the URL
expect "405" -X POST -d q=DFFT "$url/search"
expect "301" "$url/"
expect "200 $text" "$url/docs/en/b-dfft-explainer.md"
expect "200 $text" "$url/docs/en/a-dpc-2023-tokyo.txt"
expect "200 $html" "$url/docs/en/a-dpc-timeline.html"
expect "200 text/css; charset=utf-8" "$url/static/seisaku.css"
expect "403" "$url/docs/en/"              # no listing
expect "404" "$url/docs/glossary.tsv"     # only the indexed folders are published
expect "403" "$url/docs/en/.hidden"
expect "403" -X PUT -d x "$url/docs/en/b-dfft-explainer.md"
expect "404" --path-as-is "$url/docs/en/../../scripts/serve.sh"
headers=$(curl -s -I "$url/docs/en/a-dpc-timeline.html")
for h in 'X-Content-Type-Options: nosniff' 'Content-Security-Policy: sandbox'; do
    if grep -qi "^$h" <<<"$headers"; then
        echo "ok    /docs/ sends $h"
    else
        echo "FAIL  /docs/ does not send $h"
        failures=$((failures + 1))
    fi
done

# Every document a results page links to opens through the same server.
links=$(curl -s "$url/search?q=DFFT&n=20" | grep -o 'href="/docs/[^"#]*' | cut -c7- | sort -u) || true
if [[ -z $links ]]; then
    echo "FAIL  the results page for DFFT links to no document under /docs/"
    failures=$((failures + 1))
fi
for l in $links; do
    expect "200" "$url$l"
done

bash "$serve" --workdir "$work/serve" --stop >/dev/null
if curl -s -o /dev/null "$url/"; then
    echo "FAIL  the server still answers after --stop"
    failures=$((failures + 1))
else
    echo "ok    --stop stopped the server"
fi
[[ $failures -eq 0 ]] || { echo "$failures failures"; exit 1; }
