#!/bin/sh
# t318-lock-holder.sh - A writer refused for the lock (exit 75) names what
# really holds it: a backup under `flock DIR/lock` (README, "Backing up an
# index") is that program and its pid, not "another nindex"; and the pid
# the last nindex wrote in the lock file is not believed of a live process
# that does not hold the lock (a pid used again since).
. "$(dirname "$0")/lib.sh"

write_stories "$TMP/a.jsonl" a 3
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
write_stories "$TMP/b.jsonl" b 2

# hold_lock: a backup's flock(1) holds DIR/lock; its pid in $holder once
# it holds it (the command it runs writes its parent's pid: flock's).
hold_lock() {
    flock "$TMP/db/lock" sh -c 'echo $PPID >"$1.tmp"; mv "$1.tmp" "$1"; exec sleep 60' sh "$TMP/holder" &
    backup=$!
    i=0
    while [ ! -s "$TMP/holder" ] && [ $i -lt 200 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    holder=$(cat "$TMP/holder" 2>/dev/null)
}
# release: the backup ends (flock, then its sleep).
release() {
    pkill -P "$backup" 2>/dev/null
    wait "$backup" 2>/dev/null
    rm -f "$TMP/holder"
}

# --- 1. The lock file names the last nindex, long gone --------------------
hold_lock
run out err nindex --db "$TMP/db" "$TMP/b.jsonl"
check "under a backup's flock: exit 75, the holder named flock (pid $holder)" \
    sh -c "[ $rc = 75 ] && grep -qF \"is busy: flock (pid $holder) holds its lock, not an nindex\" '$TMP/err'"
check "... and not said to be an nindex writing" \
    sh -c "! grep -q 'nindex.* is writing to it' '$TMP/err'"
release

# --- 2. The lock file's pid is alive, but another process -----------------
# This shell's pid, as an nindex that once had it would have left it.
echo "$$ rebuild" >"$TMP/db/lock"
hold_lock
run out err nindex --db "$TMP/db" --wait 1 "$TMP/b.jsonl"
check "a live pid in the lock file that holds no lock is not named" \
    sh -c "[ $rc = 75 ] && ! grep -qF 'pid $$' '$TMP/err' && grep -qF 'flock (pid $holder)' '$TMP/err'"
release

# --- 3. The backup gone, the writer runs and its articles are there -------
run out err nindex --db "$TMP/db" "$TMP/b.jsonl"
check "after the backup: the update runs" is "$rc" 0
check "... and its articles are searched" \
    is "$(nsearch --db "$TMP/db" --json --limit 0 --related 0 --no-collapse '' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 5
finish
