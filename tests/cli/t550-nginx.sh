#!/bin/sh
# t550-nginx.sh - examples/nginx.conf, run by a real nginx in front of a
# real nsearchd, keeps every error JSON: nsearchd's own errors (405 with
# its Allow header, 400, 404, 414) pass through, and nginx's 502 (nsearchd
# stopped, or closing a connection unanswered), 504 (nsearchd too slow),
# 413, 414 and 431 come back as JSON.  A client's own X-Forwarded-For
# is not the address nsearchd --trust-proxy logs.
# Article ids (URLs with "//", "?", "#", "%", spaces, non-ASCII) reach
# nsearchd byte for byte, and a 4096-byte q in any script is served.  nginx listens
# on a Unix socket in $TMP, runs as one process in the foreground, and is
# killed at the end.  Skipped, saying so, when nginx is not installed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

NGINX=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null)
if [ -z "$NGINX" ]; then
    echo "skipped: nginx is not installed (apt-get install nginx)"
    finish
    exit $?
fi
nginx_pid=
slow_pid=
trap '[ -n "$nginx_pid" ] && kill $nginx_pid 2>/dev/null
[ -n "$slow_pid" ] && kill $slow_pid 2>/dev/null
[ -n "$server_pid" ] && kill -9 $server_pid 2>/dev/null; rm -rf "$TMP"' EXIT

# wait_socket PATH: until PATH is a socket, at most 5 s.
wait_socket() {
    i=0
    while [ ! -S "$1" ] && [ $i -lt 50 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

index_samples
# Articles whose ids nginx must not alter on the way: URLs (an RSS item's
# guid or link) with "//", "?", "#", "&" and dot segments, a "%" and a
# literal "%2F", a space, and non-ASCII.
cat >"$TMP/ids.txt" <<'IDS'
https://news.example.org/2025/09/a-b
https://news.example.org/item?id=7&x=1#top
100% sure, 50%2F50
https://nyheter.example.no/2025/ærlig-øl/новости
tag:example.org,2025:/a/../b//c
IDS
python3 - "$TMP/ids.txt" >"$TMP/ids.jsonl" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": line.rstrip("\n"), "title": "Azure harbour %d" % i,
                      "body": "Azure surveillance of the harbour, part %d." % i,
                      "section": "World",
                      "date": "2025-09-0%dT10:00:00Z" % (i + 1)}))
PY
nindex --quiet --db "$TMP/db" "$TMP/ids.jsonl"
check "index the articles with awkward ids" is "$?" 0
start_server --access-log --trust-proxy
check "nsearchd started" test -n "$server_pid"

# The example as shipped, with only the sockets and the read timeout
# changed, inside a minimal nginx.conf.
NG=$TMP/nginx
mkdir -p "$NG"
sed -e "s|unix:/run/nsearchd/nsearchd.sock|unix:$SOCK|" \
    -e "s|listen 80;|listen unix:$NG/front.sock;|" \
    -e "s|proxy_read_timeout 10s;|proxy_read_timeout 1s;|" \
    "$top/examples/nginx.conf" >"$NG/site.conf"
cat >"$NG/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $NG/nginx.pid;
error_log $NG/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $NG/body;
    proxy_temp_path $NG/proxy;
    fastcgi_temp_path $NG/fastcgi;
    uwsgi_temp_path $NG/uwsgi;
    scgi_temp_path $NG/scgi;
    include $NG/site.conf;
}
CONF
run out err "$NGINX" -t -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log"
check "nginx accepts the example" is "$rc" 0
[ "$rc" -eq 0 ] || cat "$TMP/err"
"$NGINX" -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log" &
nginx_pid=$!
wait_socket "$NG/front.sock"
check "nginx listens" test -S "$NG/front.sock"

# front OUT PATH [CURL ARGS...]: through nginx; status in $code, headers
# in $TMP/OUT.h.
front() {
    o=$1
    p=$2
    shift 2
    code=$(curl -sS --max-time 5 --unix-socket "$NG/front.sock" \
        -D "$TMP/$o.h" -o "$TMP/$o" -w '%{http_code}' "$@" \
        "http://news.example.org$p") || code=000
}
is_json_error() { # FILE CODE
    json "$1" "d['error']['code'] == '$2' and d['error']['message']"
}

front s '/search?q=azure+surveillance&limit=3'
check "search through nginx: 200" is "$code" 200
check "search through nginx: the hits" json s "len(d['hits']) == 3"

