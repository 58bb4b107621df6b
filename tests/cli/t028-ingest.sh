#!/bin/sh
# t028-ingest.sh - What news sites publish, through nindex and nsearch:
# feeds, WordPress exports, HTML pages, JSON arrays and Markdown, chosen by
# content as well as by name; what a walk ignores and what is broken is
# reported and counted; snippets show no markup.
. "$(dirname "$0")/lib.sh"
S=$TMP/site
mkdir -p "$S/posts"

# The issue's cases: a feed named on the command line, .html files in a
# directory, a JSON array, Hugo front matter with markup in the body.
cp "$SAMPLES/feeds/lokalnytt.rss" "$S/feed"          # no extension
cp "$SAMPLES/pages/harbour-bridge-repairs.html" "$S/posts/"
cp "$SAMPLES/json/wire-roundup.json" "$S/posts/"
cat >"$S/posts/budsjett.md" <<'MD'
---
title: Bystyret vedtok budsjettet
slug: bystyret-budsjett
categories: [Politikk, Lokalt]
lastmod: 2025-09-18T10:00:00Z
lang: no
---
Bystyret vedtok [budsjettet](https://example.org/budsjett) med **knapt**
flertall etter en lang debatt om <strong>skolene</strong>.

## Hva *skjer* nå

Rådmannen skal legge fram en `plan` for skolebyggene før jul.
MD
cat >"$S/posts/utkast.md" <<'MD'
---
title: Not published
draft: true
---
Body of a draft.
MD
printf 'just notes\n' >"$S/posts/notes"
printf '\211PNG\r\n' >"$S/posts/logo.png"

run out err nindex --db "$TMP/db" "$S"
check "walk: exit 0 with nothing broken" is "$rc" 0
check "walk: all articles added" contains "$TMP/out" "7 added"
check "walk: the ignored file and the draft counted" contains "$TMP/out" "0 skipped, 2 ignored"
check "walk: no warning, none counted" lacks "$TMP/out" "warning"
check "walk: the draft named" contains "$TMP/err" "posts/utkast.md: ignored: a draft"
check "walk: a file of unknown type named, with why" contains "$TMP/err" "posts/notes: ignored"
# An image is a site's file: passed over by its extension, counted in one
# line, not one warning a file (t248).
check "walk: an image passed over, counted" contains "$TMP/err" "passed over 1 site file"

run j1 e1 nsearch --db "$TMP/db" --json --snippet-len 400 "budsjettet"
check "markdown: found" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
h = d["hits"][0]
ok = (h["id"] == "bystyret-budsjett" and h["section"] == "Politikk"
      and h["date"] == "2025-09-18T10:00:00Z")
sys.exit(0 if ok else 1)' "$TMP/j1"
check "snippet: no Markdown or HTML markup" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
h = d["hits"][0]
bad = ["](", "**", "<strong>", "`", "https://example.org/budsjett", "##", "*skjer*"]
s = h["snippet"] + h["snippet_html"]
sys.exit(1 if any(b in s for b in bad) else 0)' "$TMP/j1"
check "snippet: the link text stays" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if "vedtok <mark>budsjettet</mark> med knapt flertall" in d["hits"][0]["snippet_html"] else 1)' "$TMP/j1"
run j2 e2 nsearch --db "$TMP/db" --json "strong"
check "markup words are not searchable" python3 -c 'import json,sys
sys.exit(0 if json.load(open(sys.argv[1]))["total"] == 0 else 1)' "$TMP/j2"
run j3 e3 nsearch --db "$TMP/db" --json "heading:skjer"
check "markdown heading without marks" python3 -c 'import json,sys
sys.exit(0 if json.load(open(sys.argv[1]))["total"] == 1 else 1)' "$TMP/j3"
run j4 e4 nsearch --db "$TMP/db" --json "hurtigbåtrute"
check "feed without extension indexed" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["hits"] and d["hits"][0]["id"] == "lokalnytt-hurtigbat-oyene" else 1)' "$TMP/j4"
run j5 e5 nsearch --db "$TMP/db" --json --snippet-len 400 "diversions"
check "page: snippet has no nav or tags" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
h = d["hits"][0]
ok = h["id"] == "posts/harbour-bridge-repairs.html" and "<nav" not in h["snippet"] and "Most read" not in h["snippet"] and "Home" not in h["snippet"]
sys.exit(0 if ok else 1)' "$TMP/j5"

