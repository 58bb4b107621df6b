#!/bin/sh
# t231-feed-text-characters.sh - A feed's plain text as publishers write it.
#  - Windows-1252 references, "owner&#146;s", "&#150;", "&#128;5m", in a
#    title, byline, category or description without markup were stored as
#    spaces ("Miles O Brien", "The mayor s plan costs 5m"): only text
#    that went through the HTML parser had them read as browsers read
#    them.  They are read so in every field of RSS, Atom, RDF, JSON Feed
#    and WordPress's exports and API.
#  - JSON Feed titles, author names and tags (WordPress's plugin writes
#    get_the_title()) kept "&#8217;" and "&amp;" as written; they are read
#    once, as an RSS title, byline or category is.  content_text is text.
#  - JSON Feed titles, author names and tags (WordPress's plugin writes
#    get_the_title()) kept "&#8217;" and "&amp;" as written; they are read
#    once, as an RSS title, byline or category is.  content_text is text.
. "$(dirname "$0")/lib.sh"
F=$TMP/feeds
mkdir -p "$F"

# FIELD of article ID in DB ("tags" joined with "|").
field() {
    nsearch --db "$1" --json --no-collapse "id:$2" | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
v = hits[0].get(sys.argv[1]) if hits else None
print("" if v is None else "|".join(v) if isinstance(v, list) else v)' "$3"
}
# The text nsearch shows for article ID in DB.
shown() {
    nsearch --db "$1" --related 0 --no-collapse "id:$2"
}

# --- windows-1252 references in plain feed text ----------------------------

cat >"$F/plain.rss" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><guid>r1</guid><title>Caf&#233; owner&#146;s &#147;big&#148; plan &#150; zqent1</title>
<dc:creator>Miles O&#146;Brien</dc:creator><category>Arts &#150; Culture</category>
<description>The mayor&#146;s plan costs &#128;5m</description></item>
</channel></rss>
EOF2
cat >"$F/plain.atom" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-12-05T10:00:00Z</updated>
<entry><id>urn:t:a1</id><updated>2026-12-05T10:00:00Z</updated>
<title>Harbour&#146;s toll &#150; zqent2</title><author><name>Miles O&#146;Brien</name></author>
<summary>The harbour&#146;s fee rises&#133;</summary></entry>
</feed>
EOF2
cat >"$F/plain.rdf" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://t.example/"><title>T</title><link>https://t.example/</link><description>T</description></channel>
<item rdf:about="https://t.example/d1"><title>Quay&#146;s lights zqent3</title><link>https://t.example/d1</link>
<description>The quay&#146;s lamps.</description><dc:subject>Port &#150; News</dc:subject></item>
</rdf:RDF>
EOF2
cat >"$F/site.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Port News</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Ferry&#146;s last run zqent4</title><link>https://port.example/ferry/</link>
<dc:creator>Ed O&#146;Neil</dc:creator>
<content:encoded><![CDATA[The ferry makes its last run.]]></content:encoded>
<category domain="category" nicename="harbour">Harbour &#150; Port</category>
<wp:post_id>12</wp:post_id><wp:post_date_gmt>2026-12-04 09:00:00</wp:post_date_gmt>
<wp:post_name>ferry</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
EOF2
python3 - "$F/feed.json" "$F/api.json" <<'PY'
import json, sys
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "T",
           "items": [{"id": "j1", "title": "Pier\u0092s new lamps zqent5",
                      "content_text": "The pier\u0092s lamps cost \u00805m.",
                      "authors": [{"name": "Ann O\u0092Hara"}]}]},
          open(sys.argv[1], "w"))
json.dump([{"id": 40, "slug": "dock", "type": "post", "status": "publish",
            "link": "https://port.example/dock/", "date_gmt": "2026-12-04T09:00:00",
            "title": {"rendered": "Dock zqent6"},
            "content": {"rendered": "<p>The dock opens.</p>", "protected": False},
            "_embedded": {"author": [{"name": "Ed O\u0092Neil"}]}}],
          open(sys.argv[2], "w"))
PY
run out err nindex --db "$TMP/c1" "$F/plain.rss" "$F/plain.atom" "$F/plain.rdf" \
    "$F/site.xml" "$F/feed.json" "$F/api.json"
