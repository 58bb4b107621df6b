#!/bin/sh
# t066-sync-faults.sh - fsync and fdatasync that fail (EIO from a disk
# going bad, ENOSPC from one filling up), at every sync call of an update
# and of a rebuild in turn: nindex exits 1 and says why, the index still
# opens with exactly the committed articles, the summary tells the truth,
# a failed rebuild leaves the live generation as it was (and nothing
# never-live behind), and the next run on a healthy disk completes.
#
# The faults come from tests/syncshim.c, preloaded: NSEARCH_SYNC_FAIL=N
# fails the Nth sync call of the process and every one after it.
. "$(dirname "$0")/lib.sh"

TEST_BIN=${TEST_BIN:-$top/build/tests}
SHIM=$TEST_BIN/syncshim.so

python3 - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
with open(d + "/a.jsonl", "w") as f:
    for i in range(200):
        f.write(json.dumps({"id": "p%d" % i, "title": "Report %d on the harbour" % i,
                            "body": "storm harbour council budget %d" % i,
                            "date": "2025-06-01T10:00:00Z"}) + "\n")
with open(d + "/a.jsonl") as f, open(d + "/b.jsonl", "w") as g:
    g.write(f.read())
    for i in range(10):
        g.write(json.dumps({"id": "q%d" % i, "title": "Lighthouse storm %d" % i,
                            "body": "lighthouse storm", "date": "2025-06-30"}) + "\n")
PY

held() { # the number of articles DB holds, or "unreadable"
    nsearch --db "$1" --json --limit 0 --no-collapse "" 2>/dev/null | python3 -c \
        'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo unreadable
}
summary_added() { sed -n 's/.*: \([0-9]*\) added,.*/\1/p' "$TMP/out"; }
published() { sed -n 's/.*; published \(gen-[0-9]*\).*/\1/p' "$TMP/out"; }
live() { basename "$(readlink "$1/current")"; }
gens() { ls -d "$1"/gen-* 2>/dev/null | wc -l; }
# The sanitizer build wants its runtime first among preloaded libraries;
# the shim only wraps libc calls, so the order does not matter here.
SHIM_ASAN=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0
# faulty N ERRNO COMMAND...: COMMAND with its Nth sync call failing.
faulty() {
    n=$1
    e=$2
    shift 2
    rm -f "$TMP/sync.log"
    NSEARCH_SYNC_LOG=$TMP/sync.log NSEARCH_SYNC_FAIL=$n NSEARCH_SYNC_ERRNO=$e \
        ASAN_OPTIONS=$SHIM_ASAN LD_PRELOAD=$SHIM run out err "$@"
}
# syncs COMMAND...: how many sync calls COMMAND makes on a healthy disk.
syncs() {
    rm -f "$TMP/sync.log"
    NSEARCH_SYNC_LOG=$TMP/sync.log ASAN_OPTIONS=$SHIM_ASAN LD_PRELOAD=$SHIM \
        run out err "$@"
    grep -c '^f\(data\)\?sync ' "$TMP/sync.log"
}

check "the shim is built" test -f "$SHIM"
check "base index" nindex --quiet --db "$TMP/base" "$TMP/a.jsonl"
check "base holds 200" is "$(held "$TMP/base")" 200

# The shim itself: a failing call is one that did not sync, and is logged.
cp -a "$TMP/base" "$TMP/probe"
total=$(syncs nindex --db "$TMP/probe" "$TMP/b.jsonl")
echo "update: $total sync calls"; check "an update syncs" test "${total:-0}" -ge 2
faulty 1 EIO nindex --db "$TMP/base-copy-never-made" "$TMP/a.jsonl"
check "a failed sync is logged as one" contains "$TMP/sync.log" "fail f"

# 1. An update into an existing index, its Nth sync failing, for every N.
bad=0
for n in $(seq 1 "$total"); do
    errnos=EIO
    [ "$n" = 1 ] || [ "$n" = "$total" ] && errnos="EIO ENOSPC"
    for e in $errnos; do
        rm -rf "$TMP/u"
        cp -a "$TMP/base" "$TMP/u"
        faulty "$n" "$e" nindex --db "$TMP/u" "$TMP/b.jsonl"
        h=$(held "$TMP/u")
        a=$(summary_added)
        if [ "$rc" != 1 ] || [ "$h" = unreadable ] ||
            [ "$h" != $((200 + ${a:-999})) ] ||
            ! grep -q "Input/output error\|No space left on device" "$TMP/err"; then
            echo "update, sync $n fails with $e: exit $rc, holds $h, summary added '$a'"
            sed 's/^/  /' "$TMP/err"
            bad=$((bad + 1))
        fi
        # The same index on a healthy disk again: the update completes.
        [ "$e" = EIO ] || continue
        if ! nindex --quiet --db "$TMP/u" "$TMP/b.jsonl" || [ "$(held "$TMP/u")" != 210 ]; then
            echo "update after sync $n failed with $e: not recovered"
            bad=$((bad + 1))
        fi
    done
