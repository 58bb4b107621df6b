#!/bin/sh
# t062-prune-guard.sh - A nightly job that cannot wipe the archive: exit
# codes a timer can act on, the prune guard (an empty or missing source,
# more than --max-delete or --max-delete-share of the live articles),
# --dry-run counting exactly what the real run does while touching
# nothing, and deletions undone from DIR/deleted.
. "$(dirname "$0")/lib.sh"

# N articles with ids a0..a(N-1); with a TAG, every tenth body changes.
make_archive() { # file n [tag]
    python3 - "$@" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
tag = sys.argv[3] if len(sys.argv) > 3 else ""
with open(path, "w") as f:
    for i in range(n):
        body = "harbour ferry storm council %d" % i
        if tag and i % 10 == 0:
            body += " " + tag
        f.write(json.dumps({"id": "a%d" % i, "title": "Story %d" % i, "body": body,
                            "headings": ["Key points"], "tags": ["t%d" % (i % 3)],
                            "section": "World", "date": "2025-06-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
PY
}
# The summary's counts, without the timing.
counts() { sed -n 's/^nindex: [a-z]*\( (dry run)\)\{0,1\}: \(.*skipped\)\(, [0-9]* ignored\)\{0,1\} in .*/\2/p' "$1"; }
# Every file of the index with its size and modification time.
# (Xapian's flintlock is touched by any writer that opens the database.)
snapshot() { find "$1" ! -name flintlock -exec stat -c '%n %s %Y' {} + | sort; }

make_archive "$TMP/v1.jsonl" 300
nindex --quiet --db "$TMP/db" "$TMP/v1.jsonl"
check "300 indexed" is "$(count "$TMP/db")" 300

# --- Exit codes -----------------------------------------------------------
head -n 280 "$TMP/v1.jsonl" >"$TMP/skip.jsonl"
echo '{"id": broken' >>"$TMP/skip.jsonl"
run out err nindex --db "$TMP/db" --prune "$TMP/skip.jsonl"
check "prune not done (skipped records): exit 4" is "$rc" 4
check "it says why" contains "$TMP/err" "not pruning: 1 record was skipped"
check "nothing deleted then" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" "$TMP/skip.jsonl"
check "the same without --prune: exit 3" is "$rc" 3
check "--help lists exit 4 and 5" sh -c \
    "'$NSEARCH_BIN/nindex' --help | grep -q '^  4 ' && '$NSEARCH_BIN/nindex' --help | grep -q '^  5 '"

# --- An empty or missing source is always refused -------------------------
mkdir "$TMP/unmounted"
before=$(snapshot "$TMP/db/$(readlink "$TMP/db/current")")
run out err nindex --db "$TMP/db" --prune "$TMP/unmounted"
check "empty directory: prune refused with 5" is "$rc" 5
check "refusal names the source" contains "$TMP/err" "source '$TMP/unmounted' has no articles"
check "live index intact after the refusal" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" --prune --force "$TMP/unmounted"
check "--force does not override an empty source" is "$rc" 5
check "still intact" is "$(count "$TMP/db")" 300
: >"$TMP/empty.jsonl"
run out err nindex --db "$TMP/db" --prune "$TMP/v1.jsonl" "$TMP/empty.jsonl"
check "one empty source among others: refused" is "$rc" 5
run out err nindex --db "$TMP/db" --prune "$TMP/no-such-dir"
check "missing source: exit 1" is "$rc" 1
check "missing source: not pruned" contains "$TMP/err" "not pruning: a source could not be read"
check "intact after a missing source" is "$(count "$TMP/db")" 300
check "refused prunes wrote nothing" is "$(snapshot "$TMP/db/$(readlink "$TMP/db/current")")" "$before"

# An empty file in the archive holds no record: named on stderr and
# counted as ignored, not skipped; but an export that failed leaves one,
# so it stops a prune (exit 4, t104).  Alone, it is an empty source.
mkdir "$TMP/arch"
cp "$TMP/v1.jsonl" "$TMP/arch/"
for f in empty.md empty.jsonl empty.txt; do : >"$TMP/arch/$f"; done
run out err nindex --db "$TMP/db" --prune "$TMP/arch"
check "empty files in the archive: the prune is not done, exit 4" is "$rc" 4
check "empty files: each named" contains "$TMP/err" "arch/empty.md: ignored: empty file"
check "empty files: ignored, not skipped" contains "$TMP/out" "0 skipped, 3 ignored"
check "empty files: nothing deleted" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" --prune "$TMP/arch/empty.md"
check "an empty .md alone: an empty source, refused with 5" is "$rc" 5
# But a feed or a page is never empty: a zero-byte feed.xml is a fetch
# that failed, and the articles it held stay.
mkdir "$TMP/farch"
cp "$TMP/v1.jsonl" "$SAMPLES/feeds/city-desk.atom" "$TMP/farch/"
nindex --quiet --db "$TMP/fdb" "$TMP/farch"
with_feed=$(count "$TMP/fdb")
check "the feed's articles are in" test "$with_feed" -gt 300
: >"$TMP/farch/city-desk.atom"
: >"$TMP/farch/page.html"
run out err nindex --db "$TMP/fdb" --prune "$TMP/farch"
check "an empty feed: the prune is not done, exit 4" is "$rc" 4
check "an empty feed: said" contains "$TMP/err" \
    "farch/city-desk.atom: empty feed (cut off: a download that failed?)"
check "an empty page: said" contains "$TMP/err" "farch/page.html: empty page"
check "an empty feed: its articles stay" is "$(count "$TMP/fdb")" "$with_feed"

# A .gz of zero bytes is no empty file but a cut-off one (an export that
# failed, a full disk; gzip -t: "unexpected end of file"): a gzip of
# nothing has a header.  Its articles stay in a prune and in a rebuild.
mkdir "$TMP/gz"
head -n 150 "$TMP/v1.jsonl" | gzip >"$TMP/gz/part1.jsonl.gz"
tail -n 150 "$TMP/v1.jsonl" | gzip >"$TMP/gz/part2.jsonl.gz"
gzip </dev/null >"$TMP/gz/nothing.jsonl.gz"
nindex --quiet --db "$TMP/gzdb" "$TMP/gz"
check "gzipped archive: 300 indexed" is "$(count "$TMP/gzdb")" 300
: >"$TMP/gz/part2.jsonl.gz"
run out err nindex --db "$TMP/gzdb" --prune "$TMP/gz"
check "zero-byte .gz: prune not done, exit 4" is "$rc" 4
check "zero-byte .gz: said" contains "$TMP/err" \
    "part2.jsonl.gz: truncated gzip file"
check "zero-byte .gz: nothing deleted" is "$(count "$TMP/gzdb")" 300
check "a gzip of nothing: ignored as empty" contains "$TMP/err" \
    "nothing.jsonl.gz: ignored: empty file"
run out err nindex --db "$TMP/gzdb" --rebuild "$TMP/gz"
check "zero-byte .gz: rebuild not published, exit 1" is "$rc" 1
check "zero-byte .gz: still 300 after the rebuild" is "$(count "$TMP/gzdb")" 300

# --- Thresholds -----------------------------------------------------------
head -n 200 "$TMP/v1.jsonl" >"$TMP/v200.jsonl"
run out err nindex --db "$TMP/db" --prune "$TMP/v200.jsonl"
check "deleting 100 of 300 (33% > 20%): refused with 5" is "$rc" 5
check "refusal gives the counts" contains "$TMP/err" "it would delete 100 of 300 articles"
check "intact after the share refusal" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" --prune --max-delete-share 40% --max-delete 99 "$TMP/v200.jsonl"
check "share allowed, count over --max-delete 99: refused" is "$rc" 5
run out err nindex --db "$TMP/db" --prune --max-delete-share abc "$TMP/v200.jsonl"
check "bad --max-delete-share: usage error" is "$rc" 2
run out err nindex --db "$TMP/db" --prune --max-delete-share 40 --max-delete 100 "$TMP/v200.jsonl"
check "within both limits: pruned" is "$rc" 0
check "100 deleted" contains "$TMP/out" "200 unchanged, 100 deleted"
check "200 left" is "$(count "$TMP/db")" 200

# --- Undo: the deleted articles were kept ----------------------------------
files=$(ls "$TMP/db/deleted"/*.jsonl.gz 2>/dev/null | wc -l)
check "one file of deleted articles" is "$files" 1
check "no file left half written (.part)" \
    is "$(ls "$TMP/db/deleted" | grep -c '\.part$')" 0
kept=$(ls "$TMP/db/deleted"/*.jsonl.gz)
check "it holds the 100" is "$(gzip -dc "$kept" | wc -l)" 100
run out err nindex --db "$TMP/db" "$kept"
check "re-adding the file: exit 0" is "$rc" 0
check "re-adding the file adds the 100" contains "$TMP/out" "100 added, 0 replaced, 0 unchanged"
check "300 again" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" "$TMP/v1.jsonl"
check "restored exactly as they were" contains "$TMP/out" "0 added, 0 replaced, 300 unchanged"
# What a run killed while writing its file left: no finished file, so
# nothing reads as deleted; the next run that deletes removes it.
printf 'half' >"$TMP/db/deleted/20261201T000000Z-99.jsonl.gz.part"
run out err nindex --db "$TMP/db" --delete a5 a6 nosuch
check "a stale .part is removed by the next run that deletes" \
    test ! -e "$TMP/db/deleted/20261201T000000Z-99.jsonl.gz.part"
check "--delete keeps what it deletes too" sh -c \
    "test \$(ls '$TMP/db/deleted' | wc -l) -eq 2"
nindex --quiet --db "$TMP/db" "$TMP/db/deleted"
check "undo of --delete" is "$(count "$TMP/db")" 300
run out err nindex --db "$TMP/db" --delete --keep-deleted 0 a7
check "--keep-deleted 0: a7 is deleted" is "$(count "$TMP/db")" 299
check "--keep-deleted 0 keeps nothing, and removes what was kept before" \
    is "$(ls "$TMP/db/deleted" | wc -l)" 0
nindex --quiet --db "$TMP/db" "$TMP/v1.jsonl"

# --- --dry-run: the real run's counts, nothing touched ---------------------
# v2: 20 new ids, every tenth article changed, 30 gone, one id twice.
make_archive "$TMP/v2.jsonl" 320 corrected
sed -n '31,320p' "$TMP/v2.jsonl" >"$TMP/v2b.jsonl"
sed -n '100p' "$TMP/v1.jsonl" | sed 's/harbour/harbour again/' >>"$TMP/v2b.jsonl"
before=$(snapshot "$TMP/db")
run dout derr nindex --db "$TMP/db" --prune --dry-run "$TMP/v2b.jsonl"
drc=$rc
check "dry run touched nothing" is "$(snapshot "$TMP/db")" "$before"
run out err nindex --db "$TMP/db" --prune "$TMP/v2b.jsonl"
check "dry run and real run: same exit status" is "$drc" "$rc"
check "dry run counts = real counts" is "$(counts "$TMP/dout")" "$(counts "$TMP/out")"
check "counts as expected" is "$(counts "$TMP/out")" \
    "20 added, 28 replaced, 243 unchanged, 30 deleted, 0 skipped"
# The id met twice in another form: the later copy replaces the first,
# and is named, in the dry run as in the real one.
check "an id again, unlike its first copy: named" contains "$TMP/err" \
    "v2b.jsonl:291: id 'a99' again, unlike its copy at line 70: this one replaces it"
check "... in the dry run too" contains "$TMP/derr" "v2b.jsonl:291: id 'a99' again"
check "the later copy stands" is "$(nsearch --db "$TMP/db" --json --related 0 \
    '"harbour again"' | python3 -c 'import json,sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" a99
# A refused prune is predicted with its status.
run dout derr nindex --db "$TMP/db" --prune --dry-run "$TMP/v200.jsonl"
check "dry run predicts a refusal (5)" is "$rc" 5
run dout derr nindex --db "$TMP/db" --dry-run --delete a31 a32 nosuch
check "dry run of --delete counts" contains "$TMP/dout" "2 deleted"
check "... and deletes nothing" is "$(count "$TMP/db")" 290
run dout derr nindex --db "$TMP/fresh" --dry-run "$TMP/v1.jsonl"
check "dry run without an index: all would be added" contains "$TMP/dout" "300 added"
check "dry run creates no index" test ! -e "$TMP/fresh"
run dout derr nindex --db "$TMP/db" --dry-run --rebuild "$TMP/v1.jsonl"
check "--dry-run --rebuild is a usage error" is "$rc" 2

# --- A year moved to another disk and linked back -------------------------
# The walk follows a link to a directory: a year behind one is read, so a
# prune keeps it, and a loop is noted, not read twice.
mkdir -p "$TMP/lnk/2024" "$TMP/lnk/2025" "$TMP/disk2"
make_archive "$TMP/lnk/2024/a.jsonl" 40
make_archive "$TMP/disk2/b.jsonl" 10
sed 's/"a\([0-9]*\)"/"b\1"/' "$TMP/disk2/b.jsonl" >"$TMP/lnk/2025/b.jsonl"
nindex --quiet --db "$TMP/ldb" "$TMP/lnk"
check "linked: 50 indexed from real directories" is "$(count "$TMP/ldb")" 50
rm -r "$TMP/lnk/2025"
sed 's/"a\([0-9]*\)"/"b\1"/' "$TMP/disk2/b.jsonl" >"$TMP/disk2/b2.jsonl"
rm "$TMP/disk2/b.jsonl"
ln -s ../disk2 "$TMP/lnk/2025"
ln -s . "$TMP/lnk/loop"
run out err nindex --db "$TMP/ldb" --prune --max-delete-share 100 "$TMP/lnk"
check "linked: the prune runs (0)" is "$rc" 0
check "linked: nothing behind the link deleted" is "$(counts "$TMP/out")" \
    "0 added, 0 replaced, 50 unchanged, 0 deleted, 0 skipped"
check "linked: all 50 still found" is "$(count "$TMP/ldb")" 50
check "linked: the loop is noted" contains "$TMP/err" "lnk/loop: ignored"

finish
