#!/bin/sh
# t285-feed-namespace-cutoff.sh - RSS 2.0 declaring Userland's default
# namespace (xmlns="http://backend.userland.com/rss2", or ".../rss") was
# refused whole, exit 3 and nothing read: it is RSS 2.0.  A feed or export
# cut off mid-download said "Extra content at the end of the document" or
# "expected '>'", which reads as a fault of the feed; now it says the file
# ends inside its <channel> after item N, still a skipped record, so the
# run exits 3 and does not prune.
. "$(dirname "$0")/lib.sh"

ids() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

for ns in http://backend.userland.com/rss2 http://backend.userland.com/rss; do
    cat >"$TMP/ul.rss" <<RSS
<?xml version="1.0"?><rss version="2.0" xmlns="$ns"><channel><title>u</title><link>https://u.example/</link>
<item><title>Userland story</title><link>https://u.example/1</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate><category>Harbour</category><description>The quay reopens.</description></item>
</channel></rss>
RSS
    rm -rf "$TMP/u"
    run out err nindex --db "$TMP/u" "$TMP/ul.rss"
    check "$ns: exit 0" is "$rc" 0
    check "$ns: the item added" contains "$TMP/out" "1 added"
    check "$ns: its link is its id" is "$(ids "$TMP/u")" "https://u.example/1"
    check "$ns: its fields read" is "$(nsearch --db "$TMP/u" --json quay |
        python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"][0]; print(h["section"], h["date"][:10])')" \
        "Harbour 2026-11-03"
done

# A feed of five items, whole, and cut off after its fifth item.
items() {
    i=1
    while [ "$i" -le "$1" ]; do
        echo "<item><title>Story $i</title><link>https://c.example/$i</link><description>Herring $i.</description></item>"
        i=$((i + 1))
    done
}
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><link>https://c.example/</link>'
    items 6
    echo '</channel></rss>'
} >"$TMP/whole.rss"
db=$TMP/db
nindex --quiet --db "$db" "$TMP/whole.rss" 2>/dev/null
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><link>https://c.example/</link>'
    items 5
} >"$TMP/cut.rss"
run out err nindex --db "$db" --prune "$TMP/cut.rss"
check "cut after an item: said so, where" contains "$TMP/err" \
    "cut.rss:6: the file ends inside <channel> after item 5: cut off? the items after it are missing"
check "cut after an item: no parser's guess" lacks "$TMP/err" "Extra content"
check "cut after an item: a skipped record" contains "$TMP/out" "1 skipped"
check "cut after an item: not pruned (exit 4)" is "$rc" 4
check "cut after an item: item 6 kept" \
    is "$(ids "$db" | wc -w | tr -d ' ')" 6

# Cut inside an item's tag: that item said cut off.
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><link>https://c.example/</link>'
    items 5
    printf '<item><title>Story 6</title><desc'
} >"$TMP/mid.rss"
run out err nindex --db "$TMP/m" "$TMP/mid.rss"
check "cut inside an item: exit 3" is "$rc" 3
check "cut inside an item: said so" contains "$TMP/err" \
    "item 6: the file ends inside this item: cut off? it and the items after it are missing"
check "cut inside an item: no parser's guess" lacks "$TMP/err" "Couldn't find end"
check "cut inside an item: the five before it added" contains "$TMP/out" \
    "5 added"

# Cut in a closing tag, "</chan": nothing more read, still said cut off.
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><link>https://c.example/</link>'
    items 2
    printf '</chan'
} >"$TMP/end.rss"
run out err nindex --db "$TMP/e" "$TMP/end.rss"
check "cut in an end tag: exit 3" is "$rc" 3
check "cut in an end tag: said so" contains "$TMP/err" \
    "after item 2: cut off? the items after it are missing"
check "cut in an end tag: no parser's guess" lacks "$TMP/err" "expected '>'"
finish
