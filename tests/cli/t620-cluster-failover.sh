#!/bin/sh
# t620-cluster-failover.sh - nsearchd in front of three shards, each with
# two replicas served by xapian-tcpsrv on 127.0.0.1: one replica killed
# under load costs no request; every replica of a shard killed gives
# "partial": true with the shard named, and the front recovers when it
# returns; a shard rebuilt under eight curl loops costs no request, and
# its new articles are found afterwards.  Bad cluster files are refused
# with FILE:LINE.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

# --- 1. Bad cluster files ------------------------------------------------
printf 'shard 0 local %s\nshard 1 udp 127.0.0.1:1\n' "$TMP/x" >"$TMP/bad1"
run out err nsearch --db "$TMP/bad1" azure
check "unknown replica kind: exit 1" is "$rc" 1
check "unknown replica kind: FILE:LINE" contains "$TMP/err" "$TMP/bad1:2: unknown replica kind 'udp'"
printf 'shard 0 tcp 127.0.0.1\n' >"$TMP/bad2"
run out err nsearch --db "$TMP/bad2" azure
check "tcp without a port: FILE:LINE" contains "$TMP/err" "$TMP/bad2:1: '127.0.0.1' is not HOST:PORT"
printf '# two shards, the first missing\nshard 1 local %s\n' "$TMP/x" >"$TMP/bad3"
run out err nsearch --db "$TMP/bad3" azure
check "a shard without replica is named" contains "$TMP/err" "shard 0 has no replica"
printf 'shard 0 local %s\ntimeout -1\n' "$TMP/x" >"$TMP/bad4"
run out err nsearch --db "$TMP/bad4" azure
check "a bad timeout: FILE:LINE" contains "$TMP/err" "$TMP/bad4:2: 'timeout' needs seconds"
run out err nindex --db "$TMP/bad4" "$SAMPLES"
check "nindex refuses a cluster file" is "$rc" 1
check "nindex says it is a cluster file" contains "$TMP/err" "is a cluster file"

# --- 2. Shards, two replicas each ----------------------------------------
for i in 0 1 2; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/3 "$SAMPLES"
done
nindex --quiet --db "$TMP/one" --rebuild "$SAMPLES"
cat >"$TMP/cluster" <<EOF
# three shards of the samples
connect-timeout 1
timeout 5
refresh 0.5
EOF
for i in 0 1 2; do
    for r in a b; do
        port=$(free_port)
        start_shard "$port" "$TMP/s$i"
        eval "pid_$i$r=$shard_pid"
        echo "shard $i tcp 127.0.0.1:$port  # replica $r" >>"$TMP/cluster"
    done
