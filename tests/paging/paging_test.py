#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""One list, one count: for 20 queries over corpus/ and over ../shared/corpus-real (that half
skipped when the folder is absent), page through every result with --offset/--limit (CLI
JSON) and check that the entries listed add up to the total, that the total is exact and
says so, that "more" is true on every page but the last, that an offset past the end lists
nothing with the same total, and that the CGI page offers Next on every page but the last.
Usage: paging_test.py --index SEISAKU_INDEX --search SEISAKU_SEARCH --cgi SEISAKU_CGI
                      --db CORPUS_INDEX [--real CORPUS_REAL_FOLDER]
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

QUERIES = [
    "DFFT", "data governance", "AI", "semiconductor", "personal information",
    "cybersecurity labeling program IoT", "data", "cooperation", "Japan EU", "G7",
    "個人情報", "半導体", "データ", "広島AIプロセス", "人工知能", "サイバーセキュリティ",
    "submarine cables", "privacy 個人情報保護", "the", "digital",
]
LIMIT = 7  # not a divisor of the usual counts: pages end inside pairs


def search(args, db, query, offset, limit=LIMIT):
    out = subprocess.run([args.search, "--db", db, "--json", "--no-suggest", "--limit", str(limit),
                          "--offset", str(offset), "--", query],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{query!r} at {offset}: exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def cgi_page(args, db, query, page):
    qs = urllib.parse.urlencode({"q": query, "page": page, "n": LIMIT, "hl": "en"})
    env = {"REQUEST_METHOD": "GET", "QUERY_STRING": qs, "SCRIPT_NAME": "/search",
           "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8080", "SEISAKU_DB": db}
    out = subprocess.run([args.cgi], env=env, capture_output=True, text=True, check=False)
    if "Status: 200" not in out.stdout:
        raise RuntimeError(f"CGI {query!r} page {page}: {out.stdout[:300]}")
    return 'rel="next"' in out.stdout


def check_query(args, db, query):
    """The problems with one query's paging, as messages."""
    first = search(args, db, query, 0)
    total, problems, listed, offset = first["total"], [], 0, 0
    if not first["exact"]:
        return [f"{query!r}: the count of {total} is an estimate on a small index"]
    while True:
        page = search(args, db, query, offset)
        if page["total"] != total:
            problems.append(f"{query!r}: total {page['total']} at offset {offset}, {total} first")
        listed += len(page["results"])
        if not page["results"]:
            break
        if page["more"] != (offset + LIMIT < total):
            problems.append(f"{query!r}: more is {page['more']} at offset {offset} of {total}")
        offset += LIMIT
    if listed != total:
        problems.append(f"{query!r}: {listed} entries listed, total says {total}")
    past = search(args, db, query, total + 3 * LIMIT)
    if past["results"] or past["total"] != total:
        problems.append(f"{query!r}: past the end: {len(past['results'])} listed, total "
                        f"{past['total']}")
    last = max(1, math.ceil(total / LIMIT))
    if cgi_page(args, db, query, last) or cgi_page(args, db, query, last + 1):
        problems.append(f"{query!r}: the CGI page {last} of {total} results offers Next")
    if last > 1 and not cgi_page(args, db, query, last - 1):
        problems.append(f"{query!r}: the CGI page {last - 1} of {last} offers no Next")
    return problems


def check_index(args, db, name):
    problems = []
    for q in QUERIES:
        problems += check_query(args, db, q)
    print(f"{name}: {len(QUERIES)} queries paged, {len(problems)} problems")
    return problems


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--index", "--search", "--cgi", "--db"):
        ap.add_argument(opt, required=True)
    ap.add_argument("--real", default="")
    args = ap.parse_args()
    problems = check_index(args, args.db, "corpus/")
    if args.real and os.path.isdir(args.real):
        tmp = tempfile.mkdtemp(prefix="seisaku-paging-")
        try:
            subprocess.run([args.index, "--quiet", "--db", os.path.join(tmp, "real"), args.real],
                           check=True, stdout=subprocess.DEVNULL)
            problems += check_index(args, os.path.join(tmp, "real"), "corpus-real")
        finally:
            shutil.rmtree(tmp)
    else:
        print(f"corpus-real: {args.real or 'not given'} is absent; that half is skipped")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
