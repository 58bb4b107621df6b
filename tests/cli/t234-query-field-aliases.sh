#!/bin/sh
# t234-query-field-aliases.sh - The field names front matter reads,
# typed in a query.  authors:"Kari Nordmann" was the word "authors" or
# the phrase, with no warning, while authors:nordmann warned "not a field
# name".  authors:, sections: and categories: are now author:, section:
# and tag: (a post's categories past its first are its tags), and a
# quoted value after a name no field has warns as a word does.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF2'
{"id":"k1","title":"Ferry","body":"ferry news","author":"Kari Nordmann","section":"World","tags":["klima"]}
{"id":"k2","title":"Other","body":"other news by writers and authors","author":"Ola Hansen","section":"Sport"}
EOF2
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() { nsearch --db "$TMP/db" --json "$@" 2>"$TMP/err" |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
# The ids found, and "warned" when the search said a name is no field's.
said() { r=$(ids "$@"); grep -q "not a field name" "$TMP/err" && r="$r warned"; echo "$r"; }
check "authors: with a quoted name is author:" is "$(said 'authors:"Kari Nordmann"')" "k1"
check "authors: with a word is author:, no warning" is "$(said 'authors:hansen')" "k2"
check "sections: is section:, no warning" is "$(said 'sections:world')" "k1"
check "categories: is tag:, no warning" is "$(said 'categories:klima')" "k1"

ids 'writers:"Kari Nordmann"' >/dev/null
check "a quoted value after an unknown name warns" \
    contains "$TMP/err" "'writers:' is not a field name"
finish
