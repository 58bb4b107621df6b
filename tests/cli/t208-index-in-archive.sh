#!/bin/sh
# t208-index-in-archive.sh - An index directory kept inside the archive
# it indexes (`nindex --db db .` in the archive) is not read as sources.
# The walk read its undo files (db/deleted/*.jsonl.gz) as records, so an
# article pruned or deleted came back on the next run, and each of the
# index's own files was one "ignored" warning more, every run.  The index
# written (by device and inode, however it is reached) and any other
# index below a SOURCE directory are passed over with one note line; an
# undo file named as a SOURCE still restores its articles.
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/arch"
write_stories "$TMP/all.jsonl" s 100
cp "$TMP/all.jsonl" "$TMP/arch/stories.jsonl"
cd "$TMP/arch" || exit 1

run out err nindex --db db .
check "first run: exit 0" is "$rc" 0
check "first run: 100 added" contains "$TMP/out" "100 added"
check "first run: nothing of the index ignored" contains "$TMP/out" \
    "0 ignored"
check "first run: no warning" lacks "$TMP/err" "warning"
check "first run: one note names the index" is "$(cat "$TMP/err")" \
    "nindex: ./db: not read: the index being written (--db)"

grep -v '"s7"' "$TMP/all.jsonl" >stories.jsonl
run out err nindex --db db --prune .
check "prune: s7 deleted" contains "$TMP/out" "1 deleted"
check "prune: an undo file written" test -n "$(ls db/deleted)"
run out err nindex --db db --prune .
check "prune again: exit 0" is "$rc" 0
check "prune again: s7 not brought back" contains "$TMP/out" "0 added"
check "prune again: 99 articles" is "$(count db)" 99
check "prune again: no warning" lacks "$TMP/err" "warning"
run out err nindex --db db --rebuild .
check "rebuild: exit 0" is "$rc" 0
check "rebuild: 99 live, s7 not among them" is "$(count db)" 99

# The same index by another path, and through a link.
ln -s db dblink
run out err nindex --db "$TMP/arch/db" .
check "by another path: 0 added" contains "$TMP/out" "0 added"
check "by another path: the link is passed over too" contains "$TMP/err" \
    "nindex: ./dblink: not read: the index being written (--db)"
check "by another path: no warning" lacks "$TMP/err" "warning"
rm dblink

# Another index below the SOURCE is passed over as well.
write_stories "$TMP/other.jsonl" o 5
nindex --quiet --db old "$TMP/other.jsonl"
nindex --quiet --db old --prune "$TMP/all.jsonl" --max-delete-share 100 \
    --force
run out err nindex --db db --prune .
check "another index: exit 0" is "$rc" 0
check "another index: its undo file not read" contains "$TMP/out" "0 added"
check "another index: said" contains "$TMP/err" \
    "nindex: ./old: not read: an nsearch index"
check "another index: not counted ignored" contains "$TMP/out" "0 ignored"
# Without its `current` link it is still an index.
rm old/current
run out err nindex --db db .
check "an index without its link: passed over" contains "$TMP/err" \
    "nindex: ./old: not read: an nsearch index"
check "an index without its link: 0 added" contains "$TMP/out" "0 added"
rm -rf old
# --quiet says nothing of it.
run out err nindex --quiet --db db .
check "--quiet: no note" is "$(cat "$TMP/err")" ""

# A directory that only looks like parts of an index is read.
mkdir -p sec/current
write_stories sec/current/more.jsonl m 3
: >sec/lock
run out err nindex --db db .
check "not an index: read" contains "$TMP/out" "3 added"
rm -rf sec

# The README's undo: an update from the undo file, named as a SOURCE.
run out err nindex --db db db/deleted/*.jsonl.gz
check "undo file as SOURCE: exit 0" is "$rc" 0
check "undo file as SOURCE: s7 restored" contains "$TMP/out" "1 added"
check "undo file as SOURCE: s7 among the 103" is "$(count db)" 103
# The index's deleted/ directory named as a SOURCE is read too.
run out err nindex --db db --dry-run db/deleted
check "deleted/ as SOURCE: read" contains "$TMP/out" "unchanged"
check "deleted/ as SOURCE: nothing passed over" lacks "$TMP/err" "not read"

finish
