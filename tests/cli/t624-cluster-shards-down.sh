#!/bin/sh
# t624-cluster-shards-down.sh - A cluster front whose shards are down
# answers every request alike: 503 shards_down, the message naming the
# shard that is down and why, whichever worker takes the request (one
# whose handle saw the shards up, or one opening the cluster afresh).
# Up or down, its answers say Cache-Control: no-store and carry no ETag.
# The server's log says when a shard goes down (and why) and when it is
# back, once each, however many workers see it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$SAMPLES"
done
port0=$(free_port)
start_shard "$port0" "$TMP/s0"
pid0=$shard_pid
port1=$(free_port)
start_shard "$port1" "$TMP/s1"
pid1=$shard_pid
cat >"$TMP/cluster" <<EOF2
connect-timeout 1
timeout 2
refresh 0.5
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
EOF2
sed 's/^refresh .*/partial no/' "$TMP/cluster" >"$TMP/strict"

# answers N PATH: N requests of PATH, one answer a line in $TMP/answers:
# the status, the error code and the message.
answers() {
    : >"$TMP/answers"
    n=0
    while [ $n -lt "$1" ]; do
        get one "$2"
        python3 -c 'import json, sys
e = json.load(open(sys.argv[1])).get("error", {})
print(sys.argv[2], e.get("code", "-"), e.get("message", "-"))' \
            "$TMP/one" "$code" >>"$TMP/answers"
        n=$((n + 1))
    done
}
# all_answers EXPR: every line of $TMP/answers, as (status, code, message),
# makes the Python EXPR true.
all_answers() {
    python3 -c 'import sys
rows = [l.rstrip("\n").split(" ", 2) for l in open(sys.argv[1])]
bad = [r for r in rows if not eval(sys.argv[2], {}, {"s": r[0], "c": r[1], "m": r[2]})]
for r in bad[:3]:
    print("   ", " ".join(r))
sys.exit(1 if bad or not rows else 0)' "$TMP/answers" "$1"
}

# --- "partial no", one shard down ------------------------------------------
# Four workers; the first requests open a handle in some of them while both
# shards are up, the others open the cluster after shard 1 is gone.
start_server --db "$TMP/strict" --threads 4
check "partial no: nsearchd starts" is "$?" 0
answers 2 "/v1/search?q=Azure&limit=0"
check "partial no, all up: 200" all_answers 's == "200"'
stop_shard "$pid1"
answers 12 "/v1/search?q=Azure&limit=0"
check "partial no, shard 1 down: every search 503" all_answers 's == "503"'
check "partial no, shard 1 down: every search shards_down" \
    all_answers 'c == "shards_down"'
check "partial no, shard 1 down: every message names shard 1 and why" \
    all_answers '"shard 1 is down (" in m and ")" in m'
sleep 1
answers 6 "/v1/search?q=Azure&limit=0"
check "partial no, later: still shards_down, naming shard 1" \
    all_answers 's == "503" and c == "shards_down" and "shard 1 is down (" in m'
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# --- Every shard down under a running front ------------------------------
start_shard "$port1" "$TMP/s1"
pid1=$shard_pid
start_server --db "$TMP/cluster" --threads 4
check "nsearchd starts" is "$?" 0
answers 8 "/v1/search?q=Azure&limit=0"
check "all up: 200" all_answers 's == "200"'
# A cluster front's answers are never kept: its shards change on their
# own and its version is "", so no ETag could name what an answer
# depends on (searcher/cache.c).
# heads PATH [CURL ARGS...]: the response headers of PATH, lower case,
# in $TMP/h; the status in $code.
heads() {
    p=$1
    shift
    code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -D "$TMP/h.raw" \
        -o /dev/null -w '%{http_code}' "$@" "http://localhost$p") || code=000
    tr -d '\r' <"$TMP/h.raw" | tr 'A-Z' 'a-z' >"$TMP/h"
}
for p in '/v1/search?q=Azure&limit=3' \
    /v1/articles/azure-surveillance-investigation \
    '/v1/related/azure-surveillance-investigation?recent_days=0'; do
    heads "$p"
    check "all up, $p: 200 ($code)" is "$code" 200
    check "all up, $p: Cache-Control: no-store" \
        grep -qx 'cache-control: no-store' "$TMP/h"
    check "all up, $p: no ETag" lacks "$TMP/h" "etag:"
done
heads '/v1/search?q=Azure' -I
check "all up, HEAD of a search: 200, no-store ($code)" \
    grep -qx 'cache-control: no-store' "$TMP/h"
stop_shard "$pid0"
stop_shard "$pid1"
answers 8 "/v1/search?q=Azure&limit=0"
check "all down: every search 503 shards_down" \
    all_answers 's == "503" and c == "shards_down"'
check "all down: every search's message names a shard and why" \
    all_answers '"shard 0 is down (" in m or "shard 1 is down (" in m'
heads '/v1/search?q=Azure&limit=3'
check "all down: 503, no-store ($code)" \
    grep -qx 'cache-control: no-store' "$TMP/h"
answers 4 "/v1/related/azure-surveillance-investigation"
check "all down: related posts 503 shards_down, naming a shard" \
    all_answers 's == "503" and c == "shards_down" and " is down (" in m'
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# --- The log tells a shard down and back, once each -------------------------
start_shard "$port0" "$TMP/s0"
start_shard "$port1" "$TMP/s1"
pid1=$shard_pid
: >"$TMP/server.err"
start_server --db "$TMP/cluster" --threads 2
answers 4 "/v1/search?q=Azure&limit=0"
stop_shard "$pid1"
n=0
while [ $n -lt 8 ]; do
    get one "/v1/search?q=Azure&limit=0"
    sleep 0.25
    n=$((n + 1))
done
grep -F "shard 1 of cluster '$TMP/cluster' is" "$TMP/server.err" >"$TMP/said.down"
check "log: shard 1 down, once for both workers, with why" python3 -c 'import sys
lines = open(sys.argv[1]).read().splitlines()
sys.exit(0 if len(lines) == 1 and ("warning: shard 1 of cluster %r is down (tcp 127.0.0.1:%s: " % (sys.argv[2], sys.argv[3])) in lines[0] else 1)' \
    "$TMP/said.down" "$TMP/cluster" "$port1"
start_shard "$port1" "$TMP/s1"
n=0
while [ $n -lt 40 ]; do
    get one "/v1/search?q=Azure&limit=0"
    json one 'not d.get("partial")' && break
    sleep 0.25
    n=$((n + 1))
done
n=0
while [ $n -lt 8 ]; do
    get one "/v1/search?q=Azure&limit=0"
    n=$((n + 1))
done
grep -F "shard 1 of cluster '$TMP/cluster' is" "$TMP/server.err" >"$TMP/said.back"
check "log: then back, once, with its replica" python3 -c 'import sys
lines = open(sys.argv[1]).read().splitlines()
sys.exit(0 if len(lines) == 2 and " is down (" in lines[0] and ("info: shard 1 of cluster %r is back (tcp 127.0.0.1:%s, %s articles)" % (sys.argv[2], sys.argv[3], sys.argv[4])) in lines[1] else 1)' \
    "$TMP/said.back" "$TMP/cluster" "$port1" "$(count "$TMP/s1")"
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=
finish
