#!/bin/sh
# t264-name-spelling.sh - "Did you mean" for names the archive lacks
# (common/spelling.cc suggest_query, common/search-api.cc): a word typed
# with a capital letter that is corrected ("Merkel" to "Market") is
# offered, never searched instead, and the page says "No matches"; a
# correction of several words is searched instead only when its words go
# together; lower-case typos and words run together are still searched
# instead, a query in capitals still gets nothing; a run-together name
# with a short particle ("degaulle") is split when the archive has the
# phrase.  The same over nsearchd's socket.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "mkt1", "title": "Market falls", "date": "2025-03-01T10:00:00Z", "body": "The stock market fell on Monday."}
{"id": "mkt2", "title": "Housing market", "date": "2025-03-02T10:00:00Z", "body": "The housing market cooled in spring."}
{"id": "near1", "title": "Near the harbour", "date": "2025-03-03T10:00:00Z", "body": "A ferry ran aground near the harbour wall."}
{"id": "must1", "title": "Rules", "date": "2025-03-04T10:00:00Z", "body": "Drivers must stop at the red light."}
{"id": "must2", "title": "Tax forms", "date": "2025-03-05T10:00:00Z", "body": "Every firm must file its return by May."}
{"id": "elt1", "title": "Concert", "date": "2025-03-06T10:00:00Z", "body": "Elton played the piano for three hours."}
{"id": "gb1", "title": "Budget", "date": "2025-03-07T10:00:00Z", "body": "Gordon Brown set out the budget."}
{"id": "gb2", "title": "Treasury", "date": "2025-03-08T10:00:00Z", "body": "Chancellor Gordon Brown spoke on tax."}
{"id": "kh1", "title": "Moscow", "date": "2025-03-09T10:00:00Z", "body": "Khrushchev spoke in Moscow."}
{"id": "dg1", "title": "Paris", "date": "2025-03-10T10:00:00Z", "body": "President de Gaulle spoke in Paris."}
{"id": "dg2", "title": "Europe", "date": "2025-03-11T10:00:00Z", "body": "De Gaulle said no to Britain."}
{"id": "dg3", "title": "Gaulle airport", "date": "2025-03-12T10:00:00Z", "body": "Flights from the Charles airport left late."}
{"id": "mt1", "title": "Football", "date": "2025-03-13T10:00:00Z", "body": "The match ended in a draw; de facto a loss."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# sug QUERY: "suggestion|suggestion_used|total|ids of the hits" of QUERY.
sug() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 20 \
        --snippet-len 0 "$1" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%s|%s|%s|%s" % (d["suggestion"], d["suggestion_used"], d["total"],
                       " ".join(sorted(h["id"] for h in d["hits"]))))'
}

# A name typed with its capital: offered, not searched instead.
check "Merkel: Market offered, nothing shown" \
    is "$(sug Merkel)" "Market|False|0|"
check "Neymar: Near offered, nothing shown" \
    is "$(sug Neymar)" "Near|False|0|"
nsearch --db "$TMP/db" --related 0 Merkel >"$TMP/merkel.txt"
check "text: did you mean" contains "$TMP/merkel.txt" "Did you mean: Market?"
check "text: no matches for what was typed" \
    contains "$TMP/merkel.txt" 'No matches for "Merkel".'
check "text: no hit of Market" lacks "$TMP/merkel.txt" "Housing market"
# A capital on the first word alone is sentence case, not a name: the
# typo is searched instead; capitals on every word are a name.
check "Stok markt: sentence case, stock market searched" \
    is "$(sug 'Stok markt')" "Stock market|True|2|mkt1 mkt2"
check "Gorden Brawn: a name with letters changed, offered, not searched" \
    is "$(sug 'Gorden Brawn')" "Gordon Brown|False|0|"
# A long name mistyped by one slip (a letter left out, one too many, two
# swapped) is the name the archive has: searched instead.
check "Gordn Brwon: slips of a name, searched" \
    is "$(sug 'Gordn Brwon')" "Gordon Brown|True|2|gb1 gb2"
# Lower case: a typo of a word, searched instead as before.
check "merkel: market searched" is "$(sug merkel)" "market|True|2|mkt1 mkt2"
check "khruschev: khrushchev searched" \
    is "$(sug khruschev)" "khrushchev|True|1|kh1"
# Several words corrected: searched instead only when they go together.
check "elon musk: offered, not searched (elton and must never meet)" \
    is "$(sug 'elon musk')" "elton must|False|0|"
check "gordn brwon: gordon brown searched (they meet)" \
    is "$(sug 'gordn brwon')" "gordon brown|True|2|gb1 gb2"
# A query in capitals: no word corrected, as before.
check "MERKEL: no suggestion" is "$(sug MERKEL)" "None|False|0|"
# A name particle as the first part of a split.
check "degaulle: de gaulle searched, its hits" \
    is "$(sug degaulle)" "de gaulle|True|$(sug 'de gaulle' | cut -d'|' -f3-)"
check "the hits of de gaulle" \
    is "$(sug 'de gaulle' | cut -d'|' -f4)" "dg1 dg2 dg3 mt1"
check "Degaulle: the capital kept, searched" \
    is "$(sug Degaulle | cut -d'|' -f1-2)" "De gaulle|True"
# "de" and "match" are words of the archive but never side by side.
check "dematch: no split without the phrase" \
    is "$(sug dematch | cut -d'|' -f1-3)" "None|False|0"

# The same answers over the socket.
check "server starts" start_server
get merkel.json '/v1/search?q=Merkel&limit=1'
check "socket: 200" is "$code" 200
check "socket: Merkel offered, not used, no hits" json merkel.json \
    'd["suggestion"] == "Market" and d["suggestion_used"] is False and d["total"] == 0 and d["hits"] == []'
get kh.json '/v1/search?q=khruschev&limit=1'
check "socket: khruschev searched as khrushchev" json kh.json \
    'd["suggestion"] == "khrushchev" and d["suggestion_used"] is True and [h["id"] for h in d["hits"]] == ["kh1"]'
get dg.json '/v1/search?q=degaulle'
check "socket: degaulle searched as de gaulle" json dg.json \
    'd["suggestion"] == "de gaulle" and d["suggestion_used"] is True and d["total"] == 4'

finish
