#!/bin/sh
# t311-query-written-dates.sh - A date as people write it, which an
# article's metadata is dated by, read where a query takes a date:
# date:"March 1987" is that month and date:"5. januar 2023" that day, in
# a query and in nsearchd's from and to.  Before, each was "not a date":
# the filter was dropped and every article came back (a 400 over HTTP).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

D=$TMP/site
mkdir -p "$D"
# post NAME DATE TITLE: a post dated DATE, about the snow.
post() {
    printf -- '---\ntitle: %s\ndate: %s\n---\nThe snow lay on the quay.\n' \
        "$3" "$2" >"$D/$1.md"
}
post m1 "March 1987" "Snow in the harbour"
post m2 "1987-03-31T23:00:00Z" "Late snow on the ferry"
post a1 "1987-04-01" "April snow on the bridge"
post f1 "1987-02-28" "February snow in the square"
post j1 "5. januar 2023" "Snø på kaia"
post j2 "2023-01-06" "Snø i byen"
nindex --quiet --db "$TMP/db" "$D"

# ids QUERY: the posts QUERY finds (their ids without .md), sorted, and its warnings in $TMP/err.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 "$1" \
        2>"$TMP/err" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"][:-3] for h in json.load(sys.stdin)["hits"])))'
}
check 'date:"March 1987" is the month' is "$(ids 'snow date:"March 1987"')" "m1 m2"
check "... with no warning" lacks "$TMP/err" "not a date"
check 'date:"mars 1987" (Norwegian) is the month' \
    is "$(ids 'date:"mars 1987"')" "m1 m2"
check 'date:"5. januar 2023" is the day' is "$(ids 'date:"5. januar 2023"')" "j1"
check 'date:"March 1987..April 1987" is both months' \
    is "$(ids 'date:"March 1987..April 1987"')" "a1 m1 m2"
check 'date:"Tue, 31 Mar 1987 23:00:00 GMT" is its day' \
    is "$(ids 'date:"Tue, 31 Mar 1987 23:00:00 GMT"')" "m2"

# ---- nsearchd's from and to read them the same way ----------------------
check "nsearchd starts" start_server
# http_ids ARGS: the posts (as ids) of /v1/search?q=snow&ARGS, or the status.
http_ids() {
    get r.json "/v1/search?q=snow&limit=50&collapse=0&related=0&$1"
    if [ "$code" != 200 ]; then echo "$code"; return; fi
    python3 -c 'import json, sys
print(" ".join(sorted(h["id"][:-3] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/r.json"
}
check "from=March 1987&to=March 1987 is the month" \
    is "$(http_ids 'from=March%201987&to=March%201987')" "m1 m2"
check "to=Feb 1987 is up to its last day" is "$(http_ids 'to=Feb%201987')" "f1"
check "from=5. januar 2023 is from that day" \
    is "$(http_ids 'from=5.%20januar%202023')" "j1 j2"
get e.json "/v1/search?q=snow&from=soon"
check "a value that is no date: 400 naming the written forms" json e.json \
    'd["error"]["code"] == "bad_parameter" and "March 1987 or 5. januar 2023" in d["error"]["message"]'
finish
