#!/bin/sh
# t251-markdown-tables.sh - GitHub's Markdown extensions that Hugo and
# Jekyll write, read as a reader sees them (README "Markdown"): a table's
# rows are lines with their cells apart and no delimiter row, a footnote
# reference ("budget[^note]") is no word and its mark is left out of the
# footnote's text, and strikethrough marks go while the words stay.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/site"
cat >"$TMP/site/mayors.md" <<'EOF2'
---
title: Mayors of the west
date: 2024-03-01
---
The budget[^note] grew. The ~~old~~ new plan.

| City | Mayor |
| ---- | :---: |
| Bergen | Hansen |
| Oslo | Berg |

[^note]: Footnoted as passed in March.

A line with a pipe | is not a table.
EOF2
check "index" nindex --quiet --db "$TMP/db" "$TMP/site"
nsearch --db "$TMP/db" --json --show mayors.md >"$TMP/show.json"
body() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["body"])' "$TMP/show.json"; }
body >"$TMP/body.txt"
check "a row is a line, cells apart" contains "$TMP/body.txt" "Bergen | Hansen"
check "the head row too" contains "$TMP/body.txt" "City | Mayor"
check "no delimiter row" lacks "$TMP/body.txt" "----"
check "no pipes at a row's ends" lacks "$TMP/body.txt" "| Bergen"
check "rows on lines of their own" python3 - "$TMP/body.txt" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
assert "Bergen | Hansen" in lines and "Oslo | Berg" in lines, lines
PY
check "no footnote reference" lacks "$TMP/body.txt" "[^note]"
check "the word before it whole" contains "$TMP/body.txt" "The budget grew."
check "the footnote's text kept" contains "$TMP/body.txt" "Footnoted as passed"
check "no strikethrough marks" lacks "$TMP/body.txt" "~~"
check "struck words kept" contains "$TMP/body.txt" "The old new plan."
check "a pipe in a sentence stays" contains "$TMP/body.txt" \
    "A line with a pipe | is not a table."

total() {
    nsearch --db "$TMP/db" --json -n 0 --related 0 --no-suggest "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check "'note' is no word of the post" is "$(total note)" 0
check "'budget' is" is "$(total budget)" 1
check "'footnoted' is" is "$(total footnoted)" 1
finish
