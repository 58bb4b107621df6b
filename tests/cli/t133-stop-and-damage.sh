#!/bin/sh
# t133-stop-and-damage.sh - A stop (SIGTERM, SIGINT) asked for during a
# prune deletes nothing and leaves no undo file.  A live generation whose
# directory or files are gone is an error for an update and its dry run,
# never an empty index made under its name; a rebuild replaces it.  One
# that cannot be read for its permissions is said to be so, not "no
# index", and a dry run fails as the real run would.  A stop while --wait
# waits for the lock is exit 1, with a message.
. "$(dirname "$0")/lib.sh"

# archive FILE FIRST N: articles aFIRST.. with small bodies.
archive() {
    python3 - "$@" <<'PY'
import json, sys
path, first, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as f:
    for i in range(first, first + n):
        f.write(json.dumps({"id": "a%d" % i, "title": "Story %d" % i,
                            "body": "harbour ferry council %d" % i}) + "\n")
PY
}
# undo_files DB: the files in DB/deleted, .part ones too.
undo_files() { ls "$1/deleted" 2>/dev/null | wc -l; }

# --- A stop during a prune: the update is committed, nothing is pruned ----
# The prune keeps a0..a99 and a new a1000; 200 articles would go.
archive "$TMP/all.jsonl" 0 300
archive "$TMP/keep.jsonl" 0 100
archive "$TMP/new.jsonl" 1000 1
cat "$TMP/new.jsonl" >>"$TMP/keep.jsonl"
nindex --quiet --db "$TMP/pr" "$TMP/all.jsonl"
# "keep": while the deleted articles are written to DB/deleted; "prune":
# after the first deletion, before the commit.
for point in keep prune; do
    run out err env NINDEX_TERM_AT=$point "$NSEARCH_BIN/nindex" \
        --db "$TMP/pr" --prune --force "$TMP/keep.jsonl"
    check "stop at $point: exit 1" is "$rc" 1
    check "stop at $point: says nothing was pruned" contains "$TMP/err" \
        "nindex: interrupted; the articles read so far were committed; nothing was pruned"
    check "stop at $point: the summary counts no deletion" contains "$TMP/out" \
        " 0 deleted"
    check "stop at $point: nothing deleted, the new article added" \
        is "$(count "$TMP/pr")" 301
    check "stop at $point: no undo file" is "$(undo_files "$TMP/pr")" 0
done
run out err nindex --quiet --db "$TMP/pr" --prune --force "$TMP/keep.jsonl"
check "the prune run again deletes the 200" is "$(count "$TMP/pr")" 101
check "... and keeps them in one undo file" is "$(undo_files "$TMP/pr")" 1

# --- A live generation that is gone -------------------------------------
archive "$TMP/v1.jsonl" 0 40
archive "$TMP/d3.jsonl" 500 3
nindex --quiet --db "$TMP/g" --rebuild "$TMP/v1.jsonl"
nindex --quiet --db "$TMP/g" --rebuild "$TMP/v1.jsonl"
live=$(readlink "$TMP/g/current")
for how in directory files; do
    if [ $how = directory ]; then
        rm -rf "$TMP/g/$live"
    else
        mkdir -p "$TMP/g/$live" && rm -f "$TMP/g/$live"/*
    fi
    for dry in --dry-run ""; do
        run out err nindex --db "$TMP/g" $dry "$TMP/d3.jsonl"
        check "$how gone, update $dry: exit 1" is "$rc" 1
        check "$how gone, update $dry: says it is missing" contains "$TMP/err" \
            "the live generation '$live' of '$TMP/g' is missing (its $how"
        check "$how gone, update $dry: says what puts it right" \
            contains "$TMP/err" "--rollback goes back to the one before"
        check "$how gone, update $dry: counts nothing" lacks "$TMP/out" "3 added"
    done
    check "$how gone: no database made under its name" \
        test ! -e "$TMP/g/$live/iamglass"
done
# A table of it gone (a disk error, a hand's rm): Xapian's reason, once.
nindex --quiet --db "$TMP/g" --rebuild "$TMP/v1.jsonl"
live=$(readlink "$TMP/g/current")
rm "$TMP/g/$live/postlist.glass"
run out err nindex --db "$TMP/g" "$TMP/d3.jsonl"
check "a table gone: exit 1" is "$rc" 1
check "a table gone: Xapian's reason" contains "$TMP/err" \
    "nindex: cannot open index '$TMP/g': Couldn't open $TMP/g/$live/postlist.glass"
check "a table gone: said once" lacks "$TMP/err" \
    "cannot open index '$TMP/g': cannot open index"
check "a table gone: says what puts it right" contains "$TMP/err" \
    "--rollback goes back to the one before"
run out err nsearch --db "$TMP/g" story
check "a table gone: nsearch says it once" is "$(cat "$TMP/err")" \
    "nsearch: cannot open index '$TMP/g': Couldn't open $TMP/g/$live/postlist.glass to read (No such file or directory)"
run out err nindex --quiet --db "$TMP/g" --rebuild "$TMP/v1.jsonl"
check "a rebuild replaces it" is "$rc" 0
check "... and the index answers" is "$(count "$TMP/g")" 40

# --- A live generation that cannot be read (as root: another user) -------
if [ "$(id -u)" != 0 ]; then
    echo "skipped: the unreadable generation needs root"
elif ! command -v setpriv >/dev/null; then
    echo "skipped: the unreadable generation needs setpriv"
else
    nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    chmod 755 "$TMP"
    nindex --quiet --db "$TMP/u" --rebuild "$TMP/v1.jsonl"
    ulive=$(readlink "$TMP/u/current")
    chmod 000 "$TMP/u/$ulive"
    said="cannot read the index at '$TMP/u/$ulive': Permission denied"
    run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/u" --dry-run \
        "$TMP/d3.jsonl"
    check "unreadable: the dry run exits 1" is "$rc" 1
    check "unreadable: the dry run says why" contains "$TMP/err" "$said"
    check "unreadable: the dry run forecasts nothing" lacks "$TMP/out" "added"
    check "unreadable: the hint is who may read it" contains "$TMP/err" \
        "(run nindex as the user that owns the index, or give this user read access to it)"
    check "unreadable: not a rebuild, which fails the same way" lacks \
        "$TMP/err" "--rebuild makes a new generation"
    run out err nobody "$NSEARCH_BIN/nsearch" --db "$TMP/u" story
    check "unreadable: nsearch exits 1" is "$rc" 1
    check "unreadable: nsearch says why" contains "$TMP/err" "$said"
    check "unreadable: not \"no index\"" lacks "$TMP/err" "Build one with"
    chmod 755 "$TMP/u/$ulive"
fi

# --- A stop while --wait waits for the lock -------------------------------
if command -v flock >/dev/null; then
    flock "$TMP/pr/lock" sleep 8 &
    holder=$!
    sleep 0.5
    "$NSEARCH_BIN/nindex" --db "$TMP/pr" --wait 20 "$TMP/new.jsonl" \
        >"$TMP/wout" 2>"$TMP/werr" &
    waiter=$!
    sleep 1
    kill -TERM "$waiter"
    wait "$waiter"
    check "stop while waiting: exit 1, not the signal's" is "$?" 1
    check "stop while waiting: says so" contains "$TMP/werr" \
        "interrupted while waiting for the lock"
    kill "$holder" 2>/dev/null
    wait "$holder" 2>/dev/null
else
    echo "skipped: the stop while waiting needs flock"
fi

finish
