#!/bin/sh
# t150-cms-html-bodies.sh - Records a CMS exports (a SELECT ... INTO JSON
# dump, WordPress's content.rendered, Ghost and Drupal exports) hold
# their body as HTML and their title with entities.  They were stored and
# shown raw: "mayor&nbsp" one word, <h2> no heading, tags in snippets.  A
# body that is HTML by ns_html_is_body's rule is read as the feed readers
# read one; plain text that names a tag in prose stays as written.
. "$(dirname "$0")/lib.sh"

# stored ID: the stored JSON of article ID, as the index holds it.
stored() {
    db=$TMP/db/current
    [ -e "$db" ] || db=$TMP/db
    did=$(xapian-delve -t "Q$1" "$db" 2>/dev/null |
        sed -n 's/.*: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
    [ -n "$did" ] && xapian-delve -r "$did" -d "$db" 2>/dev/null |
        sed -n 's/^{/{/p' | head -n 1
}
# field ID KEY: field KEY of the stored article ID ("" if none; a list
# joined with "|").
field() {
    stored "$1" | python3 -c 'import json, sys
v = json.load(sys.stdin).get(sys.argv[1], "")
print("|".join(v) if isinstance(v, list) else v, end="")' "$2"
}
# ids QUERY: the ids of the hits, sorted.
ids() {
    nsearch --db "$TMP/db" --json --limit 50 --related 0 "$@" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

PROSE='To start a paragraph, use the <p> tag. Note that a < b and c > d, as AT&T says.'
PAIRS='In HTML, <p> opens a paragraph and </p> closes it; <b> is bold, <i> italic.'
J=$TMP/cms.jsonl
printf '%s\n' \
    '{"id":"a1","title":"Mayor&#8217;s plan","body":"<p>The mayor&nbsp;spoke.</p><h2>Budget</h2><p>Harbour <b>costs</b> rose.</p><script>var tracker = 1;</script><style>p { color: red }</style>"}' \
    "{\"id\":\"a2\",\"title\":\"HTML tips\",\"body\":\"$PROSE\"}" \
    "{\"id\":\"a3\",\"title\":\"More HTML tips\",\"body\":\"$PAIRS\"}" \
    '{"id":"a4","title":"Q&amp;A with AT&T","body":"Ferry timetable.","section":"Arts &amp; Culture","author":"Ed O&#039;Neil"}' \
    '{"id":"a5","title":"AT&T results","body":"Ferry profits rose at AT&T."}' \
    '{"id":"a6","title":"Quay","body":"Intro on the quay.\n\n<h3>Tolls</h3>\n\nTolls <em>rose</em>.","headings":["Own heading"]}' \
    '{"id":"a7","title":"Escaped","body":"&lt;p&gt;Escaped &lt;b&gt;ferry&lt;/b&gt; story.&lt;/p&gt;"}' \
    '{"id":"a8","title":"Markup lesson","body_format":"text","body":"<p>A paragraph</p> is written so."}' \
    '{"id":"a9","title":"Two lines","body_format":"html","body":"Pier one<br>Pier two &amp; three"}' >"$J"
run out err nindex --db "$TMP/db" "$J"
check "exit 0" is "$rc" 0
check "all nine added" contains "$TMP/out" "9 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"

# --- 1. An HTML body is read as HTML ----------------------------------------
check "'mayor' finds the HTML body" is "$(ids mayor)" a1
check "'harbour costs' too" is "$(ids '"harbour costs"')" a1
check "the stored body has no tags and no &nbsp;" is "$(field a1 body)" \
    "$(printf 'The mayor spoke.\n\nBudget\n\nHarbour costs rose.')"
check "scripts and styles dropped" is "$(ids tracker OR color)" ""
check "the <h2> is a heading" is "$(field a1 headings)" "Budget"
check "heading:budget finds it" is "$(ids heading:budget)" a1
nsearch --db "$TMP/db" --json mayor >"$TMP/mayor.json"
check "the snippet shows no tags" contains "$TMP/mayor.json" \
    '"snippet":"The mayor spoke. Budget'
check "nor an entity" lacks "$TMP/mayor.json" "&nbsp"

# --- 2. Plain text that names a tag stays as written ------------------------
check "a tag named in prose: body unchanged" is "$(field a2 body)" "$PROSE"
check "a tag named in prose: 'tag' found" is "$(ids tag)" "a2"
check "an unbalanced pair in prose: body unchanged" is "$(field a3 body)" "$PAIRS"
check "AT&T stays in a body" is "$(field a5 body)" "Ferry profits rose at AT&T."

# --- 3. Titles and labels with entities -------------------------------------
check "a title's numeric reference read" is "$(field a1 title)" "Mayor’s plan"
check "a title's &amp; read, AT&T kept" is "$(field a4 title)" "Q&A with AT&T"
check "a title without an entity stays" is "$(field a5 title)" "AT&T results"
check "a section's entities read" is "$(field a4 section)" "Arts & Culture"
check "an author's entities read" is "$(field a4 author)" "Ed O'Neil"

# --- 4. A post_content dump, a record's own headings, HTML escaped twice ----
check "blank lines are paragraphs in a dump" is "$(field a6 body)" \
    "$(printf 'Intro on the quay.\n\nTolls\n\nTolls rose.')"
check "the record's own headings win" is "$(field a6 headings)" "Own heading"
check "a body with no tag keeps its entities" is "$(field a7 body)" \
    "&lt;p&gt;Escaped &lt;b&gt;ferry&lt;/b&gt; story.&lt;/p&gt;"
check "body_format text: the body as written" is "$(field a8 body)" \
    "<p>A paragraph</p> is written so."
check "body_format html: read as HTML" is "$(field a9 body)" \
    "$(printf 'Pier one\nPier two & three')"

# --- 5. Read again: nothing changed; a JSON array reads the same way --------
run out2 err2 nindex --db "$TMP/db" "$J"
check "indexed again: all unchanged" contains "$TMP/out2" \
    "0 added, 0 replaced, 9 unchanged"
python3 -c 'import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
for r in recs:
    r["id"] = "d" + r["id"]
json.dump(recs, open(sys.argv[2], "w"), indent=2)' "$J" "$TMP/cms.json"
run out3 err3 nindex --db "$TMP/db" "$TMP/cms.json"
check "a JSON array: nine added" contains "$TMP/out3" "9 added"
check "a JSON array: the body read as HTML" is "$(field da1 body)" "$(field a1 body)"
check "a JSON array: the heading" is "$(ids heading:budget)" "a1 da1"
check "a JSON array: prose unchanged" is "$(field da2 body)" "$PROSE"
check "a JSON array: the title" is "$(field da4 title)" "Q&A with AT&T"

# --- 6. Undo files are the stored form: read back as they were ------------
mkdir -p "$TMP/undo/deleted"
U=$TMP/undo/deleted/20261202T023000Z-4242.jsonl.gz
printf '%s\n' '{"id":"u1","title":"Q&amp;A on markup","body":"Write <b>bold</b> for bold."}' |
    gzip >"$U"
run out4 err4 nindex --db "$TMP/db" "$U"
check "an undo file: added" contains "$TMP/out4" "1 added"
check "an undo file: the body as stored" is "$(field u1 body)" \
    "Write <b>bold</b> for bold."
check "an undo file: the title as stored" is "$(field u1 title)" "Q&amp;A on markup"

finish
