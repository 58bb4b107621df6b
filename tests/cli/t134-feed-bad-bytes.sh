#!/bin/sh
# t134-feed-bad-bytes.sh - README "Feeds": a byte that is not UTF-8 or a
# control character XML does not allow, in a feed read as UTF-8, is put
# right before the XML parser sees it (windows-1252's character, a
# space), and the item is indexed
# with a warning.  Before, one such byte in a CDATA section ended the feed
# (every later item lost without a word, not counted, and a --rebuild
# published without them), and outside CDATA later items were indexed
# with their title, byline or body blank.  A parser that still stops
# before the end says the rest of the file was not read, and the file
# counts as one not read whole: no prune, no rebuild published.
. "$(dirname "$0")/lib.sh"

# hits DB QUERY: how many articles QUERY finds in DB.
hits() {
    nsearch --db "$1" --json "$2" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
# field DB QUERY KEY: KEY of the first hit of QUERY in DB.
field() {
    nsearch --db "$1" --json "$2" | python3 -c 'import json, sys
h = json.load(sys.stdin)["hits"]
print(h[0].get(sys.argv[1]) if h else "NONE")' "$3"
}
HEAD='<?xml version="1.0" encoding="UTF-8"?>'
RSS='<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>B</title><link>https://b.example/</link>'
# item N TITLE BODY: an RSS item with its body in CDATA.
item() {
    printf '<item><title>%s</title><link>https://b.example/%s</link><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>\n' "$2" "$1" "$3"
}

# 1. A Latin-1 byte in item 1's CDATA, in a feed declared UTF-8.
{
    echo "$HEAD"
    echo "$RSS"
    item 1 One "Caf$(printf '\351') opens."
    item 2 Two "Second story, harbourfront."
    item 3 Three "Third story, lighthouse."
    echo '</channel></rss>'
} >"$TMP/stray-cdata.rss"
run out err nindex --db "$TMP/db1" "$TMP/stray-cdata.rss"
check "cdata byte: exit 0" is "$rc" 0
check "cdata byte: every item added, nothing skipped" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "cdata byte: a warning with the item's line and the byte" \
    contains "$TMP/err" \
    "stray-cdata.rss:3: item 1: byte 0xE9 'é' at line 3 is not UTF-8: read as windows-1252"
check "cdata byte: one warning" is "$(wc -l <"$TMP/err")" 1
check "cdata byte: the items after it found" is "$(hits "$TMP/db1" harbourfront)" 1
check "cdata byte: the last item found" is "$(hits "$TMP/db1" lighthouse)" 1
check "cdata byte: the byte is windows-1252's" \
    is "$(field "$TMP/db1" opens snippet)" "Café opens."

# 2. A WordPress export with a vertical tab (valid UTF-8) in the first
# post: the later posts are indexed, and the draft, page and menu item
# ignored and counted.
wp() { # wp ID TYPE STATUS TITLE BODY
    printf '<item><title><![CDATA[%s]]></title><link>https://w.example/?p=%s</link><dc:creator><![CDATA[ole]]></dc:creator><guid isPermaLink="false">https://w.example/?p=%s</guid><content:encoded><![CDATA[<p>%s</p>]]></content:encoded><wp:post_id>%s</wp:post_id><wp:status><![CDATA[%s]]></wp:status><wp:post_type><![CDATA[%s]]></wp:post_type></item>\n' \
        "$4" "$1" "$1" "$5" "$1" "$3" "$2"
}
{
    echo "$HEAD"
    echo '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>W</title><wp:wxr_version>1.2</wp:wxr_version>'
    echo '<wp:author><wp:author_login><![CDATA[ole]]></wp:author_login><wp:author_display_name><![CDATA[Ole Aasen]]></wp:author_display_name></wp:author>'
    wp 101 post publish "Festspillene" "Bergen$(printf '\013')apnet onsdag."
    wp 102 post publish "Ferja" "Ferjekaia stengt."
    wp 103 post draft "Utkast" "Not yet."
    wp 104 page publish "Om oss" "About."
    wp 105 nav_menu_item publish "Meny" ""
    wp 106 post publish "Brua" "Brua gjenapnet."
    echo '</channel></rss>'
} >"$TMP/wxr.xml"
run out err nindex --db "$TMP/db2" "$TMP/wxr.xml"
check "wxr: exit 0" is "$rc" 0
check "wxr: posts added, draft, page and menu ignored" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 3 ignored"
check "wxr: the tab said, not as 'not proper UTF-8'" contains "$TMP/err" \
    "wxr.xml:4: item 1: the control character U+000B at line 4, which XML does not allow, read as a space"
check "wxr: no libxml2 encoding message" lacks "$TMP/err" "proper UTF-8"
check "wxr: the draft said" contains "$TMP/err" \
    "ignored: a WordPress post with status 'draft'"
check "wxr: the tab is a space between words" \
    is "$(hits "$TMP/db2" bergen)" 1
check "wxr: a later post found" is "$(hits "$TMP/db2" ferjekaia)" 1
check "wxr: the last post found, its byline kept" \
    is "$(field "$TMP/db2" gjenapnet author)" "Ole Aasen"

# 3. Stray bytes outside CDATA in several items: libxml2 reported the
# first only, and later items came with their title, byline or body
# blank.
{
    echo "$HEAD"
    echo "$RSS<language>no</language>"
    printf '<item><title>First</title><link>https://b.example/1</link><description>Stray byte: caf\351.</description></item>\n'
    printf '<item><title>Second</title><link>https://b.example/2</link><description>All ASCII text here.</description></item>\n'
    printf '<item><title>Tredje sak p\345 l\370rdag</title><link>https://b.example/3</link><description>Body three.</description><dc:creator>Bj\370rn \305s</dc:creator></item>\n'
    printf '<item><title>Fourth</title><link>https://b.example/4</link><description>Mixed: sn\370 and ASCII words after it.</description></item>\n'
    echo '</channel></rss>'
} >"$TMP/stray2.rss"
run out err nindex --db "$TMP/db3" "$TMP/stray2.rss"
check "fields: every item added" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "fields: item 3's bytes said" contains "$TMP/err" \
    "stray2.rss:5: item 3: 4 bytes that are not UTF-8 read as windows-1252 (the first, 0xE5 'å', at line 5)"
check "fields: item 4's byte said" contains "$TMP/err" \
    "stray2.rss:6: item 4: byte 0xF8 'ø' at line 6 is not UTF-8: read as windows-1252"
check "fields: a warning each for items 1, 3 and 4" is "$(wc -l <"$TMP/err")" 3
check "fields: item 3's title found" is "$(hits "$TMP/db3" 'title:tredje')" 1
check "fields: item 3's byline kept" \
    is "$(field "$TMP/db3" tredje author)" "Bjørn Ås"
check "fields: item 4's body found" is "$(hits "$TMP/db3" mixed)" 1

# 4. Latin-1 with no encoding declared (old CMSs): XML reads it as UTF-8,
# and each stray byte is windows-1252's, as a page with no declaration.
{
    echo '<?xml version="1.0"?>'
    echo '<rss version="2.0"><channel><title>Bygdeposten</title><link>https://bp.example/</link><language>no</language>'
    printf '<item><title>Vegen er stengt</title><link>https://bp.example/1</link><description>Raset gikk i natt.</description></item>\n'
    printf '<item><title>Ny butikk p\345 torget</title><link>https://bp.example/2</link><description>\305pner fredag.</description></item>\n'
    printf '<item><title>Fotballkamp avlyst</title><link>https://bp.example/3</link><description>Banen er for bl\370t.</description></item>\n'
    echo '</channel></rss>'
} >"$TMP/nodecl.rss"
run out err nindex --db "$TMP/db4" "$TMP/nodecl.rss"
check "undeclared: every item added" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "undeclared: said as windows-1252" contains "$TMP/err" \
    "nodecl.rss:4: item 2: 2 bytes that are not UTF-8 read as windows-1252, as no encoding is declared (the first, 0xE5 'å', at line 4)"
check "undeclared: the title as written" \
    is "$(field "$TMP/db4" torget title)" "Ny butikk på torget"
check "undeclared: item 2's body found" is "$(hits "$TMP/db4" 'åpner')" 1
check "undeclared: item 3's body found" is "$(hits "$TMP/db4" 'bløt')" 1

# 5. --rebuild: the night before, six clean items; tonight a vertical tab
# in item 4's CDATA.  Items 5 and 6 are published too.
night() { # night FILE [TAB]
    {
        echo "$HEAD"
        echo "$RSS"
        for i in 1 2 3 4 5 6; do
            t=""
            [ "$i" = 4 ] && t=$2
            item "$i" "Night $i" "Story${t} number$i."
        done
        echo '</channel></rss>'
    } >"$1"
}
mkdir -p "$TMP/n1" "$TMP/n2"
night "$TMP/n1/feed.rss" ""
night "$TMP/n2/feed.rss" "$(printf '\013')"
run out err nindex --db "$TMP/db5" --rebuild "$TMP/n1/feed.rss"
check "rebuild: the clean feed published" is "$rc" 0
run out err nindex --db "$TMP/db5" --rebuild "$TMP/n2/feed.rss"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: all six read" contains "$TMP/out" \
    "6 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "rebuild: published" contains "$TMP/out" "published gen-000002"
check "rebuild: item 5 in the live index" is "$(hits "$TMP/db5" number5)" 1
check "rebuild: item 6 in the live index" is "$(hits "$TMP/db5" number6)" 1

# 6. A character cut by the end of a read (16 KiB) and a stray byte at
# it: read as written, and the byte said once.
python3 - "$TMP/chunks.rss" <<'PY'
import sys
def item(n, title, desc):
    return (b'<item><title>%s</title><link>https://c.example/%d</link>'
            b'<description>%s</description></item>\n' % (title, n, desc))
def pad_to(doc, n, until, tail):
    # An item whose description fills DOC up to offset UNTIL, less TAIL.
    empty = len(item(n, b'Pad', b''))
    return doc + item(n, b'Pad', b'z' * (until - len(doc) - empty - len(tail)))
doc = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
       b'<title>C</title><link>https://c.example/</link>\n')
