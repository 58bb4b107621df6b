#!/bin/sh
# t160-feed-podcast.sh - The text of podcast episodes and videos: a
# podcast feed's episodes often have an empty <description> and their
# text in <itunes:summary>, and a YouTube channel's feed has it in
# <media:group><media:description>.  Both were indexed with empty bodies,
# so no word of an episode's description found it.  Now the body falls
# back to <itunes:summary>, then <media:description> (also in
# <media:group> or <media:content>), then <itunes:subtitle>, and the
# author to <itunes:author>; an item's own description and author still
# come first.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/podcast.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
<title>The Documentary Podcast</title>
<link>https://www.bbc.co.uk/programmes/p02nq0lx</link>
<description>Stories from around the world.</description>
<language>en</language>
<itunes:author>BBC World Service</itunes:author>
<atom:link href="https://podcasts.files.bbci.co.uk/p02nq0lx.rss" rel="self" type="application/rss+xml"/>
<item>
<title>Saving the salmon of the Tana river</title>
<description></description>
<itunes:subtitle>Fishermen on the Tana</itunes:subtitle>
<itunes:summary>Sami fishermen on the border between Norway and Finland watch the wild Atlantic salmon disappear from their river.</itunes:summary>
<itunes:author>BBC World Service</itunes:author>
<itunes:duration>1583</itunes:duration>
<pubDate>Fri, 04 Dec 2026 09:00:00 GMT</pubDate>
<guid isPermaLink="false">urn:bbc:podcast:w3ct5d1a</guid>
<link>https://www.bbc.co.uk/programmes/w3ct5d1a</link>
<enclosure url="https://open.live.bbc.co.uk/mediaselector/6/redir/version/2.0/mediaset/audio-nondrm-download/proto/https/vpid/p0k1a2b3.mp3" length="25328000" type="audio/mpeg"/>
</item>
<item>
<title>The last lighthouse keepers</title>
<itunes:summary>&lt;p&gt;Lighthouse keepers on remote Scottish islands recall the decades before automation.&lt;/p&gt;</itunes:summary>
<itunes:author>Kirsty Lang</itunes:author>
<dc:creator>Anna Holligan</dc:creator>
<itunes:duration>00:26:30</itunes:duration>
<pubDate>Thu, 03 Dec 2026 09:00:00 GMT</pubDate>
<guid isPermaLink="false">urn:bbc:podcast:w3ct5d1b</guid>
<link>https://www.bbc.co.uk/programmes/w3ct5d1b</link>
</item>
<item>
<title>Dancing in Kinshasa</title>
<description>A night out in the capital of Congo.</description>
<itunes:summary>Rumba bands play until dawn in the bars of Matonge.</itunes:summary>
<itunes:author>Mpho Lakaje</itunes:author>
<pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate>
<guid isPermaLink="false">urn:bbc:podcast:w3ct5d1c</guid>
<link>https://www.bbc.co.uk/programmes/w3ct5d1c</link>
</item>
</channel>
</rss>
XML
run out err nindex --quiet --db "$TMP/pod" "$TMP/podcast.xml"
check "podcast: the feed is indexed" is "$rc" 0
check "podcast: every episode is stored" \
    is "$(nsearch --db "$TMP/pod" --json 'salmon OR lighthouse OR kinshasa' | jq .total)" 3
check "podcast: <itunes:summary> words find an episode with an empty <description>" \
    is "$(nsearch --db "$TMP/pod" --json '"wild atlantic salmon"' | jq -r '[.hits[].id] | join("|")')" \
    "urn:bbc:podcast:w3ct5d1a"
run out err nsearch --db "$TMP/pod" --json --snippet-len 300 finland
check "podcast: the body is the <itunes:summary>" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" \
    "Sami fishermen on the border between Norway and Finland watch the wild Atlantic salmon disappear from their river."
# author DB QUERY: the author of the first hit of QUERY in DB.
author() { nsearch --db "$1" --json "$2" | jq -r '.hits[0].author'; }
check "podcast: <itunes:author> is the author of an episode that names none" \
    is "$(author "$TMP/pod" salmon)" "BBC World Service"
