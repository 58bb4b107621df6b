#!/bin/sh
# t091-page-furniture.sh - Furniture as news themes and publishing platforms
# mark it, through nindex and nsearch: BEM class names ("article__share")
# and AMP's ad and share elements in pages, Substack's subscribe widget and
# share button in a feed, are not searchable, and the story beside them
# is.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

# A theme's BEM classes: a share bar and a related list inside the story.
cat >"$P/bem.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storm update</title></head><body>
<article><h1 class="article__title">Storm update</h1>
<div class="article__share"><a>Share on Facebook</a> <a>Tweet</a></div>
<div class="article__body"><p>Winds reached 120 km/h overnight.</p>
<div class="related-articles__list"><a>Penguin escapes from zoo</a></div>
<p class="story__text">Power has been restored to most homes.</p></div>
</article></body></html>
HTML

# An AMP page: a share button and an ad with its loading and failure text.
cat >"$P/amp.html" <<'HTML'
<!doctype html>
<html ⚡ lang="en"><head><meta charset="utf-8"><title>Harbour dredging begins</title>
<meta property="article:published_time" content="2025-08-19T06:00:00Z"></head>
<body><article><h1>Harbour dredging begins</h1>
<amp-social-share type="twitter">Share on Twitter</amp-social-share>
<p>Work to deepen the harbour started on Tuesday.</p>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/news"><div placeholder>Loading ad…</div><div fallback>Ad failed to load</div></amp-ad>
<p>The project will take six months.</p>
</article></body></html>
HTML

# A Substack feed: the subscribe widget and the share button in the item.
cat >"$P/substack.rss" <<'XML'
<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel><title><![CDATA[Harbour Notes]]></title><link>https://harbournotes.substack.com</link><item><title><![CDATA[Seals return to the inner harbour]]></title><link>https://harbournotes.substack.com/p/seals-return</link><guid isPermaLink="false">https://harbournotes.substack.com/p/seals-return</guid><dc:creator><![CDATA[Kari Nordmann]]></dc:creator><pubDate>Tue, 19 Aug 2025 06:00:44 GMT</pubDate><content:encoded><![CDATA[<p>Harbour seals were seen on the skerry on Sunday morning.</p><div class="subscription-widget-wrap-editor" data-component-name="SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">Thanks for reading Harbour Notes! Subscribe for free to receive new posts and support my work.</p></div><form class="subscription-widget-subscribe"><input type="email" name="email"><input type="submit" value="Subscribe"></form></div></div><p>The biologist counted fourteen animals.</p><p class="button-wrapper" data-component-name="ButtonCreateButton"><a class="button primary" href="https://harbournotes.substack.com/p/seals-return?action=share"><span>Share</span></a></p>]]></content:encoded></item></channel></rss>
XML

run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0

# q QUERY: the titles nsearch finds for QUERY, in $TMP/q.
q() { nsearch --db "$TMP/db" --json "$1" >"$TMP/q"; }

q penguin
check "bem: a related list is not searchable" lacks "$TMP/q" "Storm update"
q facebook
check "bem: a share bar is not searchable" lacks "$TMP/q" "Storm update"
q winds
check "bem: the story's body is" contains "$TMP/q" "Storm update"
q restored
check "bem: and its story__text paragraph" contains "$TMP/q" "Storm update"

q twitter
check "amp: amp-social-share is not searchable" lacks "$TMP/q" "Harbour dredging"
q loading
check "amp: an ad's placeholder is not" lacks "$TMP/q" "Harbour dredging"
q failed
check "amp: nor its fallback" lacks "$TMP/q" "Harbour dredging"
q months
check "amp: the story is" contains "$TMP/q" "Harbour dredging"

q thanks
check "substack: the subscribe widget is not searchable" lacks "$TMP/q" "Seals return"
q subscribe
check "substack: nor its button" lacks "$TMP/q" "Seals return"
q share
check "substack: nor the share button" lacks "$TMP/q" "Seals return"
q biologist
check "substack: the post is" contains "$TMP/q" "Seals return"

finish
