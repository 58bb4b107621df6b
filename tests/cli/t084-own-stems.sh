#!/bin/sh
# t084-own-stems.sh - A word that is its own stem ("run", "said") has no
# exact term in the index, only its stem term (common/forms.cc): the
# index is smaller, and every query that reads exact terms must read the
# stem for such words instead.  Each check here fails if one of those
# readers is left reading the missing exact term: phrases, NEAR, wildcards,
# title:, the author filter, the exact boost, and the spelling dictionary
# when an article is replaced or deleted.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "only-run", "title": "Mayor will run again", "author": "Ann Smith", "date": "2025-03-01T10:00:00Z", "body": "The mayor said she will run again next spring. Her rival quokka breeders object."}
{"id": "runs-only", "title": "Baker keeps the shop", "author": "Per Olsen", "date": "2025-03-02T10:00:00Z", "body": "He runs the bakery on the corner and opens at dawn."}
{"id": "other", "title": "Weather", "author": "Kari Berg", "date": "2025-03-03T10:00:00Z", "body": "Rain tomorrow along the coast, dry inland."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
db=$TMP/db/current
[ -e "$db" ] || db=$TMP/db

# ids QUERY [OPTIONS]: the ids of the hits, in rank order, space-separated.
ids() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 20 "$@" "$q" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}

# terms ID: the terms of article ID, one per line.
terms() {
    did=$(xapian-delve -t "Q$1" "$db" 2>/dev/null | sed -n 's/.*: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
    xapian-delve -r "$did" "$db" 2>/dev/null | tr ' ' '\n'
}
terms only-run >"$TMP/only-run.terms"
terms runs-only >"$TMP/runs-only.terms"

# The rule itself: no exact term for a word that is its own stem, in the
# body and in the title; the stem term is there; other forms and author
# names keep their exact terms.
check "no exact term for 'run'" sh -c "! grep -qx run '$TMP/only-run.terms'"
check "its stem term is there" grep -qx Zrun "$TMP/only-run.terms"
check "no exact title term for 'run'" sh -c "! grep -qx Srun '$TMP/only-run.terms'"
check "its title stem is there" grep -qx ZSrun "$TMP/only-run.terms"
check "'runs' keeps its exact term" grep -qx runs "$TMP/runs-only.terms"
check "'again' (stem 'again') has none" sh -c "! grep -qx again '$TMP/only-run.terms'"
check "author names keep their exact terms" grep -qx Asmith "$TMP/only-run.terms"

# Every query form still finds the article that has only "run".
check "word" is "$(ids run | tr ' ' '\n' | sort | tr '\n' ' ')" "only-run runs-only "
check "phrase with the word" is "$(ids '"will run again"')" "only-run"
check "two-word phrase" is "$(ids '"run again"')" "only-run"
check "phrase with no match" is "$(ids '"run the"')" ""
check "phrase in the title" is "$(ids 'title:"will run"')" "only-run"
check "NEAR" is "$(ids 'mayor NEAR/3 run')" "only-run"
nsearch --db "$TMP/db" --json --related 0 '"will run again"' >"$TMP/snip"
check "the snippet marks the phrase as written" grep -qF '<mark>will run again</mark>' "$TMP/snip"
check "title:run" is "$(ids 'title:run')" "only-run"
check "wildcard" is "$(ids 'ru*' | tr ' ' '\n' | sort | tr '\n' ' ')" "only-run runs-only "
check "wildcard in the title" is "$(ids 'title:ru*')" "only-run"
check "author phrase" is "$(ids 'author:"ann smith"')" "only-run"
check "capitals" is "$(ids 'RUN AGAIN' | cut -d' ' -f1)" "only-run"

# The exact form still ranks first where it has an exact term: "runs".
check "exact 'runs' ranks first" is "$(ids runs)" "runs-only only-run"

# Spelling: the dictionary counts the words as written, so a word that is
# its own stem leaves it when its articles are replaced or deleted.  Two
# articles say "taper" and one "tapir": "tapor" is corrected to the more
# frequent.  Once both "taper" articles are rewritten, a count left behind
# would still pick "taper", which nothing matches.  (An index of their
# own: no other word is near "tapor".)
suggestion() {
    nsearch --db "$TMP/sp" --json --related 0 "$1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"] or "")'
}
cat >"$TMP/s1.jsonl" <<'EOF'
{"id": "taper-1", "title": "Candles", "body": "A taper lit the hall."}
{"id": "taper-2", "title": "Candles again", "body": "Every taper burned down."}
{"id": "tapir", "title": "Zoo", "body": "The tapir slept all day."}
EOF
check "index spelling articles" nindex --quiet --db "$TMP/sp" "$TMP/s1.jsonl"
check "the more frequent word suggested" is "$(suggestion tapor)" "taper"
sed 's/A taper/A candle/; s/Every taper/Every candle/' "$TMP/s1.jsonl" >"$TMP/s2.jsonl"
check "replace" nindex --quiet --db "$TMP/sp" "$TMP/s2.jsonl"
check "a replaced word leaves the dictionary" is "$(suggestion tapor)" "tapir"
# --force: one of three articles is over the 20% --max-delete-share.
check "delete" nindex --quiet --db "$TMP/sp" --delete --force tapir
check "a deleted word leaves the dictionary" is "$(suggestion tapor)" ""

finish
