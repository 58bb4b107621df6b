#!/bin/sh
# t194-ld-teaser-first.sh - Pages whose JSON-LD describes another story
# (yesterday's teaser, a related story) before their own: in a list, in an
# @graph, or in an earlier <script> block.  The first article object was
# taken for the page's: the page was stored with the teaser's headline,
# date, author and url, its body was the teaser's <article>, and the story
# itself was found by nothing.  The article object that names the page's
# canonical link or og:url, else its headline, is the page's story; the
# first only when none does.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

teaser='{"@context":"https://schema.org","@type":"NewsArticle","headline":"Yesterday: crane collapses at terminal","datePublished":"2026-11-01T08:00:00Z","author":{"@type":"Person","name":"Teaser Author"},"url":"https://port.example/crane"}'
story='{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dock workers vote to strike","datePublished":"2026-12-05T09:00:00Z","author":{"@type":"Person","name":"Main Author"},"url":"https://port.example/dock-strike"}'

# page FILE HEAD-EXTRA JSON-LD-SCRIPTS: a page of the dock story, with
# yesterday's story as a teaser <article> after it.
page() {
    cat >"$P/$1" <<HTML
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dock workers vote to strike | Port News</title>
$2
$3
</head><body><article><h1>Dock workers vote to strike</h1><p>Dock workers at the container port voted on Friday to strike from Monday, halting the loading of ferries and freighters over pay.</p></article>
<section class="more"><article><h2>Yesterday: crane collapses at terminal</h2><p>A crane collapsed at the east terminal; nobody was hurt.</p></article></section>
</body></html>
HTML
}
head='<link rel="canonical" href="https://port.example/dock-strike">
<meta property="og:title" content="Dock workers vote to strike">'
page list.html "$head" \
    "<script type=\"application/ld+json\">[$teaser,$story]</script>"
page graph.html "$head" \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[$teaser,$story]}</script>"
page blocks.html "$head" \
    "<script type=\"application/ld+json\">$teaser</script><script type=\"application/ld+json\">$story</script>"
# No url in the story's object, and og:url with https where the object
# names http: its mainEntityOfPage names the page.
page entity.html '<meta property="og:url" content="https://port.example/dock-strike/">' \
    "<script type=\"application/ld+json\">[$teaser,{\"@type\":\"NewsArticle\",\"headline\":\"Dock workers vote\",\"author\":{\"name\":\"Main Author\"},\"datePublished\":\"2026-12-05T09:00:00Z\",\"mainEntityOfPage\":{\"@id\":\"http://port.example/dock-strike#webpage\"}}]</script>"
# No address at all: the headline that is the page's <title> less the
# site's name.
page headline.html '' \
    "<script type=\"application/ld+json\">[$teaser,{\"@type\":\"NewsArticle\",\"headline\":\"Dock workers vote to strike\",\"author\":{\"name\":\"Main Author\"},\"datePublished\":\"2026-12-05T09:00:00Z\"}]</script>"
# Nothing agrees with the page: the first object, as before.
page neither.html '' \
    "<script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"headline\":\"Port News today\",\"author\":{\"name\":\"First Author\"},\"datePublished\":\"2026-12-04T09:00:00Z\"},{\"@type\":\"NewsArticle\",\"headline\":\"Other story\",\"author\":{\"name\":\"Second Author\"},\"datePublished\":\"2026-12-03T09:00:00Z\"}]</script>"

run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0
check "pages: every one added" contains "$TMP/out" "6 added"

# FIELD of article ID.
field() {
    nsearch --db "$TMP/db" --json --no-collapse "id:$1" | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
v = hits[0][sys.argv[1]] if hits else None
print("" if v is None else v)' "$2"
}
# The ids of the articles QUERY finds, sorted.
ids() {
    nsearch --db "$TMP/db" --json --no-collapse --limit 20 "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

for f in list graph blocks; do
    check "$f: the story's headline" \
        is "$(field $f.html title)" "Dock workers vote to strike"
    check "$f: the story's date" \
        is "$(field $f.html date)" "2026-12-05T09:00:00Z"
    check "$f: the story's author" is "$(field $f.html author)" "Main Author"
    check "$f: the story's url" \
        is "$(field $f.html url)" "https://port.example/dock-strike"
done
check "mainEntityOfPage: the story's author" \
    is "$(field entity.html author)" "Main Author"
check "headline: the story's author" \
    is "$(field headline.html author)" "Main Author"
check "headline: the story's date" \
    is "$(field headline.html date)" "2026-12-05T09:00:00Z"
check "neither: the first object's author" \
    is "$(field neither.html author)" "First Author"
check "the story's text is found on every page" \
    is "$(ids 'freighters pay')" \
    "blocks.html entity.html graph.html headline.html list.html neither.html"
check "the teaser's text is in no page" \
    is "$(ids crane)" ""
check "the teaser's author names none" is "$(ids 'author:"teaser author"')" ""

finish
