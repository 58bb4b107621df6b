#!/bin/sh
# t189-html-modified.sh - An HTML article page's JSON-LD dateModified and
# its article:modified_time were not read: a page had no "updated", so an
# older saved copy of it (a mirror made the day before) replaced the
# corrected page, "1 replaced", exit 0.  Now they are read as "updated",
# with the same date parsing as datePublished, and an older copy is not
# applied, as for Atom, JSON Feed and WordPress.
. "$(dirname "$0")/lib.sh"

# page FILE TITLE HEAD: an article page with HEAD in its <head>.
page() {
    mkdir -p "$(dirname "$1")"
    cat >"$1" <<EOF
<!doctype html><html lang="en"><head><title>$2</title>
$3
</head><body><article><h1>$2</h1>
<p>Storm text for the harbour: $2, with enough words in it to be a story.</p>
</article></body></html>
EOF
}
ld() { # ld MODIFIED: a JSON-LD block with that dateModified
    printf '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%s","datePublished":"2026-12-01T08:00:00Z","dateModified":"%s"}</script>' \
        "$TITLE" "$1"
}
hit() { # hit DB FIELD: FIELD of the first hit for "storm"
    nsearch --db "$1" --json storm |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["hits"][0].get(sys.argv[1]) or "-")' "$2"
}
stale_said="article 'news/storm.html' is older (updated 2026-12-01T08:30:00Z) than the one indexed (updated 2026-12-01T14:00:00Z): kept the newer"

# JSON-LD dateModified: the corrected page, then an older saved copy.
TITLE="Storm corrected" page "$TMP/new/news/storm.html" "Storm corrected" \
    "$(TITLE="Storm corrected" ld 2026-12-01T15:00:00+01:00)"
TITLE="Storm first" page "$TMP/old/news/storm.html" "Storm first" \
    "$(TITLE="Storm first" ld 2026-12-01T09:30:00+01:00)"
run out err nindex --db "$TMP/a" "$TMP/new"
check "json-ld: indexed" contains "$TMP/out" "1 added"
check "json-ld: updated stored" is "$(hit "$TMP/a" updated)" 2026-12-01T14:00:00Z
check "json-ld: the date stays datePublished" is "$(hit "$TMP/a" date)" 2026-12-01T08:00:00Z
run out err nindex --db "$TMP/a" "$TMP/old"
check "json-ld older copy: exit 0" is "$rc" 0
check "json-ld older copy: not applied" contains "$TMP/out" "0 added, 0 replaced, 0 unchanged"
check "json-ld older copy: counted stale" contains "$TMP/out" "; 1 stale"
check "json-ld older copy: said" contains "$TMP/err" "old/news/storm.html: $stale_said"
check "json-ld older copy: the correction stays" is "$(hit "$TMP/a" title)" "Storm corrected"
# The other way round, the newer copy replaces the older.
nindex --quiet --db "$TMP/b" "$TMP/old"
run out err nindex --db "$TMP/b" "$TMP/new"
check "json-ld newer copy: replaces" contains "$TMP/out" "0 added, 1 replaced"
check "json-ld newer copy: the correction" is "$(hit "$TMP/b" title)" "Storm corrected"
# A rebuild of both mirrors keeps the newer, whichever is read first, and
# is published.
run out err nindex --db "$TMP/r" --rebuild "$TMP/new" "$TMP/old"
check "rebuild, newer first: exit 0" is "$rc" 0
check "rebuild, newer first: published" contains "$TMP/out" "; published gen-000001"
check "rebuild, newer first: the newer kept" is "$(hit "$TMP/r" title)" "Storm corrected"
run out err nindex --db "$TMP/r2" --rebuild "$TMP/old" "$TMP/new"
check "rebuild, older first: published" contains "$TMP/out" "; published gen-000001"
check "rebuild, older first: the newer kept" is "$(hit "$TMP/r2" title)" "Storm corrected"

# Each meta tag alone, in the forms a date is read in.
n=0
for tag in \
    '<meta property="article:modified_time" content="2026-12-01T15:00:00+01:00">' \
    '<meta property="og:updated_time" content="Tue, 01 Dec 2026 15:00:00 +0100">' \
    '<meta itemprop="dateModified" content="2026-12-01T14:00:00Z">' \
    '<div property="schema:dateModified" content="2026-12-01T14:00:00Z"></div>'; do
    n=$((n + 1))
    page "$TMP/m$n/new/news/storm.html" "Storm corrected" "$tag"
    page "$TMP/m$n/old/news/storm.html" "Storm first" \
        "$(echo "$tag" | sed 's/15:00:00/09:30:00/; s/14:00:00Z/08:30:00Z/')"
    nindex --quiet --db "$TMP/m$n/db" "$TMP/m$n/new"
    check "meta $n: updated stored" is "$(hit "$TMP/m$n/db" updated)" 2026-12-01T14:00:00Z
    run out err nindex --db "$TMP/m$n/db" "$TMP/m$n/old"
    check "meta $n: the older copy is stale" contains "$TMP/out" "; 1 stale"
    check "meta $n: the correction stays" is "$(hit "$TMP/m$n/db" title)" "Storm corrected"
done

# Day first, as a Norwegian CMS writes its dates.
TITLE=Storm page "$TMP/d/p.html" Storm "$(TITLE=Storm ld "01.12.2026 14:00")"
nindex --quiet --db "$TMP/d/db" "$TMP/d/p.html"
check "day first: read" is "$(hit "$TMP/d/db" updated)" 2026-12-01T14:00:00Z

# JSON-LD's before the meta tag's; one that does not read gives way to
# one that does; with none that reads, the article is indexed without it,
# and that is said.
TITLE=Storm page "$TMP/o/p.html" Storm \
    "$(TITLE=Storm ld 2026-12-01T14:00:00Z)<meta property=\"article:modified_time\" content=\"2026-12-02T10:00:00Z\">"
nindex --quiet --db "$TMP/o/db" "$TMP/o/p.html"
check "json-ld before meta" is "$(hit "$TMP/o/db" updated)" 2026-12-01T14:00:00Z
TITLE=Storm page "$TMP/u/p.html" Storm \
    "$(TITLE=Storm ld "last tuesday")<meta property=\"article:modified_time\" content=\"2026-12-01T14:00:00Z\">"
run out err nindex --db "$TMP/u/db" "$TMP/u/p.html"
check "unread json-ld: the meta tag's" is "$(hit "$TMP/u/db" updated)" 2026-12-01T14:00:00Z
check "unread json-ld: nothing said" lacks "$TMP/err" "updated"
TITLE=Storm page "$TMP/v/p.html" Storm "$(TITLE=Storm ld "last tuesday")"
run out err nindex --db "$TMP/v/db" "$TMP/v/p.html"
check "none reads: exit 0" is "$rc" 0
check "none reads: indexed" contains "$TMP/out" "1 added"
check "none reads: said" contains "$TMP/err" \
    "p.html: field 'updated': unparsable date 'last tuesday': left out"
check "none reads: no updated" is "$(hit "$TMP/v/db" updated)" -

finish
