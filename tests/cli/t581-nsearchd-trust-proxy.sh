#!/bin/sh
# t581-nsearchd-trust-proxy.sh - Behind a proxy every connection comes
# from the proxy: with --trust-proxy each access and slow log line ends
# with the client address the proxy forwards, the last entry of
# X-Forwarded-For (the one the proxy added; those before it are the
# client's own word), else X-Real-IP, else "-"; a value that is no IP
# address is logged as "-", not copied.  Off by default, when no header
# of the client's goes into the log.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# hit PATH [CURL ARGS...]: GET PATH, status in $code.
hit() {
    p=$1
    shift
    code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -o /dev/null \
        -w '%{http_code}' "$@" "http://localhost$p") || code=000
}
# logged PATH: the access line of PATH's request, without its prefix and
# its time ("GET PATH 200 CLIENT").
logged() {
    sed -n "s/^nsearchd\[[0-9]*\]: access: \(GET [^ ]* [0-9-]*\) [0-9.]*ms/\1/p" \
        "$TMP/server.err" | grep "^GET $1 "
}

index_samples

run out err "$NSEARCH_BIN/nsearchd" --help
check "--help names --trust-proxy" contains "$TMP/out" "--trust-proxy"

check "starts with --access-log --trust-proxy" \
    start_server --access-log --trust-proxy
hit /health?a -H 'X-Forwarded-For: 203.0.113.7'
check "one address: 200 ($code)" is "$code" 200
hit /health?b -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.8'
hit /health?c -H 'X-Forwarded-For: 198.51.100.2' \
    -H 'X-Forwarded-For: 10.0.0.1,203.0.113.9'
hit /health?d -H 'X-Real-IP: 2001:db8::7'
hit /health?e -H 'X-Real-IP: 198.51.100.3' -H 'X-Forwarded-For: 203.0.113.10'
hit /health?f -H 'X-Forwarded-For: <script>alert(1)</script>'
hit /health?g -H 'X-Forwarded-For: 203.0.113.11, evil'
hit /health?h
hit '/v1/search?q=azure&limit=x' -H 'X-Forwarded-For: 203.0.113.12'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=
check "the address" is "$(logged '/health?a')" "GET /health?a 200 203.0.113.7"
check "a list: its last entry, the proxy's" \
    is "$(logged '/health?b')" "GET /health?b 200 203.0.113.8"
check "two fields: the last entry of the last" \
    is "$(logged '/health?c')" "GET /health?c 200 203.0.113.9"
check "X-Real-IP, IPv6" is "$(logged '/health?d')" "GET /health?d 200 2001:db8::7"
check "X-Forwarded-For before X-Real-IP" \
    is "$(logged '/health?e')" "GET /health?e 200 203.0.113.10"
check "no address: -" is "$(logged '/health?f')" "GET /health?f 200 -"
check "no address: not copied into the log" lacks "$TMP/server.err" "script"
check "a last entry that is no address: -, not the one before" \
    is "$(logged '/health?g')" "GET /health?g 200 -"
check "no header: -" is "$(logged '/health?h')" "GET /health?h 200 -"
check "an error too" is "$(logged '/v1/search?q=azure&limit=x')" \
    "GET /v1/search?q=azure&limit=x 400 203.0.113.12"

: >"$TMP/server.err"
check "starts with --slow-log 0 --trust-proxy" \
    start_server --slow-log 0 --trust-proxy
hit /health?s -H 'X-Forwarded-For: 203.0.113.13'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=
check "the slow log ends with the address too" grep -q \
    'nsearchd\[[0-9]*\]: slow: GET /health?s 200 [0-9.]*ms 203\.0\.113\.13$' \
    "$TMP/server.err"

: >"$TMP/server.err"
check "starts with --access-log alone" start_server --access-log
hit /health?n -H 'X-Forwarded-For: 203.0.113.14'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=
check "without --trust-proxy: the line as before" grep -q \
    'nsearchd\[[0-9]*\]: access: GET /health?n 200 [0-9.]*ms$' \
    "$TMP/server.err"
check "without --trust-proxy: no forwarded address" \
    lacks "$TMP/server.err" "203.0.113.14"

# The example proxy passes both fields in every location it proxies.
conf=$top/examples/nginx.conf
n_pass=$(grep -c '^ *proxy_pass ' "$conf")
check "nginx.conf: X-Forwarded-For in each of $n_pass proxied locations" \
    is "$(grep -c '^ *proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;' "$conf")" "$n_pass"
check "nginx.conf: X-Real-IP in each of them" \
    is "$(grep -c '^ *proxy_set_header X-Real-IP \$remote_addr;' "$conf")" "$n_pass"
finish
