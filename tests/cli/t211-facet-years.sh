#!/bin/sh
# t211-facet-years.sh - Facets of an archive that spans centuries.  The
# year and month listings were cut at 50 values, newest first, without a
# word: 3 articles a year for 1850-1899 and 1 a year for 1900-2000 listed
# 2000 down to 1951, the 19th century's 150 of 251 matches missing, with
# "exact" true.  Now every year is listed, and a month listing that is
# cut keeps the largest months and says what it left out, in JSON and
# in text.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    n = 0
    for year in range(1850, 2001):
        for k in range(3 if year < 1900 else 1):
            n += 1
            f.write(json.dumps({"id": "a%d" % n, "title": "Almanac %d" % n,
                                "date": "%d-%02d-10T00:00:00Z" % (year, k + 1),
                                "body": "The almanac of the year."}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
q() { nsearch --db "$TMP/db" --related 0 --snippet-len 0 --limit 0 "$@"; }

q --json --facets year,month almanac >"$TMP/f.json"
check "every year is listed, 1850 to 2000" python3 - "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
years = [v["value"] for v in f["year"]]
assert years == [str(y) for y in range(2000, 1849, -1)], years[:3] + years[-3:]
assert sum(v["count"] for v in f["year"]) == 251, f["year"][-3:]
assert [v["count"] for v in f["year"] if v["value"] == "1850"] == [3]
PY
check "the year listing is not said to be cut" python3 - "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
assert "year" not in f.get("left_out", {}), f["left_out"]
PY
# 251 months of one article each: the 50 listed are the newest (ties of
# the largest count), and the 201 left out are said, with what their
# counts add up to.
check "a cut month listing says what it left out" python3 - "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
months = f["month"]
assert len(months) == 50, len(months)
left = f["left_out"]["month"]
assert left == {"values": 201, "count": 201}, left
assert sum(v["count"] for v in months) + left["count"] == 251
values = [v["value"] for v in months]
assert values == sorted(values, reverse=True), values
PY

# A month listing cut where the counts differ keeps the largest ones.
python3 - "$TMP/b.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    n = 0
    for year in range(1950, 1960):
        for month in range(1, 13):
            # a busy month of 4 in 1950-1953; the others 1
            for k in range(4 if year < 1954 and month == 6 else 1):
                n += 1
                f.write(json.dumps({"id": "b%d" % n, "title": "Ledger %d" % n,
                    "date": "%d-%02d-%02dT00:00:00Z" % (year, month, k + 1),
                    "body": "The ledger."}) + "\n")
PY
nindex --quiet --db "$TMP/db2" "$TMP/b.jsonl"
nsearch --db "$TMP/db2" --related 0 --limit 0 --json --facets month ledger \
    >"$TMP/m.json"
check "the largest months are kept, the old busy ones included" python3 - "$TMP/m.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
values = [v["value"] for v in f["month"]]
for y in range(1950, 1954):
    assert "%d-06" % y in values, values
assert values[-1] == "1950-06", values[-3:]
assert f["left_out"]["month"] == {"values": 70, "count": 70}, f["left_out"]
PY

run out err nsearch --db "$TMP/db2" --related 0 --limit 0 --facets month ledger
check "text: the cut month listing says so" contains "$TMP/out" \
    "; 70 more left out (70)"
run out err q --facets year almanac
check "text: the oldest year is listed" contains "$TMP/out" ", 1850 (3)"
check "text: nothing said left out of the years" lacks "$TMP/out" "left out"

finish
