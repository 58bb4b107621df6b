#!/bin/sh
# t089-cms-labels.sh - Labels as CMSs write them (README "nindex"): a
# WordPress export's category and display name HTML-escaped ("Arts &amp;
# Culture", "Ed O&#039;Neil") are one facet value and one author with the
# same label written plainly in JSON Lines, and section:"Arts & Culture"
# finds both; a byline's "By " is no part of the name; a no-break space
# at a label's end is trimmed, so section:world finds the article.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/export.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title>
<wp:author><wp:author_login><![CDATA[ed]]></wp:author_login><wp:author_display_name><![CDATA[Ed O&#039;Neil &amp; Co]]></wp:author_display_name></wp:author>
<item><title>Gallery opens downtown</title><dc:creator><![CDATA[ed]]></dc:creator>
<content:encoded><![CDATA[<p>The new gallery opens on Friday.</p>]]></content:encoded>
<wp:post_name>gallery</wp:post_name><wp:post_date_gmt>2025-09-01 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="arts"><![CDATA[Arts &amp; Culture]]></category>
<category domain="post_tag" nicename="rock"><![CDATA[Rock &amp; Roll]]></category>
</item>
</channel></rss>
X
cat >"$TMP/a.jsonl" <<'J'
{"id":"concert","title":"Concert in the park","body":"A rock concert in the park.","section":"Arts & Culture","tags":["Rock & Roll"],"date":"2025-09-02T10:00:00Z","author":"By Jane Doe"}
{"id":"storm","title":"Storm hits the coast","body":"A storm hit the coast.","section":"World\u00a0","date":"2025-09-03T10:00:00Z","author":"BY CHRISTOPHER RUGABER"}
{"id":"talks","title":"Talks resume","body":"Talks resumed on Monday.","section":"World","date":"2025-09-04T10:00:00Z","author":"Byron Smith"}
J
run out err nindex --db "$TMP/db" "$TMP/export.xml" "$TMP/a.jsonl"
check "index" is "$rc" 0

total() {
    nsearch --db "$TMP/db" --json -n 0 --related 0 "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check 'section:"Arts & Culture" finds both' is \
    "$(total 'section:"Arts & Culture"')" 2
check 'tag:"Rock & Roll" finds both' is "$(total 'tag:"Rock & Roll"')" 2
check "section:world finds both" is "$(total section:world)" 2
check "author: finds the decoded name" is "$(total 'author:"O'"'"'Neil"')" 1

nsearch --db "$TMP/db" --json -n 10 --related 0 --facets section,tag "" \
    >"$TMP/all.json"
check "one value per label, bylines without By" python3 - "$TMP/all.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
sections = sorted((v["value"], v["count"]) for v in r["facets"]["section"])
assert sections == [("Arts & Culture", 2), ("World", 2)], sections
tags = [(v["value"], v["count"]) for v in r["facets"]["tag"]]
assert tags == [("Rock & Roll", 2)], tags
authors = {h["id"]: h["author"] for h in r["hits"]}
assert authors == {"gallery": "Ed O'Neil & Co", "concert": "Jane Doe",
                   "storm": "CHRISTOPHER RUGABER",
                   "talks": "Byron Smith"}, authors
PY

finish