run out err nsearch --db "$TMP/pod" --json --snippet-len 300 automation
check "podcast: HTML in <itunes:summary> is read as a description's is" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" \
    "Lighthouse keepers on remote Scottish islands recall the decades before automation."
check "podcast: the episode's <dc:creator> comes before its <itunes:author>" \
    is "$(author "$TMP/pod" lighthouse)" "Anna Holligan"
run out err nsearch --db "$TMP/pod" --json --snippet-len 300 capital
check "podcast: a real <description> stays the body" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" "A night out in the capital of Congo."
check "podcast: ... and the <itunes:summary> beside it is not indexed" \
    is "$(nsearch --db "$TMP/pod" --json 'rumba OR matonge' | jq .total)" 0
check "podcast: <itunes:author> of another episode with no other author" \
    is "$(author "$TMP/pod" kinshasa)" "Mpho Lakaje"

cat >"$TMP/videos.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id=UC16niRr50-MSBwiO3YDb3RA"/>
 <id>yt:channel:16niRr50-MSBwiO3YDb3RA</id>
 <yt:channelId>16niRr50-MSBwiO3YDb3RA</yt:channelId>
 <title>BBC News</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UC16niRr50-MSBwiO3YDb3RA"/>
 <author>
  <name>BBC News</name>
  <uri>https://www.youtube.com/channel/UC16niRr50-MSBwiO3YDb3RA</uri>
 </author>
 <published>2006-04-07T23:08:22+00:00</published>
 <entry>
  <id>yt:video:Qx3kP0aZ1mE</id>
  <yt:videoId>Qx3kP0aZ1mE</yt:videoId>
  <yt:channelId>UC16niRr50-MSBwiO3YDb3RA</yt:channelId>
  <title>Storm floods streets in Valencia</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=Qx3kP0aZ1mE"/>
  <author>
   <name>BBC News</name>
   <uri>https://www.youtube.com/channel/UC16niRr50-MSBwiO3YDb3RA</uri>
  </author>
  <published>2026-12-04T10:00:05+00:00</published>
  <updated>2026-12-04T11:30:12+00:00</updated>
  <media:group>
   <media:title>Storm floods streets in Valencia</media:title>
   <media:content url="https://www.youtube.com/v/Qx3kP0aZ1mE?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i2.ytimg.com/vi/Qx3kP0aZ1mE/hqdefault.jpg" width="480" height="360"/>
   <media:description>Torrential rain has turned the streets of Valencia into rivers &amp; cut power to thousands of homes.</media:description>
   <media:community>
    <media:starRating count="2114" average="5.00" min="1" max="5"/>
    <media:statistics views="98213"/>
   </media:community>
  </media:group>
 </entry>
 <entry>
  <id>yt:video:Lm8vT2bC4dQ</id>
  <yt:videoId>Lm8vT2bC4dQ</yt:videoId>
  <yt:channelId>UC16niRr50-MSBwiO3YDb3RA</yt:channelId>
  <title>Why are bees disappearing?</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=Lm8vT2bC4dQ"/>
  <author>
   <name>BBC News</name>
   <uri>https://www.youtube.com/channel/UC16niRr50-MSBwiO3YDb3RA</uri>
  </author>
  <published>2026-12-03T16:00:00+00:00</published>
  <updated>2026-12-03T16:05:00+00:00</updated>
  <media:group>
   <media:title>Why are bees disappearing?</media:title>
   <media:content url="https://www.youtube.com/v/Lm8vT2bC4dQ?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i3.ytimg.com/vi/Lm8vT2bC4dQ/hqdefault.jpg" width="480" height="360"/>
   <media:description>Pollinators are in decline across Europe. Our science correspondent explains what pesticides &lt;and&gt; farming have to do with it.</media:description>
   <media:community>
    <media:starRating count="880" average="5.00" min="1" max="5"/>
    <media:statistics views="40116"/>
   </media:community>
  </media:group>
 </entry>
