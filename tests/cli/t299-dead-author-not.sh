#!/bin/sh
# t299-dead-author-not.sh - A search emptied by an excluded author does
# not say that the wanted author has no article: `author:kari
# -author:nordmann`, a query of author terms alone, was checked whole,
# matched nothing for its NOT, and warned "no article has author
# 'kari'" where Kari has articles.  An author no byline has is still
# said, beside an exclusion too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"kn","title":"Harbour report","body":"Ships came in.","author":"Kari Nordmann","date":"2025-01-02T00:00:00Z"}
{"id":"kn2","title":"Ferry report","body":"Ferries ran late.","author":"Kari Nordmann","date":"2025-01-03T00:00:00Z"}
{"id":"ph","title":"Market report","body":"Prices rose.","author":"Per Hansen","date":"2025-01-04T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# cli QUERY: nsearch's total of QUERY, then "|" and its warning.
cli() {
    nsearch --db "$TMP/db" --json --related 0 "$1" 2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(str(d["total"]) + "|" + str(d.get("warning")))'
}

check "author:kari alone: two articles" is "$(cli 'author:kari')" "2|None"
check "author:kari -author:nordmann: empty, and no false warning" \
    is "$(cli 'author:kari -author:nordmann')" "0|None"
check "author:kari NOT author:nordmann: no false warning" \
    is "$(cli 'author:kari NOT author:nordmann')" "0|None"
check "author:kari -author:kari: no false warning" \
    is "$(cli 'author:kari -author:kari')" "0|None"
nsearch --db "$TMP/db" --related 0 'author:kari -author:nordmann' \
    >"$TMP/out" 2>"$TMP/err"
check "text output: nothing on stderr" is "$(cat "$TMP/err")" ""
# An author no article has is said beside an exclusion as without it.
check "author:zzkari -author:nordmann: zzkari said" \
    is "$(cli 'author:zzkari -author:nordmann')" \
    "0|no article has author 'zzkari'"

check "server starts" start_server
api() {
    get h.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(str(d["total"]) + "|" + str(d.get("warning")))' "$TMP/h.json"
}
check "q=author:kari -author:nordmann over HTTP: no false warning" \
    is "$(api '/v1/search?q=author:kari%20-author:nordmann&related=0')" "0|None"
finish
