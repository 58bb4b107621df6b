#!/bin/sh
# t200-undo-killed.sh - A run killed (SIGKILL) after its undo file took
# its name in DIR/deleted but before its deletions were committed (or its
# rebuild published) left that file as if the deletions had been made:
# the README's undo would "restore" articles never deleted.  The commit
# of the deletions records the file in the index now, and the next writer
# renames a file the index does not account for NAME.incomplete, with a
# warning.  A file of deletions that were committed always stays.
. "$(dirname "$0")/lib.sh"

write_stories "$TMP/all.jsonl" a 20
head -n 15 "$TMP/all.jsonl" >"$TMP/keep.jsonl"
files() { ls "$1/deleted" 2>/dev/null | grep -c '\.jsonl\.gz$'; }
incomplete() { ls "$1/deleted" 2>/dev/null | grep -c '\.jsonl\.gz\.incomplete$'; }
killed() {
    point=$1
    shift
    NINDEX_CRASH_AT=$point "$NSEARCH_BIN/nindex" --quiet "$@" \
        >"$TMP/kill.out" 2>&1
    rc=$?
}
said="left by a run killed before its deletions were made (its articles were not deleted); renamed"

# --- A prune killed before its commit --------------------------------------
db=$TMP/db
nindex --quiet --db "$db" "$TMP/all.jsonl"
killed prune --db "$db" --prune --force "$TMP/keep.jsonl"
check "prune killed: by SIGKILL" is "$rc" 137
check "prune killed: its undo file is there" is "$(files "$db")" 1
check "prune killed: nothing was deleted" is "$(count "$db")" 20
run out err nindex --db "$db" "$TMP/all.jsonl"
check "next run: exits 0" is "$rc" 0
check "next run: says which file and why" contains "$TMP/err" "$db/deleted/"
check "next run: ... the warning" contains "$TMP/err" "$said"
check "next run: no file reads as a deletion" is "$(files "$db")" 0
check "next run: the file is kept as .incomplete" is "$(incomplete "$db")" 1
check "next run: all 20 still there" is "$(count "$db")" 20
run out err nindex --db "$db" "$TMP/all.jsonl"
check "the run after: says nothing more" lacks "$TMP/err" "$said"

# --- A prune killed after its commit: the file stays -----------------------
killed pruned --db "$db" --prune --force "$TMP/keep.jsonl"
check "prune killed after its commit: by SIGKILL" is "$rc" 137
check "prune killed after its commit: 5 deleted" is "$(count "$db")" 15
run out err nindex --db "$db" "$TMP/keep.jsonl"
check "after a committed prune: no warning" lacks "$TMP/err" "$said"
check "after a committed prune: its undo file stays" is "$(files "$db")" 1
undo=$(ls "$db"/deleted/*.jsonl.gz)
run out err nindex --db "$db" "$undo"
check "the undo file restores the 5" is "$(count "$db")" 20

# --- A normal prune's file stays through later runs ------------------------
run out err nindex --quiet --db "$db" --prune --force "$TMP/keep.jsonl"
check "a normal prune: exits 0" is "$rc" 0
check "a normal prune: 15 left" is "$(count "$db")" 15
nindex --quiet --db "$db" "$TMP/keep.jsonl"
run out err nindex --db "$db" "$TMP/keep.jsonl"
check "a normal prune: its file stays" is "$(files "$db")" 2
check "a normal prune: no warning" lacks "$TMP/err" "$said"

# --- --delete killed before and after its commit ---------------------------
# Right after the committed prune above: a kill in the same second is
# told apart as well as one later.
killed delete --db "$db" --delete --force a1
check "--delete killed: by SIGKILL" is "$rc" 137
check "--delete killed: its undo file is there" is "$(files "$db")" 3
run out err nindex --db "$db" --delete --force a2
check "--delete killed: the next --delete exits 0" is "$rc" 0
check "--delete killed: the next run says so" contains "$TMP/err" "$said"
check "--delete killed: a1 is still there" is "$(count "$db")" 14
check "--delete killed: the files of deletions made stay" is "$(files "$db")" 3
check "--delete killed: one more .incomplete" is "$(incomplete "$db")" 2
killed deleted --db "$db" --delete --force a3
check "--delete killed after its commit: by SIGKILL" is "$rc" 137
check "--delete killed after its commit: a3 deleted" is "$(count "$db")" 13
run out err nindex --db "$db" "$TMP/all.jsonl"
check "--delete killed after its commit: its file stays" is "$(files "$db")" 4
check "--delete killed after its commit: no warning" lacks "$TMP/err" "$said"

# Files left by killed runs age as the others do: 0 removes them too.
run out err nindex --db "$db" --delete --force --keep-deleted 0 a4
check "--keep-deleted 0 removes the .incomplete files" is "$(incomplete "$db")" 0

# --- A rebuild killed before it was published ------------------------------
rb=$TMP/rb
nindex --quiet --db "$rb" "$TMP/all.jsonl"
killed publish --db "$rb" --rebuild --force "$TMP/keep.jsonl"
check "rebuild killed: by SIGKILL" is "$rc" 137
check "rebuild killed: the file of what it left out is there" is "$(files "$rb")" 1
run out err nindex --db "$rb" --rebuild "$TMP/all.jsonl"
check "rebuild killed: the next rebuild says so" contains "$TMP/err" "$said"
check "rebuild killed: no file reads as a deletion" is "$(files "$rb")" 0
check "rebuild killed: all 20 live" is "$(count "$rb")" 20
run out err nindex --quiet --db "$rb" --rebuild --force "$TMP/keep.jsonl"
check "a published rebuild: 15 live" is "$(count "$rb")" 15
run out err nindex --db "$rb" "$TMP/keep.jsonl"
check "a published rebuild: its file stays" is "$(files "$rb")" 1
check "a published rebuild: no warning" lacks "$TMP/err" "$said"

# --- A rollback to a generation that records an older file -----------------
# The prune is committed to the rebuilt generation; the one rolled back
# to never saw it, and its file stays.
run out err nindex --quiet --db "$rb" "$TMP/all.jsonl"
run out err nindex --quiet --db "$rb" --prune --force "$TMP/keep.jsonl"
check "rollback: the prune made its file" is "$(files "$rb")" 2
run out err nindex --quiet --db "$rb" --rollback
check "rollback: exits 0" is "$rc" 0
run out err nindex --db "$rb" "$TMP/keep.jsonl"
check "rollback: the prune's file stays" is "$(files "$rb")" 2
check "rollback: no warning" lacks "$TMP/err" "$said"

# A rollback judges as the other writers do, before it goes back.
killed delete --db "$rb" --delete --force a1
run out err nindex --db "$rb" --rollback
check "killed, then a rollback: it says so" contains "$TMP/err" "$said"
check "killed, then a rollback: the files of deletions made stay" \
    is "$(files "$rb")" 2

finish
