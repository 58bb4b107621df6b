#!/bin/sh
# t195-cms-feed-fields.sh - What CMSs write into feeds, exports and front
# matter, read as their formats mean it.
#  - Atom type="xhtml": the <div> around the text was stored as part of a
#    title ("<div>Quay tolls & fees rise</div>", found by title:div), and
#    the elements inside lost their attributes, so a Jetpack share box, a
#    "Continue reading" link and hidden text were indexed, where the same
#    post of type="html" left them out.
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

finish
