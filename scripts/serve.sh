#!/usr/bin/env bash
# Serves the search page on this machine: builds seisaku (release preset) when needed, indexes
# the corpus into _index when the index is missing or older than the corpus, installs lighttpd
# when it is missing, writes a lighttpd configuration into a work folder and runs lighttpd on
# 127.0.0.1 with
#   /search    seisaku.cgi (mod_cgi; SEISAKU_DB points at the index)
#   /docs/D/   the indexed folder D, read-only, so that result links open through this server
#   /static/   cgi/static/ (the page's style sheet)
# Ctrl-C stops it. docs/cgi.md explains the configuration.
#
# Usage: scripts/serve.sh [options] [FOLDER...]      (default folders: corpus/en corpus/ja)
#   -p, --port N      port on 127.0.0.1 (default 8080; 0 picks a free one)
#   --background      start, write the pid file, print the URL and return
#   --stop            stop the server started with --background (same --workdir)
#   --db DIR          index to build and serve (default _index)
#   --workdir DIR     where the configuration, pid file and logs go (default build/serve)
#   --cgi PROGRAM     run another CGI program at /search (default build/release/cgi/seisaku.cgi)
#   --no-build        do not build or re-index; serve what is there
#   -h, --help
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=8080
mode=foreground
db=_index
workdir=build/serve
cgi=build/release/cgi/seisaku.cgi
build=yes
folders=()

usage() { sed -n '11,21s/^# \{0,1\}//p' "$0"; }
die() {
    echo "serve: $*" >&2
    exit 2
}
while [[ $# -gt 0 ]]; do
    case $1 in
    -p | --port)
        [[ $# -ge 2 ]] || die "$1 needs a value"
        port=$2
        shift 2
        ;;
    --port=*) port=${1#--port=} && shift ;;
    --background) mode=background && shift ;;
    --stop) mode=stop && shift ;;
    --db)
        [[ $# -ge 2 ]] || die "$1 needs a value"
        db=$2
        shift 2
        ;;
    --workdir)
        [[ $# -ge 2 ]] || die "$1 needs a value"
        workdir=$2
        shift 2
        ;;
    --cgi)
        [[ $# -ge 2 ]] || die "$1 needs a value"
        cgi=$2
        shift 2
        ;;
    --no-build) build=no && shift ;;
    -h | --help) usage && exit 0 ;;
    --) shift && folders+=("$@") && break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) folders+=("$1") && shift ;;
    esac
