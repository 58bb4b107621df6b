#!/bin/sh
# t300-empty-lucene-range.sh - A Lucene date range whose ends, left out
# with '{' and '}', leave nothing between them matches no article, as in
# Lucene: stepped inwards it was read as a range written backwards and
# turned round, so date:{1987-03 TO 1987-04} found March and April, the
# months it leaves out.  A range in brackets written backwards is turned
# round before its ends are left out: {1987-05 TO 1987-02} is March and
# April, not January to June.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "jan", "title": "Oil in January", "body": "Oil news.", "date": "1987-01-15"},
    {"id": "feb", "title": "Oil in February", "body": "Oil news.", "date": "1987-02-15"},
    {"id": "mar1", "title": "Oil on March 1", "body": "Oil news.", "date": "1987-03-01"},
    {"id": "mar2", "title": "Oil on March 2", "body": "Oil news.", "date": "1987-03-02"},
    {"id": "apr", "title": "Oil in April", "body": "Oil news.", "date": "1987-04-15"},
    {"id": "may", "title": "Oil in May", "body": "Oil news.", "date": "1987-05-15"},
    {"id": "jun", "title": "Oil in June", "body": "Oil news.", "date": "1987-06-15"},
    {"id": "gas", "title": "Gas in March", "body": "Gas news.", "date": "1987-03-20"},
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
print(",".join(sorted(h["id"] for h in d["hits"])) + "|" + str(d.get("warning")))'
}
empty="holds no date: '{' and '}' leave out the day, month or year they name, and nothing is left between them"

check "{1987-03 TO 1987-04}: nothing between the months" \
    is "$(ids 'date:{1987-03 TO 1987-04}')" "|date:{1987-03 TO 1987-04} $empty"
check "{1987-03 TO 1987-03}: nothing" \
    is "$(ids 'date:{1987-03 TO 1987-03}')" "|date:{1987-03 TO 1987-03} $empty"
check "{1987-03-01 TO 1987-03-02}: no day between" \
    is "$(ids 'date:{1987-03-01 TO 1987-03-02}')" "|date:{1987-03-01 TO 1987-03-02} $empty"
check "{1987 TO 1987-03}: after 1987 and before March" \
    is "$(ids 'date:{1987 TO 1987-03}')" "|date:{1987 TO 1987-03} $empty"
check "oil date:{1987-03 TO 1987-04}: no article" \
    is "$(ids 'oil date:{1987-03 TO 1987-04}')" "|date:{1987-03 TO 1987-04} $empty"
check "oil -date:{1987-03 TO 1987-04}: excludes nothing" \
    is "$(ids 'oil -date:{1987-03 TO 1987-04}' | cut -d'|' -f1)" "apr,feb,jan,jun,mar1,mar2,may"
check "gas OR date:{1987-03 TO 1987-04}: adds nothing" \
    is "$(ids 'gas OR date:{1987-03 TO 1987-04}' | cut -d'|' -f1)" "gas"
# Written backwards: turned round first, its brackets with its ends.
check "{1987-05 TO 1987-02}: March and April" \
    is "$(ids 'date:{1987-05 TO 1987-02}')" \
    "apr,gas,mar1,mar2|date:{1987-05 TO 1987-02} ends before it starts; searched as date:{1987-02 TO 1987-05}"
check "[1987-04 TO 1987-03}: April, the end it takes" \
    is "$(ids 'date:[1987-04 TO 1987-03}' | cut -d'|' -f1)" "apr"
check "the text output warns on stderr, exit 0" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' 'date:{1987-03 TO 1987-04}' >'$TMP/out' 2>'$TMP/err'"
check "stderr says why" grep -qxF \
    "nsearch: warning: date:{1987-03 TO 1987-04} $empty" "$TMP/err"
finish
