#!/bin/sh
# t280-credit-lines.sh - A wire service's credit line gives the story's
# reporters and writers as its authors, not its editors.  Stored as
# written, "Reporting by Jane Doe; Editing by John Smith" made the editor
# an author (author:"John Smith" found every story he edited) and the
# byline "Editing by John Smith" a name, "Ali Khan in Oslo" another.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"r1","title":"Oil output rises","body":"Crude output rose.","author":"Reporting by Jane Doe; Editing by John Smith","date":"2025-01-02T00:00:00Z"}
{"id":"r2","title":"Ferry strike ends","body":"The strike ended.","author":"Reporting by Jane Doe and Ali Khan in Oslo; Writing by Per Berg; Editing by Anna Holm","date":"2025-01-03T00:00:00Z"}
{"id":"r3","title":"Bank rates held","body":"Rates were held.","author":"Reporting by Lise Dahl; Additional reporting by Zed Olsen in Bergen; Editing by John Smith","date":"2025-01-04T00:00:00Z"}
{"id":"r4","title":"Markets wrap","body":"Shares fell.","author":"Compiled by Mia Lund; Edited by John Smith","date":"2025-01-05T00:00:00Z"}
{"id":"r5","title":"Summit talks","body":"Leaders met.","author":"(Reporting by Tom Reed in London and Washington; Editing by Anna Holm)","date":"2025-01-06T00:00:00Z"}
{"id":"r6","title":"Editor's own story","body":"He wrote one.","author":"Reporting by John Smith","date":"2025-01-07T00:00:00Z"}
{"id":"r7","title":"Desk note","body":"Edited only.","author":"Editing by John Smith","date":"2025-01-08T00:00:00Z"}
{"id":"p1","title":"Plain byline","body":"Local news.","author":"Kari Nordmann and Ola Nordmann","date":"2025-01-09T00:00:00Z"}
{"id":"p2","title":"Byline with a place","body":"Local news.","author":"Jane Roe in Oslo","date":"2025-01-10T00:00:00Z"}
J
cat >"$TMP/feed.xml" <<'X'
<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Wire</title><link>https://example.com/</link>
<item><title>Grain exports</title><link>https://example.com/f1</link>
<guid>f1</guid><description>Grain exports fell.</description>
<dc:creator>Reporting by Jane Doe; Editing by John Smith</dc:creator>
<pubDate>Sat, 11 Jan 2025 10:00:00 GMT</pubDate></item>
</channel></rss>
X
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" "$TMP/feed.xml"

# ids QUERY: the ids of the hits of QUERY, sorted.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
# author ID: the stored author of ID ("-" for none).
author() {
    nsearch --db "$TMP/db" --show "$1" --json | python3 -c 'import json, sys
print(json.load(sys.stdin).get("author") or "-")'
}

check "author:\"John Smith\": the story he reported, not those he edited" \
    is "$(ids 'author:"John Smith"')" "r6"
check "author:editing finds no byline" is "$(ids 'author:editing')" ""
check "author:\"Jane Doe\": her stories, and the feed's" \
    is "$(ids 'author:"Jane Doe"')" "f1 r1 r2"
check "author:\"Ali Khan\": the co-reporter" is "$(ids 'author:"Ali Khan"')" "r2"
check "author:oslo: a place is no author" is "$(ids 'author:oslo')" "p2"
check "author:\"Anna Holm\": an editor, no author" \
    is "$(ids 'author:"Anna Holm"')" ""
check "r1: the reporter" is "$(author r1)" "Jane Doe"
check "r2: the reporters and the writer" \
    is "$(author r2)" "Jane Doe, Ali Khan, Per Berg"
check "r3: the additional reporter, without Bergen" \
    is "$(author r3)" "Lise Dahl, Zed Olsen"
check "r4: the compiler" is "$(author r4)" "Mia Lund"
check "r5: in parentheses, two places" is "$(author r5)" "Tom Reed"
check "r7: an editor alone is no author" is "$(author r7)" "-"
check "f1: a feed's dc:creator too" is "$(author f1)" "Jane Doe"
check "p1: a plain byline as written" is "$(author p1)" "Kari Nordmann and Ola Nordmann"
check "p2: no credit line, kept as written" is "$(author p2)" "Jane Roe in Oslo"
finish
