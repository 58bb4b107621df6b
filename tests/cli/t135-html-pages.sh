#!/bin/sh
# t135-html-pages.sh - HTML pages as news CMSs write them, through nindex
# and nsearch: a whole JSON-LD articleBody is kept over the markup and its
# furniture; an <article> that is only the story's header gives way to the
# story beside it; a brief too short for a story in plain <div>s says so;
# the kicker, bylines, timestamp, promotions and a read-aloud player's
# label of Arc, NRK and Aftenposten templates are not searchable.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

# The whole story in JSON-LD; the <article> holds it and a bio, the topics
# and a print note after it (shorter than the story, as furniture is:
# more text after it would make the JSON-LD a preview of a longer story).
cat >"$P/ld-full-body.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour dredging starts in May</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour dredging starts in May","datePublished":"2025-04-03T10:00:00Z","author":{"@type":"Person","name":"Kari Holm"},"articleBody":"Dredging of the inner harbour starts in May and will take six weeks. Boats must use the outer quay in that time. The port authority says the work will deepen the channel by two metres, so that larger ferries can berth there from the autumn."}</script>
</head><body><article>
<h1>Harbour dredging starts in May</h1>
<div class="content"><p>Dredging of the inner harbour starts in May and will take six weeks.</p><p>Boats must use the outer quay in that time.</p><p>The port authority says the work will deepen the channel by two metres, so that larger ferries can berth there from the autumn.</p></div>
<div class="author-bio"><p>Kari Holm covers the waterfront. Follow her on X BIOWORD.</p></div>
<p class="print-note">A version of this article appears in print on page A3 PRINTWORD.</p>
</article></body></html>
HTML

# The <article> holds the headline and the standfirst; the story is in a
# <div> beside it.
cat >"$P/split-article.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge inspection finds cracks | Coast News</title>
<meta property="article:published_time" content="2025-04-01T10:00:00Z"></head><body>
<nav><a>Home</a><a>News</a></nav>
<main>
<article class="story-header"><h1>Bridge inspection finds cracks</h1><p class="dek">Engineers want repairs before summer.</p></article>
<div class="story-body">
<p>Inspectors found cracks in two of the six pillars of the Harbour Bridge during a routine check last week, the road authority said on Tuesday.</p>
<p>The bridge stays open, but heavy trucks must keep to one lane until repairs are done.</p>
<p>Repairs will cost an estimated 40 million kroner.</p>
</div>
</main>
<aside><h2>Most read</h2><ul><li>Something else</li></ul></aside>
</body></html>
HTML

# Arc (The Washington Post's platform): furniture marked by data-qa.
cat >"$P/arc.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>Senate passes funding bill - The Post</title><meta property="article:published_time" content="2025-03-15T04:12:00.000Z"/><script type="application/ld+json">{"@type":"NewsArticle","headline":"Senate passes funding bill","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Smith"}]}</script></head><body><main id="main-content"><div class="headline-kicker">Politics</div><h1 data-qa="headline">Senate passes funding bill</h1><div data-qa="author-byline" class="byline">By <a data-qa="author-name">Jane Doe</a> and <a data-qa="author-name">John Smith</a></div><div data-qa="timestamp" class="display-date"><span data-qa="display-date">March 15, 2025 at 12:12 a.m. EDT</span></div><div class="article-body" data-qa="article-body"><p>The Senate passed a $1.2 trillion funding bill early Saturday.</p><p>The vote was 74 to 24.</p><div class="interstitial-link"><p><a href="/x">Follow Politics</a></p></div><p>Lawmakers left for recess.</p></div><div data-qa="comments-btn">Comment<span>1,234</span></div><div data-qa="subscription-promo">Get unlimited access<button>Subscribe</button></div></main></body></html>
HTML

