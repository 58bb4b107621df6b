#!/bin/sh
# t092-feed-unclosed.sh - README "Feeds": an item or entry whose end tag
# is missing (</item> left out, or an element in it never closed) is
# reported at its line and skipped, and the items after it are read whole,
# not lost without a word inside the one left open; the feed's own end
# tags, one element off after it, add no channel error.  A --prune run
# keeps the article of the item it could not read.
. "$(dirname "$0")/lib.sh"

# ids DB: the ids of every article in DB, sorted, separated by spaces.
ids() {
    nsearch --db "$1" --json --limit 100 '' |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# item N: the line of item bN; rss FILE N...: an RSS feed of those items,
# item 1 on line 3.
item() {
    echo "<item><title>Item $1</title><guid>b$1</guid><description>Text of item $1.</description></item>"
}
rss() {
    out=$1
    shift
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<rss version="2.0"><channel><title>T</title><link>https://t.example/</link>'
        for i in "$@"; do item "$i"; done
        echo '</channel></rss>'
    } >"$out"
}

# Item 3 (line 5) without its </item>.
rss "$TMP/good.rss" 1 2 3 4 5 6
sed '5s#</item>$##' "$TMP/good.rss" >"$TMP/feed.rss"
run out err nindex --db "$TMP/db1" "$TMP/feed.rss"
check "unclosed item: exit 3" is "$rc" 3
check "unclosed item: the items after it indexed" is "$(ids "$TMP/db1")" \
    "b1 b2 b4 b5 b6"
check "unclosed item: counted once" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
check "unclosed item: named at its line" contains "$TMP/err" \
    "feed.rss:5: item 3: no </item> before the next <item> at line 6"
check "unclosed item: no channel error after it" is "$(wc -l <"$TMP/err")" 1

# Two in a row, items 3 and 4.
sed -e '5s#</item>$##' -e '6s#</item>$##' "$TMP/good.rss" >"$TMP/two.rss"
run out err nindex --db "$TMP/db2" "$TMP/two.rss"
check "two unclosed items: the items after them indexed" \
    is "$(ids "$TMP/db2")" "b1 b2 b5 b6"
check "two unclosed items: each counted" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 2 skipped, 0 ignored"
check "two unclosed items: the second named" contains "$TMP/err" \
    "two.rss:6: item 4: no </item> before the next <item> at line 7"

# Item 2's <title> never closed: its </item> closes the title instead.
sed '4s#Item 2</title>#Item 2#' "$TMP/good.rss" >"$TMP/title.rss"
run out err nindex --db "$TMP/db3" "$TMP/title.rss"
check "unclosed title: the items after it indexed" is "$(ids "$TMP/db3")" \
    "b1 b3 b4 b5 b6"
check "unclosed title: counted once" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
check "unclosed title: named at its line" contains "$TMP/err" \
    "title.rss:4: item 2: Opening and ending tag mismatch: title line 4 and item"
check "unclosed title: no channel error after it" is "$(wc -l <"$TMP/err")" 1

# The last item open at </channel>: one record, not two.
sed '8s#</item>$##' "$TMP/good.rss" >"$TMP/last.rss"
run out err nindex --db "$TMP/db4" "$TMP/last.rss"
check "unclosed last item: counted once" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
check "unclosed last item: named" contains "$TMP/err" "last.rss:9: item 6:"
check "unclosed last item: no channel error after it" \
    is "$(wc -l <"$TMP/err")" 1

# Atom: entry a2 without its </entry>.
cat >"$TMP/feed.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:f</id>
<updated>2025-01-01T00:00:00Z</updated><author><name>Ann</name></author>
<entry><id>a1</id><title>One</title><updated>2025-01-01T00:00:00Z</updated><content>First.</content></entry>
<entry><id>a2</id><title>Two</title><updated>2025-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Second</p></div></content>
<entry><id>a3</id><title>Three</title><updated>2025-01-01T00:00:00Z</updated><content>Third.</content></entry>
<entry><id>a4</id><title>Four</title><updated>2025-01-01T00:00:00Z</updated><content>Fourth.</content></entry>
</feed>
ATOM
run out err nindex --db "$TMP/db5" "$TMP/feed.atom"
check "unclosed entry: the entries after it indexed" is "$(ids "$TMP/db5")" \
    "a1 a3 a4"
check "unclosed entry: counted once" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
check "unclosed entry: named at its line" contains "$TMP/err" \
    "feed.atom:5: item 2: no </entry> before the next <entry> at line 6"
check "unclosed entry: no feed error after it" is "$(wc -l <"$TMP/err")" 1

# --prune: the night before the feed was whole and had b7; tonight item 3
# is unclosed and b7 is gone.  The prune is not done (exit 4), so b3 is
# kept, and the items after it are brought up to date.
rss "$TMP/night1.rss" 1 2 3 4 5 6 7
mkdir -p "$TMP/arch"
cp "$TMP/night1.rss" "$TMP/arch/feed.rss"
run out err nindex --db "$TMP/db6" "$TMP/arch"
check "prune: the whole feed indexed" is "$(ids "$TMP/db6")" \
    "b1 b2 b3 b4 b5 b6 b7"
sed -e '5s#</item>$##' -e 's#Text of item 6#New text of item 6#' \
    "$TMP/good.rss" >"$TMP/arch/feed.rss"
run out err nindex --db "$TMP/db6" --prune "$TMP/arch"
check "prune: not done after an item not read (exit 4)" is "$rc" 4
check "prune: the item not read is kept" is "$(ids "$TMP/db6")" \
    "b1 b2 b3 b4 b5 b6 b7"
check "prune: an item after it replaced" contains "$TMP/out" \
    "0 added, 1 replaced, 4 unchanged, 0 deleted, 1 skipped, 0 ignored"
run j e nsearch --db "$TMP/db6" --json "id:b6"
check "prune: the item after it has its new text" contains "$TMP/j" \
    "New text of item 6"

finish
