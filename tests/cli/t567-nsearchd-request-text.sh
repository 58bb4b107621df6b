#!/bin/sh
# t567-nsearchd-request-text.sh - What a hand-written request and a page
# meet: a raw space in the request line is refused with a message saying
# how to write it (it was called a control byte, which a space is not).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# raw LINE OUT: send the request line LINE as is (then HTTP/1.1 and a
# head), the answer's body into $TMP/OUT; print the status.
raw() {
    python3 - "$SOCK" "$1" "$TMP/$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode()
          + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
s.settimeout(5)
data = b""
while True:
    d = s.recv(4096)
    if not d:
        break
    data += d
open(sys.argv[3], "wb").write(data.partition(b"\r\n\r\n")[2])
print(data[9:12].decode())
PY
}

index_samples
check "server starts" start_server

# --- A raw space in the request line. ------------------------------------
code=$(raw 'GET /v1/search?q=goverment budget&limit=3' space.json)
check "a raw space in the URL: 400 ($code)" is "$code" 400
check "a raw space: says how to write it" json space.json \
    'd["error"]["message"] == "a space in the request line: write it in the URL as %20 or +"'
check "a raw space: not called a control byte" lacks "$TMP/space.json" \
    "control"
code=$(raw 'GET /v1/search?q=goverment%20budget&limit=3' pct.json)
check "written %20: 200 ($code)" is "$code" 200
code=$(raw 'GET /v1/search?q=goverment+budget&limit=3' plus.json)
check "written +: 200 ($code)" is "$code" 200
code=$(raw "$(printf 'GET /he\001alth')" ctl.json)
check "a control byte is still one ($code)" json ctl.json \
    'd["error"]["message"] == "control bytes in the request line"'

finish
