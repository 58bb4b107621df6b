#!/bin/sh
# t060-reindex.sh - Nightly reindexing: updates that skip unchanged
# articles, --prune and --delete, rebuilds published as new generations,
# rollback, the writer lock, validation, and crash safety (a rebuild or an
# update killed with SIGKILL at several points).
. "$(dirname "$0")/lib.sh"

# A JSON Lines archive of N articles with a fixed seed; ids a0..a(N-1).
make_archive() { # file n [changed-every]
    python3 - "$@" <<'PY'
import json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
every = int(sys.argv[3]) if len(sys.argv) > 3 else 0
rng = random.Random(7)
words = "harbour ferry storm council budget election school fishing oil fund salmon bridge tunnel rail".split()
with open(path, "w") as f:
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(40))
        if every and i % every == 0:
            body += " corrected"
        f.write(json.dumps({"id": "a%d" % i, "title": "Story %d %s" % (i, rng.choice(words)),
                            "body": body, "date": "2025-06-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
PY
}
answers() { # db -> the results of a few queries, without timings
    for q in "harbour storm" "fishing" "Story 7" "salmon -oil"; do
        "$NSEARCH_BIN/nsearch" --db "$1" --json --related 0 "$q" |
            python3 -c "import json,sys; d=json.load(sys.stdin); d.pop('took_ms'); print(json.dumps(d, sort_keys=True))"
    done
}

make_archive "$TMP/v1.jsonl" 300
make_archive "$TMP/v2.jsonl" 300 100 # 3 articles changed

# --- Updates ------------------------------------------------------------
run out err nindex --db "$TMP/db" "$TMP/v1.jsonl"
check "first update exits 0" is "$rc" 0
check "first update adds all" contains "$TMP/out" "update: 300 added, 0 replaced, 0 unchanged"
check "index has a live generation" test -L "$TMP/db/current"
run out err nindex --db "$TMP/db" "$TMP/v1.jsonl"
check "no-change update writes nothing" contains "$TMP/out" "0 added, 0 replaced, 300 unchanged"
run out err nindex --db "$TMP/db" "$TMP/v2.jsonl"
check "changed articles replaced" contains "$TMP/out" "0 added, 3 replaced, 297 unchanged"
head -n 250 "$TMP/v2.jsonl" >"$TMP/v3.jsonl"
run out err nindex --db "$TMP/db" --prune "$TMP/v3.jsonl"
check "prune deletes ids no longer in the sources" contains "$TMP/out" "250 unchanged, 50 deleted"
check "count after prune" is "$(count "$TMP/db")" 250
run out err nindex --db "$TMP/db" --delete a0 a1 nosuch
check "delete of an unknown id exits 3" is "$rc" 3
check "delete counts" contains "$TMP/out" "2 deleted"
check "delete warns about unknown ids" contains "$TMP/err" "no article with id 'nosuch'"
check "count after delete" is "$(count "$TMP/db")" 248
# An id given twice is one deletion, and no "no article" for the second.
run out err nindex --db "$TMP/db" --delete --dry-run a2 a2
check "an id twice, dry run: one to delete" contains "$TMP/out" "1 deleted"
run out err nindex --db "$TMP/db" --delete a2 a2
check "an id twice: one deleted" contains "$TMP/out" "1 deleted"
check "an id twice: no warning for the second" lacks "$TMP/err" "no article with id"
check "count after deleting an id given twice" is "$(count "$TMP/db")" 247
printf '%s\n' '{"id":"bad"' >>"$TMP/v3.jsonl"
# An article that is not in v3.jsonl: pruning, if it ran, would delete it
# (the skipped line itself was never an indexed article, so counting alone
# could not tell).
printf '%s\n' '{"id":"extra","title":"Not in the sources"}' |
    nindex --quiet --db "$TMP/db" -
run out err nindex --db "$TMP/db" --prune "$TMP/v3.jsonl"
check "prune with a skipped record exits 4" is "$rc" 4
check "prune refused when records were skipped" contains "$TMP/err" "not pruning: 1 record was skipped"
check "nothing pruned then" is "$(count "$TMP/db")" 251
check "the article a prune would delete is still there" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json 'id:extra' | grep -q '\"id\":\"extra\"'"

# --- Rebuilds and generations -----------------------------------------
run out err nindex --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
check "rebuild exits 0" is "$rc" 0
check "rebuild publishes a generation" contains "$TMP/out" "published gen-000002"
check "current is the new generation" is "$(readlink "$TMP/db/current")" gen-000002
check "rebuild has every article" is "$(count "$TMP/db")" 300
check "no build leftovers" sh -c "! ls -d '$TMP/db'/.build-* 2>/dev/null"
nindex --quiet --db "$TMP/db" --rebuild --jobs 1 "$TMP/v2.jsonl"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
check "keep 2 generations" is "$(ls -d "$TMP/db"/gen-* | wc -l)" 2
check "live is gen-000004" is "$(readlink "$TMP/db/current")" gen-000004
run out err nindex --db "$TMP/db" --rollback
check "rollback exits 0" is "$rc" 0
check "rollback goes to the previous generation" is "$(readlink "$TMP/db/current")" gen-000003
check "rolled-back generation answers" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" --rollback
check "no older generation: exit 1" is "$rc" 1
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
before=$(answers "$TMP/db")

# --- Validation: a rebuild from empty or broken sources is refused --------
: >"$TMP/empty.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/empty.jsonl"
check "empty rebuild refused with 65" is "$rc" 65
check "empty rebuild says why" contains "$TMP/err" "empty.jsonl' has no articles"
check "empty rebuild: live index untouched" is "$(answers "$TMP/db")" "$before"
head -n 40 "$TMP/v1.jsonl" >"$TMP/mostly-bad.jsonl"
yes '{"id": broken' | head -n 260 >>"$TMP/mostly-bad.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/mostly-bad.jsonl"
check "mostly unreadable rebuild refused with 65" is "$rc" 65
check "refusal names the counts" contains "$TMP/err" "40 articles against 300 live"
check "live index untouched after refusals" is "$(answers "$TMP/db")" "$before"
run out err nindex --db "$TMP/db" --rebuild --force "$TMP/mostly-bad.jsonl"
check "--force publishes a small rebuild (skipped lines: 3)" is "$rc" 3
check "forced rebuild is live" is "$(count "$TMP/db")" 40
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
before=$(answers "$TMP/db")
live=$(readlink "$TMP/db/current")

# --- Crash safety: SIGKILL at several points of a rebuild ------------------
for point in early build merge publish; do
    NINDEX_CRASH_AT=$point "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" --rebuild \
        --commit-every 50 "$TMP/v2.jsonl" >/dev/null 2>&1
    rc=$?
    check "rebuild killed at $point (status $rc)" is "$rc" 137
    check "after a kill at $point the live index answers the same" \
        is "$(answers "$TMP/db")" "$before"
done
check "live generation unchanged by the kills" is "$(readlink "$TMP/db/current")" "$live"
# A stop asked for (SIGTERM, as systemctl stop sends) during the merge,
# or during the syncs just before the publishing rename: nothing
# published, exit 1, the interruption said, no generation left behind
# (the one a kill above left unpublished is cleaned up by the run).
for point in merge publish; do
    NINDEX_TERM_AT=$point "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" \
        --rebuild "$TMP/v2.jsonl" >"$TMP/term.out" 2>"$TMP/term.err"
    rc=$?
    check "rebuild stopped at $point: exit 1" is "$rc" 1
    check "rebuild stopped at $point: says so" contains "$TMP/term.err" \
        "interrupted; the live index is unchanged"
    check "rebuild stopped at $point: nothing published" \
        is "$(readlink "$TMP/db/current")" "$live"
    check "rebuild stopped at $point: the live index answers the same" \
        is "$(answers "$TMP/db")" "$before"
    check "rebuild stopped at $point: no generation newer than the live one" \
        is "$(ls -d "$TMP/db"/gen-* | tail -1)" "$TMP/db/$live"
done
run out err nindex --db "$TMP/db" --rebuild "$TMP/v2.jsonl"
check "rerun after the kills succeeds" is "$rc" 0
check "rerun cleans up what the dead runs left" sh -c "! ls -d '$TMP/db'/.build-* 2>/dev/null"
check "rerun content is live" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json corrected | grep -q '\"id\":\"a100\"'"
check "generations after the kills" is "$(ls -d "$TMP/db"/gen-* | wc -l)" 2

# --- Crash safety: SIGKILL in the middle of an update ----------------------
make_archive "$TMP/big.jsonl" 600
sed 's/"id": "a/"id": "u/' "$TMP/big.jsonl" >"$TMP/upd.jsonl"
base=$(count "$TMP/db")
NINDEX_CRASH_AT=update "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" --commit-every 100 \
    "$TMP/upd.jsonl" >/dev/null 2>&1
rc=$?
check "update killed (status $rc)" is "$rc" 137
after=$(count "$TMP/db")
check "committed batches survive the kill ($base + $((after - base)))" \
    test "$((after - base))" -ge 200
check "index opens and searches after the kill" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json harbour | grep -q '\"hits\":\[{'"
run out err nindex --db "$TMP/db" "$TMP/upd.jsonl"
check "rerun completes the update" is "$(count "$TMP/db")" "$((base + 600))"
check "rerun counts the committed ones as unchanged" contains "$TMP/out" "unchanged"

# --- One writer at a time -------------------------------------------------
# The second writer gets an article the index lacks: refused, it must not
# have written it; waiting, it must.
printf '%s\n' '{"id":"lock-test","title":"Written only when the lock is free"}' >"$TMP/lk.jsonl"
flock "$TMP/db/lock" sleep 3 &
holder=$!
sleep 0.5
t0=$(date +%s)
run out err nindex --db "$TMP/db" "$TMP/lk.jsonl"
check "second writer exits 75" is "$rc" 75
check "second writer exits at once" test $(($(date +%s) - t0)) -le 1
check "second writer says why" contains "$TMP/err" "is busy: flock (pid $holder) holds its lock, not an nindex"
check "second writer wrote nothing" sh -c \
    "! '$NSEARCH_BIN/nsearch' --db '$TMP/db' --json 'id:lock-test' | grep -q '\"id\":\"lock-test\"'"
t0=$(date +%s)
run out err nindex --db "$TMP/db" --wait 20 "$TMP/lk.jsonl"
check "--wait waits for the lock, then runs" is "$rc" 0
check "--wait: it waited for the holder" test $(($(date +%s) - t0)) -ge 1
check "--wait: the article is written" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json 'id:lock-test' | grep -q '\"id\":\"lock-test\"'"
wait "$holder"

# --- Disk full ---------------------------------------------------------------
if [ "$(id -u)" = 0 ] && mkdir -p "$TMP/small" && mount -t tmpfs -o size=3m tmpfs "$TMP/small" 2>/dev/null; then
    nindex --quiet --db "$TMP/small/db" "$TMP/v1.jsonl"
    n0=$(count "$TMP/small/db")
    make_archive "$TMP/huge.jsonl" 20000
    sed -i 's/"id": "a/"id": "h/' "$TMP/huge.jsonl"
    run out err nindex --db "$TMP/small/db" --commit-every 200 "$TMP/huge.jsonl"
    check "disk full: non-zero exit" test "$rc" -ne 0
    check "disk full: clear error" grep -q "No space left on device" "$TMP/err"
    n1=$(count "$TMP/small/db")
    check "disk full: index opens with everything committed before ($n0 -> $n1)" \
        test "$n1" -ge "$n0"
    umount "$TMP/small"
else
    echo "skipped: disk-full test needs root and a tmpfs mount"
fi

finish
