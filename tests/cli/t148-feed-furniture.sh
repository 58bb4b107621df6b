#!/bin/sh
# t148-feed-furniture.sh - Furniture a feed item's HTML or a saved page
# holds as text: the link to the rest of the story at the end of every
# item of an excerpt feed ("Continue reading...", "Read More »", Slashdot's
# "Read more of this story at Slashdot.") is not indexed, so searching for
# "continue" or "reading" no longer finds every item; the same words in a
# sentence of a story still find it.  The title, login and date Drupal
# prints at the head of every item's HTML are not indexed either, nor a
# BBC page's player fallback, screen-reader labels and "More on this
# story" / "Related topics" boxes (another story's headline found it).
. "$(dirname "$0")/lib.sh"

cat >"$TMP/more.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World news</title><link>https://news.example/world</link>
<item><title>Fjord ferry strike enters third week</title><link>https://news.example/world/fjord-ferry-strike</link><description>&lt;p&gt;Ferry crews in western Norway have extended their walkout into a third week.&lt;/p&gt; &lt;a href="https://news.example/world/fjord-ferry-strike"&gt;Continue reading...&lt;/a&gt;</description></item>
<item><title>Five things to do this weekend</title><link>https://harbourgazette.example/five-things/</link><description><![CDATA[The winter market opens on Saturday with forty stalls &#8230; <a href="https://harbourgazette.example/five-things/" class="more-link">Continue reading<span class="screen-reader-text"> "Five things to do this weekend"</span></a>]]></description></item>
<item><title>Lantern parade route announced</title><link>https://harbourgazette.example/lantern/</link><description><![CDATA[<p>The parade will start at the church at five. &#8230; <a href="https://harbourgazette.example/lantern/" class="read-more">Read More &#187;</a></p>]]></description></item>
<item><title>Ferry operator goes electric</title><link>https://tech.slashdot.example/story/1</link><description>An anonymous reader quotes a report: "The ferry operator has switched to electric boats." &lt;p&gt;&lt;a href="https://tech.slashdot.example/story/1"&gt;Read more of this story&lt;/a&gt; at Slashdot.&lt;/p&gt;</description></item>
<item><title>Library extends opening hours</title><link>https://harbourgazette.example/library/</link><description><![CDATA[<p>Pupils can continue reading in the library until nine.</p>]]></description></item>
</channel></rss>
XML
run out err nindex --quiet --db "$TMP/db" "$TMP/more.xml"
check "more links: the feed is indexed" is "$rc" 0
check "more links: every item is stored" \
    is "$(nsearch --db "$TMP/db" --json 'ferry OR market OR parade OR library' | jq .total)" 5
check "more links: 'continue reading' finds only the sentence that says it" \
    is "$(nsearch --db "$TMP/db" --json 'continue OR reading' | jq -r '[.hits[].title] | join("|")')" \
    "Library extends opening hours"
check "more links: 'read more' and Slashdot find nothing" \
    is "$(nsearch --db "$TMP/db" --json '"read more" OR slashdot' | jq .total)" 0
check "more links: the story's own text is stored" \
    is "$(nsearch --db "$TMP/db" --json '"switched to electric boats"' | jq .total)" 1

# Drupal 8+'s default feed: the node's RDFa title, author and date.
cat >"$TMP/drupal.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://drupal.example/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Valley Council</title><link>https://drupal.example/</link><description></description><language>en</language>
<item><title>Budget consultation opens</title><link>https://drupal.example/news/budget-consultation-opens</link>
<description>&lt;span property=&quot;schema:name&quot;&gt;Budget consultation opens&lt;/span&gt;
&lt;span rel=&quot;schema:author&quot;&gt;&lt;span lang=&quot;&quot; about=&quot;/user/3&quot; typeof=&quot;schema:Person&quot; property=&quot;schema:name&quot; datatype=&quot;&quot;&gt;webeditor&lt;/span&gt;&lt;/span&gt;
&lt;span property=&quot;schema:dateCreated&quot; content=&quot;2026-12-04T09:15:02+00:00&quot;&gt;Fri, 12/04/2026 - 09:15&lt;/span&gt;
&lt;div property=&quot;schema:text&quot; class=&quot;field field--name-body&quot;&gt;&lt;p&gt;Residents can now comment on next year's budget.&lt;/p&gt;&lt;/div&gt;
&lt;ul class=&quot;links inline&quot;&gt;&lt;li&gt;&lt;a href=&quot;/news/budget-consultation-opens&quot; rel=&quot;tag&quot;&gt;Read more&lt;span class=&quot;visually-hidden&quot;&gt; about Budget consultation opens&lt;/span&gt;&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;</description>
<pubDate>Fri, 04 Dec 2026 09:15:02 +0000</pubDate><dc:creator>webeditor</dc:creator><guid isPermaLink="false">42 at https://drupal.example</guid></item>
</channel></rss>
XML
run out err nindex --quiet --db "$TMP/dru" "$TMP/drupal.xml"
check "drupal: the feed is indexed" is "$rc" 0
run out err nsearch --db "$TMP/dru" --json --snippet-len 300 budget
check "drupal: the body is the story's text alone" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" \
    "Residents can now comment on next year's budget."
check "drupal: the author is still the item's" \
    is "$(jq -r '.hits[0].author' "$TMP/out")" "webeditor"
check "drupal: the date as Drupal prints it is no text" \
    is "$(nsearch --db "$TMP/dru" --json '"12/04/2026"' | jq .total)" 0

cat >"$TMP/bbc.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Storm Bert: Waves crash over sea wall - BBC News</title>
<link rel="canonical" href="https://www.bbc.co.uk/news/videos/c9xyz"></head><body>
<main id="main-content"><article>
<h1>Storm Bert: Waves crash over sea wall</h1>
<div data-component="video-block"><figure><div class="media-player"><p>This video can not be played</p><p>To play this video you need to enable JavaScript in your browser.</p></div><figcaption><span class="ssrcss-1f39n02-VisuallyHidden">Media caption, </span>Waves crashed over the sea wall on Saturday morning</figcaption></figure></div>
<div data-component="text-block"><p>Huge waves have battered the Welsh coast, and residents in Porthcawl were told to stay indoors.</p></div>
<section data-component="links-block"><h2>More on this story</h2><ul><li><a href="/news/a">Thousands without power as storm hits</a></li><li><a href="/news/b">Rail lines close after landslip</a></li></ul></section>
<section data-component="tag-list"><h2>Related topics</h2><ul><li><a href="/news/topics/weather">Weather</a></li></ul></section>
</article></main></body></html>
HTML
run out err nindex --quiet --db "$TMP/bbc" "$TMP/bbc.html"
check "bbc: the page is indexed" is "$rc" 0
check "bbc: the story and its caption are found" \
    is "$(nsearch --db "$TMP/bbc" --json 'porthcawl AND "sea wall on saturday"' | jq .total)" 1
check "bbc: the player's fallback is not" \
    is "$(nsearch --db "$TMP/bbc" --json 'javascript OR played' | jq .total)" 0
check "bbc: the screen-reader label is not" \
    is "$(nsearch --db "$TMP/bbc" --json '"media caption"' | jq .total)" 0
check "bbc: another story's headline does not find it" \
    is "$(nsearch --db "$TMP/bbc" --json '"rail lines close" OR landslip OR topics' | jq .total)" 0

finish
