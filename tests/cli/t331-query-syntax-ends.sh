#!/bin/sh
# t331-query-syntax-ends.sh - Query syntax that was read silently wrong
# or said in a form nobody typed: a field with no value beside an
# operator ("title: AND oil", "oil NOT title:") goes with its operator,
# not through the syntax-error fallback; "_exists_:" with no field name
# is left out with a warning; a Lucene date range with one unit left
# between its ends is named as that unit, and one with an end that is
# no date is said as typed, not as the A..B it was rewritten to.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "o1", "title": "Oil prices rise", "body": "Crude oil rose.", "tags": ["crude"]},
    {"id": "o2", "title": "Oil output not cut", "body": "Oil output was not cut."},
    {"id": "g1", "title": "Gas output", "body": "Gas fell.", "date": "1987-03-01"},
    {"id": "n1", "title": "Not a title", "body": "Nothing here is not said."},
    {"id": "t1", "title": "Saigon report", "body": "From Saigon.", "date": "1963-05-01"},
]
with open(sys.argv[1], "w") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY: the ids QUERY finds, sorted, then "|" and its warning.
ids() {
    nsearch --db "$TMP/db" --json --limit 100 --related 0 -- "$1" \
        2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(",".join(sorted(h["id"] for h in d["hits"])) + "|" + str(d.get("warning", "")))'
}
w() { echo "'$1' has no value after it and was left out, with the $2 beside it: write $1WORD or $1\"a phrase\""; }

# A field with no value, and the operator it leaves joining nothing.
check "title: AND oil: oil, the AND with the field" \
    is "$(ids 'title: AND oil')" "o1,o2|$(w title: AND)"
check "oil OR title:: oil, the OR with the field" \
    is "$(ids 'oil OR title:')" "o1,o2|$(w title: OR)"
check "oil NOT title:: oil, not the words oil and not" \
    is "$(ids 'oil NOT title:')" "o1,o2|$(w title: NOT)"
check "(title: AND oil) gas: the group is oil" \
    is "$(ids '(title: AND oil) gas')" "g1,o1,o2|$(w title: AND)"
check "oil AND title: OR gas: oil AND gas" \
    is "$(ids 'oil AND title: OR gas' | cut -d'|' -f1)" ""
check "oil title: OR gas: the OR joins oil and gas, kept" \
    is "$(ids 'oil title: OR gas' | cut -d'|' -f1)" "g1,o1,o2"

# _exists_: with no field name.
ew="'_exists_:' has no value after it and was left out: write a field's name after it, as _exists_:author"
check "oil _exists_:: oil, said" \
    is "$(ids 'oil _exists_:')" "o1,o2|$ew"
check "_exists_: alone: every article, said" \
    is "$(ids '_exists_:')" "g1,n1,o1,o2,t1|$ew"
check "oil _exists_: tag (a space after the colon): the field" \
    is "$(ids 'oil _exists_: tag')" "o1|"

# A Lucene range with one unit left between its ends.
check "date:{1960s TO 1980s} on an archive with no 1970s: named as one decade" \
    is "$(ids 'date:{1960s TO 1980s}')" "|no article is dated 1970s (the archive's dates run from 1963-05-01 to 1987-03-01)"
check "date:{1970 TO 1972}: named as one year" \
    is "$(ids 'date:{1970 TO 1972}')" "|no article is dated 1971 (the archive's dates run from 1963-05-01 to 1987-03-01)"
check "date:{1962 TO 1964}: the year between, found" \
    is "$(ids 'date:{1962 TO 1964}')" "t1|"

# A Lucene range with an end that is no date: said as typed.
forms='(YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, "March 1987" or "5. januar 2023", or a range A..B of them)'
check "oil date:[March 1987 TO soon]: oil, the range said as typed" \
    is "$(ids 'oil date:[March 1987 TO soon]')" "o1,o2|date:[March 1987 TO soon]: 'soon' is not a date $forms; the date filter was ignored"
check "oil OR date:{x TO 1987}: oil, said as typed" \
    is "$(ids 'oil OR date:{x TO 1987}')" "o1,o2|date:{x TO 1987}: 'x' is not a date $forms; the date filter was ignored"
finish
