#!/bin/sh
# t584-nsearchd-shutdown-counts.sh - After SIGTERM the log counts what the
# clients saw.  It said "5 requests still waiting after --timeout (3 s);
# answering 503 shutting_down", counting the request being served with
# those waiting, and then "1 request still running; exiting without
# them", while the clients had one 503 and three with no answer: the ones
# waiting behind a search that outlived the last second were never told
# 503, and were not counted as left.  Now the 503s are counted as they
# are sent, and the last line counts every request left unanswered.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index" busy_archive

# clients.py SOCKET PATH N: N requests for PATH and one whose body comes a
# byte at a time (in progress until its body is in, which is after the
# server has gone), each on its own connection; "sent" in $TMP/sent once
# every request head is sent, then one line: the statuses got, 000 for
# none, the slow body's last.
cat >"$TMP/clients.py" <<'PY'
import socket, sys, threading, time
path, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
got = [None] * (n + 1)

def read(i, s):
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    got[i] = data.split(b" ")[1].decode() if data.startswith(b"HTTP/") else "000"

def connect():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s

body = connect()
body.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n"
             b"Content-Length: 100\r\n\r\n")
socks = []
for i in range(n):
    socks.append(connect())
    socks[i].sendall(b"GET " + target.encode() + b" HTTP/1.1\r\n"
                     b"Host: localhost\r\nConnection: close\r\n\r\n")
    time.sleep(0.05)
socks.append(body)
threads = [threading.Thread(target=read, args=(i, s))
           for i, s in enumerate(socks)]
for t in threads:
    t.start()
open(sys.argv[4], "w").write("sent\n")
while threads[n].is_alive():
    try:
        body.send(b"x")
    except OSError:
        break
    time.sleep(0.3)
for t in threads:
    t.join()
print(" ".join(got))
PY

# shutdown CASE TIMEOUT: one thread, --timeout TIMEOUT: the searches
# queued behind each other outlast it, so some are answered 200, and the
# others (and the slow body) 503 if their thread is free within the last
# second, or nothing: still running, still waiting, or closed unread by
# libmicrohttpd's idle timeout.  Whatever the timing, the log's counts
# are what the clients saw.
shutdown() {
    : >"$TMP/server.err"
    rm -f "$TMP/sent"
    check "$1: starts" start_server --threads 1 --timeout "$2" \
        --header-timeout 30 --request-timeout 0
    python3 "$TMP/clients.py" "$SOCK" "$SLOW" 6 "$TMP/sent" >"$TMP/codes" &
    clients_pid=$!
    i=0
    while [ $i -lt 300 ] && [ ! -s "$TMP/sent" ]; do
        sleep 0.05
        i=$((i + 1))
    done
    sleep 0.3
    kill -TERM $server_pid
    wait $clients_pid
    wait $server_pid
    check "$1: exit 0" is "$?" 0
    server_pid=
    codes=$(cat "$TMP/codes")
    n503=$(echo "$codes" | tr ' ' '\n' | grep -c '^503$')
    n000=$(echo "$codes" | tr ' ' '\n' | grep -c '^000$')
    echo "# $1: answers: $codes"
    sed -n 's/^nsearchd\[[0-9]*\]: warning: /# /p' "$TMP/server.err"
    told=$(sed -n 's/.*warning: answered \([0-9]*\) requests\{0,1\} 503 shutting_down$/\1/p' \
        "$TMP/server.err")
    check "$1: the 503s counted are those sent (${told:-0} logged, $n503 seen)" \
        is "${told:-0}" "$n503"
    left=$(sed -n 's/.*warning: \([0-9]*\) requests\{0,1\} left without an answer (.*$/\1/p' \
        "$TMP/server.err")
    check "$1: the requests left are those without an answer (${left:-0} logged, $n000 seen)" \
        is "${left:-0}" "$n000"
    check "$1: a request left is one in progress, waiting or closed unread" \
        python3 -c '
import re, sys
m = re.search(r"(\d+) requests? left without an answer \((\d+) in progress, "
              r"(\d+) waiting, (\d+) closed unread at --timeout\)",
              open(sys.argv[1]).read())
sys.exit(0 if m and int(m[1]) == int(m[2]) + int(m[3]) + int(m[4]) else 1)' \
        "$TMP/server.err"
}

shutdown "--timeout 1" 1
shutdown "--timeout 2" 2

finish
