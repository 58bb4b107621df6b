#!/bin/sh
# t104-emptied-sources.sh - What a failed export or an unmounted disk
# leaves inside a SOURCE stops a prune and a rebuild, as a dangling link
# does.  An empty subdirectory (a year's disk linked into the archive and
# not mounted) was passed over: --prune deleted that year and --rebuild
# published without it, both exit 0.  A file of articles that gave none
# (an export that failed and truncated it: zero bytes, "[]" gzipped, a
# feed without an item) was "ignored: empty file" or said nothing, and
# --prune deleted what it held, exit 0.
. "$(dirname "$0")/lib.sh"


# --- An empty directory inside a SOURCE ---------------------------------------
# archive/md is a link to a year on another disk; unmounted, its mount
# point is an empty directory.
mkdir -p "$TMP/arch/news" "$TMP/disk2/md" "$TMP/arch/empty-on-purpose"
write_stories "$TMP/arch/news/main.jsonl" n 50
write_stories "$TMP/disk2/md/year.jsonl" y 5
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

# --- A file of articles that gives none ----------------------------------------
mkdir -p "$TMP/ex/drafts"
write_stories "$TMP/ex/main.jsonl" m 50
write_stories "$TMP/ex/time.jsonl" t 3
printf 'Notes on the archive.\n' >"$TMP/ex/README"
printf '{"id":"hidden"}\n' >"$TMP/ex/.hidden.jsonl"
printf -- '---\ntitle: Not yet\ndraft: true\n---\nSoon.\n' >"$TMP/ex/drafts/soon.md"
nindex --quiet --db "$TMP/ed" "$TMP/ex"
check "empty file: 53 indexed" is "$(count "$TMP/ed")" 53
# emptied NAME: the prune stops at it, names it, and deletes nothing.
emptied() {
    run out err nindex --db "$TMP/ed" --prune "$TMP/ex"
    check "$1: prune not done (exit 4)" is "$rc" 4
    check "$1: the line names the file" contains "$TMP/err" \
        "$2: no article in it (an export that failed?): pruning would delete the articles it held"
    check "$1: not pruning" contains "$TMP/err" \
        "not pruning: 1 source file held no article: an emptied export would delete its articles (--force prunes anyway)"
    check "$1: nothing deleted" is "$(count "$TMP/ed")" 53
    run out err nindex --db "$TMP/ed" --prune --dry-run "$TMP/ex"
    check "$1: the dry run says 4 too" is "$rc" 4
}
: >"$TMP/ex/time.jsonl"
emptied "zero bytes" "$TMP/ex/time.jsonl"
printf '\n  \n\n' >"$TMP/ex/time.jsonl"
emptied "white space" "$TMP/ex/time.jsonl"
rm "$TMP/ex/time.jsonl"
printf '[]\n' | gzip >"$TMP/ex/time.json.gz"
emptied "[] gzipped" "$TMP/ex/time.json.gz"
: | gzip >"$TMP/ex/time.json.gz"
emptied "a gzip of nothing" "$TMP/ex/time.json.gz"
rm "$TMP/ex/time.json.gz"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Time</title></channel></rss>\n' \
    >"$TMP/ex/time.rss"
emptied "a feed without an item" "$TMP/ex/time.rss"
# Without --prune it is what it was: ignored, exit 0.
run out err nindex --db "$TMP/ed" "$TMP/ex"
check "empty file: an update exits 0" is "$rc" 0
check "empty file: an update says nothing of pruning" lacks "$TMP/err" "pruning"
# A rebuild would drop the same articles: not published.
run out err nindex --db "$TMP/ed" --rebuild "$TMP/ex"
check "empty file: a rebuild is not published (exit 1)" is "$rc" 1
check "empty file: the rebuild names the file" contains "$TMP/err" \
    "$TMP/ex/time.rss: no article in it (an export that failed?): publishing the rebuild would delete the articles it held"
check "empty file: not publishing" contains "$TMP/err" \
    "not publishing: 1 source file held no article"
check "empty file: the live index keeps its 53" is "$(count "$TMP/ed")" 53
# --force: emptied on purpose.
run out err nindex --db "$TMP/ed" --prune --force "$TMP/ex"
check "empty file: --force prunes" is "$rc" 0
check "empty file: ... the 3" is "$(count "$TMP/ed")" 50
# So does removing the file.  A README, an empty file of no article
# format, a hidden file and a file of drafts alone do not stop it.
rm "$TMP/ex/time.rss"
: >"$TMP/ex/NOTES"
write_stories "$TMP/ex/gone.jsonl" g 2
nindex --quiet --db "$TMP/ed" "$TMP/ex"
rm "$TMP/ex/gone.jsonl"
run out err nindex --db "$TMP/ed" --prune "$TMP/ex"
check "ignored files: prune exits 0" is "$rc" 0
check "ignored files: the removed file's 2 deleted" contains "$TMP/out" "2 deleted"
check "ignored files: not named" lacks "$TMP/err" "no article in it"

finish
