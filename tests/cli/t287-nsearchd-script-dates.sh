#!/bin/sh
# t287-nsearchd-script-dates.sh - What a script paging nsearchd relies on.
# 1. from=/to= take the dates the API itself returns: a hit's "date"
#    (1987-02-26T15:01:01Z) was a 400, while q=date:1987-02-26T15:01:01Z
#    was read as its day.  A value still refused names the forms read.
# 2. Paging ends: at the offset cap has_more stayed true (and the next
#    page was a 400), and with limit=0 it was true whenever anything
#    matched, so an `offset += limit` loop never ended.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
rows = [("a1", "1987-02-25T23:59:59Z"), ("a2", "1987-02-26T15:01:01Z"),
        ("a3", "1987-02-26T18:00:00Z"), ("a4", "1987-02-27T00:00:00Z")]
with open(sys.argv[1], "w") as f:
    for i, d in rows:
        f.write(json.dumps({"id": i, "title": "Cocoa " + i,
                            "body": "cocoa harvest", "date": d}) + "\n")
PY
write_stories "$TMP/many.jsonl" m 10030
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" "$TMP/many.jsonl"
check "the archive builds" is "$rc" 0
start_server
check "nsearchd starts" is "$?" 0

ids() {
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/$1"
}
get day '/v1/search?q=cocoa&from=1987-02-26T15:01:01Z&to=1987-02-26T15:01:01Z'
check "from/to as a date-time: 200" is "$code" 200
check "... the whole day" is "$(ids day)" "a2 a3"
get q '/v1/search?q=cocoa%20date:1987-02-26T15:01:01Z'
check "as date: reads it" is "$(ids q)" "$(ids day)"
# The date a hit gives, fed back as from=.
get all '/v1/search?q=cocoa&sort=oldest&limit=1&offset=1'
d=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["hits"][0]["date"])' "$TMP/all")
get back "/v1/search?q=cocoa&from=$d"
check "a hit's own date as from=: 200" is "$code" 200
check "... from its day on" is "$(ids back)" "a2 a3 a4"
get off '/v1/search?q=cocoa&to=1987-02-26T10:00:00%2B02:00'
check "with an offset: 200" is "$code" 200
check "... its day as written" is "$(ids off)" "a1 a2 a3"
get bad '/v1/search?q=cocoa&from=1987-02-26T25:00:00Z'
check "an impossible time: 400" is "$code" 400
get bad '/v1/search?q=cocoa&from=soon'
check "no date: 400" is "$code" 400
check "the 400 lists the forms read" contains "$TMP/bad" \
    "YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY"
check "... the date-time too" contains "$TMP/bad" "1987-02-26T15:01:01Z (its day)"

# 2. Paging.
more() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["has_more"], len(d["hits"]), d.get("warning", ""))' "$TMP/$1"
}
get p1 '/v1/search?q=harbour&offset=9990&limit=10'
check "a page below the cap: more to come" is "$(more p1)" "True 10 "
get p2 '/v1/search?q=harbour&offset=10000&limit=10'
check "the page at the cap: 200" is "$code" 200
check "... has_more false, hits served" is "$(more p2 | cut -d' ' -f1-2)" "False 10"
check "... a warning says what to do" contains "$TMP/p2" "there are more hits, but pages past 10,000 hits are not served: narrow the query, by a date range for one, or use nsearch --offset"
check "... in one sentence" lacks "$TMP/p2" "but ("
get p3 '/v1/search?q=harbour&offset=10001&limit=10'
check "past the cap: 400" is "$code" 400
check "... saying what to do" contains "$TMP/p3" "narrow the query, by a date range for one"
get c0 '/v1/search?q=harbour&limit=0'
check "limit=0: a count, no next page" is "$(more c0)" "False 0 "
check "... the count kept" is "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"] > 10000)' "$TMP/c0")" True
finish