# Compression is nginx's (the example's gzip lines): a client that accepts
# gzip gets the same answer gzipped, one that does not gets it plain.
front gz '/search?q=said&limit=10' -H 'Accept-Encoding: gzip'
check "gzip through nginx: 200" is "$code" 200
check "gzip through nginx: Content-Encoding gzip" \
    grep -qi '^content-encoding: gzip' "$TMP/gz.h"
check "gzip through nginx: Vary: Accept-Encoding" \
    grep -qi '^vary: accept-encoding' "$TMP/gz.h"
front pl '/search?q=said&limit=10'
check "no Accept-Encoding: plain JSON" json pl "len(d['hits']) == 10"
check "no Accept-Encoding: no Content-Encoding" \
    sh -c '! grep -qi "^content-encoding" "$1"' - "$TMP/pl.h"
check "gzip through nginx: the same answer, smaller" python3 -c '
import gzip, json, sys
z = open(sys.argv[1], "rb").read()
plain = open(sys.argv[2], "rb").read()
a, b = json.loads(gzip.decompress(z)), json.loads(plain)
a.pop("took_ms", None); b.pop("took_ms", None)
sys.exit(0 if a == b and len(z) * 2 < len(plain) else 1)' "$TMP/gz" "$TMP/pl"
front p '/search?q=azure' -X POST -d 'x=1'
check "POST: nsearchd's 405 passes through" is "$code" 405
check "POST: JSON body" is_json_error p method_not_allowed
check "POST: Allow header kept" grep -qi '^allow: GET, HEAD' "$TMP/p.h"
# The client's own X-Forwarded-For is not the address logged: nginx
# appends the one it was connected from (here "unix:", its socket, which
# is no IP address: "-").
front f '/search?q=forwarded' -H 'X-Forwarded-For: 203.0.113.66'
check "a forged X-Forwarded-For through nginx: 200" is "$code" 200
# The line is written once the answer is sent, maybe after curl is done.
i=0
while [ $i -lt 30 ] && ! grep -q 'access: GET /v1/search?q=forwarded ' \
    "$TMP/server.err"; do
    sleep 0.1
    i=$((i + 1))
done
check "a forged X-Forwarded-For: logged as nginx's last hop" grep -q \
    'access: GET /v1/search?q=forwarded 200 [0-9.]*ms -$' "$TMP/server.err"
check "a forged X-Forwarded-For: not logged" \
    lacks "$TMP/server.err" "203.0.113.66"
front b '/search?limit=abc'
check "bad parameter: 400 passes through" is "$code" 400
check "bad parameter: JSON" is_json_error b bad_parameter
front n /api/articles/no-such-id
check "unknown article: 404 JSON" is_json_error n not_found
# An id goes through byte for byte, percent-encoded as a whole (urllib's
# quote with no safe characters, as a client's encodeURIComponent does),
# to /api/articles/ and /api/related/: the answer is nsearchd's own.
enc() {
    python3 -c 'import sys, urllib.parse
print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}
while IFS= read -r id; do
    e=$(enc "$id")
    front a "/api/articles/$e"
    check "article '$id' through nginx: 200" is "$code" 200
    check "article '$id' through nginx: that article" json a \
        "d['id'] == $(printf '%s' "$id" | python3 -c 'import json, sys; print(json.dumps(sys.stdin.read()))')"
    get direct.json "/v1/related/$e?related=20&now=2025-09-10"
    front r "/api/related/$e?related=20&now=2025-09-10"
    check "related '$id' through nginx: 200" is "$code" 200
    check "related '$id' through nginx: as nsearchd answers" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
a.pop("took_ms"); b.pop("took_ms")
sys.exit(0 if a == b and a["related"] else 1)' "$TMP/r" "$TMP/direct.json"
done <"$TMP/ids.txt"
# A target nginx reads as an API path only once decoded or normalised is
# not guessed at: JSON 404.
front x '/api/%61rticles/abc'
check "encoded path prefix: 404" is "$code" 404
check "encoded path prefix: JSON" is_json_error x not_found

