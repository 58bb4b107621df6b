#!/bin/sh
# t230-json-label-types.sh - Labels of a JSON Lines record that are not
# strings.  Exporters that keep a year, a desk number or a staff id as a
# JSON number wrote "tags": [2025, "valg"], "section": 2025, "author": 42,
# and the whole article was skipped ("field 'tags' is not a list of
# strings", exit 3).  A number is now the label its digits spell; an
# object, a list or true in a label's place is left out with a warning
# and the article kept.  A list of co-authors longer than the byline's
# 200 bytes kept the names that fit and lost the rest without a word: it
# warns now, as an over-long section or tag does.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/labels.jsonl" <<'EOF2'
{"id":"f1","title":"Tally","body":"harbour vote","tags":[2025,"valg"]}
{"id":"f2","title":"Desk","body":"harbour desk","section":2025,"author":42}
{"id":"f3","title":"Odd","body":"harbour odd","tags":[{"a":1},true,1.5,["q"],"ok"]}
{"id":"f4","title":"Sect","body":"harbour sect","section":{"x":1}}
{"id":"f5","title":"Byline","body":"harbour byline","author":true}
{"id":"f6","title":"Person","body":"harbour person","author":{"name":"Kari Nordmann"},"section":[{"x":1},7]}
{"id":"f7","title":"Real","body":"harbour real","tags":[3.0,0.1]}
EOF2
run out err nindex --db "$TMP/db" "$TMP/labels.jsonl"
check "every record is indexed, exit 0" is "$rc" 0
check "7 added, none skipped" contains "$TMP/out" "7 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "no record refused for a label's type" lacks "$TMP/err" "is not a list of strings"
check "no record refused for a section's type" lacks "$TMP/err" "is not a string"

ids() { nsearch --db "$TMP/db" --json "$@" |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
check "a number in tags is a tag" is "$(ids tag:2025)" "f1"
check "... and the tag beside it kept" is "$(ids tag:valg)" "f1"
check "a number as section" is "$(ids section:2025)" "f2"
check "a number as author" is "$(ids 'author:42')" "f2"
check "a real is the text JSON prints" is "$(ids tag:1.5)" "f3"
check "a whole real is its integer" is "$(ids tag:3)" "f7"
check "0.1 is 0.1" is "$(ids tag:0.1)" "f7"
check "the tags that are labels kept beside dropped items" is "$(ids tag:ok)" "f3"
check "a section list's first label after a dropped object" is "$(ids section:7)" "f6"
check "an author object's name still read" is "$(ids 'author:"Kari Nordmann"')" "f6"

check "a dropped tag item warns with file:line" \
    contains "$TMP/err" "labels.jsonl:3: field 'tags' holds an object, not a tag; left out"
check "a dropped section warns with file:line" \
    contains "$TMP/err" "labels.jsonl:4: field 'section' holds an object, not a section; left out"
check "a dropped author warns with file:line" \
    contains "$TMP/err" "labels.jsonl:5: field 'author' holds true or false, not a name; left out"
check "the warnings are counted" contains "$TMP/out" "4 warnings"

python3 -c '
import json
print(json.dumps({"id": "c1", "title": "Team", "body": "a long team byline",
    "author": ["Reporter Number%02d Longname" % i for i in range(15)]}))
' >"$TMP/team.jsonl"
run out err nindex --db "$TMP/db" "$TMP/team.jsonl"
check "co-authors: the article is indexed" is "$rc" 0
check "co-authors: the names left out are named, with file:line" \
    contains "$TMP/err" "team.jsonl:1: author \"Reporter Number07 Longname\" and 7 more past the byline's 200 bytes; left out"
check "co-authors: the warning is counted" contains "$TMP/out" "1 warning"
check "co-authors: the names that fit are kept" \
    is "$(ids 'author:"Reporter Number06 Longname"')" "c1"
finish
