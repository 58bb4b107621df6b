#!/bin/sh
# t580-nsearchd-head.sh - HEAD gets the headers GET gets, without the
# body.  A search's or related list's body holds took_ms, so its length
# is known only once it has run and differs from one GET to the next:
# their HEAD runs nothing and sends no Content-Length (nor a chunked
# Transfer-Encoding, which GET does not use), rather than a length no GET
# need have.  Answers whose body is the same for every GET (an article,
# an error) keep their exact Content-Length.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# same NAME1 NAME2 HEADER: both answers have HEADER, with one value.
same() {
    [ -n "$(field "$1" "$3")" ] && [ "$(field "$1" "$3")" = "$(field "$2" "$3")" ]
}

index_samples
check "server starts" start_server --access-log

S='/v1/search?q=azure&limit=3'
fetch g "$S"
fetch h "$S" -I
check "search: GET 200 ($code)" is "$(head -c 12 "$TMP/g.raw")" "HTTP/1.1 200"
check "search: HEAD 200 ($code)" is "$code" 200
# raw_head PATH: HEAD PATH on a socket of its own; all the server sent,
# up to its closing the connection, with CR LF as LF.
raw_head() {
    python3 - "$SOCK" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(b"HEAD %s HTTP/1.1\r\nHost: localhost\r\n\r\n" % sys.argv[2].encode())
data = b""
try:
    while True:
        more = s.recv(65536)
        if not more:
            break
        data += more
except socket.timeout:
    data += b"(no close)"
sys.stdout.write(data.decode("latin-1").replace("\r\n", "\n"))
PY
}
raw_head "$S" >"$TMP/raw"
check "search: HEAD, the head alone, then the connection closes" \
    python3 -c 'import sys; d = open(sys.argv[1]).read(); sys.exit(0 if d.startswith("HTTP/1.1 200") and d.endswith("\n\n") and d.count("\n\n") == 1 else 1)' "$TMP/raw"
check "search: HEAD, the GET's ETag" same g h etag
check "search: HEAD, the GET's Content-Type" same g h content-type
check "search: HEAD, the GET's Cache-Control" same g h cache-control
check "search: GET has a Content-Length" [ -n "$(field g content-length)" ]
check "search: HEAD, no Content-Length" is "$(field h content-length)" ""
check "search: HEAD, no Transfer-Encoding" \
    is "$(field h transfer-encoding)" ""
check "search: HEAD closes the connection (nothing else ends it)" \
    is "$(field h connection)" close

R='/v1/related/azure-surveillance-investigation?recent_days=0'
fetch rg "$R"
fetch rh "$R" -I
check "related: HEAD 200 ($code)" is "$code" 200
check "related: HEAD, the GET's ETag" same rg rh etag
check "related: HEAD, no Content-Length" is "$(field rh content-length)" ""
fetch ng '/v1/related/no-such-article'
fetch nh '/v1/related/no-such-article' -I
check "related of an unknown id: HEAD 404 as GET ($code)" \
    is "$code:$(head -c 12 "$TMP/ng.raw")" "404:HTTP/1.1 404"
check "related of an unknown id: the GET's Content-Length" \
    same ng nh content-length

A='/v1/articles/azure-surveillance-investigation'
fetch ag "$A"
fetch ah "$A" -I
check "article: HEAD 200 ($code)" is "$code" 200
check "article: the same body every time, so its exact length" \
    is "$(field ah content-length)" "$(wc -c <"$TMP/ag" | tr -d ' ')"
check "article: HEAD, the GET's ETag" same ag ah etag

fetch bg '/v1/search?q=azure&limit=x'
fetch bh '/v1/search?q=azure&limit=x' -I
check "a bad parameter: HEAD 400 as GET ($code)" \
    is "$code:$(head -c 12 "$TMP/bg.raw")" "400:HTTP/1.1 400"
check "a bad parameter: the GET's Content-Length" same bg bh content-length
check "access log: the HEAD" contains "$TMP/server.err" \
    "access: HEAD $S 200 "
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# HEAD runs no search: one that is stopped at a budget of 1 ms when
# it runs is answered at once, and no search is counted as stopped.
check "starts with --request-timeout 1" start_server --request-timeout 1
wild=$(python3 -c 'print("%20".join(c + "*" for c in "abcdefghijklmnoprstw"))')
fetch sg "/v1/search?q=$wild&limit=100"
check "a search past the budget: GET 503 ($code)" is "$code" 503
fetch sh "/v1/search?q=$wild&limit=100" -I
check "the same search: HEAD 200, no search run ($code)" is "$code" 200
fetch rh2 "/v1/related/azure-surveillance-investigation?recent_days=0" -I
get st.json /v1/stats
check "only the GET's search ran" json st.json 'd["guard"]["timed_out"] == 1'
finish
