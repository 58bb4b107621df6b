#!/bin/sh
# t577-nsearchd-smuggling.sh - Request heads that a proxy and nsearchd
# could read as different requests (RFC 9112 6.3, 3.2, 5.2) are answered
# 400 bad_parameter and the connection closed: libmicrohttpd served them
# (two Content-Lengths that differ, Transfer-Encoding with Content-Length,
# a NUL or bare CR in a field, obs-fold, an HTTP/1.1 request without Host
# or with two).  Sound heads around them (an HTTP/1.0 request without
# Host, bare LF line ends, trailing spaces, two equal Content-Lengths, a
# kept-alive connection) are still served.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# send NAME: write the bytes of $TMP/NAME.req (Python bytes literal) to
# the socket, read until the server closes; the answers in $TMP/NAME.out,
# the JSON body of the first in $TMP/NAME.json.  Prints the status of
# each answer, or "open" when the server did not close within 3 s.
send() {
    python3 - "$SOCK" "$TMP/$1" <<'PY'
import ast, re, socket, sys
raw = ast.literal_eval(open(sys.argv[2] + ".req").read())
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(raw)
s.settimeout(3)
data, closed = b"", True
try:
    while True:
        d = s.recv(65536)
        if not d:
            break
        data += d
except socket.timeout:
    closed = False
open(sys.argv[2] + ".out", "wb").write(data)
body = data.partition(b"\r\n\r\n")[2].split(b"\n")[0]
open(sys.argv[2] + ".json", "wb").write(body)
codes = re.findall(rb"^HTTP/1\.1 (\d\d\d)", data, re.M)
print(" ".join(c.decode() for c in codes) + ("" if closed else " open"))
PY
}

# req NAME BYTES: $TMP/NAME.req holds BYTES (a Python bytes literal).
req() { printf '%s\n' "$2" >"$TMP/$1.req"; }

index_samples
check "server starts" start_server

# refused NAME WHY: the request NAME is answered one 400 with a JSON
# message ending in WHY, "Connection: close", and the connection closed.
refused() {
    got=$(send "$1")
    check "$1: one 400, then closed ($got)" is "$got" 400
    check "$1: bad_parameter, says why" json "$1.json" \
        "d['error']['code'] == 'bad_parameter' and d['error']['message'] == 'malformed request head: $2'"
    check "$1: Connection: close" contains "$TMP/$1.out" "Connection: close"
}

H='b"GET /health HTTP/1.1\r\nHost: x\r\n'
# Each smuggling shape carries a second request after it: read by a
# proxy as part of the first one's body, by nsearchd as a request of its
# own.  None of it may be answered.
NEXT='GET /v1/stats HTTP/1.1\r\nHost: x\r\n\r\n'

req two-lengths "${H}Content-Length: 0\r\nContent-Length: 35\r\n\r\n$NEXT\""
refused two-lengths "two Content-Length fields that differ"
req te-and-length "${H}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n$NEXT\""
refused te-and-length "both Transfer-Encoding and Content-Length"
req nul-in-value "${H}X-Note: a\x00b\r\n\r\n$NEXT\""
refused nul-in-value "a NUL byte in a header field, or a field folded onto the next line (obs-fold)"
req nul-last "${H}Connection: keep-alive\r\nX-Note: a\x00b\r\n\r\n\""
refused nul-last "a NUL byte in a header field, or a field folded onto the next line (obs-fold)"
req bare-cr "${H}X-Note: a\rContent-Length: 35\r\n\r\n$NEXT\""
refused bare-cr "a CR or NUL byte in a header field, or a space before its colon"
req fold-space "${H}X-Note: a\r\n Content-Length: 35\r\n\r\n$NEXT\""
refused fold-space "a NUL byte in a header field, or a field folded onto the next line (obs-fold)"
req fold-tab "${H}X-Note: a\r\n\tb\r\nAccept: */*\r\n\r\n$NEXT\""
refused fold-tab "a NUL byte in a header field, or a field folded onto the next line (obs-fold)"
req fold-last "${H}X-Note: a\r\n b\r\n\r\n\""
refused fold-last "a NUL byte in a header field, or a field folded onto the next line (obs-fold)"
req space-colon "${H}Content-Length : 38\r\n\r\n$NEXT\""
refused space-colon "a CR or NUL byte in a header field, or a space before its colon"
req no-host 'b"GET /health HTTP/1.1\r\nAccept: */*\r\n\r\n"'
refused no-host "an HTTP/1.1 request without a Host field"
req two-hosts "${H}Host: y\r\n\r\n\""
refused two-hosts "more than one Host field"

# A fold in the first field line has nothing to fold onto: libmicrohttpd
# answers it itself (400, in HTML) and closes.
req first-fold 'b"GET /health HTTP/1.1\r\n x\r\nHost: x\r\n\r\n"'
check "a fold before any field: libmicrohttpd's 400, then closed" \
    is "$(send first-fold)" 400

# Sound heads are served.
req http10 'b"GET /health HTTP/1.0\r\n\r\n"'
check "HTTP/1.0 without Host: 200" is "$(send http10)" 200
req equal-lengths "${H}Content-Length: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n\""
check "two equal Content-Lengths: 200" is "$(send equal-lengths)" 200
req bare-lf 'b"GET /health HTTP/1.1\nHost: x\nAccept: */*\nConnection: close\n\n"'
check "bare LF line ends: 200" is "$(send bare-lf)" 200
req trailing "${H}Accept: */*  \r\nX-Empty:\r\nConnection: close\r\n\r\n\""
check "trailing spaces, an empty field: 200" is "$(send trailing)" 200
req chunked "${H}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n\""
check "a chunked empty body alone: 200" is "$(send chunked)" 200
req keep-alive "${H}Accept: */*\r\n\r\nGET /v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n\""
check "two requests on one connection: 200 200" is "$(send keep-alive)" "200 200"
get ok.json /health
check "curl: 200" is "$code" 200

kill $server_pid
wait $server_pid
server_pid=
check "no error lines" lacks "$TMP/server.err" ": error:"

finish
