#!/bin/sh
# t172-stale-update.sh - An older copy of an article sent again (a cached
# Atom feed, a delayed export) replaced the newer one: a JSON Lines record's
# "updated" was not read, and Atom's <updated> was only a date for want of
# <published>, so a correction was undone with "1 replaced", exit 0.  Now
# a record older than the article indexed (both say when they changed) is
# not applied: warned, counted "stale", exit 0, and --prune still runs.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

rec() { # rec ID TITLE [UPDATED]
    if [ $# -ge 3 ]; then
        printf '{"id":"%s","title":"%s","body":"Storm text: %s.","updated":"%s"}\n' \
            "$1" "$2" "$2" "$3"
    else
        printf '{"id":"%s","title":"%s","body":"Storm text: %s."}\n' "$1" "$2" "$2"
    fi
}
title_of() { # title_of DB ID: the stored title of ID
    nsearch --db "$1" --json "storm" |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print([h["title"] for h in d["hits"] if h["id"]==sys.argv[1]][0])' "$2"
}
stale_said="is older (updated 2026-12-01T09:30:00Z) than the one indexed (updated 2026-12-01T15:00:00Z): kept the newer"

# One file, the same id twice: the newer first.
{ rec s1 Corrected 2026-12-01T15:00Z; rec s1 First 2026-12-01T09:30Z; } >"$TMP/newfirst.jsonl"
run out err nindex --db "$TMP/a" "$TMP/newfirst.jsonl"
check "newer first: exit 0" is "$rc" 0
check "newer first: the older is counted stale" contains "$TMP/out" \
    "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "newer first: the summary says stale" contains "$TMP/out" \
    "; 1 stale (older than the article indexed: kept the newer)"
check "newer first: the warning names the copy compared with" contains "$TMP/err" \
    "newfirst.jsonl:2: article 's1' is older (updated 2026-12-01T09:30:00Z) than its copy at line 1 (updated 2026-12-01T15:00:00Z): kept the newer"
check "newer first: no 'this one replaces it'" lacks "$TMP/err" "replaces it"
check "newer first: the correction is kept" is "$(title_of "$TMP/a" s1)" Corrected
nsearch --db "$TMP/a" --json storm >"$TMP/hits.json"
check "--json hits show updated" json hits.json \
    'd["hits"][0]["updated"] == "2026-12-01T15:00:00Z"'

# The older first: the later line is newer and replaces it, as before.
{ rec s1 First 2026-12-01T09:30Z; rec s1 Corrected 2026-12-01T15:00Z; } >"$TMP/oldfirst.jsonl"
run out err nindex --db "$TMP/b" "$TMP/oldfirst.jsonl"
check "older first: exit 0" is "$rc" 0
check "older first: 1 added, 1 replaced" contains "$TMP/out" "1 added, 1 replaced, 0 unchanged"
check "older first: nothing stale" lacks "$TMP/out" "stale"
check "older first: the correction is kept" is "$(title_of "$TMP/b" s1)" Corrected

# The older copy sent again the next night, with a dry run first.
rec s1 First 2026-12-01T09:30Z >"$TMP/late.jsonl"
run out err nindex --db "$TMP/b" --dry-run "$TMP/late.jsonl"
check "dry run: forecasts stale" contains "$TMP/out" "0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "dry run: ... and says it" contains "$TMP/out" "; 1 stale"
check "dry run: warns the same" contains "$TMP/err" "late.jsonl:1: article 's1' $stale_said"
run out err nindex --db "$TMP/b" "$TMP/late.jsonl"
check "resent older: exit 0" is "$rc" 0
check "resent older: 0 replaced, 1 stale" contains "$TMP/out" "0 added, 0 replaced, 0 unchanged"
check "resent older: counted stale" contains "$TMP/out" "; 1 stale"
check "resent older: warned" contains "$TMP/err" "late.jsonl:1: article 's1' $stale_said"
check "resent older: the correction stays" is "$(title_of "$TMP/b" s1)" Corrected

# Equal times, or a time missing on either side: replaced as always.
rec s1 Equal 2026-12-01T15:00:00Z >"$TMP/equal.jsonl"
run out err nindex --db "$TMP/b" "$TMP/equal.jsonl"
check "equal times: replaced" contains "$TMP/out" "0 added, 1 replaced"
check "equal times: the new text" is "$(title_of "$TMP/b" s1)" Equal
rec s1 Untimed >"$TMP/untimed.jsonl"
run out err nindex --db "$TMP/b" "$TMP/untimed.jsonl"
check "incoming without updated: replaced" contains "$TMP/out" "0 added, 1 replaced"
check "incoming without updated: nothing stale" lacks "$TMP/out" "stale"
rec s1 Timed 2020-01-01T00:00Z >"$TMP/timed.jsonl"
run out err nindex --db "$TMP/b" "$TMP/timed.jsonl"
check "stored without updated: replaced by any" contains "$TMP/out" "0 added, 1 replaced"
check "stored without updated: the new text" is "$(title_of "$TMP/b" s1)" Timed

# A stale record is no skipped one: --prune still prunes, exit 0, and the
# article it names is live and stays.
{ rec s1 Corrected 2026-12-01T15:00Z; rec s2 Other; rec s3 Gone; } >"$TMP/p1.jsonl"
nindex --quiet --db "$TMP/p" "$TMP/p1.jsonl"
{ rec s1 First 2026-12-01T09:30Z; rec s2 Other; } >"$TMP/p2.jsonl"
run out err nindex --db "$TMP/p" --prune --max-delete-share 50 "$TMP/p2.jsonl"
check "prune: exit 0 with a stale record" is "$rc" 0
check "prune: the article gone is pruned" contains "$TMP/out" "1 unchanged, 1 deleted, 0 skipped"
check "prune: stale counted" contains "$TMP/out" "; 1 stale"
check "prune: the stale one's article stays" is "$(title_of "$TMP/p" s1)" Corrected

# A rebuild compares with nothing live, but of two copies keeps the newer.
run out err nindex --db "$TMP/r" --rebuild "$TMP/newfirst.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: stale counted" contains "$TMP/out" "; 1 stale"
check "rebuild: warned" contains "$TMP/err" \
    "newfirst.jsonl:2: article 's1' is older (updated 2026-12-01T09:30:00Z) than its copy at line 1 (updated 2026-12-01T15:00:00Z): kept the newer"
check "rebuild: the newer kept" is "$(title_of "$TMP/r" s1)" Corrected

# An "updated" that does not read is left out with a warning; the article
# is indexed.
rec s9 Oddly "next tuesday" >"$TMP/bad.jsonl"
run out err nindex --db "$TMP/x" "$TMP/bad.jsonl"
check "bad updated: exit 0" is "$rc" 0
check "bad updated: the article is added" contains "$TMP/out" "1 added"
check "bad updated: warned" contains "$TMP/err" \
    "bad.jsonl:1: field 'updated': unparsable date 'next tuesday': left out"

# Atom: a feed re-sent from a cache, its entry's <updated> older.
feed() { # feed FILE UPDATED TITLE
    cat >"$1" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id>
<updated>$2</updated>
<entry><id>urn:a1</id><title>$3</title><updated>$2</updated>
<published>2026-12-01T08:00:00Z</published><content>Storm text $3.</content></entry>
</feed>
EOF
}
feed "$TMP/new.atom" 2026-12-01T12:00:00Z Correction
feed "$TMP/old.atom" 2026-12-01T10:00:00Z Original
nindex --quiet --db "$TMP/f" "$TMP/new.atom"
run out err nindex --db "$TMP/f" "$TMP/old.atom"
check "atom older: exit 0" is "$rc" 0
check "atom older: not replaced" contains "$TMP/out" "0 added, 0 replaced, 0 unchanged"
check "atom older: counted stale" contains "$TMP/out" "; 1 stale"
check "atom older: warned" contains "$TMP/err" \
    "old.atom:4: article 'urn:a1' is older (updated 2026-12-01T10:00:00Z) than the one indexed (updated 2026-12-01T12:00:00Z): kept the newer"
check "atom older: the correction stays" is "$(title_of "$TMP/f" urn:a1)" Correction
nindex --quiet --db "$TMP/g" "$TMP/old.atom"
run out err nindex --db "$TMP/g" "$TMP/new.atom"
check "atom newer: replaced" contains "$TMP/out" "0 added, 1 replaced"
check "atom newer: the correction is in" is "$(title_of "$TMP/g" urn:a1)" Correction

# A JSON Feed's date_modified.
jf() { # jf FILE MODIFIED TITLE
    printf '{"version":"https://jsonfeed.org/version/1.1","title":"Desk","items":[{"id":"j1","title":"%s","content_text":"Storm text %s.","date_published":"2026-12-01T08:00:00Z","date_modified":"%s"}]}\n' \
        "$3" "$3" "$2" >"$1"
}
jf "$TMP/new.json" 2026-12-01T12:00:00Z Correction
jf "$TMP/old.json" 2026-12-01T10:00:00Z Original
nindex --quiet --db "$TMP/j" "$TMP/new.json"
run out err nindex --db "$TMP/j" "$TMP/old.json"
check "json feed older: counted stale" contains "$TMP/out" "0 replaced, 0 unchanged"
check "json feed older: warned" contains "$TMP/err" "article 'j1' is older (updated 2026-12-01T10:00:00Z)"
check "json feed older: the correction stays" is "$(title_of "$TMP/j" j1)" Correction

# WordPress's post_modified_gmt (UTC with no zone); 0000-00-00 is none.
wxr() { # wxr FILE MODIFIED TITLE
    cat >"$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>$3</title><content:encoded><![CDATA[<p>Storm text $3.</p>]]></content:encoded>
<wp:post_name>gallery</wp:post_name><wp:post_date_gmt>2025-09-01 10:00:00</wp:post_date_gmt>
<wp:post_modified_gmt>$2</wp:post_modified_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
EOF
}
wxr "$TMP/w-new.xml" "2025-09-02 12:00:00" Correction
wxr "$TMP/w-old.xml" "2025-09-02 08:00:00" Original
wxr "$TMP/w-zero.xml" "0000-00-00 00:00:00" Zeroed
nindex --quiet --db "$TMP/w" "$TMP/w-new.xml"
run out err nindex --db "$TMP/w" "$TMP/w-old.xml"
check "wxr older: counted stale" contains "$TMP/out" "; 1 stale"
check "wxr older: warned" contains "$TMP/err" \
    "article 'gallery' is older (updated 2025-09-02T08:00:00Z) than the one indexed (updated 2025-09-02T12:00:00Z)"
check "wxr older: the correction stays" is "$(title_of "$TMP/w" gallery)" Correction
run out err nindex --db "$TMP/w" "$TMP/w-zero.xml"
check "wxr 0000-00-00: no time, replaced" contains "$TMP/out" "0 added, 1 replaced"
check "wxr 0000-00-00: no warning" lacks "$TMP/err" "updated"

# /v1/articles/{id} shows the stored updated.
rm -rf "$TMP/db"
cp -a "$TMP/f" "$TMP/db"
check "nsearchd starts" start_server
get art.json /v1/articles/urn:a1
check "/v1/articles shows updated" json art.json \
    'd["updated"] == "2026-12-01T12:00:00Z"'


# A later copy of the run is said against the copy it met: one read before
# in the run (named by its place; in a dry run too), or the one indexed,
# when the copy read before was itself older than that.
rec s5 Corrected 2026-12-01T15:00Z >"$TMP/c1.jsonl"
rec s5 First 2026-12-01T09:30Z >"$TMP/c2.jsonl"
run out err nindex --db "$TMP/later" --dry-run "$TMP/c1.jsonl" "$TMP/c2.jsonl"
check "dry run: the later copy against the earlier file" contains "$TMP/err" \
    "c2.jsonl:1: article 's5' is older (updated 2026-12-01T09:30:00Z) than its copy at $TMP/c1.jsonl:1 (updated 2026-12-01T15:00:00Z): kept the newer"
run out err nindex --db "$TMP/later" "$TMP/c1.jsonl" "$TMP/c2.jsonl"
check "run: the later copy against the earlier file" contains "$TMP/err" \
    "c2.jsonl:1: article 's5' is older (updated 2026-12-01T09:30:00Z) than its copy at $TMP/c1.jsonl:1 (updated 2026-12-01T15:00:00Z): kept the newer"
check "run: not said against the index" lacks "$TMP/err" "than the one indexed"
{ rec s5 First 2026-12-01T09:30Z; rec s5 Draft 2026-12-01T08:00Z; } >"$TMP/c3.jsonl"
run out err nindex --db "$TMP/later" "$TMP/c3.jsonl"
check "both older: 2 stale" contains "$TMP/out" "; 2 stale"
check "both older: the second against the one indexed" contains "$TMP/err" \
    "c3.jsonl:2: article 's5' is older (updated 2026-12-01T08:00:00Z) than the one indexed (updated 2026-12-01T15:00:00Z): kept the newer"

finish
