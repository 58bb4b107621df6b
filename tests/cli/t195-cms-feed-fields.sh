#!/bin/sh
# t195-cms-feed-fields.sh - What CMSs write into feeds, exports and front
# matter, read as their formats mean it.
#  - Atom type="xhtml": the <div> around the text was stored as part of a
#    title ("<div>Quay tolls & fees rise</div>", found by title:div), and
#    the elements inside lost their attributes, so a Jetpack share box, a
#    "Continue reading" link and hidden text were indexed, where the same
#    post of type="html" left them out.
#  - WordPress: a WXR post whose text is only in <excerpt:encoded> had an
#    empty body (its REST API copy, the same post, had the excerpt), and
#    a REST post's modified_gmt was not when it last changed, so an older
#    copy of the API's output undid a correction.
#  - Front matter: lastmod (Hugo), last_modified_at (Jekyll), updated and
#    modified were never when the post last changed, so an older copy of
#    a Markdown post replaced a correction.
. "$(dirname "$0")/lib.sh"
F=$TMP/feeds
mkdir -p "$F"

# FIELD of article ID in DB.
field() {
    nsearch --db "$1" --json --no-collapse "id:$2" | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
v = hits[0][sys.argv[1]] if hits else None
print("" if v is None else v)' "$3"
}
# The ids of the articles QUERY finds in DB, sorted.
ids() {
    nsearch --db "$1" --json --no-collapse --limit 20 "$2" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# --- Atom xhtml ------------------------------------------------------------

# One entry as xhtml and as html, with the same furniture.
furniture='<p>The harbour board raised quay tolls for visiting yachts.</p>
<div class="sharedaddy"><h3>Share this:</h3><p>Facebook Twitter</p></div>
<p><a class="more-link" href="https://port.example/quay">Continue reading <span class="screen-reader-text">Quay tolls rise</span></a></p>
<p hidden="hidden">Hiddenword text</p><p style="display:none">Stylehidden text</p>'
escaped=$(printf '%s' "$furniture" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
cat >"$F/quay.atom" <<EOF2
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Port News</title><id>urn:port</id><updated>2026-12-05T10:00:00Z</updated>
<entry><id>urn:port:xhtml</id><updated>2026-12-05T10:00:00Z</updated>
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Quay <em>tolls</em> &amp; fees rise</div></title>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">$furniture</div></content></entry>
<entry><id>urn:port:html</id><updated>2026-12-05T10:00:00Z</updated>
<title type="html">Quay &lt;em&gt;tolls&lt;/em&gt; &amp;amp; fees rise again</title>
<content type="html">$escaped</content></entry>
</feed>
EOF2
run out err nindex --db "$TMP/atom" "$F/quay.atom"
check "atom: exit 0" is "$rc" 0
check "atom: both added" contains "$TMP/out" "2 added"
check "atom xhtml: the title without its <div>" \
    is "$(field "$TMP/atom" urn:port:xhtml title)" "Quay tolls & fees rise"
check "atom xhtml: title:div finds nothing" is "$(ids "$TMP/atom" title:div)" ""
check "atom: both bodies found" \
    is "$(ids "$TMP/atom" yachts)" "urn:port:html urn:port:xhtml"
for w in share facebook continue hiddenword stylehidden; do
    check "atom: '$w' (furniture) is in neither body" \
        is "$(ids "$TMP/atom" $w)" ""
done

# --- WordPress ---------------------------------------------------------------

cat >"$F/site.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Port News</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Lighthouse keeper retires</title><link>https://port.example/keeper/</link><pubDate>Fri, 04 Dec 2026 09:00:00 +0000</pubDate>
<description></description>
<content:encoded><![CDATA[]]></content:encoded>
<excerpt:encoded><![CDATA[After forty winters the <em>lighthouse</em> keeper hands over the lamp to a marigold automaton.]]></excerpt:encoded>
<wp:post_id>12</wp:post_id><wp:post_date_gmt>2026-12-04 09:00:00</wp:post_date_gmt><wp:post_modified_gmt>2026-12-04 10:00:00</wp:post_modified_gmt>
<wp:post_name>keeper</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
EOF2
run out err nindex --db "$TMP/wxr" "$F/site.xml"
check "wxr: exit 0" is "$rc" 0
check "wxr: the excerpt is the body of a post without content" \
    is "$(ids "$TMP/wxr" marigold)" "keeper"

# rest FILE TITLE MODIFIED_GMT: the API's copy of a post.
rest() {
    python3 - "$@" <<'PY'
import json, sys
path, title, modified = sys.argv[1:4]
json.dump([{"id": 12, "slug": "keeper", "type": "post", "status": "publish",
            "link": "https://port.example/keeper/",
            "date_gmt": "2026-12-04T09:00:00", "modified_gmt": modified,
            "title": {"rendered": title},
            "content": {"rendered": "", "protected": False},
            "excerpt": {"rendered": "<p>After forty winters the keeper hands over the lamp to a marigold automaton.</p>"}}],
          open(path, "w"))
PY
}
rest "$F/new.json" "Lighthouse keeper retires, corrected" 2026-12-04T15:00:00
rest "$F/old.json" "Lighthouse keeper retires" 2026-12-04T09:30:00
run out err nindex --db "$TMP/rest" "$F/new.json"
check "rest: exit 0" is "$rc" 0
check "rest: modified_gmt is when it last changed" \
    is "$(field "$TMP/rest" keeper updated)" "2026-12-04T15:00:00Z"
run out err nindex --db "$TMP/rest" "$F/old.json"
check "rest: an older copy is counted stale" contains "$TMP/out" "; 1 stale"
check "rest: ... and the correction stays" \
    is "$(field "$TMP/rest" keeper title)" "Lighthouse keeper retires, corrected"

# --- Front matter ------------------------------------------------------------

# post DIR NAME KEY WHEN TITLE: a Markdown post dated 2026-12-01 that last
# changed at WHEN.
post() {
    mkdir -p "$1"
    cat >"$1/$2.md" <<EOF2
---
title: "$5"
date: 2026-12-01T08:00:00Z
$3: $4
---
The tide tables for the outer harbour are printed in the almanac.
EOF2
}
for key in lastmod last_modified_at updated modified; do
    post "$F/md-new" $key $key 2026-12-03T15:00:00Z "Tide tables, corrected"
    post "$F/md-old" $key $key 2026-12-02T09:00:00Z "Tide tables"
done
run out err nindex --db "$TMP/md" "$F/md-new"
check "front matter: exit 0" is "$rc" 0
for key in lastmod last_modified_at updated modified; do
    check "front matter: $key is when it last changed" \
        is "$(field "$TMP/md" $key.md updated)" "2026-12-03T15:00:00Z"
    check "front matter: $key leaves the date as it is" \
        is "$(field "$TMP/md" $key.md date)" "2026-12-01T08:00:00Z"
done
mv "$F/md-old" "$F/md-new.old" && mv "$F/md-new" "$F/md-kept" &&
    mv "$F/md-new.old" "$F/md-new"
run out err nindex --db "$TMP/md" "$F/md-new"
check "front matter: the older copies are counted stale" \
    contains "$TMP/out" "; 4 stale"
check "front matter: ... and the corrections stay" \
    is "$(ids "$TMP/md" 'title:corrected')" \
    "last_modified_at.md lastmod.md modified.md updated.md"

mkdir -p "$F/md-bad"
printf -- '---\ntitle: "Tide"\ndate: 2026-12-01T08:00:00Z\nlastmod: sometime soon\n---\nThe tide tables of the inner harbour.\n' >"$F/md-bad/b.md"
run out err nindex --db "$TMP/mdbad" "$F/md-bad"
check "front matter: a lastmod that does not read: the post is indexed" \
    contains "$TMP/out" "1 added"
check "front matter: ... with a warning" contains "$TMP/err" \
    "b.md:4: field 'lastmod': unparsable date 'sometime soon': left out"
check "front matter: ... and no updated time" \
    is "$(field "$TMP/mdbad" b.md updated)" ""

finish