# Broken inputs: each costs its item, the rest is indexed, exit 3.
B=$TMP/broken
mkdir -p "$B"
cat >"$B/feed.rss" <<'XML'
<rss version="2.0"><channel><language>en</language>
<item><guid>ok-1</guid><title>First fine item</title></item>
<item><guid>bad-2</guid><title>Caf&bogus; with an undefined entity</title></item>
<item><guid>ok-3</guid><title>Third fine item &mdash; caf&eacute; &amp; bar</title></item>
<item><guid>bad-4</guid><title>Cut off
XML
printf '<html><body><nav>Menu only</nav></body></html>\n' >"$B/menu.html"
printf '[{"id": "a1", "title": "Array one"}, {"title": "no id"}, {"id": "a3", "title": "Array three"}]\n' >"$B/arr.json"
run out err nindex --db "$TMP/db2" "$B"
check "broken: exit 3" is "$rc" 3
check "broken: the good ones added" contains "$TMP/out" "4 added"
check "broken: four skipped" contains "$TMP/out" "4 skipped"
check "broken: undefined entity with line and item" contains "$TMP/err" "feed.rss:3: item 2: Entity 'bogus' not defined"
check "broken: HTML's entities are no error" lacks "$TMP/err" "eacute"
run j6 e6 nsearch --db "$TMP/db2" --json "café bar"
check "broken: the item after it whole, its entities read" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if [h["title"] for h in d["hits"]] == ["Third fine item \u2014 caf\u00e9 & bar"] else 1)' "$TMP/j6"
check "broken: truncated item" contains "$TMP/err" "feed.rss:6: item 4:"
check "broken: page without article text" contains "$TMP/err" "menu.html: no article text"
check "broken: array item" contains "$TMP/err" "arr.json:1: item 2: missing id"

# A file named on the command line is sniffed too.
run out err nindex --db "$TMP/db3" "$SAMPLES/feeds/city-desk.atom"
check "atom named: exit 0" is "$rc" 0
check "atom named: two entries" contains "$TMP/out" "2 added"
# Blank lines before "<?xml" (a WordPress plugin's, a classic) are no
# error: every item, no skipped record (a prune would be refused for
# ever), and an item's error still names its own line.  A Latin-1 feed
# so is decoded as Latin-1.
mkdir -p "$TMP/ws"
printf '\n\n<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>c</title>\n<item><guid>w1</guid><title>Blank line feed</title><description>Harbour text.</description></item>\n<item><guid>w2</guid><title>Bad &bogus; one</title></item>\n</channel></rss>\n' >"$TMP/ws/blank.rss"
printf '\n<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>c</title><item><guid>l1</guid><title>S\370ndag i Troms\370</title></item></channel></rss>\n' >"$TMP/ws/latin1.rss"
run out err nindex --db "$TMP/ws.db" "$TMP/ws"
check "blank before <?xml: the good items read" contains "$TMP/out" "2 added"
check "blank before <?xml: only the bad item skipped" contains "$TMP/out" "1 skipped"
check "blank before <?xml: no error outside an item" lacks "$TMP/err" "XML declaration"
check "blank before <?xml: the bad item at its own line" \
    contains "$TMP/err" "blank.rss:6: item 2:"
check "blank before <?xml: Latin-1 decoded" \
    is "$(nsearch --db "$TMP/ws.db" --json --related 0 'søndag' |
        python3 -c 'import json,sys; print(" ".join(h["title"] for h in json.load(sys.stdin)["hits"]))')" \
    "Søndag i Tromsø"

# RSS 2.0 categories with a domain (the URI of the publisher's taxonomy,
# as the Guardian and the New York Times give every one) are categories:
# the first the section, the rest tags.  In a WordPress export a
# taxonomy other than category and post_tag (post_format) is neither.
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>g</title><item><guid>g1</guid><title>Drone attack on Kyiv</title><category domain="https://www.theguardian.com/world/ukraine">Ukraine</category><category domain="https://www.theguardian.com/world/russia">Russia</category></item></channel></rss>\n' >"$TMP/guardian.rss"
printf '<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>w</title><item><title>Ferry post</title><link>https://example.org/ferry-post/</link><guid isPermaLink="false">https://example.org/?p=7</guid><wp:post_id>7</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category><category domain="category" nicename="harbour"><![CDATA[Harbour]]></category><category domain="post_tag" nicename="ferry"><![CDATA[ferry]]></category></item></channel></rss>\n' >"$TMP/wxr.xml"
run out err nindex --db "$TMP/cat.db" "$TMP/guardian.rss" "$TMP/wxr.xml"
check "categories with a domain: indexed" is "$rc" 0
check "category domain URI: the first is the section" \
    is "$(nsearch --db "$TMP/cat.db" --json --related 0 'section:ukraine' |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" "g1"
