#!/bin/sh
# t029-html-pages.sh - HTML article pages as news sites save them, through
# nindex and nsearch: the story is found among teaser <article>s, a page
# labelled ISO-8859-1 in windows-1252 keeps its punctuation, a page whose
# JSON-LD does not parse is still indexed, related posts, share buttons,
# newsletter boxes and ads are not searchable, and the story's date, title
# and standfirst win over the site's ticker, name and masthead.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

# A breaking-news teaser before the story, more teasers after it.
cat >"$P/teasers.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Main story | Site</title></head><body>
<div class="breaking"><article class="teaser"><h3><a href="/b">Breaking: volcano erupts</a></h3></article></div>
<main>
<article class="story"><h1>Main story headline</h1><p>The main story is about a pelican.</p><p>It has two paragraphs.</p></article>
<section class="more"><h2>More news</h2>
<article class="teaser"><h3>Teaser about a jackal</h3><p>Teaser text.</p></article>
</section>
</main></body></html>
HTML

# windows-1252 bytes (0x92 0x93 0x94 0x96 0x85, 0xE9) under ISO-8859-1.
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>t</title></head><body><article><h1>The mayor\222s \223big\224 day \226 caf\351</h1><p>It\222s a walrus\205 really.</p></article></body></html>\n' >"$P/cp1252.html"

# JSON-LD with a trailing comma.
cat >"$P/ld-comma.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site</title>
<script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Trailing comma headline",}
</script></head><body><article><h1>Trailing comma headline</h1><p>Body text with a mongoose.</p></article></body></html>
HTML

# The blocks around a story.
cat >"$P/furniture.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mayor quits</title></head><body>
<div class="ad-slot" id="ad-top">ADVERTISEMENT Buy flamingo insurance today</div>
<article class="post">
 <h1 class="entry-title">Mayor quits amid audit</h1>
 <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
 <div class="entry-content">
  <p>The deputy mayor, a known axolotl breeder, will take over.</p>
  <h2>What the audit found</h2>
  <p>Auditors flagged 14 contracts at a shared address.</p>
  <div class="newsletter-signup">Sign up for our newsletter wolverine</div>
 </div>
 <div class="related-posts"><h3>Related</h3><ul><li><a href="/x">Council budget fight marmoset</a></li></ul></div>
</article></body></html>
HTML

# Declared UTF-8, with one Latin-1 byte pasted in: the byte is read as
# windows-1252, as in a text file, and the letters after it stay as written.
printf '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Bl\303\245b\303\246r</title></head><body><article><h1>Bl\303\245b\303\246rsesongen</h1><p>F\303\270rste avsnitt om bl\303\245b\303\246r.</p><p>Caf\351 i sentrum selger bl\303\245b\303\246rpai.</p><p>Sjekk v\303\246ret f\303\270r du g\303\245r p\303\245 tur.</p></article></body></html>\n' \
    >"$P/stray.html"
run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0
check "pages: every page added" contains "$TMP/out" "5 added"
check "bad JSON-LD: said, with the page and the block" contains "$TMP/err" \
    "ld-comma.html: JSON-LD block 1 does not parse:"
check "bad JSON-LD: one warning, for that page" is \
    "$(grep -c 'JSON-LD' "$TMP/err")" 1

