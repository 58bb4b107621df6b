#!/bin/sh
# t263-dry-run-others.sh - `nindex --delete --dry-run ID` said "deleted
# 'story'; 1 other version of this story remains" although it deletes
# nothing.  Now it says what the real run would do and leave, and the
# article is still there after it.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/src.jsonl" <<'JSON'
{"id":"story","title":"Mayor Quibbleworth resigns after inquiry","body":"Quibbleworth went."}
{"id":"wire-x","title":"Mayor Quibbleworth resigns after inquiry","body":"Wire copy: Quibbleworth went."}
{"id":"wire-y","title":"Mayor Quibbleworth resigns after inquiry","body":"Second wire: Quibbleworth went."}
JSON
db="$TMP/db"
nindex --quiet --db "$db" "$TMP/src.jsonl"

run out err nindex --db "$db" --delete story --force --dry-run
check "dry run: exit 0" is "$rc" 0
check "dry run: says what it would delete and leave" contains "$TMP/err" \
    "nindex: warning: would delete 'story'; 2 other versions of this story would remain: 'wire-x', 'wire-y' (nindex --delete them too if they must go)"
check "dry run: does not say it deleted" lacks "$TMP/err" "deleted 'story'"
check "dry run: every article still there" is "$(count "$db")" 3
run out err nsearch --db "$db" --show story
check "dry run: the article is still shown" is "$rc" 0

# One other version: singular, both ways.
run out err nindex --db "$db" --delete story wire-y --force --dry-run
check "dry run, one left: would remain" contains "$TMP/err" \
    "would delete 'story'; 1 other version of this story would remain: 'wire-x' (nindex --delete it too if it must go)"
run out err nindex --db "$db" --delete story --force
check "real run: says it deleted" contains "$TMP/err" \
    "nindex: warning: deleted 'story'; 2 other versions of this story remain: 'wire-x', 'wire-y'"
check "real run: the article is gone" is "$(count "$db")" 2

finish