</feed>
XML
run out err nindex --quiet --db "$TMP/yt" "$TMP/videos.xml"
check "youtube: the feed is indexed" is "$rc" 0
check "youtube: <media:description> words find the video" \
    is "$(nsearch --db "$TMP/yt" --json 'torrential AND power' | jq -r '[.hits[].url] | join("|")')" \
    "https://www.youtube.com/watch?v=Qx3kP0aZ1mE"
run out err nsearch --db "$TMP/yt" --json --snippet-len 300 pollinators
check "youtube: the body is the <media:description>, as plain text" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" \
    "Pollinators are in decline across Europe. Our science correspondent explains what pesticides <and> farming have to do with it."
check "youtube: the entry's own <author> is kept" \
    is "$(author "$TMP/yt" bees)" "BBC News"

# An Atom podcast feed: the entry's <itunes:author> comes before the
# feed's <author>.
cat >"$TMP/pod.atom" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<title>Morning Briefing</title><id>urn:mb</id><author><name>Harbour Radio</name></author>
<entry><title>Tuesday briefing</title><id>urn:mb:1</id><link href="https://radio.example/mb/1"/><updated>2026-12-01T06:00:00Z</updated>
<itunes:author>Siri Dahl</itunes:author><itunes:summary>Ferry tickets rise by ten percent.</itunes:summary></entry>
<entry><title>Wednesday special</title><id>urn:mb:2</id><link href="https://radio.example/mb/2"/><updated>2026-12-02T06:00:00Z</updated>
<source><title>Coast FM</title><id>urn:coast</id><author><name>Coast FM</name></author></source>
<itunes:author>Per Lie</itunes:author><itunes:summary>The coastal express turns ninety.</itunes:summary></entry>
</feed>
XML
run out err nindex --quiet --db "$TMP/atom" "$TMP/pod.atom"
check "atom podcast: the feed is indexed" is "$rc" 0
check "atom podcast: <itunes:author> comes before the feed's <author>" \
    is "$(author "$TMP/atom" briefing)" "Siri Dahl"
check "atom podcast: ... and before its <source>'s" \
    is "$(author "$TMP/atom" special)" "Per Lie"

# A news site's video items: Media RSS in <media:content>, or directly in
# the item (type="html"); <itunes:subtitle> for want of anything else.
cat >"$TMP/media.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Video</title><link>https://tv.example/</link>
<item><title>Harbour crane collapses</title><link>https://tv.example/v/1</link><description/>
<media:content url="https://tv.example/v/1.mp4" type="video/mp4" medium="video"><media:title>Crane</media:title><media:description>A crane toppled onto the quay in Drammen overnight.</media:description></media:content></item>
<item><title>Election night</title><link>https://tv.example/v/2</link>
<media:description type="html">&lt;p&gt;Voters queued &lt;b&gt;outside&lt;/b&gt; polling stations.&lt;/p&gt;</media:description>
<itunes:subtitle>Subtitle words never indexed</itunes:subtitle></item>
<item><title>Weather</title><link>https://tv.example/v/3</link><itunes:subtitle>Snow &amp; sleet for the coast by Sunday.</itunes:subtitle></item>
</channel></rss>
XML
run out err nindex --quiet --db "$TMP/mrss" "$TMP/media.xml"
check "media rss: the feed is indexed" is "$rc" 0
check "media rss: a <media:description> in <media:content> finds its item" \
    is "$(nsearch --db "$TMP/mrss" --json 'toppled AND drammen' | jq -r '[.hits[].url] | join("|")')" \
    "https://tv.example/v/1"
run out err nsearch --db "$TMP/mrss" --json --snippet-len 300 queued
check "media rss: a type=html <media:description> is stripped of its tags" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" "Voters queued outside polling stations."
check "media rss: <media:description> comes before <itunes:subtitle>" \
    is "$(nsearch --db "$TMP/mrss" --json 'subtitle' | jq .total)" 0
run out err nsearch --db "$TMP/mrss" --json --snippet-len 300 sleet
check "media rss: <itunes:subtitle> is the body for want of any other" \
    is "$(jq -r '.hits[0].snippet' "$TMP/out")" "Snow & sleet for the coast by Sunday."

finish