done
[[ $port =~ ^[0-9]{1,5}$ && $port -le 65535 ]] || die "--port wants a number from 0 to 65535, not '$port'"
[[ ${#folders[@]} -gt 0 ]] || folders=(corpus/en corpus/ja)
mkdir -p "$workdir"
workdir=$(realpath "$workdir")
pidfile=$workdir/lighttpd.pid
conf=$workdir/lighttpd.conf

# The pid in the pid file, if that process is a lighttpd running our configuration.
running_pid() {
    local pid
    [[ -s $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF "$conf" || return 1
    echo "$pid"
}

stop_server() {  # pid of a daemon started by --background (not a child of this shell)
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        running_pid >/dev/null || break  # gone, or a zombie (empty cmdline)
        sleep 0.1
    done
    if running_pid >/dev/null; then
        echo "serve: lighttpd (pid $pid) did not stop after 5 s; sending KILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

if [[ $mode == stop ]]; then
    if pid=$(running_pid); then
        stop_server "$pid"
        echo "serve: stopped lighttpd (pid $pid)"
    else
        rm -f "$pidfile"
        echo "serve: no server of $conf is running"
    fi
    exit 0
fi

if pid=$(running_pid); then
    die "a server is already running (pid $pid, $conf); stop it with scripts/serve.sh --stop"
fi

# 1. Build, when the build tree is missing or out of date (make decides).
if [[ $build == yes ]]; then
    if [[ ! -f build/release/CMakeCache.txt ]]; then
        bash scripts/install-deps.sh
        cmake --preset release >/dev/null
    fi
    echo "serve: building (release preset)"
    cmake --build --preset release -j"$(nproc)" >"$workdir/build.log" 2>&1 ||
        { tail -n 30 "$workdir/build.log" >&2; die "the build failed (whole log: $workdir/build.log)"; }
fi
[[ -x $cgi && -f $cgi ]] || die "no CGI program at $cgi (build the cgi target, or pass --cgi PROGRAM)"
cgi=$(realpath "$cgi")

# 2. Index, when the index is missing, older than any file or folder of the corpus, or was
#    built by another schema or analyzer (the searcher refuses it with exit 65).
indexer=build/release/indexer/seisaku-index
searcher=build/release/searcher/seisaku-search
declare -A seen=()
for f in "${folders[@]}"; do
    [[ -d $f ]] || die "$f is not a folder"
    name=$(basename "$(realpath "$f")")
    [[ -z ${seen[$name]:-} ]] || die "two folders are named $name; /docs/$name/ would be ambiguous"
    seen[$name]=1
done
if [[ $build == yes ]]; then
    reason=
    if [[ ! -f $db/iamglass ]]; then
        reason="no index at $db"
    elif [[ -n $(find "${folders[@]/#-/./-}" -newer "$db/iamglass" -print -quit) ]]; then
        reason="the corpus changed since $db was written"
    else
        rc=0
        "$searcher" --db "$db" -n 1 --color never DFFT >/dev/null 2>&1 || rc=$?
        [[ $rc -ne 65 ]] || reason="$db was built by another version of seisaku"
    fi
    if [[ -n $reason ]]; then
        echo "serve: indexing ${folders[*]} into $db ($reason)"
        overwrite=()
        [[ ! -e $db || $reason != *"another version"* ]] || overwrite=(--overwrite)
        "$indexer" --quiet --db "$db" "${overwrite[@]}" "${folders[@]}"
    fi
fi
[[ -d $db ]] || die "no index at $db (run without --no-build to make one)"
db=$(realpath "$db")

# 3. lighttpd, from Debian, when missing. The package also installs a system service on port
#    80; when this machine has no policy-rc.d, one is put in place for the install so that
#    service is not started (it stays installed and enabled for the next boot).
if ! command -v lighttpd >/dev/null && [[ ! -x /usr/sbin/lighttpd ]]; then
    [[ $EUID -eq 0 ]] || die "lighttpd is not installed; run as root, or: sudo apt-get install lighttpd"
    echo "serve: installing lighttpd (apt)"
    policy=/usr/sbin/policy-rc.d
    made_policy=no
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\n# written by seisaku scripts/serve.sh during apt-get install lighttpd\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        made_policy=yes
    fi
    export DEBIAN_FRONTEND=noninteractive
    rc=0
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends lighttpd >/dev/null; } || rc=$?
    [[ $made_policy == no ]] || rm -f "$policy"
    [[ $rc -eq 0 ]] || die "apt-get install lighttpd failed"
    echo "serve: note: the lighttpd package added a system service (port 80) that this script does not use;"
    echo "       'systemctl disable lighttpd' keeps it from starting at boot"
fi
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)

# 4. A free port.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ $port -eq 0 ]]; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
elif port_in_use "$port"; then
    die "port $port on 127.0.0.1 is in use; pick another with --port N (0 picks a free one)"
fi

lq() {  # a value as a lighttpd string literal
    local s=${1//\\/\\\\}
    printf '"%s"' "${s//\"/\\\"}"
}

# 5. The configuration. As root, lighttpd drops to www-data after binding, when www-data can
#    read the index, the corpus and the CGI; otherwise it keeps running as the caller.
logs=$workdir/logs
mkdir -p "$logs"
user_lines=
if [[ $EUID -eq 0 ]] && id www-data >/dev/null 2>&1; then
    readable=yes
    for p in "$db" "$cgi" "${folders[@]}" "$root/build/release"; do
        runuser -u www-data -- test -r "$(realpath "$p")" || readable=no
    done
    runuser -u www-data -- test -x "$cgi" || readable=no
    if [[ $readable == yes ]]; then
        user_lines=$'server.username  = "www-data"\nserver.groupname = "www-data"'
        chown www-data:www-data "$logs"  # lighttpd opens its logs after dropping to www-data
    else
        echo "serve: warning: www-data cannot read the index, corpus or CGI; lighttpd runs as root" >&2
    fi
fi
mkdir -p "$workdir/root"
static=$root/cgi/static
if [[ ! -d $static ]]; then
    static=$workdir/static  # an empty folder until cgi/static/ exists
    mkdir -p "$static"
fi
errorlog_line=
[[ $mode == foreground ]] || errorlog_line="server.errorlog = $(lq "$logs/error.log")"

{
    cat <<EOF
# Written by scripts/serve.sh; rewritten on every start. docs/cgi.md explains each part.
server.modules = ("mod_access", "mod_alias", "mod_redirect", "mod_setenv", "mod_cgi", "mod_accesslog")
server.bind          = "127.0.0.1"
server.port          = $port
server.document-root = $(lq "$workdir/root")
server.pid-file      = $(lq "$pidfile")
server.tag           = "lighttpd"
server.follow-symlink = "disable"
$user_lines
$errorlog_line
accesslog.filename   = $(lq "$logs/access.log")
url.access-deny      = ("~", ".inc")
\$HTTP["url"] =~ "/\\." { url.access-deny = ("") }

mimetype.assign = (
    ".md"       => "text/plain; charset=utf-8",
    ".markdown" => "text/plain; charset=utf-8",
    ".txt"      => "text/plain; charset=utf-8",
    ".tsv"      => "text/plain; charset=utf-8",
    ".html"     => "text/html; charset=utf-8",
    ".htm"      => "text/html; charset=utf-8",
    ".css"      => "text/css; charset=utf-8",
    ".js"       => "text/javascript; charset=utf-8",
    ".json"     => "application/json; charset=utf-8",
    ".xml"      => "application/xml; charset=utf-8",
    ".svg"      => "image/svg+xml",
    ".png"      => "image/png",
    ".ico"      => "image/vnd.microsoft.icon",
    ".pdf"      => "application/pdf",
    ""          => "application/octet-stream",
)

url.redirect = ("^/$" => "/search")

# The search program. Its environment holds only what lighttpd sets for CGI plus these.
alias.url = ("/search" => $(lq "$cgi"))
\$HTTP["url"] =~ "^/search(/|\$)" {
    cgi.assign = ("" => "")
    setenv.add-environment = (
        "SEISAKU_DB" => $(lq "$db"),
        "SEISAKU_DOCS_URL" => "/docs/",
        "SEISAKU_STATIC_URL" => "/static/",
    )
}

# The indexed folders and the style sheet: files only, GET and HEAD only.
\$HTTP["url"] =~ "^/(docs|static)/" {
    \$HTTP["request-method"] !~ "^(GET|HEAD)\$" { url.access-deny = ("") }
    setenv.add-response-header = (
        "X-Content-Type-Options" => "nosniff",
        "Referrer-Policy" => "no-referrer",
        "Content-Security-Policy" => "sandbox; default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'",
    )
}
alias.url += ("/static/" => $(lq "$static/"))
EOF
    for f in "${folders[@]}"; do
        d=$(realpath "$f")
        echo "alias.url += ($(lq "/docs/$(basename "$d")/") => $(lq "$d/"))"
    done
} >"$conf"
"$lighttpd" -tt -f "$conf" >/dev/null || die "lighttpd refused $conf"

url="http://127.0.0.1:$port/search"
if [[ $mode == background ]]; then
    rm -f "$pidfile"
    "$lighttpd" -f "$conf" || die "lighttpd did not start (see $logs/error.log)"
    for ((i = 0; i < 50; i++)); do
        port_in_use "$port" && [[ -s $pidfile ]] && break
        sleep 0.1
    done
    pid=$(running_pid) || die "lighttpd did not start (see $logs/error.log)"
    stop_cmd="scripts/serve.sh --stop"
    [[ $workdir == "$root/build/serve" ]] || stop_cmd+=" --workdir $workdir"
    echo "serve: $url (lighttpd pid $pid, logs in $logs; stop with $stop_cmd)"
    exit 0
fi

"$lighttpd" -D -f "$conf" &
child=$!
stopping=no
on_signal() {
    stopping=yes
    kill -TERM "$child" 2>/dev/null || true
}
trap on_signal INT TERM
trap 'kill -TERM "$child" 2>/dev/null || true; rm -f "$pidfile"' EXIT
echo "serve: $url  (documents under /docs/, access log $logs/access.log; Ctrl-C stops)"
rc=0
wait "$child" || rc=$?
if [[ $stopping == yes ]]; then
    wait "$child" 2>/dev/null || true  # the first wait returned because of the signal
    echo "serve: stopped"
    exit 0
fi
exit "$rc"
