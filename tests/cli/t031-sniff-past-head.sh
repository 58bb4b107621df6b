#!/bin/sh
# t031-sniff-past-head.sh - README "Formats are chosen by name and by
# content", for what the first 4 KiB of a file do not settle: a JSON Feed
# written on one line with its keys sorted ("items" before "version", as
# json.dumps(sort_keys=True), jq -cS and Go write it) is read as a feed,
# named .json, named nothing, or on standard input, not as one JSON Lines
# record that lacks an id; and an RSS or Atom feed whose root element comes
# after a long prolog (an xml-stylesheet and a licence in a comment) is
# read, not ignored, while one cut off before its root is a skipped
# record, so that --prune keeps the articles it held the night before.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP" <<'PY'
import json, sys
items = [{"id": "https://x.example/p/%d" % i, "url": "https://x.example/p/%d" % i,
          "title": "Post number %d" % i,
          "content_html": "<p>" + "Some text of the post. " * 30 + "</p>",
          "date_published": "2025-08-%02dT10:00:00Z" % (i + 1)}
         for i in range(10)]
feed = {"version": "https://jsonfeed.org/version/1.1", "title": "X",
        "home_page_url": "https://x.example/", "items": items}
text = json.dumps(feed, sort_keys=True)
assert text.index('"version"') > 4096
open(sys.argv[1] + "/sorted.json", "w").write(text)
PY

run out err nindex --db "$TMP/db1" "$TMP/sorted.json"
check "sorted JSON Feed: exit 0" is "$rc" 0
check "sorted JSON Feed: every item added" contains "$TMP/out" "10 added"
check "sorted JSON Feed: no record skipped" contains "$TMP/out" "0 skipped"
check "sorted JSON Feed: no missing id" lacks "$TMP/err" "missing id"
run j1 e1 nsearch --db "$TMP/db1" --json "id:https://x.example/p/9"
check "sorted JSON Feed: the last item found by its id" contains "$TMP/j1" \
    '"title":"Post number 9"'

mkdir -p "$TMP/arch"
cp "$TMP/sorted.json" "$TMP/arch/feed"
run out err nindex --db "$TMP/db2" "$TMP/arch"
check "sorted JSON Feed, no extension, in a walk: every item" \
    contains "$TMP/out" "10 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"

run out err sh -c "'$NSEARCH_BIN/nindex' --db '$TMP/db3' - <'$TMP/sorted.json'"
check "sorted JSON Feed on standard input: every item" \
    contains "$TMP/out" "10 added"
check "sorted JSON Feed on standard input: exit 0" is "$rc" 0

# A feed behind a long prolog, in a directory pruned every night.
P=$TMP/pr
mkdir -p "$P"
printf '{"id":"j%d","title":"x","body":"y"}\n' 1 2 3 4 5 6 7 8 9 >"$P/other.jsonl"
ROOT='<rss version="2.0"><channel><title>A</title><link>https://a.example/</link><item><title>Item one</title><guid>i1</guid><description>Body one</description></item></channel></rss>'
printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$ROOT" >"$P/feed.xml"
run out err nindex --db "$TMP/dbp" --prune "$P"
check "prune night 1: the feed and the records added" contains "$TMP/out" "10 added"
pad=$(head -c 5000 /dev/zero | tr '\0' x)
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>'
    echo "<!-- $pad -->"
    echo "$ROOT"
} >"$P/feed.xml"
run out err nindex --db "$TMP/dbp" --prune "$P"
check "long prolog: exit 0" is "$rc" 0
check "long prolog: the feed is read, nothing ignored or deleted" \
    contains "$TMP/out" "10 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "long prolog: no ignored note" lacks "$TMP/err" "ignored"
run j2 e2 nsearch --db "$TMP/dbp" --json id:i1
check "long prolog: the item is still there" contains "$TMP/j2" '"total":1'

# Cut off inside its prolog (a failed download): a skipped record, so the
# prune is not done and the item stays.
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<!-- $pad"
} >"$P/feed.xml"
run out err nindex --db "$TMP/dbp" --prune "$P"
check "cut in its prolog: exit 4, prune not done" is "$rc" 4
check "cut in its prolog: a skipped record" contains "$TMP/out" "1 skipped, 0 ignored"
check "cut in its prolog: says why" contains "$TMP/err" \
    "feed.xml: XML that ends before its root element"
run j3 e3 nsearch --db "$TMP/dbp" --json id:i1
check "cut in its prolog: the item is kept" contains "$TMP/j3" '"total":1'

finish
