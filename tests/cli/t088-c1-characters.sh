#!/bin/sh
# t088-c1-characters.sh - The characters U+0080-U+009F through nindex and
# nsearch.  HTML's "&#146;" (pages, and feeds that escape it once more,
# "&amp;#146;") is U+2019 as browsers read it, windows-1252's character,
# not a control that vanished from "Mayor&#146;s"; in JSON Lines a C1
# control is windows-1252's character too (t268), so U+009B (CSI, an
# escape introducer to some terminals) is "›" and never reaches the
# terminal from a title, a section, a byline or a facet.
. "$(dirname "$0")/lib.sh"

# no_c1 FILE: FILE holds no C1 control (UTF-8 0xC2 0x80-0x9F).
no_c1() {
    python3 -c 'import sys; sys.exit(any(0x80 <= ord(c) <= 0x9f
        for c in open(sys.argv[1], encoding="utf-8").read()))' "$1"
}

mkdir -p "$TMP/in"
cat >"$TMP/in/plan.html" <<'HTML'
<html><head><meta charset="utf-8"></head><body><article><h1>Mayor&#146;s plan &#150; &#128;5m</h1><p>The harbour&#151;and the ferry&#150;terminal&#133;were over budget.</p></article></body></html>
HTML
cat >"$TMP/in/feed.rss" <<'RSS'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title>
<item><guid>f1</guid><title>Council&amp;#146;s vote</title>
<description>&lt;p&gt;The quay&amp;#151;finally&amp;#133; opens.&lt;/p&gt;</description></item>
</channel></rss>
RSS
printf '%s\n' '{"id":"esc2","title":"Csi \u009b2J\u009b31m title","body":"plain body csi.","lang":"en","section":"S\u009b31m","author":"Ann\u009b31m"}' >"$TMP/in/esc.jsonl"
check "index" nindex --quiet --db "$TMP/db" "$TMP/in"

title() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["title"])'
}
check "page title: &#146; &#150; &#128;" is "$(title harbour)" "Mayor’s plan – €5m"
run out err nsearch --db "$TMP/db" --related 0 harbour
check "page body: &#151; &#150; &#133;" contains "$TMP/out" "—and the ferry–terminal…were"
check "the apostrophe keeps the word whole" is "$(title "mayor’s")" "Mayor’s plan – €5m"
check "feed title: &amp;#146;" is "$(title vote)" "Council’s vote"
run out err nsearch --db "$TMP/db" --related 0 quay
check "feed description: &amp;#151; &amp;#133;" contains "$TMP/out" "**quay**—finally… opens"

run out err nsearch --db "$TMP/db" --related 0 --facets=section csi
check "jsonl: searched" contains "$TMP/out" "1 match"
check "jsonl: C1 controls are windows-1252" contains "$TMP/out" "Csi ›2J›31m title"
check "jsonl: none reaches the terminal" no_c1 "$TMP/out"
check "jsonl: section facet" contains "$TMP/out" "S›31m (1)"
check "jsonl: byline" contains "$TMP/out" "S›31m | Ann›31m | id esc2"
finish
