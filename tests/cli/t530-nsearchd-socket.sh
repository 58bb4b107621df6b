#!/bin/sh
# t530-nsearchd-socket.sh - nsearchd's socket: mode and group, a stale
# socket is replaced, a live one is refused, SIGTERM removes it, systemd
# socket activation, --allow-uid, and starting before the index exists.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

# stop_server: SIGTERM, wait; its exit status in $rc.
stop_server() {
    kill $server_pid
    wait $server_pid
    rc=$?
    server_pid=
}

# status PATH: the HTTP status of GET PATH.
status() {
    curl -sS --max-time 5 --unix-socket "$SOCK" -o "$TMP/body.json" \
        -w '%{http_code}' "http://localhost$1" 2>/dev/null || echo 000
}

index_samples

# Mode and group.
check "default mode: server starts" start_server
check "default mode is 660" is "$(stat -c %a "$SOCK")" 660
stop_server
check "SIGTERM: exit 0" is "$rc" 0
check "SIGTERM: socket removed" test ! -e "$SOCK"
check "SIGTERM: logged" grep -q 'info: SIGTERM: shutting down' \
    "$TMP/server.err"

check "--socket-mode 0600: server starts" start_server --socket-mode 0600 \
    --socket-group "$(id -g)"
check "--socket-mode 0600 gives 600" is "$(stat -c %a "$SOCK")" 600
check "--socket-group sets the group" is "$(stat -c %g "$SOCK")" "$(id -g)"

# A live socket is refused, and the live server is unharmed.
run second.out second.err "$NSEARCH_BIN/nsearchd" --db "$TMP/db" \
    --socket "$SOCK"
check "live socket: second server exits 1" is "$rc" 1
check "live socket: says why" contains "$TMP/second.err" \
    "another server is listening on '$SOCK'"
check "live socket: first server still answers" is "$(status /health)" 200

# A stale socket (its server was killed) is replaced.
kill -9 $server_pid
wait $server_pid 2>/dev/null
server_pid=
check "kill -9 leaves the socket file" test -S "$SOCK"
check "stale socket: new server starts" start_server
check "stale socket: new server answers" is "$(status /health)" 200
kill -INT $server_pid
wait $server_pid
rc=$?
server_pid=
check "SIGINT: exit 0" is "$rc" 0
check "SIGINT: socket removed" test ! -e "$SOCK"

# SIGTERM with requests on their way: each one either is answered or
# finds no socket; none is cut off.
check "drain: server starts" start_server
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    (
        code=$(curl -sS --max-time 10 --unix-socket "$SOCK" -o /dev/null \
            -w '%{http_code}' 'http://localhost/v1/search?limit=100' \
            2>/dev/null)
        echo "$code $?" >>"$TMP/drain.out"
    ) &
done
kill $server_pid
wait $server_pid
rc=$?
server_pid=
wait
check "drain: exit 0" is "$rc" 0
check "drain: every request answered or refused" python3 -c 'import sys
lines = open(sys.argv[1]).read().split("\n")[:-1]
sys.exit(0 if len(lines) == 12 and
         all(l in ("200 0", "000 7") for l in lines) else 1)' "$TMP/drain.out"

# Over --max-connections: a few more connections are told 503.
check "--max-connections 2: starts" start_server --max-connections 2
cat >"$TMP/overload.py" <<'EOF'
import socket, sys, time
path = sys.argv[1]
idle = []
for i in range(3):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    idle.append(s)
time.sleep(0.3)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(path)
s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
data = b""
while b"}" not in data:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
print(data.decode(errors="replace"))
EOF
timeout 20 python3 "$TMP/overload.py" "$SOCK" >"$TMP/overload.out" 2>&1
check "over the limit: 503" contains "$TMP/overload.out" "HTTP/1.1 503"
check "over the limit: JSON error" contains "$TMP/overload.out" \
    '"code":"overloaded"'
check "over the limit: Retry-After, since it will pass" \
    contains "$TMP/overload.out" "Retry-After: 1"
i=0
while [ $i -lt 50 ] && [ "$(status /health)" != 200 ]; do
    sleep 0.1
    i=$((i + 1))
done
check "connections closed: served again" is "$(status /health)" 200
stop_server

