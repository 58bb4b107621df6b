#!/bin/sh
# t583-nsearchd-log-cut-off.sh - The access and slow logs say the status a
# request is counted under in /metrics.  A client that gave up while its
# search ran (curl --max-time) never got the 200 made for it: the metrics
# counted it under status="none", but its access and slow lines said 200,
# so an operator could not match the log with the metrics.  Now they say
# none, and the warning before them names the answer that was cut off.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index" busy_archive
check "server starts" start_server --threads 1 --access-log --slow-log 0 \
    --request-timeout 0

# A client that leaves while its search runs: the 200 is made, then
# cannot be sent.
curl -s --max-time 0.1 --unix-socket "$SOCK" -o /dev/null \
    "http://localhost$SLOW&cut=1" 2>/dev/null
# The next request waits for that search on the only thread; by its answer
# the cut request has ended, and is in the log and the metrics.
get ok.json "/v1/search?q=note&limit=1&whole=1"
check "a whole answer: 200 ($code)" is "$code" 200
get metrics.txt /metrics
sleep 0.2

# line KIND TAG: the status of the KIND (access or slow) line of the
# request whose URL holds TAG.
line() {
    sed -n "s/^nsearchd\[[0-9]*\]: $1: GET [^ ]*$2[^ ]* \([^ ]*\) [0-9.]*ms\$/\1/p" \
        "$TMP/server.err"
}
check "the cut request's access line says none ($(line access cut=1))" \
    is "$(line access cut=1)" none
check "its slow line says none ($(line slow cut=1))" \
    is "$(line slow cut=1)" none
check "the metrics count it under none, as the log" \
    grep -q '^nsearchd_requests_total{route="search",status="none"} 1$' \
    "$TMP/metrics.txt"
check "the warning names the answer cut off" \
    grep -q 'warning: .* mid-response, its 200 cut off: GET .*cut=1' \
    "$TMP/server.err"
check "a whole answer's access line says 200 ($(line access whole=1))" \
    is "$(line access whole=1)" 200
check "and its slow line ($(line slow whole=1))" is "$(line slow whole=1)" 200
check "the metrics count it under 200" \
    grep -q '^nsearchd_requests_total{route="search",status="200"} 1$' \
    "$TMP/metrics.txt"

finish
