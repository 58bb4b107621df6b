#!/bin/sh
# t068-generations.sh - Generations after a crash at publish, and the
# rebuild canary: a generation that was never live is removed by the next
# writer, so --rollback goes back to the one that was live; any title
# makes a canary that finds its article.
. "$(dirname "$0")/lib.sh"

# archive FILE N FIRST-TITLE [TITLE-OF-THE-OTHERS]: N articles a0..; the
# first with FIRST-TITLE.
archive() {
    python3 - "$@" <<'PY'
import json, sys
path, n, first = sys.argv[1], int(sys.argv[2]), sys.argv[3]
other = sys.argv[4] if len(sys.argv) > 4 else None
with open(path, "w") as f:
    for i in range(n):
        title = first if i == 0 else (other or "Story %d about harbours" % i)
        f.write(json.dumps({"id": "a%d" % i, "title": title,
                            "body": "ferry council budget %d" % i}) + "\n") 
PY
}
live() { readlink "$TMP/db/current"; }

# --- A crash at publish leaves a never-live generation behind. ------------
archive "$TMP/v1.jsonl" 40 "First version"
archive "$TMP/v2.jsonl" 40 "Second version"
archive "$TMP/v3.jsonl" 40 "Third version"
archive "$TMP/v4.jsonl" 40 "Fourth version"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v2.jsonl"
was_live=$(live)
NINDEX_CRASH_AT=publish "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" \
    --rebuild "$TMP/v3.jsonl" >/dev/null 2>&1
check "killed at publish (137)" is "$?" 137
check "the live generation is unchanged by the kill" is "$(live)" "$was_live"
run out err nindex --db "$TMP/db" --rebuild "$TMP/v4.jsonl"
check "the next rebuild succeeds" is "$rc" 0
check "the next rebuild is live" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json fourth | grep -q '\"id\":\"a0\"'"
check "the generation that was live is kept" test -d "$TMP/db/$was_live"
check "two generations are kept" is "$(ls -d "$TMP/db"/gen-* | wc -l)" 2
run out err nindex --db "$TMP/db" --rollback
check "rollback succeeds" is "$rc" 0
check "rollback goes back to the generation that was live" \
    is "$(live)" "$was_live"
check "rollback serves the second version" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json second | grep -q '\"id\":\"a0\"'"

# A never-live generation is removed by any next writer, an update too
# (the one rolled back from went the same way when the killed run began).
NINDEX_CRASH_AT=publish "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" \
    --rebuild "$TMP/v3.jsonl" >/dev/null 2>&1
newest=$(ls -d "$TMP/db"/gen-* | tail -n 1)
check "the kill left a generation newer than the live one" \
    test "$(basename "$newest")" != "$(live)"
nindex --quiet --db "$TMP/db" "$TMP/v2.jsonl"
check "an update removes it" test ! -e "$newest"
check "the live one stays" test -d "$TMP/db/$(live)"

