#!/bin/sh
# t109-not-owner.sh - After one run as root in a service user's index (a
# --rebuild or a --delete by hand), the nightly job of that user failed
# with Xapian's "Unable to get write lock ... Permission denied", or
# "cannot create '.../deleted/...part'", and no word of what to do.  The
# error now says: run nindex as the index's owner, or give this user
# write access.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
    echo "skipped: another user's index needs root"
    finish
    exit $?
fi
if ! command -v setpriv >/dev/null; then
    echo "skipped: needs setpriv"
    finish
    exit $?
fi
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
hint="(run nindex as the user that owns the index, or give this user write access to it)"

python3 - "$TMP/v1.jsonl" "$TMP/d3.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20):
        f.write(json.dumps({"id": "a%d" % i, "title": "Harbour story %d" % i,
                            "body": "The harbour, part %d." % i}) + "\n")
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({"id": "d3", "title": "Ferry", "body": "A ferry."}) + "\n")
PY
chmod 755 "$TMP"
chmod 644 "$TMP/v1.jsonl" "$TMP/d3.jsonl"
mkdir "$TMP/o"
chown 65534:65534 "$TMP/o"
run out err nobody "$NSEARCH_BIN/nindex" --quiet --db "$TMP/o" "$TMP/v1.jsonl"
check "the service user builds its index" is "$rc" 0

# A rebuild by root: the new generation is root's.
nindex --quiet --db "$TMP/o" --rebuild "$TMP/v1.jsonl"
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/o" "$TMP/d3.jsonl"
check "after root's rebuild: the update fails (exit 1)" is "$rc" 1
check "after root's rebuild: the hint says what to do" contains "$TMP/err" "$hint"

# The generation given back, but the undo directory made by root's
# --delete: the prune that would keep a deleted article cannot.
chown -R 65534:65534 "$TMP/o"
nindex --quiet --db "$TMP/o" --force --delete a0
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/o" "$TMP/v1.jsonl"
check "the service user updates again" is "$rc" 0
head -n 10 "$TMP/v1.jsonl" >"$TMP/half.jsonl"
chmod 644 "$TMP/half.jsonl"
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/o" --prune --force \
    "$TMP/half.jsonl"
check "root's undo directory: the prune fails (exit 1)" is "$rc" 1
check "root's undo directory: the hint says what to do" contains \
    "$TMP/err" "$hint"
check "root's undo directory: nothing deleted" is \
    "$(nsearch --db "$TMP/o" --json --limit 0 '*' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 20

# An index all root's, its lock file too: the lock cannot be taken.
nindex --quiet --db "$TMP/own" "$TMP/v1.jsonl"
chmod 755 "$TMP/own"
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/own" "$TMP/d3.jsonl"
check "root's lock: the update fails (exit 1)" is "$rc" 1
check "root's lock: says so" contains "$TMP/err" "cannot lock '$TMP/own/lock'"
check "root's lock: the hint says what to do" contains "$TMP/err" "$hint"

# A root rebuild under umask 077: the service user's nsearch cannot read
# the new generation, and says what puts it right.
chown -R 65534:65534 "$TMP/o"
(umask 077 && "$NSEARCH_BIN/nindex" --quiet --db "$TMP/o" --rebuild "$TMP/v1.jsonl")
run out err nobody "$NSEARCH_BIN/nsearch" --db "$TMP/o" harbour
check "umask 077 rebuild: nsearch fails (exit 1)" is "$rc" 1
check "umask 077 rebuild: says it cannot read" contains "$TMP/err" \
    "Permission denied"
check "umask 077 rebuild: the hint says what to do" contains "$TMP/err" \
    "(run nindex as the user that owns the index, or give this user read access to it)"
finish
