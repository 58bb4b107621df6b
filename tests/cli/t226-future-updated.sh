#!/bin/sh
# t226-future-updated.sh - An "updated" years ahead (2062 for 2026) was
# taken without a word, and then kept every later correction out as
# stale, --force or not.  Now a date more than a day after the clock is
# warned, and --replace-stale applies records the stale rule keeps out
# (named in each stale warning); --force, which lifts the guards on what
# is deleted or published, does not.
. "$(dirname "$0")/lib.sh"

title_of() { # title_of DB ID: the stored title of ID
    nsearch --db "$1" --json '' 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print([h["title"] for h in d["hits"] if h["id"]==sys.argv[1]][0])' "$2"
}
days_to() { # days_to DATE: whole days from now to DATE
    python3 -c 'import sys,datetime as d; t=d.datetime.strptime(sys.argv[1],"%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=d.timezone.utc); print(int((t-d.datetime.now(d.timezone.utc)).total_seconds()//86400))' "$1"
}

echo '{"id":"f1","title":"Typo","body":"thetaold","updated":"2062-12-01T09:00:00Z"}' >"$TMP/typo.jsonl"
days=$(days_to 2062-12-01T09:00:00Z)
run out err nindex --db "$TMP/db" "$TMP/typo.jsonl"
check "future updated: exit 0" is "$rc" 0
check "future updated: warned, with the way out" contains "$TMP/err" \
    "typo.jsonl:1: 'updated' 2062-12-01T09:00:00Z is $days days after now; a later correction older than it is kept out as stale (--replace-stale applies it)"
check "future updated: counted a warning" contains "$TMP/out" "; 1 warning"
check "future updated: indexed" is "$(title_of "$TMP/db" f1)" Typo

echo '{"id":"f1","title":"Fixed","body":"thetanew","updated":"2026-12-06T23:00:00Z"}' >"$TMP/f.jsonl"
run out err nindex --db "$TMP/db" "$TMP/f.jsonl"
check "correction: stale" contains "$TMP/out" "; 1 stale"
check "correction: the warning names --replace-stale" contains "$TMP/err" \
    "f.jsonl:1: article 'f1' is older (updated 2026-12-06T23:00:00Z) than the one indexed (updated 2062-12-01T09:00:00Z): kept the newer (--replace-stale applies it)"
run out err nindex --db "$TMP/db" --force "$TMP/f.jsonl"
check "--force: still stale" contains "$TMP/out" "; 1 stale"
check "--force: the typo stays" is "$(title_of "$TMP/db" f1)" Typo

run out err nindex --db "$TMP/db" --dry-run --replace-stale "$TMP/f.jsonl"
check "dry run --replace-stale: 1 replaced" contains "$TMP/out" "0 added, 1 replaced, 0 unchanged"
check "dry run --replace-stale: nothing stale" lacks "$TMP/out" "stale"
run out err nindex --db "$TMP/db" --replace-stale "$TMP/f.jsonl"
check "--replace-stale: exit 0" is "$rc" 0
check "--replace-stale: 1 replaced" contains "$TMP/out" "0 added, 1 replaced, 0 unchanged"
check "--replace-stale: nothing stale" lacks "$TMP/out" "stale"
check "--replace-stale: no stale warning" lacks "$TMP/err" "kept the newer"
check "--replace-stale: the correction is indexed" is "$(title_of "$TMP/db" f1)" Fixed
# The 2062 copy sent again is newer, and replaces the correction.
run out err nindex --db "$TMP/db" "$TMP/typo.jsonl"
check "the 2062 copy again: replaces" contains "$TMP/out" "0 added, 1 replaced"

# A rebuild: the live copy dated in 2062 is not kept over the record with
# --replace-stale; without it, it is.
run out err nindex --db "$TMP/db" --rebuild "$TMP/f.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: the live copy is kept over the record" is "$(title_of "$TMP/db" f1)" Typo
check "rebuild: its warning names --replace-stale" contains "$TMP/err" "kept the newer (--replace-stale applies it)"
run out err nindex --db "$TMP/db" --rebuild --replace-stale "$TMP/f.jsonl"
check "rebuild --replace-stale: exit 0" is "$rc" 0
check "rebuild --replace-stale: nothing stale" lacks "$TMP/out" "stale"
check "rebuild --replace-stale: the record is indexed" is "$(title_of "$TMP/db" f1)" Fixed
# Two copies in the sources, the later older: it replaces the earlier.
run out err nindex --db "$TMP/two" --rebuild --replace-stale "$TMP/typo.jsonl" "$TMP/f.jsonl"
check "rebuild --replace-stale, two copies: exit 0" is "$rc" 0
check "rebuild --replace-stale, two copies: the later wins" is "$(title_of "$TMP/two" f1)" Fixed
check "rebuild --replace-stale, two copies: said to replace it" contains "$TMP/err" \
    "f.jsonl:1: id 'f1' again, unlike its copy at $TMP/typo.jsonl:1: this one replaces it"
run out err nindex --db "$TMP/two" --rebuild "$TMP/typo.jsonl" "$TMP/f.jsonl"
check "rebuild, two copies: the newer wins" is "$(title_of "$TMP/two" f1)" Typo
check "rebuild, two copies: the warning names --replace-stale" contains "$TMP/err" \
    "than its copy at $TMP/typo.jsonl:1 (updated 2062-12-01T09:00:00Z): kept the newer (--replace-stale applies it)"

# Within a day of the clock: nothing said.  A "date" far ahead is said too.
soon=$(python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc)+d.timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
{ printf '{"id":"s1","title":"Soon","body":"x","updated":"%s","date":"%s"}\n' "$soon" "$soon"
  echo '{"id":"s2","title":"Survey","body":"y","date":"2031-06-01T10:00:00Z"}'; } >"$TMP/dates.jsonl"
days=$(days_to 2031-06-01T10:00:00Z)
run out err nindex --db "$TMP/d" "$TMP/dates.jsonl"
check "dates: exit 0" is "$rc" 0
check "dates: within a day is not said" lacks "$TMP/err" "dates.jsonl:1"
check "dates: a date years ahead is said" contains "$TMP/err" \
    "dates.jsonl:2: 'date' 2031-06-01T10:00:00Z is $days days after now; the article is indexed with it"
check "dates: counted one warning" contains "$TMP/out" "; 1 warning"

run out err nindex --db "$TMP/db" --delete --replace-stale f1
check "--replace-stale with --delete: usage error" is "$rc" 2
check "... says so" contains "$TMP/err" "--replace-stale goes with --update or --rebuild"

finish