check "category domain URI: the rest are tags" \
    is "$(nsearch --db "$TMP/cat.db" --json --related 0 'tag:russia' |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" "g1"
check "WXR post_format: not the section" \
    is "$(nsearch --db "$TMP/cat.db" --json --related 0 'ferry' |
        python3 -c 'import json,sys; print(" ".join(str(h["section"]) for h in json.load(sys.stdin)["hits"]))')" "Harbour"
# What hand-made feeds and WordPress exports hold.  RSS <author> is an
# address with the name; an undeclared prefix costs nothing; relative
# links are resolved against xml:base; shortcodes are no text; a guid met
# again in another form replaces the first copy and is named, and one met
# again as it was is not.
H=$TMP/hand
mkdir -p "$H"
cat >"$H/hand.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0" xml:base="https://example.org/news/"><channel><title>Hand</title>
<atom:link href="https://example.org/hand.rss" rel="self"/>
<item><guid>h1</guid><title>Lighthouse keeper retires (old copy)</title><description>Old lighthouse text.</description></item>
<item><guid>h2</guid><title>Quay repairs</title><link>quay</link><author>desk@example.com</author><dc:creator>Ola Berg</dc:creator><description>Quay repairs start.</description></item>
<item><guid>h1</guid><title>Lighthouse keeper retires</title><link>/2025/lighthouse</link><author>jdoe@example.com (Jane Doe)</author><media:content url="https://example.org/l.jpg"><media:title>Lamp photo</media:title></media:content><description>The lighthouse keeper retires.</description></item>
<item><guid>h2</guid><title>Quay repairs</title><link>quay</link><author>desk@example.com</author><dc:creator>Ola Berg</dc:creator><description>Quay repairs start.</description></item>
</channel></rss>
XML
cat >"$H/wp.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>W</title>
<item><title>Pier festival</title><content:encoded><![CDATA[<p>The pier festival drew crowds.</p>
[caption id="attachment_9" align="alignnone" width="300"]<img src="p.jpg" width="300" /> Dancers on the pier[/caption]
[embed]https://www.youtube.com/watch?v=zebrafish[/embed]]]></content:encoded><wp:post_name>pier-festival</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
XML
run out err nindex --db "$TMP/hand.db" "$H"
check "hand-made: exit 0, nothing skipped" is "$rc" 0
check "hand-made: three added, h1 and h2 again, nothing ignored" contains "$TMP/out" \
    "3 added, 1 replaced, 1 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "hand-made: the guid again in another form named" contains "$TMP/err" \
    "hand.rss:6: id 'h1' again, unlike its copy at line 4: this one replaces it"
check "hand-made: the same item again is not" lacks "$TMP/err" "'h2' again"
check "hand-made: the summary counts the warning" contains "$TMP/out" \
    "articles/s); 1 warning"
check "hand-made: no namespace error" lacks "$TMP/err" "Namespace prefix"
run out err nindex --db "$TMP/hand.db" "$H"
check "the next run: the two forms of h1 replace each other, named" \
    contains "$TMP/out" "0 added, 2 replaced, 3 unchanged, 0 deleted, 0 skipped"
check "... named again" contains "$TMP/err" "id 'h1' again"
hits() { nsearch --db "$TMP/hand.db" --json --related 0 "$@" | python3 -c 'import json,sys
print("|".join("%s %s %s %s" % (h["id"], h["title"], h["author"], h["url"]) for h in json.load(sys.stdin)["hits"]))'; }
check "hand-made: the later copy, the name, the link resolved" is \
    "$(hits lighthouse)" \
    "h1 Lighthouse keeper retires Jane Doe https://example.org/2025/lighthouse"
check "author: finds the name" is "$(hits 'author:"jane doe"' | cut -d' ' -f1)" h1
check "an address alone: dc:creator is the byline; relative to xml:base" \
    is "$(hits quay)" "h2 Quay repairs Ola Berg https://example.org/news/quay"
check "author: no address" is "$(hits 'author:example' | cut -c1-2)" ""
check "media:title is not indexed" is "$(hits lamp)" ""
check "shortcode: the caption's text is searchable" \
    is "$(hits dancers | cut -d' ' -f1)" pier-festival
check "shortcode: its tags and the embed URL are not" \
    is "$(hits attachment_9)$(hits zebrafish)$(hits alignnone)" ""

# Titles and descriptions as CMSs write them.  A title's "<" and "&" are
# characters, and "a<b" opens no tag; HTML escaped twice (WordPress's
# "&amp;lt;p&amp;gt;") is read as HTML, its tags neither shown nor
# searchable; "address (Name) (remark)" is the name.  Atom's type says:
# "text" is never HTML, "html" one layer of it.
E=$TMP/escaped
mkdir -p "$E"
cat >"$E/f.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://ex.org/</link>
<item><title>Profits &lt; forecasts at AT&amp;T</title><link>https://ex.org/1</link><description>Body one about profits.</description><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><author>ed@ex.org (Jane Roe) (Politics desk)</author></item>
<item><title>Shares &amp;lt;b&amp;gt;soar&amp;lt;/b&amp;gt; today</title><link>https://ex.org/2</link><description>&amp;lt;p&amp;gt;Double escaped &amp;lt;b&amp;gt;body&amp;lt;/b&amp;gt; text.&amp;lt;/p&amp;gt;</description><pubDate>Mon, 02 Jun 2025 11:00:00 GMT</pubDate></item>
<item><title>x &lt;3 y and a&lt;b</title><link>https://ex.org/3</link><description>Love &lt;3 wins; 5 &lt; 6 &amp; 7 &gt; 2</description></item>
</channel></rss>
XML
cat >"$E/f.atom" <<'XML'
<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><id>a1</id><title type="html">Ferry &lt;3 fares and c&lt;d</title><author><name>Ola Berg (NTB)</name></author><summary>&amp;lt;p&amp;gt;Ferry fares &amp;lt;strong&amp;gt;fall&amp;lt;/strong&amp;gt; again.&amp;lt;/p&amp;gt;</summary></entry>
<entry><id>a2</id><title type="text">Why &lt;p&gt; tags matter</title><summary type="html">Write &amp;lt;em&amp;gt; for stress in tramlines.</summary></entry>
</feed>
XML
run out err nindex --db "$TMP/esc.db" "$E"
check "escaped: every item, nothing skipped" contains "$TMP/out" "5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
shown() { nsearch --db "$TMP/esc.db" --json --related 0 --limit 10 "$@" | python3 -c 'import json,sys
print("|".join("%s / %s / %s" % (h["title"], h["author"], h["snippet"]) for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"])))'; }
check "escaped: the author is the name alone" \
    is "$(shown profits)" "Profits < forecasts at AT&T / Jane Roe / Body one about profits."
check "escaped twice: title and body read as HTML" \
    is "$(shown soar)" "Shares soar today / None / Double escaped body text."
check "escaped: a<b in a title kept" \
    is "$(shown wins)" "x <3 y and a<b / None / Love <3 wins; 5 < 6 & 7 > 2"
check "atom: html title's c<d kept, a summary escaped twice read" \
    is "$(shown ferry)" "Ferry <3 fares and c<d / Ola Berg (NTB) / Ferry fares fall again."
check "atom: type=text and type=html as written" \
    is "$(shown tramlines)" "Why <p> tags matter / None / Write <em> for stress in tramlines."
check "escaped twice: tag names not searchable" is "$(shown strong)" ""

# An RSS 2.0 feed with neither xml:base nor its own address: a relative
# link is its site's page, the channel's <link>.  Two sites' items with no
# guid and the same relative link were one id, and the second replaced
# the first.
S=$TMP/sites
mkdir -p "$S"
for site in alpha beta; do
    cat >"$S/$site.rss" <<XML
<?xml version="1.0"?>
<rss version="2.0"><channel><title>$site</title>
<link>
  https://$site.example/
</link>
<item><title>Harbour story from $site</title><link>/2025/harbour</link><description>The harbour story of $site.</description></item>
</channel></rss>
XML
done
cat >"$S/self.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>S</title>
<link>https://site.example/</link><atom:link href="https://feeds.example/news/self.rss" rel="self"/>
<item><title>Tide tables</title><link>tides</link><description>The tide tables.</description></item>
</channel></rss>
XML
run out err nindex --db "$TMP/sites.db" "$S"
check "two sites, one relative link: both kept" contains "$TMP/out" \
    "3 added, 0 replaced"
sites() { nsearch --db "$TMP/sites.db" --json --related 0 "$@" | python3 -c 'import json,sys
print("|".join("%s %s" % (h["id"], h["url"]) for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"])))'; }
check "the channel's <link>, spaces around it, is the base" \
    is "$(sites harbour)" \
    "https://alpha.example/2025/harbour https://alpha.example/2025/harbour|https://beta.example/2025/harbour https://beta.example/2025/harbour"
check "the feed's own address comes first" is "$(sites tide)" \
    "https://feeds.example/news/tides https://feeds.example/news/tides"
finish
