#!/bin/sh
# t626-cluster-timeout.sh - A shard slower than the cluster file's
# "timeout" fails the search once, naming the shard and the setting,
# instead of being retried as an index that changed; a shard that hangs
# (its server stopped) is left out after one timeout, and took_ms counts
# the wait.  nsearchd's refresh meets a shard that hangs within the
# cluster file's connect-timeout, not its timeout.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$SAMPLES"
done
port0=$(free_port)
start_shard "$port0" "$TMP/s0"
port1=$(free_port)
start_shard "$port1" "$TMP/s1"
pid1=$shard_pid

# A proxy in front of shard 1 that holds each query message (Xapian's
# remote protocol: MSG_QUERY, type 8) for 3 s before passing it on, and
# writes a line to $TMP/queries for each: a shard that connects and
# answers at once, and matches slowly.
cat >"$TMP/slow.py" <<'PY'
import socket, sys, threading, time
listen, upstream, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def pipe(a, b, slow):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            if slow and data[0] == 8:
                with open(log, "a") as f:
                    f.write("query\n")
                time.sleep(3)
            b.sendall(data)
    except OSError:
        pass
    for s in (a, b):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", listen))
srv.listen(16)
while True:
    c, _ = srv.accept()
    u = socket.create_connection(("127.0.0.1", upstream))
    threading.Thread(target=pipe, args=(c, u, True), daemon=True).start()
    threading.Thread(target=pipe, args=(u, c, False), daemon=True).start()
PY
slow=$(free_port)
setsid python3 "$TMP/slow.py" "$slow" "$port1" "$TMP/queries" 2>>"$TMP/proxy.err" &
shard_pids="$shard_pids $!"
wait_port "$slow"
cat >"$TMP/cluster" <<EOF
connect-timeout 1
timeout 1
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$slow
EOF

: >"$TMP/queries"
run out err nsearch --db "$TMP/cluster" --related 0 Azure
check "slow shard: exit 1" is "$rc" 1
check "slow shard: named, with the setting" contains "$TMP/err" \
    "nsearch: search failed: a shard of the cluster is down: shard 1 (tcp 127.0.0.1:$slow) did not answer within 1 s (the cluster file's 'timeout'): NetworkTimeoutError: "
check "slow shard: not 'index changed'" lacks "$TMP/err" "index changed"
check "slow shard: its query sent once, not retried" is "$(wc -l <"$TMP/queries")" 1

# --- A shard that hangs: left out after one timeout -------------------------
cat >"$TMP/hang" <<EOF
connect-timeout 1
timeout 2
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
EOF
# A batch: the first query connects to both shards, then shard 1's server
# and its connections stop, and the second query meets it.
mkfifo "$TMP/in"
nsearch --db "$TMP/hang" --json --related 0 --batch <"$TMP/in" >"$TMP/batch" 2>"$TMP/batcherr" &
bpid=$!
exec 3>"$TMP/in"
echo "a	Azure" >&3
sleep 1
kill -STOP -"$pid1"
t0=$(date +%s.%N)
echo "b	Azure" >&3
exec 3>&-
wait $bpid
brc=$?
t1=$(date +%s.%N)
kill -CONT -"$pid1"
check "hung shard: the batch exits 0" is "$brc" 0
check "hung shard: left out, partial" python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if rows[-1].get("missing_shards") == [1] else 1)' "$TMP/batch"
check "hung shard: took_ms counts the wait on it (the 2 s timeout)" \
    python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if rows[-1]["took_ms"] >= 2000 else 1)' "$TMP/batch"

# --- nsearchd: a shard that hangs between two requests ----------------------
# Each worker connects to every shard afresh once a second, before its
# next request: a shard that stops answering (its server stopped, as a
# host powered off: no reset) must fail that greeting within
# connect-timeout (1 s), not hold the request for the whole timeout (5 s).
cat >"$TMP/front" <<EOF
connect-timeout 1
timeout 5
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
EOF
start_server --db "$TMP/front" --threads 1
get warm.json '/v1/search?q=Azure&related=0'
sleep 1.2
kill -STOP -"$pid1"
secs=$(curl -sS --max-time 20 --unix-socket "$SOCK" -o "$TMP/hung.json" \
    -w '%{time_total}' 'http://localhost/v1/search?q=Azure&related=0')
kill -CONT -"$pid1"
check "front: the hung shard left out within connect-timeout ($secs s), partial" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[2]))
sys.exit(0 if float(sys.argv[1]) < 3.5 and d.get("missing_shards") == [1]
         and json.load(open(sys.argv[3])).get("partial") is None else 1)' \
    "$secs" "$TMP/hung.json" "$TMP/warm.json"
finish
