#!/bin/sh
# t510-nsearchd-bad-requests.sh - nsearchd refuses bad parameters with a
# JSON 400 (control characters in q as nsearch refuses them; a tab, a line
# feed or a carriage return in q is a space), long queries
# with 414, serves the absolute-form of a request target, and survives
# clients that stall, send garbage or leave mid-response.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

healthy() {
    [ "$(curl -sS --max-time 5 --unix-socket "$SOCK" -o /dev/null \
        -w '%{http_code}' http://localhost/health)" = 200 ]
}

# bad NAME PATH: PATH is answered 400 with a bad_parameter JSON error.
bad() {
    get bad.json "$2"
    check "$1: 400" is "$code" 400
    check "$1: JSON error" json bad.json \
        'd["error"]["code"] == "bad_parameter" and d["error"]["message"]'
}

index_samples
check "server starts" start_server --timeout 1

bad "malformed escape %ZZ" '/v1/search?q=%ZZ'
bad "truncated escape" '/v1/search?q=abc%4'
bad "invalid UTF-8 %E5" '/v1/search?q=%E5'
bad "overlong UTF-8" '/v1/search?q=%C0%AF'
bad "NUL byte" '/v1/search?q=a%00b'
check "NUL byte: the message says so" contains "$TMP/bad.json" "NUL byte (%00)"
bad "invalid UTF-8 in a path" '/v1/articles/%FF'
bad "malformed escape in a path" '/v1/articles/%G1'
bad "limit=-1" '/v1/search?q=a&limit=-1'
bad "limit=10000000" '/v1/search?q=a&limit=10000000'
check "limit: the message says the cap" contains "$TMP/bad.json" "100"
bad "limit=101" '/v1/search?q=a&limit=101'
bad "limit=abc" '/v1/search?q=a&limit=abc'
bad "offset=10001" '/v1/search?q=a&offset=10001'
bad "related=21" '/v1/search?q=a&related=21'
bad "sort=foo" '/v1/search?q=a&sort=foo'
bad "from=2025-13-01" '/v1/search?q=a&from=2025-13-01'
bad "to=2025-02-30" '/v1/search?q=a&to=2025-02-30'
bad "from=2025-1-1" '/v1/search?q=a&from=2025-1-1'
bad "from after to" '/v1/search?q=a&from=2025-09-02&to=2025-09-01'
bad "section with a control character" '/v1/search?q=a&section=a%01b'
bad "lang with no letter" '/v1/search?q=a&lang=--'
bad "lang with a control character" '/v1/search?q=a&lang=en%01'
bad "now=yesterday" '/v1/related/azure-surveillance-investigation?now=yesterday'

# Control characters in q, percent-encoded (C0, DEL, C1): 400 naming q,
# neither searched nor echoed back; a no-break space (U+00A0) is text.
for enc in 'a%01b' '%1B%5B31m' 'a%7Fb' 'a%C2%85b' 'a%0Ab%0B'; do
    get cc.json "/v1/search?q=$enc"
    check "q=$enc: 400" is "$code" 400
    check "q=$enc: bad_parameter naming q" json cc.json \
        'd["error"]["code"] == "bad_parameter" and d["error"]["message"].startswith("q contains the control character U+")'
done
# A tab, a line feed or a carriage return in q is a space: a quote pasted
# from a PDF, an e-mail or a text box of several lines has them.
for enc in '%0A' '%09' '%0D%0A' '%20%0A%09'; do
    get nl.json "/v1/search?q=%22surveillance${enc}of%20civilians%22&related=0"
    check "q with $enc in a phrase: 200" is "$code" 200
    check "q with $enc in a phrase: the phrase's hits" json nl.json \
        'd["total"] > 0 and "<mark>surveillance of civilians</mark>" in d["hits"][0]["snippet_html"]'
done
get nbsp.json '/v1/search?q=azure%C2%A0surveillance'
check "q with a no-break space: 200" is "$code" 200
bad "section with a C1 control character" '/v1/search?q=a&section=a%C2%85b'
bad "tag with a C1 control character" '/v1/search?q=a&tag=a%C2%9Bb'
# Any other parameter too, known or not, its value or its name: a control
# byte anywhere in the request line is refused, percent-encoded or raw.
for arg in 'foo=%01' 'foo=a%1Bb' 'foo=%7F' 'foo=%C2%9B' 'limit=5%0A' \
    'sort=date%09' 'f%01o=1' '%0D=1'; do
    get cc.json "/v1/search?q=azure&$arg"
    check "$arg: 400" is "$code" 400
    check "$arg: bad_parameter, the control character named" json cc.json \
        'd["error"]["code"] == "bad_parameter" and "contains the control character U+" in d["error"]["message"]'
