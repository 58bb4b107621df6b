#!/bin/sh
# t320-frontmatter-key-twice.sh - README "Markdown": a front-matter key
# given twice is read as Jekyll reads it, the last one kept, for every key
# alike, and a warning says so on the second one's line.  Before, the
# last title and the first date were kept, without a word: an editor's
# corrected date (the second "date:") was lost, and so was the article's
# date when the first did not read.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf -- '---\ntitle: Ferry strike ends\ndate: 2024-03-01\ntitle: Ferry strike called off\n---\nThe ferry crews return to work.\n' >"$D/a.md"
printf -- '---\ntitle: Harbour tolls\ndate: 2024-01-05\nsection: Harbour\ndate: 2024-02-09\n---\nThe harbour tolls rise.\n' >"$D/b.md"
printf -- '+++\ntitle = "Old pier"\ndate = "circa 1910"\ndate = "1910-06-01"\n+++\nThe old pier of oak.\n' >"$D/c.md"
printf -- '---\ntitle: Bridge opens\nTitle: Bridge opens in May\ndate: 2024-05-01\n---\nThe bridge opens.\n' >"$D/d.md"

run out err nindex --db "$TMP/db" "$D"
check "nothing skipped: a warning is no bad record (exit 0)" is "$rc" 0
check "title twice: said on the second one's line, naming the first's" \
    contains "$TMP/err" \
    "warning: $D/a.md:4: key 'title' given twice (line 2); the last is kept"
check "date twice: said on its second line" contains "$TMP/err" \
    "warning: $D/b.md:5: key 'date' given twice (line 3); the last is kept"
check "TOML: the same" contains "$TMP/err" \
    "warning: $D/c.md:4: key 'date' given twice (line 3); the last is kept"
check "keys compared without case, as the fields are read" \
    contains "$TMP/err" \
    "warning: $D/d.md:3: key 'title' given twice (line 2); the last is kept"
check "four warnings counted" contains "$TMP/out" "; 4 warnings"

field() {
    nsearch --db "$TMP/db" --json "id:$1" | python3 -c 'import json, sys
h = json.load(sys.stdin)["hits"]
print(h[0][sys.argv[1]] if h else "-")' "$2"
}
check "the last title is the one stored" is \
    "$(field a.md title)" "Ferry strike called off"
check "the last date is the one stored, as for the title" is \
    "$(field b.md date)" "2024-02-09T00:00:00Z"
check "a first date that does not read loses nothing: the second dates it" \
    is "$(field c.md date)" "1910-06-01T00:00:00Z"
check "the last of Title/title is stored" is \
    "$(field d.md title)" "Bridge opens in May"
check "a date filter finds the corrected date" is \
    "$(nsearch --db "$TMP/db" --json 'tolls date:2024-02' |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 1
finish
