#!/bin/sh
# t229-required-filters.sh - '+' before a filter says "must have", as the
# README's table says of a word: +tag:klima +tag:ferje is the articles
# with both tags.  Xapian's parser dropped the '+' and ORed the values
# of one field, so it was either tag.  Without '+', the values of one
# field stay any of them.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"both","title":"Ferry emissions","body":"The ferry burns diesel.","tags":["klima","ferje"],"section":"Innland","author":"Kari Nordmann","lang":"no"}
{"id":"klima","title":"Climate report","body":"A report on the ferry fleet.","tags":["klima"],"section":"Innland","lang":"no"}
{"id":"ferje","title":"Ferry timetable","body":"New ferry times.","tags":["ferje"],"section":"Utland","author":"Per Hansen","lang":"en"}
{"id":"cross","title":"Two desks","body":"A ferry story.","tags":["ferje"],"section":"Utland","author":"Kari Nordmann, Per Hansen","lang":"no"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY: the ids of the hits of QUERY, sorted.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

check "+tag:klima +tag:ferje: both tags" is "$(ids '+tag:klima +tag:ferje')" "both"
check "... as tag:klima AND tag:ferje" \
    is "$(ids '+tag:klima +tag:ferje')" "$(ids 'tag:klima AND tag:ferje')"
check "with a word: ferry +tag:klima +tag:ferje" \
    is "$(ids 'ferry +tag:klima +tag:ferje')" "both"
check "the word still required beside them" \
    is "$(ids 'timetable +tag:klima +tag:ferje')" ""
check "+Tags:, any name and case" is "$(ids '+Tags:klima +TAG:ferje')" "both"
check "one '+' and one plain: both required" \
    is "$(ids '+tag:klima tag:ferje')" "both"
check "without '+', either tag (the documented rule)" \
    is "$(ids 'tag:klima tag:ferje')" "both cross ferje klima"
check "plain values any of them, '+' values each" \
    is "$(ids 'tag:klima tag:ferje +section:innland +lang:no')" "both klima"
check "+section:innland +section:utland: none has both" \
    is "$(ids '+section:innland +section:utland')" ""
check "section:innland section:utland: either" \
    is "$(ids 'section:innland section:utland')" "both cross ferje klima"
check "+lang:no +lang:en: none" is "$(ids '+lang:no +lang:en')" ""
check "+author:kari +author:per: both names" \
    is "$(ids '+author:kari +author:per')" "cross"
check "+author:\"Kari Nordmann\" +author:\"Per Hansen\"" \
    is "$(ids '+author:"Kari Nordmann" +author:"Per Hansen"')" "cross"
check "a quoted +tag: stays a phrase's text" \
    is "$(ids '"+tag:klima"')" "$(ids '"tag klima"')"
check "-tag: still excludes" is "$(ids 'ferry -tag:klima')" "cross ferje"
finish
