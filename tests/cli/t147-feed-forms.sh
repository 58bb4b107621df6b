#!/bin/sh
# t147-feed-forms.sh - Feeds in the forms once lost without a word: Atom
# 0.3 (Blogger, Movable Type and TypePad, 2003-2006), a root of no format
# read, titles and descriptions that name an element as text ("Why
# <title> matters"), and Atom's <source> author (Planet feeds).
. "$(dirname "$0")/lib.sh"
S=$TMP/feeds
mkdir -p "$S/old" "$S/other"

cat >"$S/old/atom03.xml" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
  <title>Old Blog</title>
  <link rel="alternate" type="text/html" href="http://oldblog.example/"/>
  <modified>2005-03-01T10:00:00Z</modified>
  <author><name>Jane Roe</name></author>
  <entry>
    <title>Moving house</title>
    <link rel="alternate" type="text/html" href="http://oldblog.example/2005/03/moving"/>
    <id>tag:oldblog.example,2005:moving</id>
    <issued>2005-03-01T09:00:00Z</issued>
    <modified>2005-03-01T10:00:00Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;We packed the last boxes today.&lt;/p&gt;</content>
  </entry>
</feed>
EOF2
cat >"$S/other/other.xml" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://example.com/ns/feed-9"><entry><id>1</id><title>Lost</title></entry></feed>
EOF2

mkdir -p "$S/tags"
cat >"$S/tags/tag2.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tech desk</title><link>https://tech.example/</link>
<item><title>Why &lt;title&gt; matters for SEO</title><link>https://tech.example/5</link><description>Search engines read it first.</description></item>
<item><title>Q&amp;A: why browsers block &lt;script&gt; in SVG</title><link>https://tech.example/1</link><description>Chrome will block inline &lt;script&gt; tags in uploaded SVG files from March. Site owners who rely on them should move the code to separate files.</description></item>
<item><title>&lt;b&gt;Breaking&lt;/b&gt; Storm hits</title><link>https://tech.example/6</link><description>Wind.</description></item>
</channel></rss>
EOF2

# field QUERY KEY: KEY of every hit of QUERY, a line each.
field() {
    nsearch --db "$TMP/db" --json --limit 50 -- "$1" | python3 -c 'import json, sys
for h in json.load(sys.stdin)["hits"]: print(h.get(sys.argv[1]))' "$2"
}

run out err nindex --db "$TMP/db" "$S/old"
check "Atom 0.3: indexed" is "$rc" 0
check "Atom 0.3: one added" contains "$TMP/out" "1 added"
check "Atom 0.3: the entry found by its body" is "$(field boxes url)" \
    "http://oldblog.example/2005/03/moving"
check "Atom 0.3: the title" is "$(field boxes title)" "Moving house"
check "Atom 0.3: the feed's author" is "$(field 'author:"Jane Roe"' url)" \
    "http://oldblog.example/2005/03/moving"
check "Atom 0.3: <issued> is the date" is "$(field boxes date)" \
    "2005-03-01T09:00:00Z"

run out err nindex --db "$TMP/db2" "$S/other"
check "unknown root: said, with its namespace" contains "$TMP/err" \
    "other.xml:2: no item read: the root <feed> is in the namespace http://example.com/ns/feed-9"
check "unknown root: a skipped record" contains "$TMP/out" "1 skipped"

run out err nindex --db "$TMP/db3" "$S/tags"
field3() {
    nsearch --db "$TMP/db3" --json --limit 50 -- "$1" | python3 -c 'import json, sys
for h in json.load(sys.stdin)["hits"]: print(h.get(sys.argv[1]))' "$2"
}
check "a title naming <title> is kept whole" is \
    "$(field3 'title:seo' title)" "Why <title> matters for SEO"
check "a description with an unclosed <script> is kept whole" is \
    "$(field3 'separate files' url)" "https://tech.example/1"
check "a title's <b> is still markup" is "$(field3 breaking title)" \
    "Breaking Storm hits"

mkdir -p "$S/planet"
cat >"$S/planet/planet.xml" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Planet Harbour</title><id>https://planet.example/</id><updated>2026-12-05T10:00:00Z</updated>
<entry><title>Buoy maintenance day</title><link href="https://tom.example/buoys"/><id>https://tom.example/buoys</id>
<updated>2026-12-04T08:00:00Z</updated><summary>All the channel buoys were repainted on Tuesday.</summary>
<source><id>https://tom.example/feed</id><title>Tom's notes</title><author><name>Tom Reed</name></author></source></entry>
</feed>
EOF2
run out err nindex --db "$TMP/db4" "$S/planet"
check "Atom <source>: its author is the byline" is \
    "$(nsearch --db "$TMP/db4" --json --limit 5 -- 'author:"Tom Reed"' |
        python3 -c 'import json, sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" \
    "https://tom.example/buoys"

finish
