#!/bin/sh
# t205-quoted-word.sh - A word quoted alone is that word as written, in
# any case, with its possessive and its spellings with and without
# diacritics, as the words of a longer phrase are; not every word of its
# stem.  "elected" found the 349 Reuters articles with the stem "elect"
# (election, elects), where 112 have the word.  A word that is its own
# stem ("elect") has no exact term in the index, so its candidates are
# checked against their text.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [
    ("won", "Mayor elected", "She was elected mayor on Sunday."),
    ("vote", "Vote count", "The election results came late."),
    ("plan", "Council plan", "The council will elect a new chair."),
    ("form", "Forms", "The elected members will elect a speaker."),
    ("poss", "Committee", "The elect's first act was a speech."),
    ("caps", "ELECTED AGAIN", "Nothing else here."),
    ("tromso", "Tromsø weather", "Rain in Tromsø today."),
    ("plain", "Tromso port", "Ships in Tromso."),
    ("runs", "Runs", "He runs the shop."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in arts:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
ids() { nsearch --db "$TMP/db" --json --no-collapse -n 50 "$@" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }

check "elected unquoted: every form of the stem" is "$(ids elected)" \
    "caps form plan poss vote won"
check "\"elected\": the word only, any case" is "$(ids '"elected"')" "caps form won"
check "\"Elected\": the same" is "$(ids '"ELECTED"')" "caps form won"
check "\"elect\" (its own stem): the word and its possessive" \
    is "$(ids '"elect"')" "form plan poss"
check "\"elect's\": the possessive alone" is "$(ids "\"elect's\"")" "poss"
check "title:\"elected\": in the title only" is "$(ids 'title:"elected"')" "caps won"
check "title:\"elect\": no title has the word" is "$(ids 'title:"elect"')" ""
check "-\"elect\": the articles without the word" \
    is "$(ids -- '-"elect"')" "caps plain runs tromso vote won"
check "council -\"elect\": the one council has the word" is "$(ids 'council -"elect"')" ""
check "chair -\"elected\": it has another form only" is "$(ids 'chair -"elected"')" "plan"
check "speech -\"elected\"" is "$(ids 'speech OR speaker -"elected"')" "poss"
check "\"elect\" OR \"runs\"" is "$(ids '"elect" OR "runs"')" "form plan poss runs"
check "\"run\" does not find runs" is "$(ids '"run"')" ""
check "\"Tromso\": both spellings, as in a phrase" is "$(ids '"Tromso"')" "plain tromso"
check "\"Tromsø\": both spellings" is "$(ids '"Tromsø"')" "plain tromso"
check "\"elected mayor\" is still a phrase" is "$(ids '"elected mayor"')" "won"
check "\"\" still matches nothing" is "$(ids '""')" ""

run out err nsearch --db "$TMP/db" --no-collapse '"elect"'
check "the snippet marks the word, not its other forms" contains "$TMP/out" "will **elect** a"
check "... and not 'elected'" lacks "$TMP/out" "**elected**"
run out err nsearch --db "$TMP/db" --no-collapse -n 0 '"elect"'
check "the count is the articles with the word" contains "$TMP/out" "3 matches"
finish
