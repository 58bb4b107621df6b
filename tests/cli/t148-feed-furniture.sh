#!/bin/sh
# t148-feed-furniture.sh - Furniture a feed item's HTML or a saved page
# holds as text: the link to the rest of the story at the end of every
# item of an excerpt feed ("Continue reading...", "Read More »", Slashdot's
# "Read more of this story at Slashdot.") is not indexed, so searching for
# "continue" or "reading" no longer finds every item; the same words in a
# sentence of a story still find it.
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

finish
