#!/bin/sh
# t244-dead-date-filter.sh - A date filter no article is dated in says so
# when the search finds nothing (common/dead-filters.cc), as a section no
# article has does: date:2005 on BBC News (no dates) and date:1999 on
# Reuters (1987) answered a bare "No matches".  With the archive's first
# and last date; "no article has a date" on an archive without dates;
# nothing when the date has articles and the words emptied the search.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
for i, day in enumerate(["2025-01-05", "2025-01-20", "2025-02-03",
                         "2025-03-01", "2025-03-20"]):
    print(json.dumps({"id": "d%d" % i, "title": "Harbour story %d" % i,
                      "body": "The harbour council met.",
                      "section": "local", "date": day + "T12:00:00Z"}))
PY
sed 's/, "date": "[^"]*"//' "$TMP/a.jsonl" >"$TMP/undated.jsonl"
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "indexed, no dates" nindex --quiet --db "$TMP/undated" "$TMP/undated.jsonl"

# search DB ARGS...: stdout in $TMP/out, stderr in $TMP/err, status $rc.
search() {
    db=$1
    shift
    run out err nsearch --db "$TMP/$db" --related 0 --snippet-len 0 "$@"
}
range="(the archive's dates run from 2025-01-05 to 2025-03-20)"

search db -n 2 'date:1999'
check "date:1999: no matches, exit 0" is "$rc:$(grep -c '^No matches' "$TMP/out")" 0:1
check "date:1999: no article is dated 1999, and the archive's range" \
    contains "$TMP/err" "no article is dated 1999 $range"
search db -n 2 'date:1999 harbour'
check "date:1999 harbour: said too" contains "$TMP/err" "no article is dated 1999 $range"
search db -n 2 'harbour date:2030..2031'
check "a range after the archive: as typed" contains "$TMP/err" \
    "no article is dated 2030..2031 $range"
search db -n 2 'harbour date:2025-02-10'
check "a day within the range with no story: said" contains "$TMP/err" \
    "no article is dated 2025-02-10 $range"
search db -n 2 'zebra date:2025-01'
check "a date with articles, no word found: nothing said of it" \
    lacks "$TMP/err" "dated"
search db -n 2 'harbour NOT date:1999'
check "NOT date:1999 finds the harbour stories" contains "$TMP/out" "5 matches"
search db -n 2 'zebra NOT date:1999'
check "zebra NOT date:1999: the date did not empty it, nothing said" \
    lacks "$TMP/err" "dated"
search db --json -n 2 'date:1999'
check "--json: the warning" json out \
    'd["total"] == 0 and "no article is dated 1999 " + "'"$range"'" in d["warning"]'
search undated -n 2 'date:2005'
check "no dates at all: no article has a date" contains "$TMP/err" \
    "no article has a date"
search undated -n 2 'date:2005 harbour'
check "no dates at all, with words: said" contains "$TMP/err" \
    "no article has a date"

# nsearchd: from and to, as date: reads them.
check "server starts" start_server
get r.json "/v1/search?q=harbour&from=1999&to=1999"
check "from=1999&to=1999: none, said as the days" json r.json \
    'd["total"] == 0 and "no article is dated 1999-01-01..1999-12-31 " + "'"$range"'" in d["warning"]'
get r.json "/v1/search?q=harbour&from=2030"
check "from=2030: said as 2030-01-01.." json r.json \
    'd["total"] == 0 and "no article is dated 2030-01-01.. " in d["warning"]'
get r.json "/v1/search?q=harbour&from=2025-01&to=2025-01"
check "from=2025-01: two stories, nothing said" json r.json \
    'd["total"] == 2 and "dated" not in d.get("warning", "")'
finish