# Not a socket: left alone.
echo precious >"$TMP/file"
run nots.out nots.err "$NSEARCH_BIN/nsearchd" --db "$TMP/db" \
    --socket "$TMP/file"
check "not a socket: exit 1" is "$rc" 1
check "not a socket: says why" contains "$TMP/nots.err" "is not a socket"
check "not a socket: file intact" is "$(cat "$TMP/file")" precious
long=$TMP/$(python3 -c 'print("x" * 120)')
run long.out long.err "$NSEARCH_BIN/nsearchd" --db "$TMP/db" --socket "$long"
check "socket path too long: exit 1" is "$rc" 1
check "socket path too long: says why" contains "$TMP/long.err" "cannot listen"

# --allow-uid: SO_PEERCRED.
me=$(id -u)
check "--allow-uid other: starts" start_server --allow-uid 4000000,4000001
check "--allow-uid other: 403" is "$(status '/v1/search?q=a')" 403
check "--allow-uid other: JSON error" grep -q '"code":"forbidden"' \
    "$TMP/body.json"
curl -s --max-time 5 --unix-socket "$SOCK" -D "$TMP/h403" -o /dev/null \
    'http://localhost/v1/search?q=a'
check "--allow-uid other: 403 in the headers" grep -q "^HTTP/1.1 403" "$TMP/h403"
check "--allow-uid other: no Retry-After on a lasting refusal" \
    sh -c "! grep -qi '^retry-after' '$TMP/h403'"
check "--allow-uid other: logged" grep -q "warning: refusing a client with uid $me" \
    "$TMP/server.err"
stop_server
check "--allow-uid self: starts" start_server --allow-uid "4000000,$me"
check "--allow-uid self: 200" is "$(status '/v1/search?q=a')" 200
stop_server

# No index yet: 503, then the index appears and is served.
"$NSEARCH_BIN/nsearchd" --db "$TMP/later" --socket "$SOCK" \
    2>>"$TMP/server.err" &
server_pid=$!
check "no index: ready" wait_ready
check "no index: /health 503" is "$(status /health)" 503
check "no index: JSON error" grep -q '"code":"no_index"' "$TMP/body.json"
check "no index: /v1/search 503" is "$(status '/v1/search?q=a')" 503
check "no index: /v1/stats 200" is "$(status /v1/stats)" 200
check "no index: warned at startup" grep -q "warning: no index at '$TMP/later'" \
    "$TMP/server.err"
nindex --quiet --db "$TMP/later" "$SAMPLES/technology"
check "index built: /health 200" is "$(status /health)" 200
check "index built: search works" is "$(status '/v1/search?q=azure')" 200
stop_server
check "no index: SIGTERM exit 0" is "$rc" 0

# systemd socket activation: the socket is fd 3, LISTEN_PID is the
# server's pid (exec keeps it), --socket is ignored and the socket file,
# which systemd owns, is left in place.
cat >"$TMP/activate.py" <<'EOF'
import os, socket, sys
sock_path, argv = sys.argv[1], sys.argv[2:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sock_path)
s.listen(16)
if s.fileno() != 3:
    os.dup2(s.fileno(), 3)
os.set_inheritable(3, True)  # Python's sockets are close-on-exec.
os.environ["LISTEN_FDS"] = "1"
os.environ["LISTEN_PID"] = str(os.getpid())
os.execv(argv[0], argv)
EOF
python3 "$TMP/activate.py" "$TMP/act.sock" "$NSEARCH_BIN/nsearchd" \
    --db "$TMP/db" --socket "$TMP/ignored.sock" 2>>"$TMP/act.err" &
server_pid=$!
check "activation: ready" wait_ready "$TMP/act.sock"
check "activation: answers" is "$(curl -sS --max-time 5 --unix-socket \
    "$TMP/act.sock" -o /dev/null -w '%{http_code}' http://localhost/health)" 200
check "activation: --socket ignored" test ! -e "$TMP/ignored.sock"
check "activation: says so" contains "$TMP/act.err" "ignoring --socket"
check "activation: startup line names the socket" \
    contains "$TMP/act.err" "info: listening on $TMP/act.sock"
stop_server
check "activation: SIGTERM exit 0" is "$rc" 0
check "activation: socket file left to systemd" test -S "$TMP/act.sock"

check "no error lines" lacks "$TMP/server.err" ": error:"
finish