done
get cc.json '/v1/search?q=azure&foo=%01'
check "foo=%01: the message names foo" json cc.json \
    'd["error"]["message"] == "foo contains the control character U+0001"'
get cc.json '/v1/related/azure-surveillance-investigation?foo=%01'
check "related with foo=%01: 400" is "$code" 400
get cc.json '/v1/search?q=azure&foo=a%C2%A0b'
check "an unknown parameter with a no-break space: 200" is "$code" 200
# nsearch refuses the same queries on its command line (usage error) and
# in --batch (that query fails, the others run).
for q in 'a\001b' 'a\nb\013' '\033[31m' 'a\177b' 'a\302\205b'; do
    run o e nsearch --db "$TMP/db" "$(printf "$q")"
    check "nsearch '$q': exit 2" is "$rc" 2
    check "nsearch '$q': says why" contains "$TMP/e" "control character U+"
done
# A tab, a line feed or a carriage return is a space.
for q in '"surveillance\nof civilians"' '"surveillance\tof\r\ncivilians"'; do
    run o e nsearch --db "$TMP/db" --related 0 "$(printf "$q")"
    check "nsearch '$q': exit 0" is "$rc" 0
    check "nsearch '$q': the phrase marked" contains "$TMP/o" "**surveillance of civilians**"
done
printf 'q1\t"surveillance\tof civilians"\n' | nsearch --db "$TMP/db" --batch \
    --related 0 >"$TMP/b.out" 2>"$TMP/b.err"
check "batch: a tab in the query is a space" python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert d["qid"] == "q1" and d["total"] > 0, d' "$TMP/b.out"
printf 'q1\tazure\nq2\ta\033[31m\n' | nsearch --db "$TMP/db" --batch \
    >"$TMP/b.out" 2>"$TMP/b.err"
check "batch: exit 1" is "$?" 1
check "batch: the line with a control character fails" \
    contains "$TMP/b.out" '{"qid":"q2","error":"control character in query"}'
check "batch: the other line is searched" contains "$TMP/b.out" '"qid":"q1"'
check "batch: FILE:LINE message" contains "$TMP/b.err" \
    "<stdin>:2: control character U+001B in query"

get empty.json '/v1/search?q=&collapse=0'
check "empty q: 200" is "$code" 200
check "empty q: all articles" json empty.json 'd["total"] == 84'
# Collapsed (the default), the wire story and its update count once.
get empty.json '/v1/search?q='
check "empty q collapsed: one per story" json empty.json 'd["total"] == 83'
get empty2.json '/v1/search?q=&limit=&sort='
check "empty parameters mean the default" is "$code" 200
get syntax.json '/v1/search?q=%28azure%20AND'
check "a query that does not parse: 200 with a warning" json syntax.json \
    '"warning" in d'

# Long queries: 5000 bytes is our 414; 100 KB is over libmicrohttpd's
# memory limit, which answers 414 (or closes) by itself.
long=$(python3 -c 'print("a" * 5000)')
get long.json "/v1/search?q=$long"
check "5000-byte q: 414" is "$code" 414
check "5000-byte q: JSON error" json long.json \
    'd["error"]["code"] == "too_large"'
huge=$(python3 -c 'print("a" * 100000)')
get huge.out "/v1/search?q=$huge"
check "100 KB query: 414 or 400" test "$code" = 414 -o "$code" = 400
check "after a 100 KB query: healthy" healthy
unset long huge

# Raw clients: stall, garbage, leave mid-response.  Each prints what
# happened; the server must stay healthy.
cat >"$TMP/raw.py" <<'EOF'
import http.client, socket, sys, time

path = sys.argv[1]


def conn():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(path)
    return s


def health():
    s = conn()
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.split(b"\r\n", 1)[0]


case = sys.argv[2]
if case == "stall":
    # Half a request, then nothing: dropped after --timeout 1, while
    # others are served meanwhile.
    s = conn()
    s.sendall(b"GET /v1/search?q=a HTTP/1.1\r\nHost:")
    t0 = time.time()
    print("during:", health().decode())
    try:
        closed = s.recv(100) == b""
    except (ConnectionResetError, socket.timeout):
        closed = False
    print("closed:", closed, "after %.1f s" % (time.time() - t0))
    print("after:", health().decode())
