#!/bin/sh
# t204-takedown-undo.sh - A takedown left the story's full text in the
# undo files: a first --delete (or a prune, or a "deleted": true record)
# wrote it to DIR/deleted/, and the --delete --keep-deleted 0 that legal
# asked for then said "no article with id", exit 3, and left the file.
# Now --delete ID --keep-deleted 0 takes the id out of every undo file
# (the other records stay; a file left empty goes) and says so; an id
# found nowhere is still "no article with id", exit 3.  Its --dry-run
# says what the real run would do, in the kept generations and the undo
# files, and writes nothing.
. "$(dirname "$0")/lib.sh"

for i in 1 2 3 4 5 6 7 8 9 10; do
    echo "{\"id\":\"a$i\",\"title\":\"Harbour story number $i\",\"body\":\"Body $i text.\"}"
done >"$TMP/src.jsonl"
echo '{"id":"secret","title":"Mayor Quibbleworth resigns today","body":"Quibbleworth took Zorblax money."}' \
    >>"$TMP/src.jsonl"
db="$TMP/db"
nindex --quiet --db "$db" "$TMP/src.jsonl"
# The undo files that hold the story's words.
holding() { zgrep -l Zorblax "$db"/deleted/*.gz 2>/dev/null | wc -l; }

# The desk's first reaction keeps a copy; the undo file holds the text.
nindex --quiet --db "$db" --delete secret --force
check "first delete: an undo file holds the story" is "$(holding)" 1
# A later prune keeps a1 and a2 in another undo file, with the story's
# neighbours: the purge must leave those.
sleep 1
grep -v '"a[12]"' "$TMP/src.jsonl" | grep -v secret >"$TMP/less.jsonl"
nindex --quiet --db "$db" --prune --force "$TMP/less.jsonl"
ls "$db"/deleted/*.gz >"$TMP/files.before"
check "two undo files" is "$(wc -l <"$TMP/files.before")" 2
stamp=$(stat -c %Y "$(tail -1 "$TMP/files.before")")

# The dry run says what the real run would do, and writes nothing.
find "$db" -type f -exec md5sum {} + | sort >"$TMP/sums.before"
run out err nindex --db "$db" --delete secret --keep-deleted 0 --dry-run
check "dry run: exit 0 (the story is in an undo file)" is "$rc" 0
check "dry run: not 'no article'" lacks "$TMP/err" "no article with id"
check "dry run: says it would remove it from 1 undo file" contains \
    "$TMP/out" "nindex: would remove 'secret' from 1 undo file"
find "$db" -type f -exec md5sum {} + | sort >"$TMP/sums.after"
check "dry run: no file of the index changed" cmp -s "$TMP/sums.before" \
    "$TMP/sums.after"

run out err nindex --db "$db" --delete secret --keep-deleted 0
check "purge: exit 0 (what legal asked for is done)" is "$rc" 0
check "purge: says so" contains "$TMP/out" \
    "nindex: removed 'secret' from 1 undo file"
check "purge: not 'no article'" lacks "$TMP/err" "no article with id"
check "purge: no undo file holds the story" is "$(holding)" 0
check "purge: the file left empty is gone, the prune's stays" \
    is "$(ls "$db"/deleted/*.gz | wc -l)" 1
check "purge: the prune's file keeps its time (it ages as before)" \
    is "$(stat -c %Y "$db"/deleted/*.gz)" "$stamp"
check "purge: no temporary file is left" \
    is "$(ls "$db/deleted" | grep -c part)" 0

# A story that left through a prune: taken out of that file, the rest kept.
run out err nindex --db "$db" --delete a1 --keep-deleted 0
check "pruned story: exit 0" is "$rc" 0
check "pruned story: removed from 1 undo file" contains "$TMP/out" \
    "nindex: removed 'a1' from 1 undo file"
check "pruned story: the file still holds a2, not a1" sh -c \
    "zgrep -q '\"a2\"' '$db'/deleted/*.gz && ! zgrep -q '\"a1\"' '$db'/deleted/*.gz"
nindex --quiet --db "$db" "$db"/deleted/*.gz
run out err nsearch --db "$db" --json --limit 20 harbour
check "the rewritten file still undoes: a2 is back" contains "$TMP/out" '"id":"a2"'
check "... and a1 is not" lacks "$TMP/out" '"id":"a1"'

# An id found nowhere is still reported, exit 3.
run out err nindex --db "$db" --delete secret --keep-deleted 0
check "nothing left: exit 3" is "$rc" 3
check "nothing left: no article with id" contains "$TMP/err" \
    "nindex: no article with id 'secret'"

# A live story: deleted, and out of the undo files too.
d2="$TMP/db2"
nindex --quiet --db "$d2" "$TMP/src.jsonl"
nindex --quiet --db "$d2" --delete a5 --force
echo '{"id":"a5","title":"Harbour story number 5","body":"Body 5 text."}' |
    nindex --quiet --db "$d2" -
run out err nindex --db "$d2" --delete a5 --keep-deleted 0 --force
check "live and kept: exit 0" is "$rc" 0
check "live and kept: deleted" contains "$TMP/out" "1 deleted, 0 skipped"
check "live and kept: removed from the undo file" contains "$TMP/out" \
    "nindex: removed 'a5' from 1 undo file"

# Pruned from the live generation, still in the kept one: the dry run
# says what the real run does there.
d3="$TMP/db3"
nindex --quiet --db "$d3" "$TMP/src.jsonl"
nindex --quiet --db "$d3" --rebuild "$TMP/src.jsonl"
nindex --quiet --db "$d3" --prune --force --keep-deleted 0 "$TMP/less.jsonl"
run out err nindex --db "$d3" --delete a1 --keep-deleted 0 --dry-run
check "kept only, dry run: exit 0" is "$rc" 0
check "kept only, dry run: the kept generation" contains "$TMP/out" \
    "; 1 also deleted from 1 kept generation"
check "kept only, dry run: not 'no article'" lacks "$TMP/err" "no article"
check "kept only, dry run: gen-000001 still holds a1" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$d3/gen-000001' --json --limit 20 harbour | grep -q '\"id\":\"a1\"'"
run out err nindex --db "$d3" --delete a1 --keep-deleted 0
check "kept only: exit 0" is "$rc" 0
check "kept only: the same line" contains "$TMP/out" \
    "; 1 also deleted from 1 kept generation"

finish