doc += item(1, b'First', b'x')
# "\xc3\xa5" across offset 16384, the end of nindex's first read.
tail = b'<item><title>Bl'
doc = pad_to(doc, 8, 16383, tail) + tail
assert len(doc) == 16383
doc += b'\xc3\xa5b\xc3\xa6r</title><link>https://c.example/2</link>'
doc += b'<description>Cloudberry.</description></item>\n'
# A stray byte at offset 32768, the first of the third read.
tail = b'<item><title>Stray</title><link>https://c.example/3</link><description>x'
doc = pad_to(doc, 9, 32768, tail) + tail
assert len(doc) == 32768
doc += b'\xe9 marmalade.</description></item>\n</channel></rss>\n'
open(sys.argv[1], 'wb').write(doc)
PY
run out err nindex --db "$TMP/db6" "$TMP/chunks.rss"
check "chunks: every item added" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "chunks: the cut character read whole" \
    is "$(field "$TMP/db6" cloudberry title)" "Blåbær"
check "chunks: the stray byte at the boundary said once" \
    is "$(grep -c 'byte 0xE9' "$TMP/err")" 1
check "chunks: only that warning" is "$(wc -l <"$TMP/err")" 1
check "chunks: its item found" is "$(hits "$TMP/db6" marmalade)" 1

