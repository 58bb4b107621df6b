#!/bin/sh
# t031-sniff-past-head.sh - README "Formats are chosen by name and by
# content", for what the first 4 KiB of a file do not settle: a JSON Feed
# written on one line with its keys sorted ("items" before "version", as
# json.dumps(sort_keys=True), jq -cS and Go write it) is read as a feed,
# named .json, named nothing, or on standard input, not as one JSON Lines
# record that lacks an id.
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

finish
