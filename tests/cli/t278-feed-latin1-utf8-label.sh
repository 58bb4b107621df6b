#!/bin/sh
# t278-feed-latin1-utf8-label.sh - README "Feeds": a feed declared UTF-8
# with bytes in it that are not UTF-8 (a Latin-1 "é", 0xE9, pasted into a
# post; a windows-1252 curly quote, 0x92) has each such byte read as
# windows-1252's character, as a page declared UTF-8 has (t261), valid
# UTF-8 around it as written, with one warning for the item that names
# the first such byte and its line.  Before, each was U+FFFD: "café" was
# stored as "caf\uFFFD" and not found.  RSS 2.0, Atom and a WordPress
# export share the path.
. "$(dirname "$0")/lib.sh"

# hits QUERY: how many articles QUERY finds.
hits() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
# stored ID KEY: KEY of article ID as stored (nsearch --show --json).
stored() {
    nsearch --db "$TMP/db" --show "$1" --json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}

F=$TMP/feeds
mkdir -p "$F"
# RSS 2.0 declared UTF-8: Latin-1 bytes and a curly quote in the title and
# the CDATA body of item 1, with valid UTF-8 ("blåbær") beside them; item
# 2 clean.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>B</title><link>https://b.example/</link>\n<item><title>Caf\351 Fjord\222s new owner</title><link>https://b.example/1</link>\n<content:encoded><![CDATA[<p>The caf\351 on the quay sells bl\303\245b\303\246r jam.</p>]]></content:encoded></item>\n<item><title>Harbour</title><link>https://b.example/2</link><description>All clean text.</description></item>\n</channel></rss>\n' \
    >"$F/news.rss"
# Atom declared utf-8, the stray byte on the entry's third line.
printf '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>\n<entry><id>urn:a:1</id><title>Skiing season</title><updated>2024-01-01T00:00:00Z</updated>\n<link href="https://a.example/1"/>\n<content type="html">Snow in M\374nchen and St. Moritz.</content></entry>\n</feed>\n' \
    >"$F/atom.xml"
# A WordPress export (WXR) declared UTF-8, Latin-1 in its post.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>W</title><wp:wxr_version>1.2</wp:wxr_version>\n<item><title><![CDATA[Cr\350me br\373l\351e recipe]]></title><link>https://w.example/?p=7</link><guid isPermaLink="false">https://w.example/?p=7</guid>\n<content:encoded><![CDATA[<p>A cr\350me br\373l\351e for the d\351butante cook.</p>]]></content:encoded><wp:post_id>7</wp:post_id><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>\n</channel></rss>\n' \
    >"$F/export.xml"

run out err nindex --db "$TMP/db" "$F"
check "exit 0" is "$rc" 0
check "every item added, none skipped" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "three warnings counted" contains "$TMP/out" "; 3 warnings"
check "rss: one warning naming the first byte and its line" \
    contains "$TMP/err" \
    "news.rss:3: item 1: 3 bytes that are not UTF-8 read as windows-1252 (the first, 0xE9 'é', at line 3)"
check "atom: the byte and its line" contains "$TMP/err" \
    "atom.xml:3: item 1: byte 0xFC 'ü' at line 5 is not UTF-8: read as windows-1252"
check "wxr: the first byte and its line" contains "$TMP/err" \
    "export.xml:3: item 1: 7 bytes that are not UTF-8 read as windows-1252 (the first, 0xE8 'è', at line 3)"
check "one warning line each, none for the clean item" \
    is "$(wc -l <"$TMP/err")" 3

check "rss: title stored as written" \
    is "$(stored https://b.example/1 title)" "Café Fjord’s new owner"
check "rss: body stored, the UTF-8 beside it untouched" \
    is "$(stored https://b.example/1 body)" \
    "The café on the quay sells blåbær jam."
check "atom: body stored" \
    is "$(stored urn:a:1 body)" "Snow in München and St. Moritz."
check "wxr: title stored" \
    is "$(stored https://w.example/?p=7 title)" "Crème brûlée recipe"
for id in https://b.example/1 urn:a:1 https://w.example/?p=7; do
    nsearch --db "$TMP/db" --show "$id" --json
done >"$TMP/stored"
check "no U+FFFD stored" lacks "$TMP/stored" "$(printf '\357\277\275')"
check "café found" is "$(hits 'café')" 1
check "fjord's found as one word" is "$(hits "title:fjord’s")" 1
check "münchen found" is "$(hits 'münchen')" 1
check "débutante found in the export" is "$(hits 'débutante')" 1
check "blåbær found" is "$(hits 'blåbær')" 1

finish
