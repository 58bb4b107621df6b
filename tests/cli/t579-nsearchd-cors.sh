#!/bin/sh
# t579-nsearchd-cors.sh - --cors ORIGIN lets a site's pages on another
# origin read the answers: Access-Control-Allow-Origin on every answer,
# errors too, the ETag exposed, and OPTIONS preflights answered 204.
# Off by default: no CORS header, and OPTIONS is 405.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

ORIGIN=https://www.example.org
PRE="-X OPTIONS -H Origin:$ORIGIN -H Access-Control-Request-Method:GET"

index_samples

# Off by default.
check "starts without --cors" start_server
fetch a '/v1/search?q=azure' -H "Origin: $ORIGIN"
check "no --cors: 200 ($code)" is "$code" 200
check "no --cors: no Access-Control-Allow-Origin" \
    is "$(field a access-control-allow-origin)" ""
fetch o '/v1/search?q=azure' $PRE
check "no --cors: OPTIONS is 405 ($code)" is "$code" 405
check "no --cors: Allow GET, HEAD" is "$(field o allow)" "GET, HEAD"
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

run out err "$NSEARCH_BIN/nsearchd" --db "$TMP/db" --socket "$SOCK" \
    --cors www.example.org
check "--cors without a scheme: usage error ($rc)" is "$rc" 2
check "--cors without a scheme: says why" contains "$TMP/err" \
    "--cors needs an origin such as https://www.example.org, or *, not 'www.example.org'"
run out err "$NSEARCH_BIN/nsearchd" --db "$TMP/db" --socket "$SOCK" \
    --cors "$ORIGIN/"
check "--cors with a path: usage error ($rc)" is "$rc" 2

check "starts with --cors $ORIGIN" start_server --cors "$ORIGIN"
fetch a '/v1/search?q=azure' -H "Origin: $ORIGIN"
check "search: 200 ($code)" is "$code" 200
check "search: Access-Control-Allow-Origin" \
    is "$(field a access-control-allow-origin)" "$ORIGIN"
check "search: the ETag exposed" \
    is "$(field a access-control-expose-headers)" ETag
fetch e '/v1/search?limit=x' -H "Origin: $ORIGIN"
check "an error: 400 ($code)" is "$code" 400
check "an error: readable by the page too" \
    is "$(field e access-control-allow-origin)" "$ORIGIN"
fetch nm '/v1/search?q=azure' -H "If-None-Match: $(field a etag)"
check "a 304 too ($code)" is "$code:$(field nm access-control-allow-origin)" \
    "304:$ORIGIN"

fetch p '/v1/search?q=azure' $PRE \
    -H 'Access-Control-Request-Headers: if-none-match'
check "preflight: 204 ($code)" is "$code" 204
check "preflight: no body" test ! -s "$TMP/p"
check "preflight: the origin" \
    is "$(field p access-control-allow-origin)" "$ORIGIN"
check "preflight: GET and HEAD" \
    is "$(field p access-control-allow-methods)" "GET, HEAD"
check "preflight: If-None-Match may be sent" \
    is "$(field p access-control-allow-headers)" If-None-Match
check "preflight: kept 600 s" is "$(field p access-control-max-age)" 600
fetch p2 '/v1/articles/azure-surveillance-investigation' $PRE
check "preflight of an article: 204 ($code)" is "$code" 204
fetch p3 '/nowhere' $PRE
check "preflight of no endpoint: 404 ($code)" is "$code" 404
fetch post '/v1/search?q=azure' -X POST -H "Origin: $ORIGIN"
check "POST: still 405 ($code)" is "$code" 405
check "POST: Allow names OPTIONS" is "$(field post allow)" \
    "GET, HEAD, OPTIONS"

# A preflight keeps the connection open, as a GET does: two requests on
# one connection, one connect.
n=$(curl -sS --max-time 5 --unix-socket "$SOCK" -o /dev/null -o /dev/null \
    -w '%{num_connects}\n' -X OPTIONS -H "Origin: $ORIGIN" \
    http://localhost/v1/search http://localhost/v1/search | tr '\n' ' ')
check "preflights on one kept-alive connection ($n)" is "$n" "1 0 "
get st.json /v1/stats
check "a preflight is no error" json st.json 'd["errors"] == 3'
get m.txt /metrics
check "/metrics counts the 204s" grep -q \
    '^nsearchd_requests_total{route="search",status="204"} 3$' "$TMP/m.txt"
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

check "starts with --cors '*'" start_server --cors '*'
fetch s '/health' -H "Origin: $ORIGIN"
check "--cors '*': any origin" is "$(field s access-control-allow-origin)" '*'
finish
