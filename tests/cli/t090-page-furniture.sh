#!/bin/sh
# t090-page-furniture.sh - Furniture as news themes and publishing platforms
# mark it, through nindex and nsearch: BEM class names ("article__share")
# and AMP's ad and share elements are not searchable, and the story beside
# them is.
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

finish
