#!/bin/sh
# t585-nsearchd-fd-limit.sh - nsearchd fits its connections to the open
# file limit.
#
# With a soft limit under what --max-connections needs, accept() failed
# with EMFILE under load: libmicrohttpd logged a line per attempt (a
# million lines in seconds) and clients past the limit got no answer.
# The soft limit is raised as far as the hard limit allows; past that,
# the connections served are lowered, with a warning, so that a client
# past them is told 503.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

nindex --quiet --db "$TMP/db" "$SAMPLES" || exit 1

# hold SOCKET N: N connections with a request head never finished, then
# one whole request; prints its status line.
hold() {
    python3 - "$1" "$2" <<'P'
import socket, sys, time
held = []
for i in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    s.send(b"GET /v1/search?q=oslo HTTP/1.1\r\nHost: x\r\n")
    held.append(s)
time.sleep(1)
t = socket.socket(socket.AF_UNIX)
t.settimeout(5)
try:
    t.connect(sys.argv[1])
    t.send(b"GET /v1/search?q=oslo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    print(t.recv(4096).split(b"\r\n")[0].decode())
except Exception as e:
    print("no answer:", e)
P
}

# A hard limit of 200: 256 connections and their 503 headroom do not fit.
(ulimit -n 200 && exec "$NSEARCH_BIN/nsearchd" --db "$TMP/db" \
    --socket "$SOCK" 2>"$TMP/low.err") &
server_pid=$!
wait_ready
check "lowered: said once, with the limit and what it serves" \
    contains "$TMP/low.err" "needs 576 open files, and the limit is 200 (hard limit 200): serving at most 68 connections"
get stats.json /v1/stats
check "lowered: /v1/stats shows the connections served" \
    json stats.json 'd["max_connections"] == 68'
check "lowered: a client past them is told 503, not left waiting" \
    is "$(hold "$SOCK" 100)" "HTTP/1.1 503 Service Unavailable"
check "lowered: no accept() failure logged" \
    lacks "$TMP/low.err" "Too many open files"
kill $server_pid
wait $server_pid
server_pid=

# A soft limit under what is asked, a hard one above: raised, no warning.
rm -f "$SOCK"
(ulimit -Sn 100 && exec "$NSEARCH_BIN/nsearchd" --db "$TMP/db" \
    --socket "$SOCK" --max-connections 2000 2>"$TMP/raise.err") &
server_pid=$!
wait_ready
soft=$(awk '/^Max open files/ { print $4 }' /proc/$server_pid/limits)
check "raised: the soft limit covers 2,000 connections and the headroom" \
    test "$soft" -ge 2256
check "raised: no warning" lacks "$TMP/raise.err" "warning"
get stats.json /v1/stats
check "raised: all 2,000 served" \
    json stats.json 'd["max_connections"] == 2000'

# A limit lowered under a running server: EMFILE, logged once a second.
prlimit --pid $server_pid --nofile=40:40
hold "$SOCK" 80 >/dev/null
sleep 1
n=$(grep -c "libmicrohttpd: .*accepting connection\|libmicrohttpd: .*resource limit" "$TMP/raise.err")
check "EMFILE logged (a few lines, not one per attempt): $n" \
    test "$n" -ge 1 -a "$n" -le 8
kill $server_pid
wait $server_pid
server_pid=

# Too low for even one connection: a clear error, exit 1.
rm -f "$SOCK"
(ulimit -n 60 && exec "$NSEARCH_BIN/nsearchd" --db "$TMP/db" \
    --socket "$SOCK" 2>"$TMP/none.err")
check "too low: exit 1" is "$?" 1
check "too low: says what it needs" \
    contains "$TMP/none.err" "the open file limit (60) is too low for 2 threads: nsearchd needs at least 66"
check "too low: no socket left" test ! -e "$SOCK"
finish
