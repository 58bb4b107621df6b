#!/bin/sh
# t143-unreadable-source.sh - A SOURCE file named on the command line that
# exists but cannot be read is an error (exit 1), as a missing one is: not
# a skipped record (exit 3), and a prune is not done for it.
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

# Root reads any file: the unreadable one needs another user.
if [ "$(id -u)" != 0 ]; then
    echo "skipped: an unreadable file needs root (to act as nobody)"
    finish
    exit
fi
if ! command -v setpriv >/dev/null; then
    echo "skipped: an unreadable file needs setpriv"
    finish
    exit
fi
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
chmod 755 "$TMP"
mkdir "$TMP/n"
archive "$TMP/n/a.jsonl" 0 100
archive "$TMP/n/b.jsonl" 100 50
chown -R 65534 "$TMP/n"
run out err nobody "$NSEARCH_BIN/nindex" --quiet --db "$TMP/n/db" \
    "$TMP/n/a.jsonl" "$TMP/n/b.jsonl"
check "both sources indexed" is "$rc" 0
check "... 150 articles" is "$(count "$TMP/n/db")" 150
chmod 000 "$TMP/n/b.jsonl"
said="cannot read '$TMP/n/b.jsonl': Permission denied"

run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/n/db" "$TMP/n/b.jsonl"
check "update: exit 1, not 3 (skipped)" is "$rc" 1
check "update: says which file and why" contains "$TMP/err" "$said"
check "update: no record counted skipped" lacks "$TMP/out" "1 skipped"

# The articles of the unreadable file are still in the archive: a prune
# must not take them for gone, nor blame skipped records.
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/n/db" --prune \
    "$TMP/n/a.jsonl" "$TMP/n/b.jsonl"
check "prune: exit 1, not 4" is "$rc" 1
check "prune: says which file and why" contains "$TMP/err" "$said"
check "prune: not blamed on skipped records" lacks "$TMP/err" \
    "records were skipped"
check "prune: nothing pruned" is "$(count "$TMP/n/db")" 150

live=$(readlink "$TMP/n/db/current")
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/n/db" --rebuild \
    "$TMP/n/a.jsonl" "$TMP/n/b.jsonl"
check "rebuild: exit 1" is "$rc" 1
check "rebuild: says which file and why" contains "$TMP/err" "$said"
check "rebuild: nothing published" is "$(readlink "$TMP/n/db/current")" "$live"

# Readable again: the same update is read as usual.
chmod 644 "$TMP/n/b.jsonl"
run out err nobody "$NSEARCH_BIN/nindex" --db "$TMP/n/db" --prune \
    "$TMP/n/a.jsonl" "$TMP/n/b.jsonl"
check "readable again: exit 0" is "$rc" 0
check "readable again: 150 articles" is "$(count "$TMP/n/db")" 150
finish
