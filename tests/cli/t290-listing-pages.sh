#!/bin/sh
# t290-listing-pages.sh - A mirrored site's archive listings and 404
# pages are no articles, and a page's relative address is resolved
# against its <base href>: every category, tag and page-N listing was an
# undated "article" of other stories' teasers (its JSON-LD said
# CollectionPage), the 404 template one per dead link, and canonical
# "tidal-barrier/" was stored as the url.
. "$(dirname "$0")/lib.sh"

S="$TMP/site"
mkdir -p "$S/category/news" "$S/search" "$S/404" "$S/2018/tidal" \
    "$S/2018/quay" "$S/2018/pier" "$S/2018/ferry"
cat >"$S/category/news/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News Archives - Harbour Gazette</title>
<meta property="og:type" content="website">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"CollectionPage","@id":"https://gazette.example/category/news/","name":"News Archives"},{"@type":"WebSite","name":"Harbour Gazette"}]}</script></head>
<body><main><h1 class="page-title">Category: News</h1>
<article class="post"><h2><a href="/a/">Ferry crews strike over rotas</a></h2><p>Ferry crews walked off the job at dawn on Tuesday, stranding hundreds of commuters. The union says new rotas break the agreement.</p></article>
<article class="post"><h2><a href="/b/">Council approves marina plan</a></h2><p>The council voted to approve the marina plan on Tuesday. Opponents said the plan ignores flooding risk and the costs for the town.</p></article>
<nav class="pagination"><a href="/page/2/">Older posts</a></nav></main></body></html>
EOF2
cat >"$S/search/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search results</title>
<script type="application/ld+json">{"@type":["SearchResultsPage"],"name":"Results for ferry"}</script></head>
<body><main><h1>Results for ferry</h1><article><h2>Ferry fares rise</h2><p>Ferry fares rise in spring, the operator said.</p></article></main></body></html>
EOF2
cat >"$S/404/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found - Harbour Gazette</title></head>
<body><main><h1>Oops! That page can't be found.</h1><p>It looks like nothing was found at this location. Maybe try a search? Ferry timetables are on the harbour page.</p></main></body></html>
EOF2
# A story whose site names the WebSite and a CollectionPage breadcrumb
# beside its article stays a story.
cat >"$S/2018/ferry/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends</title>
<script type="application/ld+json">{"@type":"WebSite","name":"Harbour Gazette"}</script>
<script type="application/ld+json">{"@graph":[{"@type":"CollectionPage","name":"News"},{"@type":"NewsArticle","headline":"Ferry strike ends","datePublished":"2018-06-09T08:00:00Z"}]}</script></head>
<body><article><h1>Ferry strike ends</h1><p>The ferry strike ended on Saturday when the operator withdrew the new rotas.</p></article></body></html>
EOF2
cat >"$S/2018/tidal/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tidal barrier</title><base href="https://gazette.example/2018/06/">
<link rel="canonical" href="tidal-barrier/"></head><body><article><h1>Tidal barrier opens</h1><time datetime="2018-06-04">4 June</time><p>The tidal barrier opened on Monday after six years of building work on the estuary.</p></article></body></html>
EOF2
cat >"$S/2018/pier/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pier</title><base href="https://gazette.example/2018/07/">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier reopens","url":"/2018/07/pier-reopens/","datePublished":"2018-07-01"}</script></head><body><article><h1>Pier reopens</h1><p>The pier reopened to walkers on Sunday after storm repairs.</p></article></body></html>
EOF2
cat >"$S/2018/quay/index.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quay</title>
<meta property="og:url" content="quay-works/"></head><body><article><h1>Quay works start</h1><time datetime="2018-06-05">5 June</time><p>Quay works start on Tuesday with a crane barge moored off the old fish market.</p></article></body></html>
EOF2

nindex --db "$TMP/db" "$S" >"$TMP/out" 2>"$TMP/err"
check "nindex succeeds" is "$?" 0
check "4 added, 3 ignored" contains "$TMP/out" "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 3 ignored"
check "the listing is said ignored" contains "$TMP/err" \
    "category/news/index.html: ignored: a listing page (JSON-LD CollectionPage), not an article"
check "the search page is said ignored" contains "$TMP/err" \
    "search/index.html: ignored: a listing page (JSON-LD SearchResultsPage)"
check "the 404 page is said ignored" contains "$TMP/err" \
    "404/index.html: ignored: a \"page not found\" page"

# ids QUERY: the ids QUERY finds, sorted, on one line.
ids() {
    nsearch --db "$TMP/db" --json --related 0 "$1" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "ferry finds the story alone" is "$(ids ferry)" "2018/ferry/index.html"
check "timetables finds no 404 page" is "$(ids timetables)" ""
check "marina finds no listing" is "$(ids marina)" ""

# url ID: the stored url of ID.
url() {
    nsearch --db "$TMP/db" --json --related 0 "id:$1" | python3 -c 'import json, sys
print(json.load(sys.stdin)["hits"][0]["url"])'
}
check "canonical resolved against <base href>" \
    is "$(url 2018/tidal/index.html)" "https://gazette.example/2018/06/tidal-barrier/"
check "JSON-LD url resolved against <base href>" \
    is "$(url 2018/pier/index.html)" "https://gazette.example/2018/07/pier-reopens/"
check "relative og:url without a base kept" \
    is "$(url 2018/quay/index.html)" "quay-works/"
check "relative og:url without a base warned" contains "$TMP/err" \
    "2018/quay/index.html: relative url \"quay-works/\" kept as written"

# A listing indexed as an article before is taken out on the next update.
mkdir -p "$TMP/old/category" "$TMP/old/s1" "$TMP/old/s2" "$TMP/old/s3" "$TMP/old/s4"
for s in s1 s2 s3 s4; do
    cp "$S/2018/tidal/index.html" "$TMP/old/$s/index.html"
done
sed 's/CollectionPage/WebPage/' "$S/category/news/index.html" \
    >"$TMP/old/category/index.html"
run o e nindex --db "$TMP/db2" "$TMP/old"
check "an old listing indexed as a page" is "$rc" 0
check "found before" is "$(nsearch --db "$TMP/db2" --json marina | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 1
cp "$S/category/news/index.html" "$TMP/old/category/index.html"
run o e nindex --db "$TMP/db2" "$TMP/old"
check "re-indexed: the listing ignored" contains "$TMP/o" "0 added, 0 replaced, 4 unchanged, 1 deleted"
check "the listing is gone" is "$(nsearch --db "$TMP/db2" --json marina | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 0

finish
