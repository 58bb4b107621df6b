#!/bin/sh
# t136-long-labels.sh - A tag or section over 200 bytes (a CMS's keywords
# written as one string without commas, a category pasted from a
# headline) is left out with a warning that shows its start, and the
# article is kept, in feeds, pages and Markdown alike.  Before, each such
# article was a skipped record, and --prune was refused every night.
. "$(dirname "$0")/lib.sh"
S=$TMP/site
mkdir -p "$S"
long="Ferjeavløsningsprosjektet på E39 mellom Kristiansand og Trondheim inkludert Bjørnafjorden Sulafjorden Halsafjorden og Romsdalsfjorden der Statens vegvesen utreder kryssingene med bru og tunnel og flytebru over fjorden"

cat >"$S/long.rss" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
<item><title>Ferjefri rss</title><link>https://t.example/e39</link><description>Tekst om ferjer.</description><category>Samferdsel</category><category>$long</category><category>Vestland</category></item>
<item><title>Second</title><link>https://t.example/2</link><description>Tekst to.</description></item>
</channel></rss>
EOF
cat >"$S/long.html" <<EOF
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Ferjefri html</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferjefri html","keywords":"$long","articleSection":"$long"}</script></head>
<body><article><h1>Ferjefri html</h1><p>Tekst om ferjer som er lang nok til å være en artikkel, med mange ord om fjorder.</p></article></body></html>
EOF
cat >"$S/long.md" <<EOF
---
title: Ferjefri md
section: "$long"
tags: ["$long", "Bru"]
---
Tekst om ferjer.
EOF

run out err nindex --db "$TMP/db" "$S"
check "a label over 200 bytes: exit 0" is "$rc" 0
check "a label over 200 bytes: every article added" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "the summary counts the three articles kept with a warning" \
    contains "$TMP/out" "articles/s); 3 warnings"
check "the three articles with long labels are found" is \
    "$(nsearch --db "$TMP/db" --json ferjefri | python3 -c 'import json, sys
print(" ".join(sorted(h["title"] for h in json.load(sys.stdin)["hits"])))')" \
    "Ferjefri html Ferjefri md Ferjefri rss"
# The labels that fit stay; the long one is in no facet.
check "the labels that fit are kept, the long ones left out" python3 -c '
import json, subprocess, sys
f = json.loads(subprocess.run([sys.argv[1] + "/nsearch", "--db", sys.argv[2],
    "--json", "--limit", "0", "--facets", "section,tag", "ferjefri"],
    capture_output=True).stdout)["facets"]
assert [s["value"] for s in f["section"]] == ["Samferdsel"], f
assert sorted(t["value"] for t in f["tag"]) == ["Bru", "Vestland"], f' \
    "$NSEARCH_BIN" "$TMP/db"
check "the feed's warning shows the start of the value" contains "$TMP/err" \
    'long.rss:3: tag "Ferjeavløsningsprosjektet på E39 mello…" is longer than 200 bytes; left out'
check "the page's warning names the field and shows the value" contains "$TMP/err" \
    'long.html: section "Ferjeavløsningsprosjektet på E39 mello…" is longer than 200 bytes; left out'
check "the Markdown file's warning" contains "$TMP/err" \
    'long.md:3: section "Ferjeavløsningsprosjektet på E39 mello…" is longer than 200 bytes; left out'

# Nothing was skipped, so the nightly --prune runs.
rm "$S/long.md"
run out err nindex --db "$TMP/db" --prune --max-delete-share 50 "$S"
check "--prune after long labels: exit 0" is "$rc" 0
check "--prune after long labels: the removed file's article goes" contains \
    "$TMP/out" "1 deleted"
check "--prune after long labels: the two left warn again, counted" \
    contains "$TMP/out" "articles/s); 2 warnings"

finish
