#!/bin/sh
# t568-command-line-slips.sh - What a slip on the command line does: a
# facet name written as the JSON lists it ("tags") or mistyped after a bare
# --facets, which was searched as a query word and changed the search.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index samples" index_samples
q() { nsearch --db "$TMP/db" --related 0 --snippet-len 0 "$@"; }
facet_keys() {
    python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], " ".join(sorted(k for k in d["facets"] if k not in ("exact", "counted", "counts"))))'
}

# The plurals and long forms name their facet, in either form of the
# option, and the next word stays the query.
azure=$(q --json -n 0 azure | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
for pair in tags:tag sections:section years:year months:month \
    decades:decade langs:lang languages:lang language:lang; do
    alias=${pair%%:*} facet=${pair#*:}
    check "--facets $alias: the $facet facet alone, azure searched" \
        is "$(q --json -n 0 --facets "$alias" azure | facet_keys)" "$azure $facet"
    check "--facets=$alias: the $facet facet" \
        is "$(q --json -n 0 --facets="$alias" azure | facet_keys)" "$azure $facet"
done
check "--facets tags,years: both" \
    is "$(q --json -n 0 --facets tags,years azure | facet_keys)" "$azure tag year"

# nsearchd's facets= reads the same names.
check "server starts" start_server
get f.json '/v1/search?q=azure&related=0&limit=0&facets=tags,years'
check "nsearchd facets=tags,years: 200" is "$code" 200
check "nsearchd facets=tags,years: those two" json f.json \
    'sorted(k for k in d["facets"] if k not in ("exact", "counted", "counts")) == ["tag", "year"]'

# A next word that is nearly a list is a usage error, as the = form's.
for typo in sectoin,year yaer sectoin tga azure,cloud; do
    run out err q --facets "$typo" azure
    check "--facets $typo: exit 2" is "$rc" 2
    check "--facets $typo: names the valid names" contains "$TMP/err" \
        "--facets takes names from section, decade, year, month, lang, tag, author and all, separated by commas, not '$typo'"
    check "--facets $typo: no results" is "$(wc -c <"$TMP/out")" 0
done
# A word that is no facet name stays a query word.
check "--facets azure: all facets, azure searched" \
    is "$(q --json -n 0 --facets azure | facet_keys)" "$azure decade lang month section tag year"
# One letter from a short name is a word people search: no slip.
run out err q --json -n 0 --facets tax azure
check "--facets tax azure: exit 0" is "$rc" 0
check "--facets tax azure: tax searched, every facet" \
    sh -c 'python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"query\"] == \"tax azure\" and \"tag\" in d[\"facets\"] and \"section\" in d[\"facets\"]" <"$1"' - "$TMP/out"

# An empty --related-to (an unset $ID) is a usage error, as an empty --db.
run out err q --related-to ""
check "--related-to '': exit 2" is "$rc" 2
check "--related-to '': says so" contains "$TMP/err" \
    "--related-to needs an article id, not ''"
run out err q --json --related-to ""
check "--related-to '' --json: exit 2, text alone" \
    sh -c '[ "$1" = 2 ] && [ ! -s "$2" ]' - "$rc" "$TMP/out"

# A dash before a digit is a minus sign, a query word however short, as
# "-5C" is; a dash and one letter stays an option.
run out err q -5
check "-5: searched, exit 0" is "$rc" 0
check "-5: the query" contains "$TMP/out" 'No matches for "-5".'
run out err q --json -n 0 azure -2
check "azure -2: searched" sh -c 'python3 -c "import json,sys; assert json.load(sys.stdin)[\"query\"] == \"azure -2\"" <"$1"' - "$TMP/out"
run out err q -x azure
check "-x: still an unknown option, exit 2" is "$rc" 2
run out err q -n5 azure
check "-n5: still the limit" contains "$TMP/out" "showing 1-5"

# A query in quotes of its own is not quoted again.
run out err q '"azzure clod"'
check "did you mean: a phrase's quotes not doubled" contains "$TMP/out" \
    'No matches for "azzure clod"; showing the results for "azure cloud".'
run out err q '"zzqqx nothing"'
check "no matches: a phrase's quotes not doubled" is "$(cat "$TMP/out")" \
    'No matches for "zzqqx nothing".'
run out err q 'azzure clod'
check "did you mean: words in one pair" contains "$TMP/out" \
    'No matches for "azzure clod"; showing the results for "azure cloud".'

finish
