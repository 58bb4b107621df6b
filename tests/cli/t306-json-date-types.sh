#!/bin/sh
# t306-json-date-types.sh - A "date" or "updated" of a JSON record that is
# not a string.  An export that keeps a year or a day as a number
# ("date": 2025, 20250101), or a database dump's {"$date": ...}, had every
# record refused, "field 'date' is not a string" (exit 3, nothing indexed),
# where the same date as text that does not read costs the date alone and
# keeps the article undated.  A number is now the date its digits spell;
# an object, a list or true is left out with a warning, the article kept.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/dates.jsonl" <<'EOF2'
{"id":"d1","title":"Harbour year","body":"A year as a number.","date":2025}
{"id":"d2","title":"Harbour day","body":"A day as a number.","date":20250314}
{"id":"d3","title":"Harbour epoch","body":"Unix seconds.","date":1735689600}
{"id":"d4","title":"Harbour object","body":"A dump's date.","date":{"$date":"2025-01-01T00:00:00Z"}}
{"id":"d5","title":"Harbour list","body":"A list.","date":["2025-01-01"]}
{"id":"d6","title":"Harbour true","body":"A switch.","date":true}
{"id":"d7","title":"Harbour updated","body":"A number updated.","date":"2025-02-01","updated":20250301}
{"id":"d8","title":"Harbour updated object","body":"An object updated.","date":"2025-02-02","updated":{"t":1}}
EOF2
run out err nindex --db "$TMP/db" "$TMP/dates.jsonl"
check "every record is indexed, exit 0" is "$rc" 0
check "8 added, none skipped" \
    contains "$TMP/out" "8 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"

ids() { nsearch --db "$TMP/db" --json --no-collapse -n 100 "$@" |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
date_of() { nsearch --db "$TMP/db" --json --no-collapse "id:$1" |
    python3 -c 'import json,sys; h = json.load(sys.stdin)["hits"]; print(h[0].get("date") if h else "gone")'; }
check "all eight searchable" is "$(ids harbour)" "d1 d2 d3 d4 d5 d6 d7 d8"
check "a year as a number dates the article" is "$(ids 'date:2025..2025' harbour)" "d1 d2 d7 d8"
check "a day as a number is that day" is "$(date_of d2)" "2025-03-14T00:00:00Z"
check "an object date: kept undated" is "$(date_of d4)" "None"
check "an object date: said, with file:line" contains "$TMP/err" \
    "dates.jsonl:4: field 'date' holds an object, not a date: not read; the article is kept undated"
check "a list date: said" contains "$TMP/err" \
    "dates.jsonl:5: field 'date' holds a list, not a date"
check "true as a date: said" contains "$TMP/err" \
    "dates.jsonl:6: field 'date' holds true or false, not a date"
check "Unix seconds: said as a date that does not read" contains "$TMP/err" \
    "dates.jsonl:3: unparsable date '1735689600': not read; the article is kept undated"
check "an updated number is read as a date" is \
    "$(nsearch --db "$TMP/db" --show d7 --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("updated"))')" \
    "2025-03-01T00:00:00Z"
check "an updated object: left out with a warning" contains "$TMP/err" \
    "dates.jsonl:8: field 'updated' holds an object, not a date; left out"

# In a JSON array too, as an exporter writes it.
python3 -c '
import json
print(json.dumps([{"id": "a%d" % i, "title": "Pier %d" % i, "body": "x", "date": 20240100 + i}
                  for i in range(1, 21)]))' >"$TMP/arr.json"
run out err nindex --db "$TMP/arr" "$TMP/arr.json"
check "array of number dates: 20 added, exit 0" \
    is "$rc $(grep -o '[0-9]* added.* skipped' "$TMP/out")" \
    "0 20 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
finish
