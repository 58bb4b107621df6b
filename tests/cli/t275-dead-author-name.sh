#!/bin/sh
# t275-dead-author-name.sh - An author filter that matches no article
# says so, with the name as typed and the nearest bylines, also when
# every word of the name is in some byline: author:"Mary McDonalds" and
# author=Kari%20Nordman answered "No matches" alone (the warning came
# only when no byline had any of the words), and a name that did warn
# was said with its words sorted ("adams quentin zoe").
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"kn","title":"Harbour report","body":"Ships came in.","author":"Kari Nordmann","date":"2025-01-02T00:00:00Z"}
{"id":"mm","title":"Market report","body":"Prices rose.","author":"Mary McDonald","date":"2025-01-03T00:00:00Z"}
{"id":"za","title":"Weather report","body":"Rain again.","author":"Zoe Quentin","date":"2025-01-04T00:00:00Z"}
{"id":"pa","title":"Road report","body":"Roads closed.","author":"Per Adams","date":"2025-01-05T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# cli QUERY: nsearch's total of QUERY, then "|" and its warnings.
cli() {
    nsearch --db "$TMP/db" --json --related 0 "$1" 2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(str(d["total"]) + "|" + str(d.get("warning")))'
}

check "author:\"Mary McDonalds\": the name, and Mary McDonald" \
    is "$(cli 'author:"Mary McDonalds"')" \
    "0|no article has author 'mary mcdonalds' (the nearest bylines: mary mcdonald)"
check "author:\"Kari Nordman\": Kari Nordmann nearest" \
    is "$(cli 'author:"Kari Nordman"')" \
    "0|no article has author 'kari nordman' (the nearest bylines: kari nordmann)"
check "author:\"Zoe Quentin Adams\": its words in the order typed" \
    is "$(cli 'author:"Zoe Quentin Adams"')" \
    "0|no article has author 'zoe quentin adams'"
nsearch --db "$TMP/db" --related 0 'author:"Mary McDonalds"' \
    >"$TMP/out" 2>"$TMP/err"
check "text output: the warning on stderr" grep -qx \
    "nsearch: warning: no article has author 'mary mcdonalds' (the nearest bylines: mary mcdonald)" \
    "$TMP/err"
# A search emptied by its words, not by the author, says nothing of it.
check "+zzzz +author:\"Kari Nordmann\": no warning; Kari Nordman: one" \
    is "$(cli '+zzzz +author:"Kari Nordmann"')/$(cli '+author:"Kari Nordman"')" \
    "0|None/0|no article has author 'kari nordman' (the nearest bylines: kari nordmann)"

check "server starts" start_server
# api PATH: the total of PATH's answer, then "|" and its warning.
api() {
    get h.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(str(d["total"]) + "|" + str(d.get("warning")))' "$TMP/h.json"
}
check "author=Kari%20Nordman: warned, Kari Nordmann nearest" \
    is "$(api '/v1/search?author=Kari%20Nordman&related=0')" \
    "0|no article has author 'kari nordman' (the nearest bylines: kari nordmann)"
check "author=Mary%20McDonalds: warned" \
    is "$(api '/v1/search?author=Mary%20McDonalds&related=0')" \
    "0|no article has author 'mary mcdonalds' (the nearest bylines: mary mcdonald)"
check "author=Zoe%20Adams: both words in bylines, not this name" \
    is "$(api '/v1/search?author=Zoe%20Adams&related=0')" \
    "0|no article has author 'zoe adams' (the nearest bylines: per adams)"
finish
