#!/bin/sh
# t337-json-frontmatter-key-twice.sh - README "Markdown": a key given twice
# in a JSON header (Hugo's third form) is said as in YAML and TOML, on the
# second one's line with the first's, and the last is kept: `key 'title'
# given twice (line 2); the last is kept`.  Before, jansson kept the last
# without a word, so an editor's corrected headline above a stale one
# (or the reverse) was lost unseen.  A key inside a nested object, or
# "title": written inside a string, is no top-level key given twice.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf '{\n  "title": "Ferry strike ends",\n  "date": "2025-01-01",\n  "title": "Ferry strike called off",\n  "tags": ["ferry"]\n}\n\nThe crews went back to work.\n' >"$D/twice.md"
printf '{\n  "Title": "Harbour tolls",\n  "tags": ["port"],\n\n  "title": "Harbour tolls rise"\n}\nTolls rise in May.\n' >"$D/case.md"
printf '{\n  "title": "Bridge opens",\n  "note": "the \\"title\\": was changed",\n  "params": {"title": "a", "title": "b"}\n}\nThe bridge opened.\n' >"$D/once.md"

run out err nindex --db "$TMP/db" "$D"
check "nothing skipped (exit 0)" is "$rc" 0
check "three added" contains "$TMP/out" "3 added"
title_of() {
    nsearch --db "$TMP/db" --json "id:$1" |
        python3 -c 'import json, sys; h = json.load(sys.stdin)["hits"]; print(h[0]["title"] if h else "-")'
}
check "said on the second one's line, with the first's" contains "$TMP/err" \
    "warning: $D/twice.md:4: key 'title' given twice (line 2); the last is kept"
check "the last is kept" is "$(title_of twice.md)" "Ferry strike called off"
check "the keys around it still read" is "$(nsearch --db "$TMP/db" --json \
    'tag:ferry' | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 1
check "keys compared without case" contains "$TMP/err" \
    "warning: $D/case.md:5: key 'Title' given twice (line 2); the last is kept"
check "a key written once: no word" lacks "$TMP/err" "once.md"
check "two warnings counted" contains "$TMP/out" "; 2 warnings"
finish
