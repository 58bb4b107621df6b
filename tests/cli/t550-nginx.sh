#!/bin/sh
# t550-nginx.sh - examples/nginx.conf, run by a real nginx in front of a
# real nsearchd, keeps every error JSON: nsearchd's own errors (405 with
# its Allow header, 400, 404) pass through, and nginx's 502 (nsearchd
# stopped) and 504 (nsearchd too slow) come back as JSON.  nginx listens
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
start_server
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
front p '/search?q=azure' -X POST -d 'x=1'
check "POST: nsearchd's 405 passes through" is "$code" 405
check "POST: JSON body" is_json_error p method_not_allowed
check "POST: Allow header kept" grep -qi '^allow: GET, HEAD' "$TMP/p.h"
front b '/search?limit=abc'
check "bad parameter: 400 passes through" is "$code" 400
check "bad parameter: JSON" is_json_error b bad_parameter
front n /api/articles/no-such-id
check "unknown article: 404 JSON" is_json_error n not_found
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

kill "$nginx_pid"
wait "$nginx_pid" 2>/dev/null
nginx_pid=
finish