# 7. A parser that still stops before the end: an attribute over 10 MB
# in item 2.  The run says the rest was not read, and the file counts as
# one not read whole.
{
    echo "$HEAD"
    echo "$RSS"
    item 7 Seven "Before the big one."
    printf '<item><title>Big</title><x a="'
    head -c 11000000 /dev/zero | tr '\0' a
    printf '"/></item>\n'
    item 9 Nine "After the big one."
    echo '</channel></rss>'
} >"$TMP/huge.rss"
mkdir -p "$TMP/arch"
cp "$TMP/n1/feed.rss" "$TMP/arch/feed.rss"
run out err nindex --db "$TMP/db7" "$TMP/arch"
cp "$TMP/huge.rss" "$TMP/arch/feed.rss"
run out err nindex --db "$TMP/db7" "$TMP/arch"
check "halted: exit 3" is "$rc" 3
check "halted: where, and that the rest was not read" contains "$TMP/err" \
    "feed.rss:4: item 2: internal error: Huge input lookup; the XML parser stopped here, and the rest of the file was not read"
check "halted: the item before it added, one skipped" contains "$TMP/out" \
    "1 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
run out err nindex --db "$TMP/db7" --prune "$TMP/arch"
check "halted: no prune (exit 4)" is "$rc" 4
check "halted: the articles of the night before kept" \
    is "$(hits "$TMP/db7" number6)" 1
run out err nindex --db "$TMP/db7" --rebuild "$TMP/arch"
check "halted: a rebuild not published (exit 1)" is "$rc" 1
check "halted: the rebuild says why" contains "$TMP/err" \
    "1 file could not be read whole"

finish
