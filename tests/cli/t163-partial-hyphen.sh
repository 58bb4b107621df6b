#!/bin/sh
# t163-partial-hyphen.sh - Search as you type (--partial, partial=1) of a
# word joined to the one before by a hyphen: the word joined is completed
# ("anti-t" is "anti antit antit*"), never the part after the hyphen
# alone, which expanded "t*" over the whole archive and searched the rare
# "ter" of "anti-ter" as a word; a number compound is searched as typed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"terror","title":"New anti-terrorism law","body":"The anti-terrorism bill passed on Monday.","date":"2025-01-02T00:00:00Z"}
{"id":"trust","title":"Oil firms face anti-trust probe","body":"Oil firms face an anti-trust probe.","date":"2025-01-03T00:00:00Z"}
{"id":"teradyne","title":"Teradyne licensing pact","body":"Teradyne Inc (TER) said the pact covers test tools.","date":"2025-01-04T00:00:00Z"}
{"id":"weather","title":"Spring weather","body":"Rain and sun in turn, then the thaw.","date":"2025-01-05T00:00:00Z"}
{"id":"tanks","title":"Tanks and trains","body":"Tanks, trains and tractors on the road to town.","date":"2025-01-06T00:00:00Z"}
{"id":"bank","title":"West-Bank talks","body":"Talks on the West-Bank resumed.","date":"2025-01-07T00:00:00Z"}
{"id":"g7","title":"G-7 meets","body":"The G-7 ministers met in Paris; a G-8 is planned.","date":"2025-01-08T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids ARGS...: the sorted ids of nsearch ARGS' hits.
ids() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
first() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["hits"][0]["id"] if d["hits"] else "")'
}

check "anti-t: not t* (tanks, turn, the...), the joined antit*" \
    is "$(ids --partial anti-t)" "terror trust"
check "anti-t: as anti antit antit*" \
    is "$(ids --partial anti-t)" "$(ids 'anti antit antit*')"
check "anti-ter: the rare word ter is not searched, antiter* is" \
    is "$(ids --partial anti-ter)" "terror trust"
check "anti-ter: the anti-terrorism story first" \
    is "$(first --partial anti-ter)" terror
check "anti-the: no stop word expanded after the hyphen" \
    is "$(ids --partial anti-the)" "terror trust"
check "west-ba: the West-Bank story alone" \
    is "$(ids --partial west-ba)" bank
check "a-t: two letters joined are not expanded" \
    is "$(ids --partial a-t)" "$(ids a-t)"
check "after an operator: the joined word's prefix alone" \
    is "$(ids --partial 'oil AND anti-t')" trust
check "after '+': the joined word's prefix alone" \
    is "$(ids --partial '+anti-te')" terror
check "a text field's value: title:anti-te as title:anti title:antite*" \
    is "$(ids --partial 'title:anti-te')" "terror trust"
check "title:anti-te: the joined word completed first" \
    is "$(first --partial 'title:anti-te')" terror
check "a number compound is searched as typed" \
    is "$(ids --partial g-8)" "$(ids g-8)"
check "a number compound does not expand 8*" is "$(ids --partial g-8)" g7

check "the snippet marks the parts typed out" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        --partial anti-terr | grep -qF '<mark>anti</mark>-terrorism'"

check "server starts" start_server
get p.json '/v1/search?q=anti-t&partial=1&related=0'
check "partial=1: 200" is "$code" 200
check "partial=1: anti-t as --partial anti-t" json p.json \
    'sorted(h["id"] for h in d["hits"]) == ["terror", "trust"]'
finish
