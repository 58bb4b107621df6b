#!/bin/sh
# t294-tag-words.sh - A tag's words are words of the text, as the
# section's and the byline's are: a post tagged "Planning & Zoning" is
# found by `zoning`, a Norwegian one tagged "kommuneøkonomi" by that word
# (and its stemmed forms).  Before, only `tag:"planning & zoning"` found
# them, where a site's search (WordPress, Ghost) finds them by the word.
# A tag counts as one body word: a title match still ranks above it, and
# `tag:` still matches the whole tag alone.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/t.rss" <<'EOF2'
<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
<item><title>Council approves marina plan</title><guid>https://t.example/m</guid><category>Politics</category><category>Planning &amp; Zoning</category><description>The council voted to approve the plan.</description></item>
<item><title>Zoning board rejects tower</title><guid>https://t.example/z</guid><category>Politics</category><description>The board said no to the tower.</description></item>
</channel></rss>
EOF2
cat >"$TMP/no.jsonl" <<'JSON'
{"id": "budsjett", "title": "Kommunen kutter i budsjettet", "body": "Formannskapet vedtok kuttene i går.", "lang": "no", "section": "Innenriks", "tags": ["kommuneøkonomi"]}
JSON
check "index the feed" nindex --quiet --db "$TMP/db" "$TMP/t.rss"
check "index the Norwegian article" nindex --quiet --db "$TMP/db" "$TMP/no.jsonl"

# contains_word LIST WORD: WORD is one of the words of LIST.
contains_word() { case " $1 " in *" $2 "*) true ;; *) false ;; esac; }

# ids QUERY: the ids of the hits, in rank order, separated by spaces.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --no-suggest "$1" 2>"$TMP/err" |
        python3 -c 'import json, sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}

check "a tag's word finds the post" contains_word "$(ids zoning)" "https://t.example/m"
check "a Norwegian tag's word finds the article" is "$(ids kommuneøkonomi)" "budsjett"
check "and its stemmed form" is "$(ids kommuneøkonomien)" "budsjett"
check "a phrase inside a tag" is "$(ids '"planning zoning"')" "https://t.example/m"
# The title match (counted three times) above the tag-only match (once).
check "a title match ranks above a tag match" \
    is "$(ids zoning)" "https://t.example/z https://t.example/m"
check "tag: matches the whole tag, unchanged" \
    is "$(ids 'tag:"planning & zoning"') $(ids tag:zoning)" "https://t.example/m "
check "a word and a tag's word together" \
    is "$(ids 'council AND zoning')" "https://t.example/m"

finish
