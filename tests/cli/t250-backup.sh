#!/bin/sh
# t250-backup.sh - The README's recipe for backing up an index: a copy
# under `flock DIR/lock` waits for an update that runs and holds all of
# it; a writer waits for the copy; restored beside DIR and swapped in
# with one rename, it searches, and nsearchd answers throughout.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

stories() {
    python3 - "$@" <<'PY'
import json, sys
path, first, n, word = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with open(path, "w") as f:
    for i in range(first, first + n):
        f.write(json.dumps({"id": "%s%d" % (word, i), "title": "%s story %d" % (word, i),
                            "body": "harbour ferry council %s %d" % (word, i)}) + "\n")
PY
}
hits() {
    nsearch --db "$1" --json --limit 0 --related 0 --no-collapse "$2" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}
# exchange A B: swap two paths with one rename (renameat2 RENAME_EXCHANGE).
exchange() {
    python3 - "$1" "$2" <<'PY'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
AT_FDCWD, RENAME_EXCHANGE = -100, 2
if libc.renameat2(AT_FDCWD, sys.argv[1].encode(), AT_FDCWD,
                  sys.argv[2].encode(), RENAME_EXCHANGE) != 0:
    sys.exit(os.strerror(ctypes.get_errno()))
PY
}

stories "$TMP/a.jsonl" 0 200 alpha
stories "$TMP/b.jsonl" 0 200 bravo
stories "$TMP/c.jsonl" 0 100 charlie
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
start_server
check "nsearchd is up" test -n "$server_pid"

# An update that runs (fed half now, half later) while a backup starts.
# The lock file keeps the last writer's "PID update" after it exits: it is
# emptied first, so that the wait below sees this update holding it, not
# the first index's words (on a loaded machine the backup's flock could
# otherwise win the lock before nindex started, and the update exit 75).
: >"$TMP/db/lock"
mkfifo "$TMP/feed"
("$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" - <"$TMP/feed" \
    >/dev/null 2>"$TMP/u.err"; echo $? >"$TMP/u.rc") &
upd=$!
exec 7>"$TMP/feed"
head -100 "$TMP/b.jsonl" >&7
i=0
while [ $i -lt 100 ] && ! grep -q update "$TMP/db/lock" 2>/dev/null; do
    sleep 0.1
    i=$((i + 1))
done
mkdir "$TMP/backup"
(exec 7>&-; flock -w 60 "$TMP/db/lock" sh -c 'cp -a "$1/current" "$1/$(readlink "$1/current")" \
    "$1/last-generation" "$2/"' sh "$TMP/db" "$TMP/backup" 2>"$TMP/b.err"; echo $? >"$TMP/b.rc") &
bk=$!
sleep 1
check "the backup waits for the update (flock and nindex's lock exclude)" \
    test ! -e "$TMP/backup/current"
tail -100 "$TMP/b.jsonl" >&7
exec 7>&-
wait $upd
wait $bk
check "the update completes" is "$(cat "$TMP/u.rc")" 0
check "the backup completes" is "$(cat "$TMP/b.rc")" 0
check "the backup holds current, its generation and last-generation" \
    test -L "$TMP/backup/current" -a -d "$TMP/backup/$(readlink "$TMP/backup/current")" \
    -a -f "$TMP/backup/last-generation"
check "the backup holds no lock and no build" \
    sh -c "! ls -a '$TMP/backup' | grep -q 'lock\|\.build-'"

# A writer waits for a backup holding the lock.
flock "$TMP/db/lock" sleep 3 &
held=$!
sleep 0.5
run o e nindex --db "$TMP/db" "$TMP/c.jsonl"
check "a writer exits 75 while the backup holds the lock" is "$rc" 75
wait $held

# Changed after the backup, then restored: DIR.new, swapped in.
nindex --quiet --db "$TMP/db" --rebuild --force "$TMP/c.jsonl"
check "after the backup, the live index is charlie only" \
    is "$(hits "$TMP/db" alpha)" 0
mkdir "$TMP/db.new"
cp -a "$TMP/backup/." "$TMP/db.new/"
# nsearchd is asked all along the swap.
: >"$TMP/codes"
(while [ ! -e "$TMP/stop" ]; do
    curl -s --max-time 5 --unix-socket "$SOCK" -o /dev/null -w '%{http_code}\n' \
        'http://localhost/v1/search?q=harbour&related=0' >>"$TMP/codes"
done) &
load_pid=$!
sleep 0.5
exchange "$TMP/db.new" "$TMP/db"
check "the swap is one rename" test -d "$TMP/db.new"
sleep 2
touch "$TMP/stop"
wait $load_pid
load_pid=
check "the restored index searches: 200 alpha, 200 bravo" \
    is "$(hits "$TMP/db" alpha) $(hits "$TMP/db" bravo)" "200 200"
check "... and no charlie" is "$(hits "$TMP/db" charlie)" 0
check "nsearchd answered every request along the swap (200)" \
    sh -c "test -s '$TMP/codes' && ! grep -qv '^200\$' '$TMP/codes'"
get s.json '/v1/search?q=bravo&related=0'
check "nsearchd now answers from the restored index" \
    json s.json 'd["total"] == 200'
run o e nindex --db "$TMP/db" "$TMP/c.jsonl"
check "the restored index updates" is "$rc" 0

finish