elif case == "garbage":
    s = conn()
    s.sendall(b"\x00\xff NOT HTTP AT ALL\r\n\r\n")
    try:
        print("garbage answer:", s.recv(100).split(b"\r\n", 1)[0].decode())
    except ConnectionResetError:
        print("garbage answer: reset")
    s.close()
    print("after:", health().decode())
elif case == "leave":
    # Ask for a big answer, read a few bytes, go away; several times.
    for i in range(20):
        s = conn()
        s.sendall(b"GET /v1/search?limit=100&q= HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(10)
        s.close()
    print("after:", health().decode())
elif case == "absolute":
    # The absolute-form of the request target (RFC 7230 5.3.2), which a
    # server MUST accept: routed by its path, the scheme in any case.
    for target in sys.argv[3:]:
        s = conn()
        s.sendall(b"GET " + target.encode() +
                  b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        head, _, body = data.partition(b"\r\n\r\n")
        print(target, head.split(b"\r\n", 1)[0].decode(), body.decode().strip())
elif case == "http10":
    s = conn()
    s.sendall(b"GET /health HTTP/1.0\r\n\r\n")
    print("http/1.0:", s.recv(100).split(b"\r\n", 1)[0].decode())
EOF
timeout 20 python3 "$TMP/raw.py" "$SOCK" stall >"$TMP/stall.out" 2>&1
check "stalled client: others served meanwhile" \
    contains "$TMP/stall.out" "during: HTTP/1.1 200"
check "stalled client: connection closed" \
    grep -q "closed: True after [0-4]\." "$TMP/stall.out"
check "stalled client: healthy after" contains "$TMP/stall.out" \
    "after: HTTP/1.1 200"
check "stalled client: logged" grep -q "warning: client timed out" \
    "$TMP/server.err"
timeout 20 python3 "$TMP/raw.py" "$SOCK" garbage >"$TMP/garbage.out" 2>&1
check "garbage request: healthy after" contains "$TMP/garbage.out" \
    "after: HTTP/1.1 200"
timeout 20 python3 "$TMP/raw.py" "$SOCK" leave >"$TMP/leave.out" 2>&1
check "clients leaving mid-response: healthy after" \
    contains "$TMP/leave.out" "after: HTTP/1.1 200"
timeout 20 python3 "$TMP/raw.py" "$SOCK" http10 >"$TMP/http10.out" 2>&1
# The answer may say HTTP/1.1: a server sends its own version (RFC 9110).
check "HTTP/1.0 request" grep -q "http/1.0: HTTP/1.[01] 200" "$TMP/http10.out"

timeout 20 python3 "$TMP/raw.py" "$SOCK" absolute \
    'http://x/v1/search?q=azure&limit=1' 'HTTPS://news.example.org/health' \
    'hTTp://x:80/v1/articles/azure-surveillance-investigation' \
    'http://x/v1/articles/https%3A%2F%2Fx%2Fy' 'http://x' \
    'ftp://x/v1/search?q=azure' >"$TMP/absolute.out" 2>&1
check "absolute-form search: 200" grep -q \
    '^http://x/v1/search?q=azure&limit=1 HTTP/1.1 200 .*"hits":\[{' \
    "$TMP/absolute.out"
check "absolute-form, scheme in capitals: 200" grep -q \
    '^HTTPS://news.example.org/health HTTP/1.1 200 ' "$TMP/absolute.out"
check "absolute-form article, with a port: 200" grep -q \
    '^hTTp://x:80/v1/articles/azure-surveillance-investigation HTTP/1.1 200 .*"id":"azure-surveillance-investigation"' \
    "$TMP/absolute.out"
check "absolute-form, an id that is a URL: its own 404" grep -q \
    "^http://x/v1/articles/https%3A%2F%2Fx%2Fy HTTP/1.1 404 .*no article with id 'https://x/y'" \
    "$TMP/absolute.out"
check "absolute-form without a path: the path /" grep -q \
    "^http://x HTTP/1.1 404 .*no such endpoint '/'" "$TMP/absolute.out"
check "another scheme: not an absolute-form nsearchd serves" grep -q \
    "^ftp://x/v1/search?q=azure HTTP/1.1 404 .*no such endpoint 'ftp://x/v1/search'" \
    "$TMP/absolute.out"

check "still healthy" healthy
check "still running" kill -0 $server_pid
kill $server_pid
wait $server_pid
rc=$?
server_pid=
check "SIGTERM: exit 0" is "$rc" 0
check "no error lines" lacks "$TMP/server.err" ": error:"
finish
