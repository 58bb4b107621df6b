#!/bin/sh
# t310-nsearchd-author-facet.sh - facets=author over the socket: the names
# of the bylines with counts, each of which author= (a reporter's page)
# finds exactly, for names with diacritics, Nordic digraphs and bylines of
# two names; facets=all leaves it out; a server on an index built before
# the facet says once that it needs nindex --rebuild, and counts the rest.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id": "a1", "date": "2025-04-01T08:00:00Z", "section": "Local", "title": "Bridge closed", "body": "The bridge over the river is closed.", "author": "Ingrid Sørensen"}
{"id": "a2", "date": "2025-04-02T08:00:00Z", "section": "Local", "title": "Bridge reopens", "body": "The bridge reopened after repairs.", "author": "Ingrid Soerensen, Åge Aakre"}
{"id": "a3", "date": "2025-04-03T08:00:00Z", "section": "Sport", "title": "Bridge run", "body": "A run across the bridge drew crowds.", "author": "Aage Aakre and José Núñez"}
{"id": "a4", "date": "2025-04-04T08:00:00Z", "section": "Sport", "title": "Bridge race", "body": "Rowers raced under the bridge.", "author": "Jose Nunez"}
{"id": "a5", "date": "2025-04-05T08:00:00Z", "section": "World", "title": "Bridge talks", "body": "Talks on a bridge between the towns.", "author": "INGRID SORENSEN"}
{"id": "a6", "date": "2025-04-06T08:00:00Z", "section": "World", "title": "Bridge toll", "body": "The bridge toll rises."}
J
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" >/dev/null 2>&1
check "server starts" start_server

get f.json '/v1/search?q=bridge&limit=0&related=0&collapse=0&facets=author'
check "facets=author: 200" is "$code" 200
check "facets=author: the names, two spellings one, two names each counted" json f.json \
    'd["facets"]["author"] == [{"value": "Ingrid Sørensen", "count": 3}, {"value": "José Núñez", "count": 2}, {"value": "Åge Aakre", "count": 2}] and d["total"] == 6'
check "facets=author: no other facet" json f.json \
    'set(d["facets"]) == {"exact", "counted", "counts", "author"}'

# Each value clicked as author= finds its count (collapsed and not).
for c in 0 1; do
    get f$c.json "/v1/search?q=bridge&limit=0&related=0&collapse=$c&facets=author"
    n=0
    for v in $(python3 -c 'import json, sys, urllib.parse
for v in json.load(open(sys.argv[1]))["facets"]["author"]:
    print(urllib.parse.quote(v["value"]) + "=" + str(v["count"]))' "$TMP/f$c.json"); do
        get one.json "/v1/search?q=bridge&limit=0&related=0&collapse=$c&author=${v%=*}"
        check "collapse=$c: author=${v%=*} finds ${v#*=}" json one.json "d['total'] == ${v#*=}"
        n=$((n + 1))
    done
    check "collapse=$c: three values clicked" is "$n" 3
done

get all.json '/v1/search?q=bridge&limit=0&related=0&facets=all'
check "facets=all: no author key" json all.json \
    '"author" not in d["facets"] and d["facets"]["section"]'
get plural.json '/v1/search?q=bridge&limit=0&related=0&facets=section,authors'
check "facets=section,authors: both" json plural.json \
    'set(d["facets"]) >= {"section", "author"}'
get bad.json '/v1/search?q=bridge&facets=writer'
check "facets=writer: 400" is "$code" 400
check "facets=writer: the message names author" json bad.json \
    'd["error"]["code"] == "bad_parameter" and "tag, author and all" in d["error"]["message"]'

# An index built before the facet: the server counts the rest and says
# once why the author facet is missing.
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=
xapian-metadata set "$TMP/db/current" nsearch.authors ""
check "server on an old index starts" start_server
get old.json '/v1/search?q=bridge&limit=0&related=0&facets=section,author'
check "old index: 200" is "$code" 200
check "old index: no author key, the reason once, the sections counted" json old.json \
    '"author" not in d["facets"] and "nindex --rebuild" in d["facets"]["unavailable"] and json.dumps(d).count("nindex --rebuild") == 1 and sum(v["count"] for v in d["facets"]["section"]) == 6'
get olds.json '/v1/search?q=bridge&limit=1&related=0&author=Jose%20Nunez'
check "old index: author= still searches" json olds.json 'd["total"] == 2'

finish
