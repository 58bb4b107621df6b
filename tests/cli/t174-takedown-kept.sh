#!/bin/sh
# t174-takedown-kept.sh - A takedown (--delete ID --keep-deleted 0) left
# the whole article in the generation kept for --rollback, and a rollback
# published it again; the rollback said only "gen-000001 (was gen-000002)
# is live", though it also undid a corrected headline.  Now --delete
# deletes from every kept generation (a kept generation it cannot open is
# a warning naming it, and exit 1), a prune does not, and --rollback says
# what it undoes, and which deletions stand.
. "$(dirname "$0")/lib.sh"

for i in 1 2 3 4 5 6 7 8 9 10; do
    echo "{\"id\":\"a$i\",\"title\":\"Story number $i about harbour\",\"body\":\"Body $i text.\"}"
done >"$TMP/src.jsonl"
echo '{"id":"a2","title":"Story number 2 corrected headline","body":"Body 2 text."}' \
    >"$TMP/fix.jsonl"
db="$TMP/db"
# Is article $2 among those DB $1 finds for "number"?
has_id() { nsearch --db "$1" --limit 20 number | grep -Eq "(^ *| \| )id $2\$"; }
no_id() { ! has_id "$@"; }
nindex --quiet --db "$db" "$TMP/src.jsonl"
nindex --quiet --db "$db" --rebuild "$TMP/src.jsonl"

# The desk editor's run: a takedown, a correction, then a rollback.
run out err nindex --db "$db" --delete a3 --keep-deleted 0
check "takedown: exit 0" is "$rc" 0
check "takedown: the summary says the kept generation lost it too" \
    contains "$TMP/out" "1 deleted, 0 skipped"
check "takedown: ... '1 also deleted from 1 kept generation'" \
    contains "$TMP/out" "; 1 also deleted from 1 kept generation"
check "takedown: gen-000001 no longer holds a3" no_id "$db/gen-000001" a3
nindex --quiet --db "$db" "$TMP/fix.jsonl"

run out err nindex --db "$db" --rollback
check "rollback: exit 0" is "$rc" 0
check "rollback: says what it undoes" contains "$TMP/out" \
    "nindex: rollback: gen-000001 (was gen-000002) is live; 1 replacement made since gen-000002 was published is undone; 1 deletion stands: 'a3' was deleted from gen-000001 too"
check "rollback: names no article back (a3 is gone from both)" \
    lacks "$TMP/out" "are back"
run out err nsearch --db "$db" number
check "rollback: a3 does not come back" lacks "$TMP/out" "Story number 3 "
check "rollback: nine articles" contains "$TMP/out" "9 matches"

# A prune is not a takedown: a rollback to before it brings its articles
# back, and says which.
nindex --quiet --db "$db" --rebuild --force "$TMP/src.jsonl"  # gen-000003
grep -v '"a[4-9]"' "$TMP/src.jsonl" >"$TMP/few.jsonl"
nindex --quiet --db "$db" --prune --force "$TMP/few.jsonl"
check "prune: gen-000001 still has a5 (prune leaves kept generations)" \
    has_id "$db/gen-000001" a5
check "prune: the live generation lacks a5" no_id "$db" a5
run out err nindex --db "$db" --rollback
check "rollback of a prune: exit 0" is "$rc" 0
check "rollback of a prune: counts the 6 deletions" contains "$TMP/out" \
    "is live; 6 deletions made since gen-000003 was published are undone"
check "rollback of a prune: names 5 of the 6 articles back" contains \
    "$TMP/out" "; 6 articles gen-000003 lacks are back: 'a4', 'a5', 'a6', 'a7', 'a8', ..."
run out err nsearch --db "$db" number
check "rollback of a prune: a5 is searchable again" contains "$TMP/out" \
    "Story number 5 "

# Nothing changed since publishing: said so.  (The sources lose a3 too,
# or a rebuild would index it again.)
grep -v '"a3"' "$TMP/src.jsonl" >"$TMP/no3.jsonl"
nindex --quiet --db "$db" --rebuild --force "$TMP/no3.jsonl"
run out err nindex --db "$db" --rollback
check "unchanged: said so" contains "$TMP/out" \
    "is live; no update or deletion was made since gen-000004 was published"
check "unchanged: nothing back or gone" lacks "$TMP/out" "lacks"

# An article added since publishing goes, and is named.
nindex --quiet --db "$db" --rebuild --force "$TMP/no3.jsonl"
echo '{"id":"n1","title":"Story number 11, new","body":"New."}' |
    nindex --quiet --db "$db" -
run out err nindex --db "$db" --rollback
check "addition: counted and named" contains "$TMP/out" \
    "is live; 1 addition made since gen-000005 was published is undone; 1 article gen-000001 lacks is gone: 'n1'"

# A kept generation that cannot be opened: a warning naming it, exit 1,
# and the live deletion stands.  Run again once it is mended, the
# takedown finishes there.
d2="$TMP/db2"
nindex --quiet --db "$d2" "$TMP/src.jsonl"
nindex --quiet --db "$d2" --rebuild "$TMP/src.jsonl"
cp -a "$d2/gen-000001" "$TMP/saved"
: >"$d2/gen-000001/iamglass"
run out err nindex --db "$d2" --delete a7 --keep-deleted 0
check "damaged kept generation: exit 1" is "$rc" 1
check "damaged kept generation: a warning naming it" contains "$TMP/err" \
    "nindex: warning: cannot delete from the kept generation '$d2/gen-000001'"
check "damaged kept generation: the takedown is said to be incomplete" \
    contains "$TMP/err" "the takedown is incomplete: 1 kept generation"
check "damaged kept generation: a7 is gone from the live one" no_id "$d2" a7
rm -rf "$d2/gen-000001"
mv "$TMP/saved" "$d2/gen-000001"
run out err nindex --db "$d2" --delete a7 --keep-deleted 0
check "run again: exit 0 (a7 was in a kept generation: the takedown is done)" \
    is "$rc" 0
check "run again: a7 is not said to name no article" lacks "$TMP/err" \
    "no article with id"
check "run again: the kept generation loses a7" contains "$TMP/out" \
    "; 1 also deleted from 1 kept generation"
run out err nindex --db "$d2" --rollback
check "run again: a7 does not come back" no_id "$d2" a7

finish
