#!/bin/sh
# t287-nsearchd-script-dates.sh - nsearchd's from=/to= take the dates the
# API itself returns: a hit's "date" (1987-02-26T15:01:01Z) was a 400,
# while q=date:1987-02-26T15:01:01Z was read as its day.  A value still
# refused names the forms that are read.
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
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
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
get bad '/v1/search?q=cocoa&from=May%201987'
check "no date: 400" is "$code" 400
check "the 400 lists the forms read" contains "$TMP/bad" \
    "YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or DD.MM.YYYY"
check "... the date-time too" contains "$TMP/bad" "1987-02-26T15:01:01Z (its day)"
finish
