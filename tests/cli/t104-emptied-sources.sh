#!/bin/sh
# t104-emptied-sources.sh - What a failed export or an unmounted disk
# leaves inside a SOURCE stops a prune and a rebuild, as a dangling link
# does.  An empty subdirectory (a year's disk linked into the archive and
# not mounted) was passed over: --prune deleted that year and --rebuild
# published without it, both exit 0.
. "$(dirname "$0")/lib.sh"

# N articles with ids PREFIX0..PREFIX(N-1).
make_archive() { # file prefix n
    python3 - "$@" <<'PY'
import json, sys
path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": "%s%d" % (prefix, i),
                            "title": "Story %s %d" % (prefix, i),
                            "body": "harbour ferry council %d" % i}) + "\n")
PY
}
count() { # db -> number of articles
    "$NSEARCH_BIN/nsearch" --db "$1" --json --limit 0 --related 0 --no-collapse "" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}

# --- An empty directory inside a SOURCE ---------------------------------------
# archive/md is a link to a year on another disk; unmounted, its mount
# point is an empty directory.
mkdir -p "$TMP/arch/news" "$TMP/disk2/md" "$TMP/arch/empty-on-purpose"
make_archive "$TMP/arch/news/main.jsonl" n 50
make_archive "$TMP/disk2/md/year.jsonl" y 5
ln -s "$TMP/disk2/md" "$TMP/arch/md"
touch "$TMP/arch/empty-on-purpose/.keep"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/arch"
check "empty dir: the archive is indexed" is "$(count "$TMP/db")" 55
live=$(readlink "$TMP/db/current")
mv "$TMP/disk2/md" "$TMP/disk2/md.away"
mkdir "$TMP/disk2/md"
run out err nindex --db "$TMP/db" --prune "$TMP/arch"
check "empty dir: prune not done (exit 4)" is "$rc" 4
check "empty dir: the line names it" contains "$TMP/err" \
    "$TMP/arch/md: empty directory: nothing in it at all (a disk that is not mounted?)"
check "empty dir: not pruning" contains "$TMP/err" "not pruning"
check "empty dir: the year is still there" is "$(count "$TMP/db")" 55
run out err nindex --db "$TMP/db" --prune --dry-run "$TMP/arch"
check "empty dir: the dry run says 4 too" is "$rc" 4
run out err nindex --db "$TMP/db" --rebuild "$TMP/arch"
check "empty dir: rebuild not published (exit 1)" is "$rc" 1
check "empty dir: the rebuild names it" contains "$TMP/err" "$TMP/arch/md: empty directory"
check "empty dir: the live generation stays" is "$(readlink "$TMP/db/current")" "$live"
check "empty dir: still 55" is "$(count "$TMP/db")" 55
# A dangling link does the same, as before.
rmdir "$TMP/disk2/md"
run out err nindex --db "$TMP/db" --prune "$TMP/arch"
check "dangling link: prune not done (exit 4)" is "$rc" 4
run out err nindex --db "$TMP/db" --rebuild "$TMP/arch"
check "dangling link: rebuild not published (exit 1)" is "$rc" 1
# Mounted again: all is as before; the directory with only .keep in it is
# empty on purpose and says nothing.
mv "$TMP/disk2/md.away" "$TMP/disk2/md"
run out err nindex --db "$TMP/db" --prune "$TMP/arch"
check "mounted: prune exits 0" is "$rc" 0
check "mounted: nothing said of the directory with .keep" lacks "$TMP/err" "empty-on-purpose"
run out err nindex --db "$TMP/db" --rebuild "$TMP/arch"
check "mounted: rebuild exits 0" is "$rc" 0
# An empty top-level SOURCE is refused as before (exit 5), not exit 4.
mkdir "$TMP/unmounted"
run out err nindex --db "$TMP/db" --prune "$TMP/unmounted"
check "empty SOURCE: still refused with 5" is "$rc" 5

finish