# Long requests nsearchd accepts are not refused by nginx first: a q of
# 4096 bytes (nsearchd's limit) in Cyrillic and Norwegian letters, 12 KB
# percent-encoded, where nginx's default header buffers are 8k.
python3 - "$TMP" <<'PY'
import sys, urllib.parse
words = "нефть ærlig øl søk новости "
q = (words * 400).encode()[:4096].decode("utf-8", "ignore").strip()
q += "ø" * ((4096 - len(q.encode())) // 2)
q += "a" * (4096 - len(q.encode()))
assert len(q.encode()) == 4096, len(q.encode())
open(sys.argv[1] + "/q4096", "w").write(urllib.parse.quote(q))
open(sys.argv[1] + "/q4097", "w").write(urllib.parse.quote(q + "a"))
PY
front l "/search?q=$(cat "$TMP/q4096")&limit=1"
check "4096-byte Cyrillic and Norwegian q through nginx: 200" is "$code" 200
check "4096-byte q: a search answer" json l "'hits' in d"
front l "/search?q=$(cat "$TMP/q4097")&limit=1"
check "4097-byte q: nsearchd's 414 passes through" is "$code" 414
check "4097-byte q: JSON" is_json_error l too_large
# Past what nsearchd would take, nginx's own refusals are JSON too: a URL
# over 64 KiB (414), a header over 64 KiB (its 494, as 431) and a body
# over client_max_body_size (413).
front u "/search?q=a&pad=$(python3 -c 'print("a" * 70000)')"
check "70 KB URL: 414" is "$code" 414
check "70 KB URL: JSON" is_json_error u too_large
check "70 KB URL: application/json" grep -qi '^content-type: application/json' "$TMP/u.h"
front h '/search?q=a' -H "X-Pad: $(python3 -c 'print("a" * 70000)')"
check "70 KB header: 431" is "$code" 431
check "70 KB header: JSON" is_json_error h too_large
# A request nginx finds malformed (HTTP/1.1 without Host): its 400, as
# JSON.
python3 - "$NG/front.sock" >"$TMP/nohost" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(b"GET /search?q=a HTTP/1.1\r\n\r\n")
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode("utf-8", "replace"))
PY
check "no Host header: nginx's 400" grep -q '^HTTP/1.1 400' "$TMP/nohost"
check "no Host header: JSON" contains "$TMP/nohost" \
    '{"error":{"code":"bad_request","message":'
python3 -c 'import sys; sys.stdout.write("x" * 1100000)' >"$TMP/body"
front bb '/search?q=a' --data-binary "@$TMP/body"
check "1.1 MB body: 413" is "$code" 413
check "1.1 MB body: JSON" is_json_error bb too_large

front m /metrics
check "metrics through nginx from the local socket" is "$code" 200
check "metrics are Prometheus text" contains "$TMP/m" "# TYPE nsearchd_requests_total counter"

# nsearchd stopped: nginx's 502, as JSON.
kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=
front d '/search?q=azure'
check "nsearchd stopped: 502" is "$code" 502
check "502 has a JSON body" is_json_error d unavailable
check "502 says no answer came, not why" json d \
    "d['error']['message'] == 'the search server did not answer; try again later'"
check "502 is application/json" grep -qi '^content-type: application/json' "$TMP/d.h"

# nsearchd too slow: a listener on its socket that never answers; nginx's
# 504 after proxy_read_timeout (1 s here), as JSON.
python3 - "$SOCK" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
held = []
end = time.time() + 8
s.settimeout(0.2)
while time.time() < end:
    try:
        held.append(s.accept()[0])
    except socket.timeout:
        pass
PY
slow_pid=$!
wait_socket "$SOCK"
front t '/search?q=azure'
check "nsearchd silent: 504" is "$code" 504
check "504 has a JSON body" is_json_error t timeout
kill "$slow_pid" 2>/dev/null
wait "$slow_pid" 2>/dev/null
slow_pid=

# nsearchd running but closing a connection unanswered (a listener that
# reads the request and closes): the same 502, whose message does not send
# the operator to start a server that is running.
rm -f "$SOCK"
python3 - "$SOCK" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
end = time.time() + 8
s.settimeout(0.2)
while time.time() < end:
    try:
        c = s.accept()[0]
    except socket.timeout:
        continue
    c.settimeout(2)
    got = b""
    try:
        while b"\r\n\r\n" not in got:
            d = c.recv(4096)
            if not d:
                break
            got += d
    except OSError:
        pass
    c.close()
PY
slow_pid=$!
wait_socket "$SOCK"
front c '/search?q=azure'
check "nsearchd closes unanswered: 502" is "$code" 502
check "that 502 has the same JSON body" json c \
    "d['error']['message'] == 'the search server did not answer; try again later'"
kill "$slow_pid" 2>/dev/null
wait "$slow_pid" 2>/dev/null
slow_pid=

kill "$nginx_pid"
wait "$nginx_pid" 2>/dev/null
nginx_pid=
finish
