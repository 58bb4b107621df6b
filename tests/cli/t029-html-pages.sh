#!/bin/sh
# t029-html-pages.sh - HTML article pages as news sites save them, through
# nindex and nsearch: a page labelled ISO-8859-1 in windows-1252 keeps its
# punctuation.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

# windows-1252 bytes (0x92 0x93 0x94 0x96 0x85, 0xE9) under ISO-8859-1.
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>t</title></head><body><article><h1>The mayor\222s \223big\224 day \226 caf\351</h1><p>It\222s a walrus\205 really.</p></article></body></html>\n' >"$P/cp1252.html"

run out err nindex --db "$TMP/db" "$P"
check "pages: exit 0" is "$rc" 0
check "pages: every page added" contains "$TMP/out" "1 added"

# total QUERY: the number of hits.
total() {
    nsearch --db "$TMP/db" --json "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

run j1 e1 nsearch --db "$TMP/db" --json walrus
check "cp1252: punctuation kept, words apart" python3 - "$TMP/j1" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == "The mayor\u2019s \u201cbig\u201d day \u2013 caf\u00e9", h["title"]
assert "It\u2019s a walrus\u2026 really" in h["snippet"], h["snippet"]
PY

finish
