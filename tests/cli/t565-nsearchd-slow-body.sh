#!/bin/sh
# t565-nsearchd-slow-body.sh - A request's body is under the same deadline
# as its head (--header-timeout from the connection's opening): a GET that
# announces a body and sends one byte of it every second, which resets
# --timeout each time, is closed at the deadline, without an answer, and
# gives its uid's connection slot back; a body sent at once is read,
# ignored, and answered.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# trickle MODE SECONDS: open a connection, send a GET whose body ("length":
# Content-Length 100; "chunked": one-byte chunks) comes one byte a second,
# for at most SECONDS; touch $TMP/up.MODE once connected; print JSON
# {"closed": seconds until the server closed it, or null, "reply": the
# bytes it sent}.
trickle() {
    python3 - "$SOCK" "$1" "$2" "$TMP/up.$1" <<'PY'
import json, socket, sys, time
path, mode, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
s = socket.socket(socket.AF_UNIX)
s.connect(path)
head = b"GET /health HTTP/1.1\r\nHost: x\r\n"
head += (b"Content-Length: 100\r\n" if mode == "length"
         else b"Transfer-Encoding: chunked\r\n")
s.sendall(head + b"\r\n")
t0 = time.time()
open(sys.argv[4], "w").close()
s.settimeout(1.0)
reply, closed = b"", None
while time.time() - t0 < limit:
    try:
        s.send(b"a" if mode == "length" else b"1\r\na\r\n")
    except OSError:
        closed = time.time() - t0
        break
    try:
        got = s.recv(4096)
    except socket.timeout:
        continue
    except OSError:
        closed = time.time() - t0
        break
    if not got:
        closed = time.time() - t0
        break
    reply += got
print(json.dumps({"closed": closed, "reply": reply.decode("latin-1")}))
PY
}

index_samples

# --timeout 5 is longer than the pause between two bytes, so only the
# deadline (3 s) can close these connections; 15 s is a generous bound
# for it on a busy machine, and far short of the 100 s the body would
# take.
check "server starts" start_server --header-timeout 3 --timeout 5 \
    --max-connections-per-uid 2

trickle length 15 >"$TMP/len.json" &
p1=$!
trickle chunked 15 >"$TMP/chunk.json" &
p2=$!
# Both slots of this uid are held while the bodies trickle in.
i=0
while [ $i -lt 100 ] && ! [ -e "$TMP/up.length" -a -e "$TMP/up.chunked" ]; do
    sleep 0.1
    i=$((i + 1))
done
get held.json /health
check "slow bodies hold this uid's two slots meanwhile ($code)" is "$code" 503
wait $p1 $p2
check "Content-Length body one byte a second: closed by the deadline" \
    json len.json 'd["closed"] is not None and d["closed"] < 15'
check "Content-Length body: closed without an answer" \
    json len.json 'd["reply"] == ""'
check "chunked body one byte a second: closed by the deadline" \
    json chunk.json 'd["closed"] is not None and d["closed"] < 15'
check "chunked body: closed without an answer" \
    json chunk.json 'd["reply"] == ""'
get back.json /health
check "the slots are free again: /health is 200 ($code)" is "$code" 200

get stats.json /v1/stats
check "/v1/stats counts both as late requests" json stats.json \
    'd["guard"]["header_timeouts"] == 2'
check "logged as a late request" contains "$TMP/server.err" \
    "whose request did not arrive within --header-timeout"

# A body sent at once is read, ignored and answered, and the connection
# stays usable for the next request.
python3 - "$SOCK" >"$TMP/fast.txt" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(5)
body = b"x" * 100
req = (b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + body)
s.sendall(req + req)
got, t0 = b"", time.time()
while got.count(b"HTTP/1.1 200") < 2 and time.time() - t0 < 5:
    chunk = s.recv(4096)
    if not chunk:
        break
    got += chunk
print(got.count(b"HTTP/1.1 200"))
PY
check "a GET with a whole body: both pipelined requests answered 200" \
    is "$(cat "$TMP/fast.txt")" 2

finish