check "c1: exit 0" is "$rc" 0
check "c1: all six added" contains "$TMP/out" "6 added"
check "rss: title" is "$(field "$TMP/c1" r1 title)" "Café owner’s “big” plan – zqent1"
check "rss: dc:creator" is "$(field "$TMP/c1" r1 author)" "Miles O’Brien"
check "rss: category" is "$(field "$TMP/c1" r1 section)" "Arts – Culture"
shown "$TMP/c1" r1 >"$TMP/r1.txt"
check "rss: description" contains "$TMP/r1.txt" "The mayor’s plan costs €5m"
run out err nsearch --db "$TMP/c1" --json "owner’s"
check "rss: owner’s finds it, one word" contains "$TMP/out" '<mark>owner’s</mark>'
check "atom: title" is "$(field "$TMP/c1" urn:t:a1 title)" "Harbour’s toll – zqent2"
check "atom: author" is "$(field "$TMP/c1" urn:t:a1 author)" "Miles O’Brien"
shown "$TMP/c1" urn:t:a1 >"$TMP/a1.txt"
check "atom: summary" contains "$TMP/a1.txt" "The harbour’s fee rises…"
check "rdf: title" is "$(field "$TMP/c1" https://t.example/d1 title)" "Quay’s lights zqent3"
check "rdf: dc:subject" is "$(field "$TMP/c1" https://t.example/d1 section)" "Port – News"
check "wxr: title" is "$(field "$TMP/c1" ferry title)" "Ferry’s last run zqent4"
check "wxr: dc:creator" is "$(field "$TMP/c1" ferry author)" "Ed O’Neil"
check "wxr: category" is "$(field "$TMP/c1" ferry section)" "Harbour – Port"
check "json feed: title" is "$(field "$TMP/c1" j1 title)" "Pier’s new lamps zqent5"
check "json feed: author" is "$(field "$TMP/c1" j1 author)" "Ann O’Hara"
shown "$TMP/c1" j1 >"$TMP/j1.txt"
check "json feed: content_text" contains "$TMP/j1.txt" "The pier’s lamps cost €5m."
check "wp api: author" is "$(field "$TMP/c1" dock author)" "Ed O’Neil"
# --- JSON Feed titles, names and tags, HTML-escaped by WordPress -------------

python3 - "$F/wp.json" <<'PY'
import json, sys
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "T",
           "items": [{"id": "w1",
                      "title": "Mayor&#8217;s &#8220;plan&#8221; &#8211; AT&amp;T",
                      "content_text": "Plain text keeps &amp; as written.",
                      "authors": [{"name": "Ed O&#039;Neil"}],
                      "tags": ["Arts &amp; Culture", "Q&amp;A"]},
                     {"id": "w2", "title": "AT&T and Q&A stay",
                      "content_text": "Unescaped text."}]},
          open(sys.argv[1], "w"))
PY
run out err nindex --db "$TMP/jf" "$F/wp.json"
check "json feed: exit 0" is "$rc" 0
check "json feed: title read once" is "$(field "$TMP/jf" w1 title)" \
    "Mayor’s “plan” – AT&T"
check "json feed: author name read once" is "$(field "$TMP/jf" w1 author)" "Ed O'Neil"
check "json feed: first tag, the section" is "$(field "$TMP/jf" w1 section)" \
    "Arts & Culture"
run out err nsearch --db "$TMP/jf" --json 'tag:"Q&A"'
check "json feed: other tags, tag:\"Q&A\" finds it" contains "$TMP/out" '"id":"w1"'
shown "$TMP/jf" w1 >"$TMP/w1.txt"
check "json feed: content_text stays literal" contains "$TMP/w1.txt" \
    "Plain text keeps &amp; as written."
check "json feed: an unescaped title as written" \
    is "$(field "$TMP/jf" w2 title)" "AT&T and Q&A stay"
run out err nsearch --db "$TMP/jf" --json 'section:"Arts & Culture"'
check "json feed: section:\"Arts & Culture\" finds it" contains "$TMP/out" '"id":"w1"'
finish
