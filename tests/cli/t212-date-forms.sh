#!/bin/sh
# t212-date-forms.sh - Dates given as a year or a month, or with a time,
# where a day was all that was read: nsearchd's from/to (400 for
# from=1963, which date:1963 reads), a page's <time datetime="1963-05">
# (no date at all), and date:1963-07-05T10:00 in a query (its time
# searched as words).  And related posts dated after --now, which no
# window kept out: listed first as "just now".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
days = ["1962-12-31", "1963-01-01", "1963-05-01", "1963-05-31", "1963-06-01",
        "1963-12-31", "1964-01-01"]
with open(sys.argv[1], "w") as f:
    for i, d in enumerate(days):
        f.write(json.dumps({"id": "d" + d, "title": "Tide table %d" % i,
                            "date": d + "T12:00:00Z",
                            "body": "The tide table of the day."}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
# json_ids FILE IDS: the hits in the JSON of FILE are IDS (sorted).
json_ids() {
    test "$(python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$1")" = "$2"
}

# ---- nsearchd's from and to read a year or a month whole -----------------
check "nsearchd starts" start_server
# ids PATH: the ids of the hits of /v1/search PATH, sorted, or the status.
ids() {
    get r.json "/v1/search?q=tide&limit=20&collapse=0&$1"
    if [ "$code" != 200 ]; then echo "$code"; return; fi
    python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/r.json"
}
check "from=1963&to=1963: the year" is "$(ids 'from=1963&to=1963')" \
    "d1963-01-01 d1963-05-01 d1963-05-31 d1963-06-01 d1963-12-31"
check "from=1963-05&to=1963-05: the month" is "$(ids 'from=1963-05&to=1963-05')" \
    "d1963-05-01 d1963-05-31"
check "to=1963-05: up to the month's last day" is "$(ids 'to=1963-05')" \
    "d1962-12-31 d1963-01-01 d1963-05-01 d1963-05-31"
check "from=1963-06: from the month's first day" is "$(ids 'from=1963-06')" \
    "d1963-06-01 d1963-12-31 d1964-01-01"
check "a day still reads" is "$(ids 'from=1963-05-31&to=31.05.1963')" \
    "d1963-05-31"
check "month 13 is refused" is "$(ids 'from=1963-13')" 400
check "a day past the month's end is refused" is "$(ids 'to=1963-02-30')" 400
get e.json "/v1/search?q=tide&from=soon"
check "another form: 400 naming the forms" json e.json \
    '"YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, March 1987 or 5. januar 2023 (a year or month taken whole), or a date-time such as 1987-02-26T15:01:01Z (its day); not \x27soon\x27" in d["error"]["message"]'
check "from after to (as months) is refused" is "$(ids 'from=1963-06&to=1963-05')" 400

# ---- a page dated by <time datetime> as a month or a year ---------------
mkdir -p "$TMP/pages"
cat >"$TMP/pages/month.html" <<'HTML'
<html><head><title>Harbour ice</title></head><body><article><h1>Harbour ice</h1><time datetime="1963-05">May 1963</time><p>The walrus harbour froze.</p></article></body></html>
HTML
cat >"$TMP/pages/year.html" <<'HTML'
<html><head><title>Harbour fog</title></head><body><article><h1>Harbour fog</h1><time datetime="1963">1963</time><p>The narwhal harbour fogged.</p></article></body></html>
HTML
cat >"$TMP/pages/ld.html" <<'HTML'
<html><head><title>Harbour tide</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour tide","datePublished":"1963-05"}</script></head><body><article><h1>Harbour tide</h1><p>The beluga harbour flooded.</p></article></body></html>
HTML
run out err nindex --db "$TMP/pages.db" "$TMP/pages"
check "pages: all read" is "$rc" 0
# date WORD: the date of the one hit for WORD.
date_of() {
    nsearch --db "$TMP/pages.db" --json --related 0 "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["date"])'
}
check "<time datetime=\"1963-05\">: the month's first day" \
    is "$(date_of walrus)" "1963-05-01T00:00:00Z"
check "<time datetime=\"1963\">: the year's first day" \
    is "$(date_of narwhal)" "1963-01-01T00:00:00Z"
check "the same as JSON-LD's datePublished 1963-05" \
    is "$(date_of beluga)" "$(date_of walrus)"

# ---- date: with a time: the day, and no leftover words -------------------
run out err nsearch --db "$TMP/db" --json --related 0 --no-collapse \
    'tide date:1963-05-31T10:00'
check "date:DAYTHH:MM: exit 0" is "$rc" 0
check "date:DAYTHH:MM: the day's article alone" json_ids "$TMP/out" d1963-05-31
check "date:DAYTHH:MM: no 'not a field name' warning" lacks "$TMP/err" "field name"
check "date:DAYTHH:MM: no 'not a date' warning" lacks "$TMP/err" "not a date"
run out err nsearch --db "$TMP/db" --json --related 0 --no-collapse \
    'tide date:1963-05-31T10:00:00Z..1963-06-01T08:00'
check "a range of date-times: its days" json_ids "$TMP/out" \
    "d1963-05-31 d1963-06-01"
run out err nsearch --db "$TMP/db" --json --related 0 --no-collapse \
    'tide (date:1963-05-31T10:00)'
check "in brackets: the day" json_ids "$TMP/out" d1963-05-31

# ---- related posts dated after --now are not out yet ---------------------
cat >"$TMP/g.jsonl" <<'JSON'
{"id": "g1", "title": "Glacier survey begins", "date": "2020-03-01T10:00:00Z", "body": "The glacier survey of the fjord begins with drones and ice cores."}
{"id": "g2", "title": "Melt found by the glacier survey", "date": "2020-03-05T10:00:00Z", "body": "Scientists on the glacier survey of the fjord report melt water in the ice cores drilled last winter."}
{"id": "g3", "title": "Last season of the glacier survey", "date": "2031-06-01T10:00:00Z", "body": "After twelve years the glacier survey of the fjord closes, and its ice cores go to a museum freezer."}
{"id": "g4", "title": "Drones return to the glacier survey", "date": "2020-03-06T10:00:00Z", "body": "Pilots fly the drones of the glacier survey over the fjord again to map where the ice cores came from."}
JSON
nindex --quiet --db "$TMP/g.db" "$TMP/g.jsonl"
rel() {
    nsearch --db "$TMP/g.db" --json --related-to g1 --now 2020-03-05T12:00:00Z "$@" |
        python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["related"]))'
}
check "no window: a post dated years after --now is left out" \
    is "$(rel --recent-days 0 | tr ' ' '\n' | grep -c g3)" 0
check "no window: one within two days of --now is kept" \
    is "$(rel --recent-days 0 | tr ' ' '\n' | grep -c g4)" 1
check "no window: the earlier one is kept" \
    is "$(rel --recent-days 0 | tr ' ' '\n' | grep -c g2)" 1
run out err nsearch --db "$TMP/g.db" --color never --related-to g1 \
    --now 2020-03-08T12:00:00Z --recent-days 0
check "text: no 'just now'" lacks "$TMP/out" "just now"

finish
