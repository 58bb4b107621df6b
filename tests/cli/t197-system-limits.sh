#!/bin/sh
# t197-system-limits.sh - Limits of the process, not faults of the index.
# Out of file descriptors, nsearch and nindex said "Couldn't open
# .../postlist.glass to read" and nindex advised --rebuild or --rollback,
# and --rollback, finding no older generation that opened, said there
# was none: an admin who followed the hint lost the updates since.  Now
# the reason is said, with no hint of damage, and --rollback refuses.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/v1.jsonl" "$TMP/more.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20):
        f.write(json.dumps({"id": "a%d" % i, "title": "Oil report %d" % i,
                            "body": "The oil price, part %d." % i}) + "\n")
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({"id": "m1", "title": "Ferry", "body": "A ferry."}) + "\n")
PY
nindex --quiet --db "$TMP/fd" "$TMP/v1.jsonl"
nindex --quiet --db "$TMP/fd" --rebuild "$TMP/v1.jsonl"
before=$(readlink "$TMP/fd/current")
nindex --quiet --db "$TMP/fd" --rebuild "$TMP/v1.jsonl"
live=$(readlink "$TMP/fd/current")
damage="--rollback goes back to the one before"

# The number of descriptors a run gets to before opening the index
# depends on what it inherits: every limit from 4 to 12 is tried, and
# each one that makes the open fail must say why.
failed_search=0 failed_update=0 failed_rollback=0
for n in 4 5 6 7 8 9 10 11 12; do
    (ulimit -n $n && exec "$NSEARCH_BIN/nsearch" --db "$TMP/fd" oil) \
        >"$TMP/s.out" 2>"$TMP/s.err"
    if grep -q "cannot open index" "$TMP/s.err"; then
        failed_search=$((failed_search + 1))
        check "fds $n: nsearch says it ran out of descriptors" \
            contains "$TMP/s.err" "Too many open files"
    fi
    (ulimit -n $n && exec "$NSEARCH_BIN/nindex" --db "$TMP/fd" \
        "$TMP/more.jsonl") >"$TMP/u.out" 2>"$TMP/u.err"
    if grep -q "cannot open index" "$TMP/u.err"; then
        failed_update=$((failed_update + 1))
        check "fds $n: the update says it ran out of descriptors" \
            contains "$TMP/u.err" "Too many open files"
        check "fds $n: ... and advises no rebuild or rollback" \
            lacks "$TMP/u.err" "$damage"
        check "fds $n: ... but raising the limit" \
            contains "$TMP/u.err" "not damage to the index"
    fi
    (ulimit -n $n && exec "$NSEARCH_BIN/nindex" --db "$TMP/fd" --rollback) \
        >"$TMP/r.out" 2>"$TMP/r.err"
    r=$?
    if [ $r = 0 ]; then
        # Enough descriptors to open the one before: a rollback as any.
        check "fds $n: a rollback goes back to the one before" \
            is "$(readlink "$TMP/fd/current")" "$before"
        ln -sfn "$live" "$TMP/fd/current"
    else
        check "fds $n: a refused rollback leaves the live one" \
            is "$(readlink "$TMP/fd/current")" "$live"
    fi
    if [ $r != 0 ] && grep -q "Too many open files" "$TMP/r.err"; then
        failed_rollback=$((failed_rollback + 1))
        check "fds $n: --rollback finds no damage" \
            lacks "$TMP/r.err" "that opens, to roll back to"
    fi
done
check "out of descriptors, some search fails" test $failed_search -gt 0
check "out of descriptors, some update fails" test $failed_update -gt 0
check "out of descriptors, some rollback refuses" test $failed_rollback -gt 0
check "every generation still opens" is \
    "$(nsearch --db "$TMP/fd" --json --limit 0 oil | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 20

# Past a file size limit (ulimit -f) nindex died by SIGXFSZ (exit 153)
# with no word; the write now fails with EFBIG, as on a full disk.
python3 - "$TMP/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        f.write(json.dumps({"id": "b%d" % i, "title": "Grain report %d" % i,
                            "body": " ".join("word%d" % (i * 7 + k)
                                             for k in range(150))}) + "\n")
PY
(ulimit -f 200 && exec "$NSEARCH_BIN/nindex" --db "$TMP/fd" "$TMP/big.jsonl") \
    >"$TMP/f.out" 2>"$TMP/f.err"
rc=$?
check "ulimit -f: exit 1, not killed by SIGXFSZ" is "$rc" 1
check "ulimit -f: says why" contains "$TMP/f.err" "File too large"
check "ulimit -f: the index still answers" is \
    "$(nsearch --db "$TMP/fd" --json --limit 0 oil | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 20
finish