# total QUERY: the number of hits.
total() {
    nsearch --db "$TMP/db" --json "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

check "teasers: the story is found" is "$(total pelican)" 1
check "teasers: the teaser before it is not the body" is "$(total volcano)" 0
check "teasers: nor the ones after it" is "$(total jackal)" 0

run j1 e1 nsearch --db "$TMP/db" --json walrus
check "cp1252: punctuation kept, words apart" python3 - "$TMP/j1" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == "The mayor\u2019s \u201cbig\u201d day \u2013 caf\u00e9", h["title"]
assert "It\u2019s a walrus\u2026 really" in h["snippet"], h["snippet"]
PY

check "bad JSON-LD: the page is still searchable" is "$(total mongoose)" 1
check "stray byte in UTF-8: the words after it found" \
    is "$(total 'blåbærpai AND været')" 1
run j2 e2 nsearch --db "$TMP/db" --json --snippet-len 2000 blåbærpai
check "stray byte in UTF-8: windows-1252 for the byte, the rest as written" \
    python3 - "$TMP/j2" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
s = h["snippet"]
assert "Caf\u00e9 i sentrum selger bl\u00e5b\u00e6rpai" in s, s
assert "v\u00e6ret f\u00f8r du g\u00e5r" in s and "\u00c3" not in s, s
PY

check "furniture: the story is found" is "$(total axolotl)" 1
check "furniture: 'shared address' stays" is "$(total "shared address")" 1
for w in marmoset wolverine flamingo facebook tweet heading:related; do
    check "furniture: '$w' is not searchable" is "$(total "$w")" 0
done
check "furniture: the story's own heading" is "$(total "heading:audit")" 1
# A class that only mentions a comment thread or a sidebar is no such
# block: an opinion piece ("story--commentary"), the WordPress class of a
# "Comment" desk's article ("category-comment"), a layout without a
# sidebar.  Each hid the whole story ("no article text").  A real thread
# and sidebar ("commentlist", "widget-area sidebar-1") are still cut.
mkdir -p "$TMP/op"
cat >"$TMP/op/commentary.html" <<'EOF'
<html><head><title>Op-ed</title></head><body><article><div class="story story--commentary"><h1>Why the tram matters</h1><p>The ocelot tram line will change the city.</p></div></article></body></html>
EOF
cat >"$TMP/op/desk.html" <<'EOF'
<html><head><title>Desk</title></head><body><article class="post-12 post type-post hentry category-comment"><h1>Our view on rents</h1><p>Rents rise for the pangolin district.</p></article></body></html>
EOF
cat >"$TMP/op/layout.html" <<'EOF'
<html><head><title>Layout</title></head><body><main><div class="container layout-no-sidebar has-sidebar"><h1>Bridge repairs</h1><p>The tapir bridge closes in May.</p></div><ol class="commentlist"><li>I saw a narwhal there</li></ol><div class="widget-area sidebar-1"><p>Popular: wombat news</p></div></main></body></html>
EOF
run out err nindex --db "$TMP/op.db" "$TMP/op"
check "commentary, category-comment, no-sidebar: all read" is "$rc" 0
for w in ocelot pangolin tapir; do
    check "class only mentioning comment/sidebar: '$w' found" \
        is "$(nsearch --db "$TMP/op.db" --json "$w" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 1
done
for w in narwhal wombat; do
    check "a real comment list and sidebar: '$w' cut" \
        is "$(nsearch --db "$TMP/op.db" --json "$w" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 0
done
# JSON-LD fields written with HTML entities and tags (WordPress's
# texturised titles, schema plugins' articleBody) are text: before, the
# title was "Mayor&#8217;s &quot;green&quot; plan" and <p> was indexed.
cat >"$TMP/op/ld.html" <<'EOF'
<html><head><title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Mayor&#8217;s &quot;green&quot; plan &amp; the budget","author":{"@type":"Person","name":"Ann O&#039;Neill"},"datePublished":"2025-11-20T08:15:00+01:00","articleBody":"<p>The mayor&rsquo;s capybara plan was unveiled.</p><p>It costs 5m.</p>"}</script></head><body><article><h1>Mayor's plan</h1><p>The capybara plan.</p></article></body></html>
EOF
run out err nindex --db "$TMP/ld.db" "$TMP/op/ld.html"
nsearch --db "$TMP/ld.db" --json --related 0 capybara >"$TMP/ld.json"
check "JSON-LD with entities and tags: read as text" python3 - "$TMP/ld.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == 'Mayor\u2019s "green" plan & the budget', h["title"]
assert h["author"] == "Ann O'Neill", h["author"]
assert "<p>" not in h["snippet"] and "&rsquo;" not in h["snippet"], h["snippet"]
assert "mayor\u2019s capybara" in h["snippet"].lower().replace("**", ""), h["snippet"]
PY
# A date source that does not read gives way to a later one that does
# (JSON-LD "the 1st of December", then the meta tag's RFC 3339), and a
# <time> that is no date (a reading time, "PT4M") is no date: before,
# each cost the page.
cat >"$TMP/op/baddate.html" <<'EOF'
<html><head><title>x</title><meta property="article:published_time" content="2025-12-01T09:00:00+00:00"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Train strike called off","datePublished":"the 1st of December"}</script></head><body><article><h1>Train strike called off</h1><p>The okapi line runs again.</p></article></body></html>
EOF
cat >"$TMP/op/readtime.html" <<'EOF'
<html><head><title>Quokka census</title></head><body><article><h1>Quokka census</h1><time datetime="PT4M">4 min read</time><p>The quokka count rose.</p></article></body></html>
EOF
run out err nindex --db "$TMP/dates.db" "$TMP/op/baddate.html" "$TMP/op/readtime.html"
check "unreadable dates: both pages read" is "$rc" 0
check "a later date source that reads is the date" \
    is "$(nsearch --db "$TMP/dates.db" --json --related 0 okapi | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["date"])')" \
    "2025-12-01T09:00:00Z"
# A JSON-LD date with no zone or no time gives way to a later source that
# agrees with it and has them: "2025-09-04T14:32:05" beside the meta
# tag's "...+02:00" was stored two hours late, and a day alone kept the
# story at midnight.  A zoned JSON-LD date, or a later one that does not
# agree, is not replaced.
ldpage() { # FILE LD-DATE META-DATE WORD
    printf '<html><head><meta property="article:published_time" content="%s"><script type="application/ld+json">{"@type":"NewsArticle","headline":"%s report","datePublished":"%s"}</script></head><body><article><h1>%s report</h1><p>The %s count.</p></article></body></html>\n' \
        "$3" "$4" "$2" "$4" "$4" >"$TMP/op/$1.html"
}
ldpage floating "2025-09-04T14:32:05" "2025-09-04T14:32:05+02:00" tapir
ldpage dayonly "December 1, 2025" "2025-12-01T09:00:00+01:00" gecko
ldpage isoday "2025-12-01" "2025-12-01T09:00:00+01:00" ibis
ldpage zoned "2025-09-04T14:32:05Z" "2025-09-04T16:00:00+02:00" lemur
ldpage otherday "December 1, 2025" "2025-11-30T22:00:00+01:00" marmot
run out err nindex --db "$TMP/float.db" "$TMP/op/floating.html" "$TMP/op/dayonly.html" \
    "$TMP/op/isoday.html" "$TMP/op/zoned.html" "$TMP/op/otherday.html"
hitdate() {
    nsearch --db "$TMP/float.db" --json --related 0 "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["date"])'
}
check "no zone in JSON-LD: the meta tag's zone" is "$(hitdate tapir)" "2025-09-04T12:32:05Z"
check "a day alone in JSON-LD: the meta tag's time" is "$(hitdate gecko)" "2025-12-01T08:00:00Z"
check "an ISO day alone: the meta tag's time" is "$(hitdate ibis)" "2025-12-01T08:00:00Z"
check "a zoned JSON-LD date stays" is "$(hitdate lemur)" "2025-09-04T14:32:05Z"
check "a later date that does not agree: the first stays" is "$(hitdate marmot)" "2025-12-01T00:00:00Z"
check "a reading time is no date" \
    is "$(nsearch --db "$TMP/dates.db" --json --related 0 quokka | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["date"])')" "None"
# JSON-LD whose NewsArticle is a WebPage's mainEntity: before, not read,
# and the page had no date or author.
cat >"$TMP/op/main-entity.html" <<'EOF'
<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Dam repairs begin","datePublished":"2025-10-01T10:00:00Z","author":{"@type":"Person","name":"Kari Nordmann"}}}</script></head><body><article><h1>Dam repairs begin</h1><p>The binturong dam is fixed.</p></article></body></html>
EOF
run out err nindex --db "$TMP/me.db" "$TMP/op/main-entity.html"
nsearch --db "$TMP/me.db" --json --related 0 binturong >"$TMP/me.json"
check "JSON-LD mainEntity: its date and author" python3 - "$TMP/me.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["date"] == "2025-10-01T10:00:00Z", h["date"]
assert h["author"] == "Kari Nordmann", h["author"]
PY
# The story's own date, title and header among the site's: a ticker's
# <time> in the masthead came first and was the date; og:title with the
# site's name was the title over a clean <h1>; the standfirst in the
# article's <header> was cut with the masthead.
mkdir -p "$TMP/site"
cat >"$TMP/site/wp.html" <<'EOF'
<html><head><title>Bridge reopens | The Daily Planet</title><meta property="og:title" content="Bridge reopens | The Daily Planet"><meta property="og:site_name" content="The Daily Planet"></head><body>
<header class="site-header"><h1 class="site-title">The Daily Planet</h1><div class="ticker"><time datetime="2025-12-04T08:00:00Z">08:00</time> Storm warning</div></header>
<article><header class="entry-header"><h1>Bridge reopens</h1><p class="standfirst">The gharial crossing is open again.</p><time class="entry-date published" datetime="2025-11-20T10:00:00+00:00">20 Nov</time><time class="updated" datetime="2025-11-21T10:00:00+00:00">21 Nov</time><div class="share-buttons">Share on Pinterest</div></header>
<div class="entry-content"><p>Traffic resumes on Monday.</p></div></article></body></html>
EOF
cat >"$TMP/site/vg.html" <<'EOF'
<html><head><meta charset="utf-8"><meta property="og:title" content="Ferja står – VG"></head><body>
<div class="last-updated">Oppdatert <time datetime="2025-12-04T08:00:00Z">i dag</time></div>
<article><h1>Ferja står</h1><p><time itemprop="datePublished" datetime="2025-11-02T07:30:00+01:00">2. nov.</time></p><p>Ferja med en hyrax står.</p></article></body></html>
EOF
cat >"$TMP/site/covid.html" <<'EOF'
<html><head><meta property="og:title" content="Covid-19 - what we know | Daily"><meta property="og:site_name" content="The Daily"></head><body><article><h1>Covid-19 - what we know</h1><p>The caracal ward reopens.</p></article></body></html>
EOF
run out err nindex --db "$TMP/site.db" "$TMP/site"
check "site pages: all read" is "$rc" 0
# hit WORD FIELD: FIELD of the one hit for WORD, else how many hits.
hit() {
    nsearch --db "$TMP/site.db" --json --related 0 "$1" | python3 -c '
import json, sys
h = json.load(sys.stdin)["hits"]
print(h[0].get(sys.argv[1]) if len(h) == 1 else "%d hits" % len(h))' "$2"
}
check "og:title with og:site_name: the headline" is "$(hit gharial title)" \
    "Bridge reopens"
check "WordPress: the published date, not the ticker's or 'updated'" \
    is "$(hit gharial date)" "2025-11-20T10:00:00Z"
check "article header: the standfirst is searchable" \
    is "$(hit "gharial crossing" title)" "Bridge reopens"
for w in pinterest storm; do
    check "article header: '$w' (share buttons, masthead) is not" \
        is "$(hit "$w" title)" "0 hits"
done
check "og:title '... – VG' over the <h1>: the <h1>" is "$(hit hyrax title)" \
    "Ferja står"
check "a 'last updated' line: the story's datePublished" \
    is "$(hit hyrax date)" "2025-11-02T06:30:00Z"
check "' - ' in a title stays; ' | Daily' goes, the rest being the <h1>" \
    is "$(hit caracal title)" "Covid-19 - what we know"
# Boxes of links in the story's text: a "Les også:" link, a most-read box
# and an advertisement's label were indexed as the story's words.  Prose
# that only starts like them stays.
cat >"$TMP/op/boxes.html" <<'EOF'
<html><head><meta charset="utf-8"><title>Tog innstilt</title></head><body><article><h1>Tog innstilt</h1><div class="body">
<p>Alle tog er innstilt, og en kudu sto i sporet.</p>
<p><strong>Les også:</strong> <a href="/a">Slik blir været for en dingo</a></p>
<div class="x-box"><h2>Mest lest</h2><ul><li><a href="/1">Kjendis og en quoll i krangel</a></li><li><a href="/2">Ny rekord</a></li></ul></div>
<div class="dfp"><span>ANNONSE</span><iframe src="x"></iframe></div>
<p>Les også hva ministeren sa om en numbat.</p>
</div></article></body></html>
EOF
run out err nindex --db "$TMP/boxes.db" "$TMP/op/boxes.html"
check "boxes: the page is read" is "$rc" 0
n() {
    nsearch --db "$TMP/boxes.db" --json "$1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
for w in dingo quoll annonse; do
    check "boxes: '$w' is not searchable" is "$(n "$w")" 0
done
for w in kudu numbat; do
    check "boxes: '$w' in the story's prose is" is "$(n "$w")" 1
done
finish
