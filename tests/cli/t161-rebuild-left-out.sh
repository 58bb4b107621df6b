#!/bin/sh
# t161-rebuild-left-out.sh - A rebuild that would leave live articles out
# is held to a prune's rules.  A weekly --rebuild whose export wrote one
# article's record with a bad date published without that article (exit
# 3), and after --keep rebuilds no generation held it; one from a
# directory a year had been moved out of published without the year, exit
# 0.  Now: skipped records and missing live articles stop the publish;
# so do the --max-delete limits; and what a published rebuild leaves out
# is kept in DIR/deleted/ for an update to bring back.
. "$(dirname "$0")/lib.sh"

write_stories "$TMP/all.jsonl" s 40

nindex --quiet --db "$TMP/db" "$TMP/all.jsonl"
check "setup: 40 articles" is "$(count "$TMP/db")" 40
live=$(readlink "$TMP/db/current")

# --- A skipped record whose article is live ------------------------------------
python3 - "$TMP/all.jsonl" "$TMP/bad.jsonl" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
lines[7] = lines[7][:-1] + ', "tags": 5}'     # s7: a field of the wrong type
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
run out err nindex --db "$TMP/db" --rebuild "$TMP/bad.jsonl"
check "skipped: not published (exit 1)" is "$rc" 1
check "skipped: the record is named" contains "$TMP/err" "bad.jsonl:8: field 'tags' is not a list"
check "skipped: says why" contains "$TMP/err" \
    "not publishing: 1 record was skipped, and 1 live article (the first 's7') is not in the new generation"
check "skipped: the summary says nothing was published" contains "$TMP/out" "nothing published"
check "skipped: the live generation stays" is "$(readlink "$TMP/db/current")" "$live"
check "skipped: s7 still found" is "$(nsearch --db "$TMP/db" --json 'id:s7' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 1
check "skipped: no undo file" is "$(ls "$TMP/db/deleted" 2>/dev/null | wc -l)" 0

# A skipped record of an article that was never live loses nothing: the
# rebuild is published (exit 3 for the record).
cp "$TMP/all.jsonl" "$TMP/plus.jsonl"
echo '{"id": "new1", "title": "A new story", "body": "harbour", "tags": 5}' >> "$TMP/plus.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/plus.jsonl"
check "skipped, none live lost: published (exit 3)" is "$rc" 3
check "skipped, none live lost: a new generation" test "$(readlink "$TMP/db/current")" != "$live"
check "skipped, none live lost: 0 deleted" contains "$TMP/out" "0 deleted"
live=$(readlink "$TMP/db/current")

# --force publishes it, and keeps what it leaves out.
run out err nindex --db "$TMP/db" --rebuild --force "$TMP/bad.jsonl"
check "skipped --force: published (exit 3)" is "$rc" 3
check "skipped --force: 39 articles" is "$(count "$TMP/db")" 39
check "skipped --force: counted deleted" contains "$TMP/out" "1 deleted"
undo=$(ls "$TMP/db/deleted"/*.jsonl.gz 2>/dev/null)
check "skipped --force: one undo file" is "$(echo "$undo" | grep -c .)" 1
check "skipped --force: it holds s7" is "$(zcat $undo | python3 -c '
import json,sys; print(",".join(json.loads(l)["id"] for l in sys.stdin))')" s7
run out err nindex --db "$TMP/db" $undo
check "undo: an update from it brings s7 back" is "$(count "$TMP/db")" 40
rm -f "$TMP/db/deleted"/*
live=$(readlink "$TMP/db/current")

# --- The delete limits ----------------------------------------------------------
# A year moved out of the archive's directory: 10 of 40 live (25%).
head -n 30 "$TMP/all.jsonl" > "$TMP/most.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/most.jsonl"
check "share: refused (exit 65)" is "$rc" 65
check "share: says why" contains "$TMP/err" \
    "refusing to publish the rebuild: it would delete 10 of 40 articles"
check "share: the live generation stays" is "$(readlink "$TMP/db/current")" "$live"
check "share: still 40" is "$(count "$TMP/db")" 40
run out err nindex --db "$TMP/db" --rebuild --max-delete 5 --max-delete-share 50 "$TMP/most.jsonl"
check "count: refused (exit 65)" is "$rc" 65
check "count: says why" contains "$TMP/err" "it would delete 10 of 40 articles (the limits are 5 articles"
# Within the limits it is published, and what it leaves out is kept.
head -n 36 "$TMP/all.jsonl" > "$TMP/fewer.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/fewer.jsonl"
check "within: published (exit 0)" is "$rc" 0
check "within: 4 deleted" contains "$TMP/out" "4 deleted"
check "within: 36 left" is "$(count "$TMP/db")" 36
check "within: the four kept to undo" is "$(zcat "$TMP/db/deleted"/*.jsonl.gz |
    python3 -c 'import json,sys; print(" ".join(sorted(json.loads(l)["id"] for l in sys.stdin)))')" \
    "s36 s37 s38 s39"
# --keep-deleted 0 keeps none.
nindex --quiet --db "$TMP/db" --rebuild --force "$TMP/all.jsonl"
rm -f "$TMP/db/deleted"/*
run out err nindex --db "$TMP/db" --rebuild --keep-deleted 0 "$TMP/fewer.jsonl"
check "keep-deleted 0: published" is "$rc" 0
check "keep-deleted 0: no undo file" is "$(ls "$TMP/db/deleted" | wc -l)" 0
# --force publishes past the limits.
run out err nindex --db "$TMP/db" --rebuild --force "$TMP/most.jsonl"
check "force: published (exit 0)" is "$rc" 0
check "force: 30 left" is "$(count "$TMP/db")" 30

# A rebuild that leaves nothing out says 0 deleted and writes no file.
rm -f "$TMP/db/deleted"/*
run out err nindex --db "$TMP/db" --rebuild "$TMP/all.jsonl"
check "all: published" is "$rc" 0
check "all: 0 deleted" contains "$TMP/out" "0 deleted"
check "all: no undo file" is "$(ls "$TMP/db/deleted" | wc -l)" 0

finish
