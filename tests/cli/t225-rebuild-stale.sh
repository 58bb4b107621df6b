#!/bin/sh
# t225-rebuild-stale.sh - The weekly --rebuild brought back the uncorrected
# story that the nightly update refuses as stale: it compared its SOURCEs
# with no live article, so an export that still held the old copy
# published it, exit 0, nothing said.  Now the first record of an id is
# held against the live generation too: when the live copy is newer by
# "updated", that copy goes into the new generation, with the update's
# warning and a "1 stale" in the summary.
. "$(dirname "$0")/lib.sh"

rec() { # rec ID TITLE BODY UPDATED
    printf '{"id":"%s","title":"%s","body":"%s","updated":"%s"}\n' "$1" "$2" "$3" "$4"
}
title_of() { # title_of DB ID: the stored title of ID
    nsearch --db "$1" --json minister 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print([h["title"] for h in d["hits"] if h["id"]==sys.argv[1]][0])' "$2"
}
hits() { nsearch --db "$1" --json "$2" 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

{ rec w1 "Minister quits over expenses" "The minister quit. omegaold" 2026-12-01T09:00:00Z
  rec w2 "Harbour reopens" "x" 2026-12-01T09:00:00Z; } >"$TMP/src.jsonl"
rec w1 "Minister cleared over expenses" "CORRECTION: the minister did not quit. omeganew" \
    2026-12-01T15:00:00Z >"$TMP/fix.jsonl"
nindex --quiet --db "$TMP/db" "$TMP/src.jsonl"
nindex --quiet --db "$TMP/db" "$TMP/fix.jsonl"
said="src.jsonl:1: article 'w1' is older (updated 2026-12-01T09:00:00Z) than the one indexed (updated 2026-12-01T15:00:00Z): kept the newer"

# The nightly update refuses the old copy ...
run out err nindex --db "$TMP/db" "$TMP/src.jsonl"
check "update: exit 0" is "$rc" 0
check "update: warns" contains "$TMP/err" "$said"
check "update: 1 stale" contains "$TMP/out" "; 1 stale (older than the article indexed: kept the newer)"

# ... and so does the weekly rebuild, which publishes the live copy.
run out err nindex --db "$TMP/db" --rebuild "$TMP/src.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: published" contains "$TMP/out" "; published gen-000002"
check "rebuild: the same warning" contains "$TMP/err" "$said"
check "rebuild: 1 stale in the summary" contains "$TMP/out" \
    "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "rebuild: ... said" contains "$TMP/out" "; 1 stale (older than the article indexed: kept the newer)"
check "rebuild: the correction is live" is "$(title_of "$TMP/db" w1)" "Minister cleared over expenses"
check "rebuild: its text is searched" is "$(hits "$TMP/db" omeganew)" 1
check "rebuild: the old text is not" is "$(hits "$TMP/db" omegaold)" 0
check "rebuild: the other article is there" is "$(hits "$TMP/db" harbour)" 1
nsearch --db "$TMP/db" --json omeganew >"$TMP/w1.json" 2>/dev/null
check "rebuild: the live copy's updated is kept" contains "$TMP/w1.json" '"updated":"2026-12-01T15:00:00Z"'

# A rebuild after it meets the copy it kept: the same again, and stable.
run out err nindex --db "$TMP/db" --rebuild "$TMP/src.jsonl"
check "again: exit 0" is "$rc" 0
check "again: stale again" contains "$TMP/out" "; 1 stale"
check "again: the correction stays" is "$(title_of "$TMP/db" w1)" "Minister cleared over expenses"

# A record newer than the live copy replaces it, as in an update.
rec w1 "Minister resigns after all" "Later news. omegalater" 2026-12-02T08:00:00Z >"$TMP/later.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/later.jsonl" "$TMP/src.jsonl"
check "newer record: exit 0" is "$rc" 0
check "newer record: nothing stale against the index" lacks "$TMP/err" "than the one indexed"
check "newer record: the later copy wins" is "$(title_of "$TMP/db" w1)" "Minister resigns after all"

# The old copy first and a newer one later in the sources: the live copy
# stands in for the first, and the later one replaces it.
{ rec w1 "Minister quits over expenses" "The minister quit. omegaold" 2026-12-01T09:00:00Z
  rec w2 "Harbour reopens" "x" 2026-12-01T09:00:00Z
  rec w1 "Minister back in cabinet" "Newest. omeganewest" 2026-12-03T08:00:00Z; } >"$TMP/both.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/both.jsonl"
check "old then newer: exit 0" is "$rc" 0
check "old then newer: the first said stale" contains "$TMP/err" \
    "both.jsonl:1: article 'w1' is older (updated 2026-12-01T09:00:00Z) than the one indexed (updated 2026-12-02T08:00:00Z): kept the newer"
check "old then newer: the newest wins" is "$(title_of "$TMP/db" w1)" "Minister back in cabinet"

# Two old copies: both older than the live copy, said once as against the
# index, once against the copy kept; the live copy stays.
{ rec w1 "Minister quits" "omegaold" 2026-12-01T08:00:00Z
  rec w2 "Harbour reopens" "x" 2026-12-01T09:00:00Z
  rec w1 "Minister quits over expenses" "The minister quit. omegaold" 2026-12-01T09:00:00Z; } >"$TMP/two.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/two.jsonl"
check "two old: exit 0" is "$rc" 0
check "two old: the second against the copy kept" contains "$TMP/err" \
    "two.jsonl:3: article 'w1' is older (updated 2026-12-01T09:00:00Z) than its copy in the index (updated 2026-12-03T08:00:00Z): kept the newer"
check "two old: not said to replace it" lacks "$TMP/err" "replaces it"
check "two old: 2 stale" contains "$TMP/out" "; 2 stale"
check "two old: the live copy stays" is "$(title_of "$TMP/db" w1)" "Minister back in cabinet"

# A record without "updated", or an article without one: replaced as in
# an update.
printf '%s\n' '{"id":"w1","title":"Minister undated","body":"omegaundated"}' \
    '{"id":"w2","title":"Harbour reopens","body":"x","updated":"2026-12-01T09:00:00Z"}' >"$TMP/undated.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/undated.jsonl"
check "undated record: exit 0" is "$rc" 0
check "undated record: nothing stale" lacks "$TMP/out" "stale"
check "undated record: it replaces" is "$(title_of "$TMP/db" w1)" "Minister undated"

finish
