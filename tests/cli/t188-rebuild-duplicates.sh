#!/bin/sh
# t188-rebuild-duplicates.sh - A weekly --rebuild whose sources held one id
# twice with different titles (a CMS export that wrote a corrected copy
# beside the old one) was refused, exit 65: the canary, the first article
# read, was looked for by its first copy's title, and the index held the
# other.  Now the canary is the copy the index keeps (the later, or the
# newer by "updated"), the duplicate is said with both places, and the
# rebuild is published; a canary that does not find its article still
# refuses.
. "$(dirname "$0")/lib.sh"

rec() { # rec ID TITLE [UPDATED]
    if [ $# -ge 3 ]; then
        printf '{"id":"%s","title":"%s","body":"Harbour text: %s.","updated":"%s"}\n' \
            "$1" "$2" "$2" "$3"
    else
        printf '{"id":"%s","title":"%s","body":"Harbour text: %s."}\n' "$1" "$2" "$2"
    fi
}
title_of() { # title_of DB ID: the stored title of ID
    nsearch --db "$1" --json "harbour" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print([h["title"] for h in d["hits"] if h["id"]==sys.argv[1]][0])' "$2"
}

# The nightly index, then the weekly rebuild of an export that holds the
# first article twice, corrected further down the file.
{ rec a1 "Strike ends"; rec a2 "Council budget"; rec a3 "Ferry timetable"; } >"$TMP/night.jsonl"
nindex --quiet --db "$TMP/db" "$TMP/night.jsonl"
{ rec a1 "Strike ends"; rec a2 "Council budget"; rec a3 "Ferry timetable"
  rec a1 "Walkout over after talks"; } >"$TMP/export.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/export.jsonl"
check "one file: the rebuild exits 0" is "$rc" 0
check "one file: published" contains "$TMP/out" "; published gen-000002"
check "one file: current moved" is "$(readlink "$TMP/db/current")" gen-000002
check "one file: no canary refusal" lacks "$TMP/err" "canary"
check "one file: the duplicate said with both lines" contains "$TMP/err" \
    "export.jsonl:4: id 'a1' again, unlike its copy at line 1: this one replaces it"
check "one file: counted a warning" contains "$TMP/out" "; 1 warning;"
check "one file: the later copy is kept" is "$(title_of "$TMP/db" a1)" "Walkout over after talks"

# Two files that both hold the story: the later file's copy is kept.
rec a1 "Strike ends" >"$TMP/old.jsonl"
{ rec a1 "Walkout over after talks"; rec a2 "Council budget"; } >"$TMP/new.jsonl"
run out err nindex --db "$TMP/two" --rebuild "$TMP/old.jsonl" "$TMP/new.jsonl"
check "two files: exit 0" is "$rc" 0
check "two files: published" contains "$TMP/out" "; published gen-000001"
check "two files: both places said" contains "$TMP/err" \
    "$TMP/new.jsonl:1: id 'a1' again, unlike its copy at $TMP/old.jsonl:1: this one replaces it"
check "two files: the later copy is kept" is "$(title_of "$TMP/two" a1)" "Walkout over after talks"

# The later copy older by "updated": the newer, read first, stays, as an
# update keeps it; the canary is that copy, and the rebuild is published.
{ rec a1 "Walkout over after talks" 2026-12-01T15:00Z; rec a2 "Council budget"; } >"$TMP/newer.jsonl"
rec a1 "Strike ends" 2026-12-01T09:30Z >"$TMP/older.jsonl"
run out err nindex --db "$TMP/upd" --rebuild "$TMP/newer.jsonl" "$TMP/older.jsonl"
check "older later: exit 0" is "$rc" 0
check "older later: published" contains "$TMP/out" "; published gen-000001"
check "older later: counted stale" contains "$TMP/out" "; 1 stale"
check "older later: the newer is kept" is "$(title_of "$TMP/upd" a1)" "Walkout over after talks"
# The older first and the newer later: the later replaces it.
run out err nindex --db "$TMP/upd2" --rebuild "$TMP/older.jsonl" "$TMP/newer.jsonl"
check "newer later: exit 0" is "$rc" 0
check "newer later: published" contains "$TMP/out" "; published gen-000001"
check "newer later: the newer is kept" is "$(title_of "$TMP/upd2" a1)" "Walkout over after talks"

# The check still refuses a canary that is not found: an id the index
# lacks, or an article that its title's words do not find.
live=$(readlink "$TMP/db/current")
NINDEX_CANARY_ID=no-such-article run out err nindex --db "$TMP/db" --rebuild "$TMP/export.jsonl"
check "missing canary: still exit 65" is "$rc" 65
check "missing canary: says why" contains "$TMP/err" "refusing the rebuild: the canary query for article 'no-such-article' does not find it"
check "missing canary: current unchanged" is "$(readlink "$TMP/db/current")" "$live"
NINDEX_CANARY_ID=a2 run out err nindex --db "$TMP/db" --rebuild "$TMP/export.jsonl"
check "canary title not found: still exit 65" is "$rc" 65
check "canary title not found: says why" contains "$TMP/err" "the canary query for article 'a2' does not find it"
check "canary title not found: current unchanged" is "$(readlink "$TMP/db/current")" "$live"

finish
