#!/bin/sh
# t289-partial-http.sh - nsearchd: partial=true, collapse=true and
# suggest=true as JavaScript's URLSearchParams writes them (searcher/
# params.c), and a phrase in typographic quotes with partial is the
# phrase (common/query-partial.cc).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

index_samples
check "samples indexed" test -d "$TMP/db"
check "server starts" start_server

# json_total FILE: the total of the JSON answer in $TMP/FILE.
json_total() {
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"])' \
        "$TMP/$1" 2>/dev/null
}

get one.json "/v1/search?q=external%20revie&partial=1&limit=0"
get true.json "/v1/search?q=external%20revie&partial=true&limit=0"
check "partial=true: 200" is "$code" 200
check "partial=true is partial=1" \
    is "$(json_total one.json)" "$(json_total true.json)"
get off.json "/v1/search?q=external%20revie&partial=false&limit=0&suggest=false"
check "partial=false: 200" is "$code" 200
check "partial=false completes nothing" json off.json 'd["total"] < '"$(json_total one.json)"
get on.json "/v1/search?q=external%20revie&partial=ON&collapse=true&suggest=on&limit=0"
check "partial=ON collapse=true suggest=on: 200" is "$code" 200
check "partial=ON is partial=1" \
    is "$(json_total on.json)" "$(json_total one.json)"
get nc.json "/v1/search?q=azure&collapse=false&limit=0"
get n0.json "/v1/search?q=azure&collapse=0&limit=0"
check "collapse=false is collapse=0" \
    is "$(json_total nc.json)" "$(json_total n0.json)"
get bad.json "/v1/search?q=azure&partial=yes"
check "partial=yes: 400" is "$code" 400
check "partial=yes: says what it takes" contains "$TMP/bad.json" "true"

# A phrase in a phone's quotes, with partial: the phrase's hits.
get p.json "/v1/search?q=%22external%20review%22&limit=0"
get c.json "/v1/search?q=%E2%80%9Cexternal%20review%E2%80%9D&partial=1&limit=0"
check "“external review” with partial=1 is the phrase" \
    is "$(json_total c.json)" "$(json_total p.json)"

finish
