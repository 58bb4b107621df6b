#!/bin/sh
# t332-excluded-groups.sh - A bracket whose words are all excluded
# ("oil AND (-gas)", "title:(-gas)", "section:(-crude)") leaves those
# words out, as Elasticsearch reads it: every article without them; beside
# words with no operator between ("oil (-gas)") it is "oil -gas".  Xapian's
# parser dropped the '-' of a group with nothing to exclude it from, so
# the group found the articles WITH the words: on Reuters "oil AND
# (-gas)" went through the syntax-error fallback to "oil OR gas" (1,761
# articles where oil without gas has 1,140), and "title:(-gas)" found
# the 124 titles with "gas".
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "o1", "title": "Oil prices rise", "body": "Crude oil rose.", "section": "crude"},
    {"id": "o2", "title": "Oil and gas output", "body": "Oil and gas fell.", "section": "crude"},
    {"id": "o3", "title": "Palm oil tender", "body": "Palm oil was offered.", "section": "veg-oil"},
    {"id": "g1", "title": "Gas output", "body": "Gas fell.", "section": "nat-gas"},
    {"id": "w1", "title": "Wheat sales", "body": "Wheat was sold.", "section": "grain"},
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

check "oil AND (-gas): oil without gas, no fallback" \
    is "$(ids 'oil AND (-gas)')" "o1,o3|"
check "(-gas) alone: every article without gas" \
    is "$(ids '(-gas)')" "o1,o3,w1|"
check "oil AND (-gas -crude): neither word" \
    is "$(ids 'oil AND (-gas -crude)')" "o3|"
check "oil AND title:(-gas): no gas in the title" \
    is "$(ids 'oil AND title:(-gas)')" "o1,o3|"
check "oil section:(-crude): oil outside the crude section" \
    is "$(ids 'oil section:(-crude)')" "o3|"
check 'oil AND (-"palm oil"): a phrase left out' \
    is "$(ids 'oil AND (-"palm oil")')" "o1,o2|"
check "oil AND ((-gas) OR wheat): a group inside a group" \
    is "$(ids 'oil AND ((-gas) OR wheat)')" "o1,o3|"
check "oil NOT (-gas): oil NOT gas, as oil NOT -gas is" \
    is "$(ids 'oil NOT (-gas)')" "o1,o3|"
check "oil (-gas): beside a word, its words left out of oil's results" \
    is "$(ids 'oil (-gas)')" "o1,o3|"
check "oil (-gas -crude): neither word, beside oil" \
    is "$(ids 'oil (-gas -crude)')" "o3|"
check "oil OR (-gas): oil, or any article without gas" \
    is "$(ids 'oil OR (-gas)')" "o1,o2,o3,w1|"
check "oil (gas -crude): a group with a word to exclude from, as before" \
    is "$(ids 'oil (gas -crude)' | cut -d'|' -f1)" "g1,o1,o2,o3"
check "the text output: the same count" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' -n 0 'oil AND (-gas)' 2>&1 | grep -qx '2 matches'"
finish
