#!/bin/sh
# t188-rebuild-duplicates.sh - A weekly --rebuild whose sources held one id
# twice with different titles (a CMS export that wrote a corrected copy
# beside the old one) was refused, exit 65: the canary, the first article
# read, was looked for by its first copy's title, and the index held the
# other.  Now the canary is the copy the index keeps (the later, or the
# newer by "updated"), the duplicate is said with both places, and the
# rebuild is published; a canary that does not find its article still
# refuses.  Lines about ids read again are said for the first 100 of a
# file, then one line, as bad records are.
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
check "older later: both places and times said" contains "$TMP/err" \
    "$TMP/older.jsonl:1: article 'a1' is older (updated 2026-12-01T09:30:00Z) than its copy at $TMP/newer.jsonl:1 (updated 2026-12-01T15:00:00Z): kept the newer"
check "older later: said once" is "$(grep -c "'a1'" "$TMP/err")" 1
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

# --- Lines about ids read again: 100 of a file, then one line ----------
python3 - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
def rec(i, t, **kw):
    r = {"id": "r%d" % i, "title": t, "body": "Harbour text %s." % t}
    r.update(kw)
    return json.dumps(r) + "\n"
with open(d + "/again.jsonl", "w") as f:    # 50 ids, each 6 times: 250 again
    for n in range(300):
        f.write(rec(n % 50, "Title %d" % n))
with open(d + "/again2.jsonl", "w") as f:   # 120 more, each again
    for n in range(120):
        f.write(rec(n % 50, "Other %d" % n))
with open(d + "/stale.jsonl", "w") as f:    # one newest, 250 older copies
    f.write(rec(1, "Newest", updated="2026-12-01T15:00Z"))
    for n in range(250):
        f.write(rec(1, "Old %d" % n, updated="2026-11-01T15:00Z"))
with open(d + "/mixed.jsonl", "w") as f:    # 60 bad records, 150 again
    for n in range(60):
        f.write("{}\n")
    for n in range(200):
        f.write(rec(n % 50, "Mixed %d" % n))
PY
again() { grep -c "again, unlike its copy" "$TMP/$1"; }
run out err nindex --db "$TMP/f1" "$TMP/again.jsonl" "$TMP/again2.jsonl"
check "flood: exit 0" is "$rc" 0
check "flood: 100 lines of each file" is "$(again err)" 200
check "flood: the rest of the first file said at its end" contains "$TMP/err" \
    "again.jsonl: and 150 more ids read again, not each said (--verbose says each)"
check "flood: the rest of the second file" contains "$TMP/err" \
    "again2.jsonl: and 20 more ids read again, not each said (--verbose says each)"
check "flood: every one counted" contains "$TMP/out" "; 370 warnings"
run out err nindex --db "$TMP/f2" --verbose "$TMP/again.jsonl"
check "flood: --verbose says each" is "$(again err)" 250
check "flood: --verbose, no line of more" lacks "$TMP/err" "not each said"
run out err nindex --db "$TMP/f3" --rebuild "$TMP/again.jsonl"
check "flood, rebuild: exit 0" is "$rc" 0
check "flood, rebuild: published" contains "$TMP/out" "; published gen-000001"
check "flood, rebuild: 100 lines" is "$(again err)" 100
check "flood, rebuild: then one" contains "$TMP/err" "again.jsonl: and 150 more ids read again"
check "flood, rebuild: every one counted" contains "$TMP/out" "; 250 warnings"

# Older copies in one file: the update says each against the article
# indexed, the rebuild against the copy read; both stop at 100.
run out err nindex --db "$TMP/s1" "$TMP/stale.jsonl"
check "older flood: exit 0" is "$rc" 0
check "older flood: 100 lines" is "$(grep -c "is older" "$TMP/err")" 100
check "older flood: then one" contains "$TMP/err" \
    "stale.jsonl: and 150 more older copies not applied, not each said (--verbose says each)"
check "older flood: every one counted" contains "$TMP/out" "; 250 stale"
run out err nindex --db "$TMP/s2" --rebuild "$TMP/stale.jsonl"
check "older flood, rebuild: published" contains "$TMP/out" "; published gen-000001"
check "older flood, rebuild: 100 lines" is "$(grep -c "is older" "$TMP/err")" 100
check "older flood, rebuild: then one" contains "$TMP/err" "stale.jsonl: and 150 more older copies not applied"
check "older flood, rebuild: the newest kept" is "$(title_of "$TMP/s2" r1)" Newest
run out err nindex --db "$TMP/s3" --verbose "$TMP/stale.jsonl"
check "older flood: --verbose says each" is "$(grep -c "is older" "$TMP/err")" 250

# Bad records and ids read again share a file's 100 lines and its one
# line after them.
run out err nindex --db "$TMP/m" "$TMP/mixed.jsonl"
check "mixed: exit 3" is "$rc" 3
check "mixed: 60 bad records said" is "$(grep -c 'missing id$' "$TMP/err")" 60
check "mixed: then 40 ids read again" is "$(again err)" 40
check "mixed: one line for the rest" contains "$TMP/err" \
    "mixed.jsonl: and 110 more ids read again, not each said (--verbose says each)"

finish
