#!/bin/sh
# t232-feed-labels-html.sh - Labels and HTML as publishers' feeds write them.
#  - A category wrapped by its template, "Arts &amp;\n  Culture", and the
#    same one on one line were two facet values; section:"Arts & Culture"
#    found one.  A padded byline was stored "Jane       Doe".  Runs of
#    white space inside a title, section, tag or byline are one space, in
#    every format.
#  - Footnote marks stuck to the word before them: WordPress's
#    "The budget<sup data-fn=... class="fn"><a>1</a></sup> was cut" was
#    "The budget1 was cut", and budget found nothing (Substack's
#    class="footnote-anchor" the same).  They are left out.
#  - Drupal 10 (no RDF in core) opens every item's HTML with the node's
#    title, login and date as fields (class field--name-title, -uid,
#    -created): every body began "TITLE webeditor Fri, 12/04/2026 -
#    09:15".  They are left out as their RDFa form is.
. "$(dirname "$0")/lib.sh"
F=$TMP/feeds
mkdir -p "$F"

# FIELD of article ID in DB.
field() {
    nsearch --db "$1" --json --no-collapse "id:$2" | python3 -c '
import json, sys
hits = json.load(sys.stdin)["hits"]
v = hits[0].get(sys.argv[1]) if hits else None
print("" if v is None else v)' "$3"
}
# The ids of the articles QUERY finds in DB, sorted.
ids() {
    nsearch --db "$1" --json --no-collapse --limit 20 "$2" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# --- white space inside labels ---------------------------------------------

cat >"$F/wrap.rss" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><guid>s1</guid><title>Gallery
    reopens   its doors</title><dc:creator>Jane       Doe</dc:creator>
<category>Arts &amp;
  Culture</category><category>Old
   Town</category><description>The gallery reopens.</description></item>
<item><guid>s2</guid><title>Museum opens</title><dc:creator>Jane Doe</dc:creator>
<category>Arts &amp; Culture</category><category>Old Town</category>
<description>The museum opens.</description></item>
</channel></rss>
EOF2
printf '%s\n' '{"id":"s3","title":"Theatre  season\nbegins","body":"The theatre.","section":"Arts  &  Culture","author":"Jane \t Doe","tags":["Old    Town"]}' >"$F/wrap.jsonl"
printf -- '---\ntitle: "Opera   night"\nsection: "Arts    & Culture"\nauthor: "Jane    Doe"\ntags: ["Old   Town"]\n---\nThe opera.\n' >"$F/opera.md"
run out err nindex --db "$TMP/ws" "$F/wrap.rss" "$F/wrap.jsonl" "$F/opera.md"
check "labels: exit 0" is "$rc" 0
check "labels: all four added" contains "$TMP/out" "4 added"
check "rss: a wrapped title is one line, single spaced" \
    is "$(field "$TMP/ws" s1 title)" "Gallery reopens its doors"
check "rss: a wrapped category is the section as written on one line" \
    is "$(field "$TMP/ws" s1 section)" "Arts & Culture"
check "rss: a padded byline is single spaced" is "$(field "$TMP/ws" s1 author)" "Jane Doe"
check "jsonl: title" is "$(field "$TMP/ws" s3 title)" "Theatre season begins"
check "jsonl: section" is "$(field "$TMP/ws" s3 section)" "Arts & Culture"
check "jsonl: author" is "$(field "$TMP/ws" s3 author)" "Jane Doe"
check "front matter: title" is "$(field "$TMP/ws" opera.md title)" "Opera night"
check "front matter: section" is "$(field "$TMP/ws" opera.md section)" "Arts & Culture"
check "front matter: author" is "$(field "$TMP/ws" opera.md author)" "Jane Doe"
check 'section:"Arts & Culture" finds all four' \
    is "$(ids "$TMP/ws" 'section:"Arts & Culture"')" "opera.md s1 s2 s3"
check 'tag:"Old Town" finds all four' \
    is "$(ids "$TMP/ws" 'tag:"Old Town"')" "opera.md s1 s2 s3"
run out err nsearch --db "$TMP/ws" --facets=section,tag --limit 0 ""
check "one section facet value" contains "$TMP/out" "Arts & Culture (4)"
check "one tag facet value" contains "$TMP/out" "Old Town (4)"

# --- footnote marks ----------------------------------------------------------
# (WordPress's block editor and Substack; a <sup> of a number alone)
cat >"$F/notes.rss" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><guid>n1</guid><title>Ministry notes</title><content:encoded><![CDATA[<p>The budget<sup data-fn="8a1f" class="fn"><a href="#8a1f" id="8a1f-link">1</a></sup> was cut by the ministry<sup>2</sup>.</p>]]></content:encoded></item>
<item><guid>n3</guid><title>Flat for sale</title><content:encoded><![CDATA[<p>A flat of 80 m<sup>2</sup> near the harbour, see note<sup><a href="#fn1">3</a></sup> below.</p>]]></content:encoded></item>
<item><guid>n2</guid><title>Substack notes</title><content:encoded><![CDATA[<p>The claim<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="#footnote-1" target="_self">1</a> worth testing.</p>]]></content:encoded></item>
</channel></rss>
EOF2
run out err nindex --db "$TMP/fn" "$F/notes.rss"
check "footnotes: exit 0" is "$rc" 0
check "footnotes: budget finds the WordPress post" is "$(ids "$TMP/fn" budget)" "n1"
check "footnotes: claim finds the Substack post" is "$(ids "$TMP/fn" claim)" "n2"
run out err nsearch --db "$TMP/fn" --related 0 --no-collapse budget
check "footnotes: the mark is left out of the text" \
    contains "$TMP/out" "The **budget** was cut by the ministry"
check "footnotes: a bare superscript number stays, apart" \
    contains "$TMP/out" "by the ministry 2."
check "footnotes: budget1 is no word" is "$(ids "$TMP/fn" budget1)" ""
run out err nsearch --db "$TMP/fn" --related 0 --no-collapse harbour
check "footnotes: 80 m<sup>2</sup> keeps its 2; a linked mark goes" \
    contains "$TMP/out" "A flat of 80 m 2 near the **harbour**, see note below."

# --- Drupal 10's fields at the head of an item ------------------------------
cat >"$F/drupal.rss" <<'EOF2'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title>
<item><guid>d1</guid><title>Budget consultation opens</title><description>&lt;span class="field field--name-title field--type-string field--label-hidden"&gt;Budget consultation opens&lt;/span&gt;
&lt;span class="field field--name-uid field--type-entity-reference field--label-hidden"&gt;&lt;span&gt;webeditor&lt;/span&gt;&lt;/span&gt;
&lt;span class="field field--name-created field--type-created field--label-hidden"&gt;Fri, 12/04/2026 - 09:15&lt;/span&gt;
&lt;div class="clearfix text-formatted field field--name-body field--type-text-with-summary"&gt;&lt;p&gt;Residents can comment on the harbour budget.&lt;/p&gt;&lt;/div&gt;</description></item>
</channel></rss>
EOF2
run out err nindex --db "$TMP/dr" "$F/drupal.rss"
check "drupal: exit 0" is "$rc" 0
check "drupal: the login is no word of the body" is "$(ids "$TMP/dr" webeditor)" ""
run out err nsearch --db "$TMP/dr" --json --related 0 residents
check "drupal: the body opens with its own text" contains "$TMP/out" '"snippet":"Residents can comment'
finish
