#!/bin/sh
# t221-author-filter.sh - nsearchd's author= is a reporter's page: the
# name as author:"..." reads it, a phrase in the byline.  It was the AND
# of the name's words, so author=Kari Nordmann listed the story of "Kari
# Hansen, Per Nordmann" too, and "Nordmann Kari" was Kari Nordmann.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"k1","title":"Story by Kari","body":"x","author":"Kari Nordmann","date":"2025-01-02T00:00:00Z","section":"Local"}
{"id":"k2","title":"Story by two others","body":"y","author":"Kari Hansen, Per Nordmann","date":"2025-01-03T00:00:00Z","section":"Local"}
{"id":"so","title":"Weather story","body":"Rain.","author":"Søren Ødegård","date":"2025-01-04T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# hits PATH: the ids of PATH's hits, then "|" and its total.
hits() {
    get h.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted(h["id"] for h in d["hits"])) + "|" + str(d.get("total")))' \
        "$TMP/h.json"
}
# cli QUERY: the ids of nsearch's hits of QUERY.
cli() {
    nsearch --db "$TMP/db" --json --related 0 "$1" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

check "author=Kari Nordmann: only Kari Nordmann's story" \
    is "$(hits '/v1/search?author=Kari%20Nordmann&related=0')" "k1|1"
check "the reporter's page of the README: newest first, the same" \
    is "$(hits '/v1/search?author=Kari%20Nordmann&sort=date&related=0')" "k1|1"
check "with words too" \
    is "$(hits '/v1/search?q=story&author=Kari%20Nordmann&related=0')" "k1|1"
check "its count alone" \
    is "$(hits '/v1/search?author=Kari%20Nordmann&limit=0&related=0')" "|1"
check "its facets count it alone" \
    is "$(hits '/v1/search?author=Kari%20Nordmann&facets=section&related=0')" "k1|1"
get f.json '/v1/search?author=Kari%20Nordmann&facets=section&related=0'
check "... section Local: 1" json f.json \
    '[v["count"] for v in d["facets"]["section"] if v["value"] == "Local"] == [1]'
check "author=Nordmann Kari: the name in its order" \
    is "$(hits '/v1/search?author=Nordmann%20Kari&related=0')" "|0"
check "author=Per Nordmann: the co-author" \
    is "$(hits '/v1/search?author=Per%20Nordmann&related=0')" "k2|1"
check "as author:\"Kari Nordmann\" on the command line" \
    is "$(hits '/v1/search?author=Kari%20Nordmann&related=0' | cut -d'|' -f1)" \
    "$(cli 'author:"Kari Nordmann"')"
check "still folded: author=soren odegard" \
    is "$(hits '/v1/search?author=soren%20odegard&related=0')" "so|1"
check "still one word: author=Kari, both" \
    is "$(hits '/v1/search?author=Kari&related=0')" "k1 k2|2"

# A name copied from a page with its "By": the indexer leaves the byline
# word out of an author, and so does the filter (ns_byline_word).  It
# found nothing, and said nothing.
check "author=By Kari Nordmann" \
    is "$(hits '/v1/search?author=By%20Kari%20Nordmann&related=0')" "k1|1"
check "author=Skrevet av Kari Nordmann" \
    is "$(hits '/v1/search?author=Skrevet%20av%20Kari%20Nordmann&related=0')" "k1|1"
check "author:\"By Kari Nordmann\" on the command line" \
    is "$(cli 'author:"By Kari Nordmann"')" "k1"
check "author:\"Av Kari Nordmann\"" is "$(cli 'author:"Av Kari Nordmann"')" "k1"
check "byline:\"by: kari nordmann\"" is "$(cli 'byline:"by: kari nordmann"')" "k1"
finish