# NRK: a kicker, and bylines with their roles.
cat >"$P/nrk.html" <<'HTML'
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Stengte E39 etter steinras – NRK</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Stengte E39 etter steinras","datePublished":"2025-10-14T06:12:33+02:00","author":[{"@type":"Person","name":"Marte Lien"},{"@type":"Person","name":"Jon Vik"}]}</script>
</head><body><main><article class="article-feature">
<header class="article-header"><span class="article-kicker">Trafikk</span><h1>Stengte E39 etter steinras</h1>
<div class="article-lead"><p>Et steinras har stengt E39 ved Vadheim.</p></div>
<div class="article-bylines"><div class="byline"><span class="byline__author-name">Marte Lien</span><span class="byline__author-role">Journalist</span></div><div class="byline"><span class="byline__author-name">Jon Vik</span><span class="byline__author-role">Fotograf</span></div></div></header>
<div class="article-body"><p>Raset gikk like etter klokka seks tirsdag morgon.</p></div>
</article></main></body></html>
HTML

# Aftenposten: a byline with a role, a read-aloud player's label.
cat >"$P/aftenposten.html" <<'HTML'
<!DOCTYPE html><html lang="no"><head><meta charset="utf-8"><title>Strømprisen stiger igjen | Aftenposten</title>
<meta property="article:published_time" content="2025-11-02T05:00:00.000Z"><meta name="author" content="Per Hansen"></head><body>
<main><article class="article"><h1 class="article-title">Strømprisen stiger igjen</h1>
<p class="article-lead">Kaldt vær og lite vind gir høyere priser denne uken.</p>
<div class="byline">Per Hansen<br>Journalist</div>
<div class="article-body"><p>Prisen i Oslo ventes å passere 2 kroner kilowattimen onsdag.</p>
<div id="podcast-player"><p>Lytt til saken</p></div></div>
</article></main></body></html>
HTML

run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0
check "pages: every page added" contains "$TMP/out" "5 added"

hits() {
    nsearch --db "$TMP/db" --json "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check "whole JSON-LD body: the story is found" is "$(hits 'outer quay')" 1
check "whole JSON-LD body: not the print note" is "$(hits printword)" 0
check "whole JSON-LD body: nor the bio" is "$(hits bioword)" 0
check "header article: the story beside it is found" is "$(hits pillars)" 1
check "header article: and its standfirst" is "$(hits engineers)" 1
check "arc: the story is found" is "$(hits recess)" 1
for w in '"unlimited access"' politics '"jane doe and john smith"' march \
    follow comment1,234; do
    check "arc: $w is not in the text" is "$(hits "$w")" 0
done
check "arc: the byline is found as the author" is "$(hits 'author:doe')" 1
check "nrk: the story is found" is "$(hits raset)" 1
for w in lienjournalist journalist fotograf trafikk; do
    check "nrk: $w is not in the text" is "$(hits "$w")" 0
done
check "aftenposten: the story is found" is "$(hits kilowattimen)" 1
check "aftenposten: not the player's label" is "$(hits '"lytt til saken"')" 0
check "aftenposten: nor the byline's role" is "$(hits journalist)" 0

# A brief of one sentence under its <h1> in plain <div>s: skipped, and the
# message names the cause.
mkdir -p "$TMP/brief"
cat >"$TMP/brief/short-brief.html" <<'HTML'
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Vegen stengt | Bygdeposten</title></head>
<body><div id="meny"><a href="/">Forside</a> | <a href="/sport">Sport</a></div>
<div id="innhold"><h1>Vegen stengt etter ras</h1>
<p>Fylkesvei 57 er stengt ved Storehaug etter et jordras natt til tirsdag. Omkjøring via Hosteland.</p></div>
</body></html>
HTML
run out err nindex --db "$TMP/db2" "$TMP/brief"
check "brief: skipped, exit 3" is "$rc" 3
check "brief: the message names the text around the <h1>" contains "$TMP/err" \
    'short-brief.html: no article text (no JSON-LD articleBody, <article>, <main> or itemprop="articleBody"; 96 bytes of text around the <h1>, fewer than the 200 a story in plain <div>s needs)'

finish
