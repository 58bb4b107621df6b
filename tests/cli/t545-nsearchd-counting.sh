#!/bin/sh
# t545-nsearchd-counting.sh - Requests that end without an ordinary answer
# are counted by route and status like the others: connections refused
# 503 at accept under 503 (and not logged as failures), and requests whose
# client leaves before the answer under status "none", by their route.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# metric FILE ROUTE STATUS: the value of nsearchd_requests_total for ROUTE
# and STATUS in the scrape $TMP/FILE, 0 when absent.
metric() {
    v=$(sed -n "s/^nsearchd_requests_total{route=\"$2\",status=\"$3\"} //p" "$TMP/$1")
    echo "${v:-0}"
}
stop_server() {
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null
    server_pid=
}

index_samples

# --- Refused at accept: 503, counted as such, not logged per connection. --
check "refusals: starts" start_server --max-connections 5 \
    --max-connections-per-uid 0
: >"$TMP/server.err"
: >"$TMP/codes"
# Whether 50 clients at once meet more than 5 open connections depends on
# how fast the server answers, and a refused client that closes before
# its request is read is counted under no route (the guard's own count
# has it): a round without a refusal counted under the route (now and
# then on a quiet machine) is flooded again.  The counts of the last
# answers land as their connections close: waited for, up to 2 s.
flood_start=$(date +%s)
for round in 1 2 3 4 5; do
    seq 300 | xargs -P 50 -I{} curl -s --max-time 10 --unix-socket "$SOCK" \
        -o /dev/null -w '%{http_code}\n' \
        'http://localhost/v1/search?q=oil+prices&limit=100&related=20&facets=all' \
        >>"$TMP/codes"
    answered=$(grep -c '^200$' "$TMP/codes")
    for i in $(seq 10); do
        sleep 0.2
        get m1 /metrics
        [ "$(metric m1 search 200)" = "$answered" ] && break
    done
    [ "$(metric m1 search 503)" -gt 0 ] && break
done
refused=$(grep -c '^503$' "$TMP/codes")
echo "refused: $refused of 300"
check "refusals: some clients were told 503" test "$refused" -gt 0
check "refusals: every client got 200 or 503" is \
    "$(grep -cv '^200$\|^503$' "$TMP/codes")" 0
counted=$(metric m1 search 503)
echo "counted 503: $counted"
check "refusals: counted under route search, status 503" test "$counted" -gt 0
check "refusals: never more than were answered" test "$counted" -le "$refused"
check "refusals: nothing counted as other/none" is "$(metric m1 other none)" 0
check "refusals: nothing counted as search/none" is "$(metric m1 search none)" 0
check "refusals: every 200 counted" is "$(metric m1 search 200)" \
    "$(grep -c '^200$' "$TMP/codes")"
check "refusals: no failure logged per connection" \
    lacks "$TMP/server.err" "mid-request"
check "refusals: no internal error logged" \
    lacks "$TMP/server.err" "internal error"
# One line per 10 s of refusals, and the first at once: on a slow machine
# (a sanitizer build under load) the flood lasts more than one window.
flood_windows=$((($(date +%s) - flood_start) / 10 + 2))
check "refusals: at most one line about them per 10 s" \
    test "$(grep -c 'refused .* with 503 overloaded' "$TMP/server.err")" \
    -le "$flood_windows"
stop_server

# --- Clients that leave before the answer: "none", by route. -------------
check "leavers: starts" start_server
python3 - "$SOCK" <<'PY'
import socket, sys, time
# Ten requests whose heads the clients never finish: each leaves once
# the server has read its request line.
conns = []
for i in range(10):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    s.sendall(b"GET /v1/search?q=oil+prices&limit=100&related=20&facets=all"
              b" HTTP/1.1\r\nHost: x\r\n")
    conns.append(s)
time.sleep(0.5)
for s in conns:
    s.close()
PY
sleep 0.5
get m2 /metrics
check "leavers: counted under route search, status none" \
    is "$(metric m2 search none)" 10
check "leavers: none counted under route other" \
    is "$(metric m2 other none)" 0
stop_server

# --- Answered by libmicrohttpd itself, after the request line: under the
# status the client was told.  A chunk size that is no hex number ("ZZ")
# and a Content-Length that is no number get its own HTML 400.
check "mhd answers: starts" start_server
: >"$TMP/server.err"
python3 - "$SOCK" >"$TMP/mhd.txt" <<'PY'
import socket, sys
for body in (b"Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n",
             b"Content-Length: abc\r\n\r\n"):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    s.settimeout(5)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n" + body)
    got = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        got += chunk
    # The status line, and whether the connection was closed (it was, if
    # the loop ended).
    print(got.split(b"\r\n", 1)[0].decode())
PY
check "mhd answers: both told 400" is "$(sort -u "$TMP/mhd.txt")" \
    "HTTP/1.1 400 Bad Request"
sleep 0.3
get m3 /metrics
check "mhd answers: counted under route health, status 400" \
    is "$(metric m3 health 400)" 2
check "mhd answers: not as status none" is "$(metric m3 health none)" 0
check "mhd answers: errors" \
    is "$(sed -n 's/^nsearchd_errors_total //p' "$TMP/m3")" 2
check "mhd answers: not logged as failed connections" \
    lacks "$TMP/server.err" "connection failed mid-request"

# A Content-Length too large for a number (past 2^64 - 1) is
# libmicrohttpd's own 413: under status 413, not "other".
: >"$TMP/server.err"
python3 - "$SOCK" >"$TMP/mhd413.txt" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(5)
s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n"
          b"Content-Length: 99999999999999999999999\r\n\r\n")
got = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    got += chunk
print(got.split(b"\r\n", 1)[0].decode())
PY
check "mhd 413: told 413, closed" is "$(cat "$TMP/mhd413.txt")" \
    "HTTP/1.1 413 Content Too Large"
sleep 0.3
get m4 /metrics
check "mhd 413: counted under route health, status 413" \
    is "$(metric m4 health 413)" 1
check "mhd 413: not as other" is "$(metric m4 health other)" 0
stop_server

finish
