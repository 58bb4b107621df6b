#!/bin/sh
# t313-written-date-ranges.sh - A date: value written as people write a
# date is read whole, also as a range's end: date:"Mar 1987"..1987-04
# (the ".." outside the quotes) searched "..1987-04" as a word and found
# nothing, with no word why; date:March 1987 and date:[March 1987 TO
# April 1987] were cut at their spaces, the filter dropped with a warning
# and "1987" searched as a word.  And a Lucene range's '{' and '}' leave
# out the decade they name, as they leave out a month or a year (t300):
# date:{1960s TO 1980s} kept both decades.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "feb", "title": "Snow in February", "body": "Snow news.", "date": "1987-02-15"},
    {"id": "mar", "title": "Snow in March", "body": "Snow news.", "date": "1987-03-10"},
    {"id": "apr", "title": "Snow in April", "body": "Snow news.", "date": "1987-04-20"},
    {"id": "may", "title": "Snow in May", "body": "Snow news.", "date": "1987-05-05"},
    {"id": "s60", "title": "Snow in the sixties", "body": "Snow news.", "date": "1963-05-01"},
    {"id": "s70", "title": "Snow in the seventies", "body": "Snow news.", "date": "1975-01-01"},
    {"id": "s90", "title": "Snow in the nineties", "body": "Snow news 1987.", "date": "1995-01-01"},
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

check 'date:"Mar 1987"..1987-04: March and April' \
    is "$(ids 'date:"Mar 1987"..1987-04')" "apr,mar|"
check 'date:1987-03.."Apr 1987": March and April' \
    is "$(ids 'date:1987-03.."Apr 1987"')" "apr,mar|"
check 'date:"Mar 1987" .. "Apr 1987": March and April' \
    is "$(ids 'date:"Mar 1987" .. "Apr 1987"')" "apr,mar|"
check 'date:March 1987 (no quotes): the month, 1987 no word' \
    is "$(ids 'date:March 1987')" "mar|"
check 'snow date:March 1987..April 1987: both months' \
    is "$(ids 'snow date:March 1987..April 1987')" "apr,mar|"
check 'date:"Mar 1987"..soon: not a date, said, the filter dropped' \
    is "$(ids 'date:"Mar 1987"..soon' | cut -d'|' -f1)" "apr,feb,mar,may,s60,s70,s90"
check '... the warning names the whole value' sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' 'date:\"Mar 1987\"..soon' 2>&1 >/dev/null | grep -qF 'date:Mar 1987..soon is not a date'"
check 'date:[March 1987 TO April 1987]: both months' \
    is "$(ids 'date:[March 1987 TO April 1987]')" "apr,mar|"
check 'date:["March 1987" TO "April 1987"]: both months' \
    is "$(ids 'date:["March 1987" TO "April 1987"]')" "apr,mar|"
check 'date:{February 1987 TO May 1987}: the months between' \
    is "$(ids 'date:{February 1987 TO May 1987}')" "apr,mar|"
check 'date:{1960s TO 1980s}: the 1970s alone' \
    is "$(ids 'date:{1960s TO 1980s}' | cut -d'|' -f1)" "s70"
check 'date:[1960s TO 1980s}: the 1960s and 1970s' \
    is "$(ids 'date:[1960s TO 1980s}' | cut -d'|' -f1)" "s60,s70"
check 'date:{1960s TO 1970s}: nothing between, said' \
    is "$(ids 'date:{1960s TO 1970s}')" \
    "|date:{1960s TO 1970s} holds no date: '{' and '}' leave out the day, month or year they name, and nothing is left between them"
finish
