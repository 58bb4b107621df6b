#!/bin/sh
# t149-page-fields.sh - What nindex stores for pages whose schema plugin
# writes JSON-LD as Rank Math and Yoast do, or escapes it twice, and for
# NITF stories whose abstract repeats the lede: the canonical url, not the
# JSON-LD node's "#webpage"; the author the @graph names; a clean
# headline; the hedline's subtitle searchable; the lede once.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

cat >"$P/rankmath.html" <<'HTML'
<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Lantern parade route announced - Harbour Gazette</title>
<link rel="canonical" href="https://harbourgazette.example/lantern-parade/" />
<meta property="og:url" content="https://harbourgazette.example/lantern-parade/" />
<script type="application/ld+json" class="rank-math-schema">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"https://harbourgazette.example/lantern-parade/#webpage","url":"https://harbourgazette.example/lantern-parade/","name":"Lantern parade route announced - Harbour Gazette","datePublished":"2026-12-02T10:00:00+00:00","inLanguage":"en-US"},{"@type":"Person","@id":"https://harbourgazette.example/author/annlee/","name":"Ann Lee"},{"@type":"BlogPosting","headline":"Lantern parade route announced","datePublished":"2026-12-02T10:00:00+00:00","author":{"@id":"https://harbourgazette.example/author/annlee/"},"@id":"https://harbourgazette.example/lantern-parade/#richSnippet","isPartOf":{"@id":"https://harbourgazette.example/lantern-parade/#webpage"},"inLanguage":"en-US","mainEntityOfPage":{"@id":"https://harbourgazette.example/lantern-parade/#webpage"}}]}</script>
</head><body><main><article><h1>Lantern parade route announced</h1>
<p>The parade will start at the church at five and follow the quay to the lighthouse, organisers said on Tuesday.</p><p>Road closures begin at four, and parking on the quay is suspended all evening.</p></article></main></body></html>
HTML

cat >"$P/dbljl.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mayor&amp;#8217;s plan &amp;amp; budget - Gazette</title>
<meta property="og:title" content="Mayor&amp;#8217;s plan &amp;amp; budget">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Mayor&amp;#8217;s plan &amp;amp; budget","datePublished":"2026-12-05T12:00:00Z","author":{"@type":"Person","name":"Ann Lee"}}</script>
</head><body><main><article><h1>Mayor&#8217;s plan &amp; budget</h1><p>The mayor set out a plan on Monday to balance the harbour budget by 2028, cutting two ferry routes and raising berth fees for visiting yachts.</p></article></main></body></html>
HTML

cat >"$P/nitf.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="nb-NO">
  <head>
    <docdata><doc-id regsrc="NTB" id-string="NTB-2026-12-05-0012"/><date.issue norm="2026-12-05T08:31:00+01:00"/></docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Brann i lagerbygg i Drammen</hl1><hl2>E18 stengt i begge retninger</hl2></hedline>
      <byline><person>Kari Nordmann</person></byline>
      <abstract><p>Et lagerbygg i Drammen står i full fyr, og røyken driver over E18.</p></abstract>
    </body.head>
    <body.content>
      <p lede="true" class="lead">Et lagerbygg i Drammen står i full fyr, og røyken driver over E18.</p>
      <p>Brannvesenet ble varslet klokka 07.45. Ingen personer skal være skadd.</p>
    </body.content>
  </body>
</nitf>
XML

run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0
check "pages: every one added" contains "$TMP/out" "3 added"

# FIELD of the first hit for QUERY (empty for null or no hit).
field() {
    nsearch --db "$TMP/db" --json "$1" | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
v = hits[0][sys.argv[1]] if hits else None
print("" if v is None else v)' "$2"
}
hits() {
    nsearch --db "$TMP/db" --json "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

check "rank math: the canonical url, not the node's #webpage" \
    is "$(field lantern url)" "https://harbourgazette.example/lantern-parade/"
check "rank math: the author the @graph names" \
    is "$(field lantern author)" "Ann Lee"
check "rank math: found by its author, as the other page of hers" \
    is "$(hits 'author:"ann lee"')" 2

check "escaped twice: the headline is clean" \
    is "$(field mayor title)" "Mayor’s plan & budget"
check "escaped twice: no entity is searchable" is "$(hits 8217)" 0

check "nitf: the hedline's hl2 is found" is "$(hits stengt)" 1
check "nitf: the subtitle opens the body, the lede once" \
    is "$(field drammen snippet)" \
    "E18 stengt i begge retninger — Et lagerbygg i Drammen står i full fyr, og røyken driver over E18. Brannvesenet ble varslet klokka 07.45. Ingen personer skal være skadd."

finish
