#!/bin/sh
# t183-html-deep-text.sh - Text nested more than 200 elements deep in an
# HTML page was left out without a word: the page was "1 added", and the
# site never learnt that part of its story could not be found.  Now the
# page says so once, as a warning the summary counts; the text around the
# deep part is still indexed.
. "$(dirname "$0")/lib.sh"

S=$TMP/src
mkdir -p "$S"
# deep.html: 250 nested <div>s around a paragraph, twice (one warning).
python3 -c '
nest = "<div>" * 250 + "<p>%s deep inside the nesting.</p>" + "</div>" * 250
print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Deep page</title></head><body><main><article><h1>Deep page</h1>"
      "<p>Lighthouse before the nesting, long enough to be the start.</p>"
      + nest % "Quayside" + nest % "Breakwater" +
      "<p>Ferryman after the nesting closes again.</p>"
      "</article></main></body></html>")' >"$S/deep.html"
# shallow.html: 150 nested, within the limit: no warning.
python3 -c '
print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Shallow page</title></head><body><main><article><h1>Shallow page</h1>"
      + "<div>" * 150 + "<p>Harbourmaster inside the nesting.</p>" + "</div>" * 150 +
      "</article></main></body></html>")' >"$S/shallow.html"
# blank.html: nothing but white space down there: nothing lost, no warning.
python3 -c '
print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Blank page</title></head><body><main><article><h1>Blank page</h1>"
      "<p>Pilotboat text of the story.</p>"
      + "<div> " * 250 + "</div>" * 250 +
      "</article></main></body></html>")' >"$S/blank.html"

run out err nindex --db "$TMP/db" "$S"
check "index: exit 0" is "$rc" 0
check "index: every page added" contains "$TMP/out" "3 added"
check "index: one warning counted" contains "$TMP/out" "1 warning"
check "the warning names the page" contains "$TMP/err" \
    "deep.html: text nested deeper than 200 elements left out"
check "said once for the page" is "$(grep -c "nested deeper" "$TMP/err")" 1
check "no warning for a page within the limit" lacks "$TMP/err" "shallow.html"
check "no warning when only white space is deep" lacks "$TMP/err" "blank.html"

hits() { nsearch --db "$TMP/db" --json "$1" | python3 -c 'import json,sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }
check "the text before the nesting is found" is "$(hits lighthouse)" deep.html
check "the text after the nesting is found" is "$(hits ferryman)" deep.html
check "the deep text is left out" is "$(hits quayside)" ""
check "text nested 150 deep is found" is "$(hits harbourmaster)" shallow.html

finish
