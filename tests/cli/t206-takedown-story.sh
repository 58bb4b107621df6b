#!/bin/sh
# t206-takedown-story.sh - What a takedown leaves, said: the same story
# indexed under a second id (a wire copy, the same headline) stayed
# searchable after the --delete of the first without a word; --rollback
# said a takedown was undone ("1 deletion made since gen-000002 was
# published is undone") though the article stays gone.  Now the
# --delete names the versions left, and the rollback says the deletion
# stands.  Also the README's procedure for a name erased through a
# correction: correct, reindex, --rebuild --keep 1; a --rollback to an
# older generation brings the old text back.
. "$(dirname "$0")/lib.sh"

for i in 1 2 3 4 5 6 7 8 9 10; do
    echo "{\"id\":\"a$i\",\"title\":\"Harbour story number $i\",\"body\":\"Body $i text.\"}"
done >"$TMP/src.jsonl"
echo '{"id":"story","title":"Mayor Quibbleworth resigns after inquiry","body":"Quibbleworth went."}' >>"$TMP/src.jsonl"
echo '{"id":"wire-x","title":"Mayor Quibbleworth resigns after inquiry","body":"Wire copy: Quibbleworth went."}' >>"$TMP/src.jsonl"
db="$TMP/db"
nindex --quiet --db "$db" "$TMP/src.jsonl"

# Other versions of the story: named after the delete.
run out err nindex --db "$db" --delete story --force --dry-run
check "dry run: names the other version" contains "$TMP/err" \
    "would delete 'story'; 1 other version of this story would remain: 'wire-x' (nindex --delete it too if it must go)"
run out err nindex --db "$db" --delete story --force
check "delete: exit 0" is "$rc" 0
check "delete: names the other version" contains "$TMP/err" \
    "nindex: warning: deleted 'story'; 1 other version of this story remains: 'wire-x' (nindex --delete it too if it must go)"
run out err nsearch --db "$db" --json quibbleworth
check "delete: the other version is what a search finds" contains \
    "$TMP/out" '"id":"wire-x"'
echo '{"id":"story","title":"Mayor Quibbleworth resigns after inquiry","body":"Quibbleworth went."}' |
    nindex --quiet --db "$db" -
run out err nindex --db "$db" --delete story wire-x --force
check "both deleted: nothing said of other versions" lacks "$TMP/err" \
    "other version"

# The rollback after a takedown: the deletion stands, and is said so.
d2="$TMP/db2"
nindex --quiet --db "$d2" "$TMP/src.jsonl"
nindex --quiet --db "$d2" --rebuild "$TMP/src.jsonl"
nindex --quiet --db "$d2" --delete a3 --keep-deleted 0 --force
run out err nindex --db "$d2" --rollback
check "rollback: exit 0" is "$rc" 0
check "rollback: the takedown stands" contains "$TMP/out" \
    "nindex: rollback: gen-000001 (was gen-000002) is live; 1 deletion stands: 'a3' was deleted from gen-000001 too"
check "rollback: nothing said to be undone" lacks "$TMP/out" "undone"
check "rollback: a3 is not back" sh -c \
    "! '$NSEARCH_BIN/nsearch' --db '$d2' --json --limit 20 harbour | grep -q '\"id\":\"a3\"'"

# Erasing a name through a correction (README "A takedown"): correct the
# source, reindex, --rebuild --keep 1.  A rollback to a generation
# before the correction brings the old text back.
d3="$TMP/db3"
nindex --quiet --db "$d3" "$TMP/src.jsonl"
nindex --quiet --db "$d3" --rebuild "$TMP/src.jsonl"
sed 's/Quibbleworth went/The official went/; s/Wire copy: Quibbleworth/Wire copy: the official/' \
    "$TMP/src.jsonl" >"$TMP/fixed.jsonl"
nindex --quiet --db "$d3" "$TMP/fixed.jsonl"
run out err nsearch --db "$d3" --json went
check "correction: the new text is searched" contains "$TMP/out" "official"
run out err nindex --db "$d3" --rollback
check "correction: a rollback brings the old text back" contains \
    "$TMP/out" "2 articles go back to their text in gen-000001: 'story', 'wire-x'"
nindex --quiet --db "$d3" "$TMP/fixed.jsonl"
run out err nindex --db "$d3" --rebuild --keep 1 "$TMP/fixed.jsonl"
check "rebuild --keep 1: exit 0" is "$rc" 0
check "rebuild --keep 1: one generation" \
    is "$(ls "$d3" | grep -c '^gen-')" 1
check "rebuild --keep 1: no rollback left to bring it back" sh -c \
    "! '$NSEARCH_BIN/nindex' --db '$d3' --rollback 2>/dev/null"
check "rebuild --keep 1: the body no longer holds the name" sh -c \
    "! '$NSEARCH_BIN/nsearch' --db '$d3' --json went | grep -q 'Quibbleworth went'"

finish