# --- A damaged live generation: the nightly rebuild replaces it. ----------
# It used to refuse (its shard check opened the live index first), so the
# job that would have put things right failed every night.  The shrink
# guard holds the rebuild against the generation before instead.
d="$TMP/dmg"
archive "$TMP/d40.jsonl" 40 "Harbour crossing resumes"
archive "$TMP/d10.jsonl" 10 "Harbour crossing resumes"
nindex --quiet --db "$d" --rebuild "$TMP/d40.jsonl"
first=$(readlink "$d/current")
nindex --quiet --db "$d" --rebuild "$TMP/d40.jsonl"
bad=$(readlink "$d/current")
for f in "$d/$bad"/*.glass; do truncate -s 100 "$f"; done
run out err nindex --db "$d" --rebuild "$TMP/d10.jsonl"
check "damaged live: a rebuild of a quarter is still refused (exit 65)" \
    is "$rc" 65
check "damaged live: nothing published" is "$(readlink "$d/current")" "$bad"
run out err nindex --db "$d" --rebuild "$TMP/d40.jsonl"
check "damaged live: a whole rebuild is published" is "$rc" 0
check "damaged live: it says why it went on" contains "$TMP/err" \
    "cannot be opened"
check "damaged live: a new generation is live" \
    test "$(readlink "$d/current")" != "$bad"
# --keep 2 counts the generations that open: the damaged one kept in place
# of the last good one left --rollback nothing to go back to.
check "damaged live: the last generation that opens is kept" \
    test -d "$d/$first"
check_search() { nsearch --db "$d" --json --related 0 harbour | python3 -c '
import json, sys; assert json.load(sys.stdin)["total"] == 40'; }
check "damaged live: the new one answers" check_search
for f in "$d/$(readlink "$d/current")"/*.glass; do truncate -s 100 "$f"; done
run out err nindex --db "$d" "$TMP/d40.jsonl"
check "damaged live: an update fails (exit 1)" is "$rc" 1
check "damaged live: and says what puts it right" contains "$TMP/err" \
    "--rollback"
# --rollback passes over the damaged generation before it: publishing that
# one made the archive unreadable with exit 0, and the next update removed
# the newer ones, the last that opened among them.
run out err nindex --db "$d" --rollback
check "rollback over a damaged generation: exit 0" is "$rc" 0
check "rollback over a damaged generation: to the one that opens" \
    is "$(readlink "$d/current")" "$first"
check "rollback over a damaged generation: it answers" check_search
run out err nindex --db "$d" --rollback
check "rollback with nothing older that opens: exit 1" is "$rc" 1
check "rollback with nothing older that opens: current stays" \
    is "$(readlink "$d/current")" "$first"
# Which of the two it is: none kept at all (a rebuild with --keep 1), or
# one kept that does not open.  Both used to say "that opens", and sent
# the operator looking for damage that was not there.
k="$TMP/keep1"
nindex --quiet --db "$k" --rebuild "$TMP/d40.jsonl"
nindex --quiet --db "$k" --rebuild --keep 1 "$TMP/d40.jsonl"
live=$(readlink "$k/current")
run out err nindex --db "$k" --rollback
check "rollback after --keep 1: exit 1" is "$rc" 1
check "rollback after --keep 1: none is kept" contains "$TMP/err" \
    "nindex: '$k' keeps no generation older than '$live' to roll back to (a rebuild with --keep 1 keeps only the live one)"
check "rollback after --keep 1: no word of opening" lacks "$TMP/err" \
    "that opens"
nindex --quiet --db "$k" --rebuild "$TMP/d40.jsonl"
for f in "$k/$live"/*.glass; do truncate -s 100 "$f"; done
run out err nindex --db "$k" --rollback
check "rollback over a kept one that does not open: exit 1" is "$rc" 1
check "rollback over a kept one that does not open: says so" \
    contains "$TMP/err" "older than '$(readlink "$k/current")' that opens"

# --- The canary: titles the query language would misread. ----------------
canary() { # NAME FIRST-TITLE [OTHERS]
    rm -rf "$TMP/c"
    archive "$TMP/c.jsonl" 40 "$2" ${3:+"$3"}
    nindex --quiet --db "$TMP/c" --rebuild "$TMP/c.jsonl" >/dev/null 2>&1
    run out err nindex --db "$TMP/c" --rebuild "$TMP/c.jsonl"
    check "canary: $1: rebuild published" is "$rc" 0
}
canary "leading minus" "-40 degrees in Oslo"
canary "NOT" "NOT guilty, jury says"
canary "lone quote" '"'
canary "title word shared with 39 others" "Weather" "Weather"
canary "field-like words" "section:world AND tag:x OR \"open"
canary "wildcards and NEAR" "oil* NEAR/3 price"
# Titles whose words the indexer keeps otherwise, or keeps none of.
canary "a language's name" "C++"
canary "a dash alone" "—"
canary "emoji alone" "🔥🔥"
canary "punctuation and a dash" "!!! — ???"
# The canary still catches an index that cannot find the article by its
# title: the title words are searched, not the id alone.
rm -rf "$TMP/c"
archive "$TMP/c.jsonl" 40 "Zanzibar lighthouse keepers"
run out err env NINDEX_CANARY_ID=a1 "$NSEARCH_BIN/nindex" --db "$TMP/c" \
    --rebuild "$TMP/c.jsonl"
check "canary: another article's title refused (exit 65)" is "$rc" 65


# A rollback names the articles whose text it takes back: a rebuild that
# published a correction, or a correction made in place, was undone with
# "no update or deletion was made" or "1 replacement ... is undone" and
# no word of which story went back to its old text.
rec() { printf '{"id":"%s","title":"%s","body":"Harbour %s"}\n' "$1" "$2" "$2"; }
{ rec w1 "Minister quits"; rec w2 "Harbour reopens"; rec w3 "Ferry strike"; } >"$TMP/r1.jsonl"
{ rec w1 "Minister cleared"; rec w2 "Harbour reopens"; rec w3 "Ferry strike ends"; } >"$TMP/r2.jsonl"
nindex --quiet --db "$TMP/r" "$TMP/r1.jsonl"
nindex --quiet --db "$TMP/r" --rebuild "$TMP/r2.jsonl" 2>/dev/null
run out err nindex --db "$TMP/r" --rollback
check "rollback of a rebuild: exit 0" is "$rc" 0
check "rollback of a rebuild: the texts taken back are named" contains "$TMP/out" \
    "is live; no update or deletion was made since gen-000002 was published; 2 articles go back to their text in gen-000001: 'w1', 'w3'"
nindex --quiet --db "$TMP/r" --rebuild "$TMP/r1.jsonl" 2>/dev/null
rec w1 "Minister cleared" >"$TMP/fix.jsonl"
nindex --quiet --db "$TMP/r" "$TMP/fix.jsonl"
run out err nindex --db "$TMP/r" --rollback
check "rollback of a correction in place: named" contains "$TMP/out" \
    "1 replacement made since gen-000003 was published is undone; 1 article goes back to its text in gen-000001: 'w1'"
# Unchanged texts name nothing; past five, the rest is "...".
nindex --quiet --db "$TMP/r" --rebuild "$TMP/r1.jsonl" 2>/dev/null
run out err nindex --db "$TMP/r" --rollback
check "same texts: nothing named" lacks "$TMP/out" "go back"
for i in 1 2 3 4 5 6 7; do rec "m$i" "Story $i"; done >"$TMP/m1.jsonl"
for i in 1 2 3 4 5 6 7; do rec "m$i" "Story $i corrected"; done >"$TMP/m2.jsonl"
nindex --quiet --db "$TMP/m" "$TMP/m1.jsonl"
nindex --quiet --db "$TMP/m" --rebuild "$TMP/m2.jsonl" 2>/dev/null
run out err nindex --db "$TMP/m" --rollback
check "seven texts: five named, then ..." contains "$TMP/out" \
    "7 articles go back to their text in gen-000001: 'm1', 'm2', 'm3', 'm4', 'm5', ..."

finish
