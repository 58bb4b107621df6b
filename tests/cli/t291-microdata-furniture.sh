#!/bin/sh
# t291-microdata-furniture.sh - A page's microdata byline and section are
# its author and section, and the date lines, tip boxes, author bios and
# topic lists inside its <article> are not its text: <span
# itemprop="author"><span itemprop="name">Tom Reed</span></span> gave
# author null, and "Publisert 20. nov. 2022 kl. 08:00" or "Posted on
# March 4, 2017 by Lisa Berg" opened every snippet of a site.
. "$(dirname "$0")/lib.sh"

S="$TMP/site"
mkdir -p "$S"
cat >"$S/diver.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Diver</title></head>
<body><article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Diver finds wreck</h1>
<p>By <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Tom
  Reed</span> <span itemprop="jobTitle">Reporter</span></span> in <a itemprop="articleSection" href="/people/">People</a></p>
<time itemprop="datePublished" datetime="2016-05-02">2 May 2016</time>
<div itemprop="articleBody"><p>A diver found the wreck of a coal barge off the north mole on Sunday.</p></div></article></body></html>
EOF2
cat >"$S/gulls.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Gulls</title></head>
<body><article><h1>Gulls nest on roofs</h1><p>By <span itemprop="author">Ann Holm</span></p>
<time datetime="2017-03-05">5 March 2017</time><p>Gulls nest on the roofs of the old town again this spring.</p></article></body></html>
EOF2
cat >"$S/kelp.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kelp</title></head>
<body><article><h1>Kelp farm expands</h1>
<div class="entry-meta">Posted on <time datetime="2017-03-04">March 4, 2017</time> by <a href="/author/lisa/" rel="author">Lisa Berg</a></div>
<p>The kelp farm in the outer bay is to double in size next year, its owners said.</p>
<div class="author-bio"><p>Lisa Berg writes about the coast and its fisheries.</p></div>
<ul class="article-tags"><li>Aquaculture</li><li>Seaweed</li></ul></article></body></html>
EOF2
cat >"$S/ferje.html" <<'EOF2'
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Ferje</title>
<meta property="article:published_time" content="2022-11-20T08:00:00+01:00"></head>
<body><article><h1>Ferja står i dag</h1>
<div class="article-meta"><span>Publisert 20. nov. 2022 kl. 08:00</span></div>
<p class="dateline">BERGEN</p>
<p>Ferja mellom Halhjem og Sandvikvåg står i dag på grunn av en motorfeil.</p>
<div class="tip-us">Har du tips om denne saken? Send oss en melding.</div>
<div class="topics">Samferdsel Vestland</div></article></body></html>
EOF2
# A guide's own list of tips stays its text.
cat >"$S/guide.html" <<'EOF2'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Guide</title></head>
<body><article><h1>Ten tips for crabbing</h1><time datetime="2019-07-01">1 July 2019</time>
<p>Crabbing off the pier is easy with the right bait and a little patience.</p>
<ol class="tips"><li>Use fish heads as bait.</li><li>Go at slack water.</li></ol></article></body></html>
EOF2

run out err nindex --db "$TMP/db" "$S"
check "nindex: 5 added" contains "$TMP/out" "5 added"

# field ID KEY: the stored KEY of article ID.
field() {
    nsearch --db "$TMP/db" --json --related 0 "id:$1" | python3 -c 'import json, sys
print(json.load(sys.stdin)["hits"][0][sys.argv[1]])' "$2"
}
check "microdata author: the Person's name" is "$(field diver.html author)" "Tom Reed"
check "microdata section" is "$(field diver.html section)" "People"
check "itemprop=author's text" is "$(field gulls.html author)" "Ann Holm"
check "rel=author link's text as a last resort" is "$(field kelp.html author)" "Lisa Berg"
check "author:\"Tom Reed\" finds the diver" \
    is "$(nsearch --db "$TMP/db" --json 'author:"Tom Reed"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 1

# body ID: the stored text of ID.
body() { nsearch --db "$TMP/db" --show "$1" >"$TMP/show" 2>&1; }
body kelp.html
check "entry-meta left out" lacks "$TMP/show" "Posted on"
check "author-bio left out" lacks "$TMP/show" "writes about the coast"
check "article-tags left out" lacks "$TMP/show" "Seaweed"
check "the kelp story kept" contains "$TMP/show" "double in size next year"
check "the kelp date kept" is "$(field kelp.html date)" "2017-03-04T00:00:00Z"
body ferje.html
check "article-meta left out" lacks "$TMP/show" "Publisert"
check "dateline left out" lacks "$TMP/show" "BERGEN"
check "tip-us box left out" lacks "$TMP/show" "tips om denne saken"
check "topics left out" lacks "$TMP/show" "Samferdsel"
check "the ferry story kept" contains "$TMP/show" "motorfeil"
body guide.html
check "a guide's list of tips kept" contains "$TMP/show" "slack water"
check "no bio, topic or date line is matched" \
    is "$(nsearch --db "$TMP/db" --json 'fisheries OR seaweed OR publisert' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 0

finish
