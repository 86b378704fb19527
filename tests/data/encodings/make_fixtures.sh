#!/bin/bash
# SPDX-License-Identifier: MIT
# Writes the encoding fixtures of cases.tsv from policy.txt and policy-cp932.txt (UTF-8, our
# own sentences) with iconv. Run from this folder; the outputs are committed.
set -euo pipefail
to() { iconv -f UTF-8 -t "$1"; }
{ printf '\xEF\xBB\xBF'; cat policy.txt; } > utf8-bom.txt
{ printf '\xFF\xFE'; to UTF-16LE < policy.txt; } > utf16le.txt
{ printf '\xFE\xFF'; to UTF-16BE < policy.txt; } > utf16be.txt
to CP932 < policy-cp932.txt > shift_jis.txt
to EUC-JP < policy.txt > euc-jp.txt
to ISO-2022-JP < policy.txt > iso-2022-jp.txt
html() {  # $1: the meta element
    printf '<!DOCTYPE html>\n<html lang="ja"><head>%s<title>重点計画</title></head>\n<body>' "$1"
    sed 's|.*|<p>&</p>|' "$2"
    printf '</body></html>\n'
}
html '<meta charset="Shift_JIS">' policy-cp932.txt | to CP932 > meta-shift_jis.html
html '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=euc-jp">' policy.txt |
    to EUC-JP > meta-euc-jp.html
html '<meta charset="Shift_JIS">' policy-cp932.txt > meta-lies.html  # valid UTF-8 (I15)
{ head -n 2 policy.txt; tail -n 1 policy-cp932.txt | to CP932; } > mixed.txt  # I13
