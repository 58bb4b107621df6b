#!/bin/sh
# t567-nsearchd-request-text.sh - What a hand-written request and a page
# meet: a raw space in the request line is refused with a message saying
# how to write it (it was called a control byte, which a space is not);
# title_html and snippet_html escape the single quote as well (it came
# back raw, so a page putting them in an attribute quoted with ' could be
# injected), while the plain fields and the text output keep it.
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

# --- The single quote in title_html and snippet_html. --------------------
cat >"$TMP/q.jsonl" <<'EOF'
{"id":"z1","title":"Zorblax 'single' & \"double\"","body":"The zorblax said 'hello' to the <crowd> at noon."}
EOF
check "quotes: index" nindex --quiet --db "$TMP/qdb" "$TMP/q.jsonl"
nsearch --db "$TMP/qdb" --json zorblax >"$TMP/q.json"
check "title_html escapes ' as &#x27;, with & and \" as before" json q.json \
    'd["hits"][0]["title_html"] == "<mark>Zorblax</mark> &#x27;single&#x27; &amp; &quot;double&quot;"'
check "snippet_html escapes ' as &#x27;" json q.json \
    'd["hits"][0]["snippet_html"] == "The <mark>zorblax</mark> said &#x27;hello&#x27; to the &lt;crowd&gt; at noon."'
# chr(39) is the single quote, which a shell string in ' cannot hold.
check "the plain title keeps its quotes" json q.json \
    'd["hits"][0]["title"] == "Zorblax %ssingle%s & \"double\"" % (chr(39), chr(39))'
check "the plain snippet keeps its quotes" json q.json \
    'd["hits"][0]["snippet"] == "The zorblax said %shello%s to the <crowd> at noon." % (chr(39), chr(39))'
nsearch --db "$TMP/qdb" zorblax >"$TMP/q.txt"
check "the text output keeps the quotes" contains "$TMP/q.txt" \
    "Zorblax 'single' & \"double\""
check "the text output has no entity" lacks "$TMP/q.txt" "&#x27;"

finish