done
check "update: every failing sync gives exit 1, a readable index and a true summary" is "$bad" 0

# 2. A first index, its Nth sync failing: no abort; either no index at all
# (making its first generation failed, and nothing half-made is left) or
# one that opens with what the summary says; then a healthy run completes,
# and --rollback never finds a half-made generation.
bad=0
for n in 1 2 3 4; do
    rm -rf "$TMP/f"
    faulty "$n" EIO nindex --db "$TMP/f" "$TMP/a.jsonl"
    h=$(held "$TMP/f")
    a=$(summary_added)
    if [ "$rc" != 1 ]; then
        echo "first index, sync $n fails: exit $rc"
        bad=$((bad + 1))
    elif [ "$h" = unreadable ]; then
        if [ "$a" != 0 ] || [ "$(gens "$TMP/f")" != 0 ]; then
            echo "first index, sync $n fails: no index, but summary '$a' and $(gens "$TMP/f") generations"
            bad=$((bad + 1))
        fi
    elif [ "$h" != "$a" ]; then
        echo "first index, sync $n fails: holds $h, summary '$a'"
        bad=$((bad + 1))
    fi
    if ! nindex --quiet --db "$TMP/f" "$TMP/a.jsonl" || [ "$(held "$TMP/f")" != 200 ]; then
        echo "first index after sync $n failed: not recovered"
        bad=$((bad + 1))
    fi
    run out err nindex --db "$TMP/f" --rollback
    if [ "$rc" = 0 ] && [ "$(held "$TMP/f")" = unreadable ]; then
        echo "first index after sync $n failed: --rollback made a broken generation live"
        bad=$((bad + 1))
    fi
done
check "first index: a failing sync gives exit 1, a true summary, nothing half-made" is "$bad" 0

# A half-made generation older than the live one (as a failed first
# index on an older nindex left) is never a rollback target.
rm -rf "$TMP/h"
check "index for the rollback case" nindex --quiet --db "$TMP/h" "$TMP/a.jsonl"
mkdir "$TMP/h/gen-000000"
: >"$TMP/h/gen-000000/postlist.glass"
run out err nindex --db "$TMP/h" --rollback
check "rollback skips a generation without a database: exit 1" is "$rc" 1
check "rollback skips a generation without a database: still answers" is "$(held "$TMP/h")" 200

# 3. A rebuild, its Nth sync failing, for every N: the old generation
# stays live unless the failure came after `current` was renamed, and no
# never-live generation is left.
rm -rf "$TMP/r"
check "base rebuild" nindex --quiet --db "$TMP/r" --rebuild "$TMP/a.jsonl"
gen0=$(live "$TMP/r")
cp -a "$TMP/r" "$TMP/rprobe"
rtotal=$(syncs nindex --db "$TMP/rprobe" --rebuild "$TMP/b.jsonl")
echo "rebuild: $rtotal sync calls"; check "a rebuild syncs" test "${rtotal:-0}" -ge 5
bad=0
kept=0
for n in $(seq 1 "$rtotal"); do
    rm -rf "$TMP/rr"
    cp -a "$TMP/r" "$TMP/rr"
    faulty "$n" EIO nindex --db "$TMP/rr" --rebuild "$TMP/b.jsonl"
    p=$(published)
    if [ -z "$p" ]; then
        kept=$((kept + 1))
        if [ "$rc" != 1 ] || [ "$(live "$TMP/rr")" != "$gen0" ] ||
            [ "$(held "$TMP/rr")" != 200 ] || [ "$(gens "$TMP/rr")" != 1 ] ||
            ls -d "$TMP"/rr/.build-* >/dev/null 2>&1 ||
            ! grep -q "nothing published" "$TMP/out"; then
            echo "rebuild, sync $n fails: exit $rc, live $(live "$TMP/rr"), holds $(held "$TMP/rr"), $(gens "$TMP/rr") generations"
            sed 's/^/  /' "$TMP/out" "$TMP/err"
            bad=$((bad + 1))
        fi
    elif [ "$rc" != 1 ] || [ "$(live "$TMP/rr")" != "$p" ] ||
        [ "$(held "$TMP/rr")" != 210 ] || ! grep -q "power cut" "$TMP/err"; then
        echo "rebuild, sync $n fails after publishing $p: exit $rc, live $(live "$TMP/rr")"
        bad=$((bad + 1))
    fi
    # A healthy rebuild afterwards (for a few N: each costs a rebuild).
    [ "$n" = 1 ] || [ "$n" = $((rtotal / 2)) ] || [ "$n" = "$rtotal" ] || continue
    if ! nindex --quiet --db "$TMP/rr" --rebuild "$TMP/b.jsonl" ||
        [ "$(held "$TMP/rr")" != 210 ]; then
        echo "rebuild after sync $n failed: not recovered"
        bad=$((bad + 1))
    fi
done
check "rebuild: every failing sync leaves the live index whole and says so" is "$bad" 0
check "rebuild: most failures keep the old generation live ($kept of $rtotal)" \
    test "$kept" -ge $((rtotal - 1))

finish