done
total_one=$(nsearch --db "$TMP/one" --json --related 0 Azure | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

start_server --db "$TMP/cluster" --threads 4
check "nsearchd starts on a cluster file" is "$?" 0
get h /health
check "/health is 200" is "$code" 200
check "/health: ok with three shards up" json h 'd["status"] == "ok" and len(d["shards"]) == 3 and all(s["up"] for s in d["shards"])'
get st /v1/stats
check "/v1/stats lists each shard's articles" json st 'sum(s["articles"] for s in d["shards"]) == d["articles"] and all(s["articles"] > 0 for s in d["shards"])'
check "/v1/stats: each shard's uuid and latency" json st 'all(len(s["uuid"]) == 36 and s["latency_ms"] >= 0 for s in d["shards"])'
get q "/v1/search?q=Azure"
check "search through the front" json q "d['total'] == $total_one and 'partial' not in d"

# load N FILE: N curl loops against the front until $TMP/stop exists;
# each answer's status goes into FILE, one per line.
load() {
    rm -f "$TMP/stop"
    : >"$2"
    k=0
    while [ $k -lt "$1" ]; do
        (while [ ! -e "$TMP/stop" ]; do
            curl -s --max-time 10 --unix-socket "$SOCK" -o /dev/null \
                -w '%{http_code}\n' "http://localhost/v1/search?q=azure+microsoft&related=0" \
                >>"$2" 2>/dev/null || echo 000 >>"$2"
        done) &
        load_pids="${load_pids:-} $!"
        k=$((k + 1))
    done
}
stop_load() {
    touch "$TMP/stop"
    for p in $load_pids; do wait "$p"; done
    load_pids=""
}

# --- 3. One replica of each shard killed under load ------------------------
load 4 "$TMP/codes1"
sleep 1
stop_shard "$pid_0a"
stop_shard "$pid_1b"
sleep 2
stop_load
check "requests were made while replicas died" test "$(wc -l <"$TMP/codes1")" -gt 4
check "no request failed while replicas died" is "$(grep -vc '^200$' "$TMP/codes1")" 0
get q "/v1/search?q=Azure"
check "the other replicas answer in full" json q "d['total'] == $total_one and 'partial' not in d"

# --- 4. Every replica of shard 1 killed: partial ----------------------------
stop_shard "$pid_1a"
get q "/v1/search?q=Azure"
check "shard 1 down: still 200" is "$code" 200
check "shard 1 down: partial, shard 1 missing" json q "d.get('partial') is True and d['missing_shards'] == [1] and d['total'] < $total_one"
# /health reports the shards as of the front's last refresh (every 0.5 s
# here): asked at once after the search it may still show the old state.
sleep 1
get h /health
# An article of the down shard is not known to be gone: 503, not 404;
# one of another shard is served.
ids=$(nsearch --db "$TMP/one" --json --limit 200 --related 0 --no-collapse '' |
    python3 -c '
import json, sys
def shard(i):
    h = 14695981039346656037
    for b in i.encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    return h % 3
ids = [h["id"] for h in json.load(sys.stdin)["hits"]]
print(next(i for i in ids if shard(i) == 1), next(i for i in ids if shard(i) == 0))')
down_id=${ids% *}
up_id=${ids#* }
get a "/v1/articles/$down_id"
check "shard 1 down: its article is 503 shards_down, not 404" \
    json a "d['error']['code'] == 'shards_down'"
check "shard 1 down: its article's status is 503" is "$code" 503
get a "/v1/related/$down_id"
check "shard 1 down: its related posts are 503" is "$code" 503
get a "/v1/articles/$up_id"
check "shard 1 down: an article of shard 0 is served" is "$code" 200
get a "/v1/articles/no-such-article-anywhere-x"
check "shard 1 down: an id of another shard that is not there is 404" \
    python3 -c '
import sys
h = 14695981039346656037
for b in b"no-such-article-anywhere-x":
    h = ((h ^ b) * 1099511628211) % 2**64
sys.exit(0 if (h % 3 != 1) == (sys.argv[1] == "404") else 1)' "$code"
check "shard 1 down: /health says partial" json h 'd["status"] == "partial" and [s["shard"] for s in d["shards"] if not s["up"]] == [1] and d["shards"][1]["error"]'
run out err nsearch --db "$TMP/cluster" --json Azure
check "nsearch: partial answer exits 0" is "$rc" 0
check "nsearch: warns of the missing shard" contains "$TMP/err" "shard 1 of the cluster is down"
sed 's/^refresh .*/partial no/' "$TMP/cluster" >"$TMP/strict"
run out err nsearch --db "$TMP/strict" --json Azure
check "partial no: an error (exit 1)" is "$rc" 1
check "partial no: names the shard" contains "$TMP/err" "shard 1 is down"

# --- 5. The shard comes back --------------------------------------------------
port=$(sed -n 's/^shard 1 tcp 127.0.0.1:\([0-9]*\)  # replica a$/\1/p' "$TMP/cluster")
start_shard "$port" "$TMP/s1"
sleep 1.5
get q "/v1/search?q=Azure"
check "shard 1 back: full answer again" json q "d['total'] == $total_one and 'partial' not in d"
get h /health
check "shard 1 back: /health ok" json h 'd["status"] == "ok"'

# --- 6. Shard 2 rebuilt with new articles under eight clients ---------------
mkdir -p "$TMP/new"
python3 - "$TMP/new/new.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(60):
        f.write(json.dumps({"id": "zebra-%d" % i, "title": "Zebrafish census %d" % i,
                            "body": "A zebrafish census on the river.",
                            "date": "2025-08-01T10:00:00Z"}) + "\n")
PY
load 8 "$TMP/codes2"
sleep 1
run out err nindex --db "$TMP/s2" --rebuild --shard 2/3 "$SAMPLES" "$TMP/new"
check "shard 2 rebuilt under load" is "$rc" 0
run out err nindex --db "$TMP/s0" --shard 0/3 "$SAMPLES" "$TMP/new"
check "shard 0 updated in place under load" is "$rc" 0
sleep 2
stop_load
check "requests were made during the rebuild" test "$(wc -l <"$TMP/codes2")" -gt 8
check "no request failed during the rebuild" is "$(grep -vc '^200$' "$TMP/codes2")" 0
in2=$(python3 -c '
import sys
h = 14695981039346656037
n = 0
for i in range(60):
    h = 14695981039346656037
    for b in ("zebra-%d" % i).encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    n += h % 3 in (0, 2)
print(n)')
get q "/v1/search?q=zebrafish&limit=100&related=0"
check "the new articles of shards 0 and 2 are found ($in2)" json q "d['total'] == $in2 and 'partial' not in d"
sleep 1.1 # every worker's handle past its refresh interval
get st /v1/stats
check "/v1/stats counts them" json st "d['articles'] == $(nsearch --db "$TMP/one" --json --limit 0 --related 0 --no-collapse '' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') + $in2"
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# --- 5. A shard that hangs (its server stopped, not dead: it accepts and
# never answers) costs connect-timeout now and then, not the whole
# timeout on every request: a down shard is probed within
# connect-timeout, and tried again after refresh, then twice as long.
port=$(free_port)
start_shard "$port" "$TMP/s0"
hung=$shard_pid
cat >"$TMP/hang" <<EOF
connect-timeout 1
timeout 30
refresh 0.5
shard 0 tcp 127.0.0.1:$port
shard 1 local $TMP/s1
shard 2 local $TMP/s2
EOF
kill -STOP -"$hung"
for q in azure harbour festival climate music heat police court \
    election market; do
    printf '%s\t%s\n' "$q" "$q"
done >"$TMP/hq"
t0=$(date +%s)
nsearch --db "$TMP/hang" --batch --json --related 0 <"$TMP/hq" \
    >"$TMP/hq.out" 2>"$TMP/hq.err"
t1=$(date +%s)
kill -CONT -"$hung"
check "hung shard: ten queries answered" is "$(wc -l <"$TMP/hq.out" | tr -d ' ')" 10
check "hung shard: each partial, shard 0 missing" python3 -c '
import json, sys
for l in open(sys.argv[1]):
    d = json.loads(l)
    assert d.get("partial") is True and d.get("missing_shards") == [0], d
' "$TMP/hq.out"
check "hung shard: well under one 30 s timeout ($((t1 - t0)) s)" \
    test $((t1 - t0)) -lt 20

# --- 7. Every shard gone under a running front: 503 shards_down, as
# /health says, never 500 (a fault of the server).
printf 'connect-timeout 1\ntimeout 2\nrefresh 0.5\n' >"$TMP/gone"
gone_pids=
for i in 0 1 2; do
    port=$(free_port)
    start_shard "$port" "$TMP/s$i"
    gone_pids="$gone_pids $shard_pid"
    echo "shard $i tcp 127.0.0.1:$port" >>"$TMP/gone"
done
start_server --db "$TMP/gone" --threads 2
get q "/v1/search?q=Azure"
check "all shards up: 200" is "$code" 200
for p in $gone_pids; do stop_shard "$p"; done
for n in 1 2 3; do
    get q "/v1/search?q=Azure"
    check "all shards down, search $n: 503" is "$code" 503
    check "all shards down, search $n: shards_down" \
        json q "d['error']['code'] == 'shards_down'"
done
get a "/v1/articles/$up_id"
check "all shards down: an article is 503" is "$code" 503
# Past the refresh, when a worker opens the cluster afresh and finds no
# shard, the same: shards_down, not no_index.
sleep 1.5
get h /health
check "all shards down, later: /health 503 shards_down" \
    json h "d['error']['code'] == 'shards_down'"
get q "/v1/search?q=Azure"
check "all shards down, later: search shards_down" \
    json q "d['error']['code'] == 'shards_down'"
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

finish
