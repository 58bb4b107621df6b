#!/bin/sh
# t210-null-and-cut-records.sh - Values that are no value, and records
# that are not all there.
#
# YAML's null ("~", "null", "Null", "NULL", nothing) in front matter was
# the text "~" or "null": three posts with "id: ~" were one article, two
# lost to "again ... replaces it", and "author: null" a byline.  Now a
# null is no value: the id falls back to the slug, the author is unset,
# and a null list item is no item.  Quoted, "~" and "null" are text, and
# TOML (which has no null) is as it was.
#
# A JSON id with half a UTF-16 pair ("x\ud800y", "x\udc00y") was read as
# "x\uFFFDy", both records the one article, the second replacing the
# first with no more than an "again" warning.  An id is refused rather
# than altered: each is skipped and counted, and a half pair in another
# field (or in a key) is read as U+FFFD as before.
. "$(dirname "$0")/lib.sh"

authors() {
    nsearch --db "$1" --json --limit 20 --no-collapse '' | python3 -c '
import json, sys
for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"]):
    print("%s=%s" % (h["id"], h["author"]))' | tr '\n' ' '
}

mkdir -p "$TMP/p"
for n in 1 2 3; do
    printf -- '---\nid: ~\nslug: post-%s\ntitle: Post number %s\nauthor: null\ntags: [news, null]\n---\nBody %s.\n' \
        "$n" "$n" "$n" > "$TMP/p/p$n.md"
done
printf -- '---\nid:\nslug: empty-id\ntitle: Empty id\nauthor: NULL # none\ntags:\n  - ~\n  - sport\n---\nBody e.\n' \
    > "$TMP/p/e.md"
printf -- '---\nid: "~"\ntitle: Quoted tilde\nauthor: '"'"'null'"'"'\n---\nBody q.\n' \
    > "$TMP/p/q.md"
printf -- '+++\nid = "toml-1"\ntitle = "Toml post"\nauthor = "null"\n+++\nBody t.\n' \
    > "$TMP/p/t.md"

run out err nindex --db "$TMP/db" "$TMP/p"
check "yaml null: exit 0" is "$rc" 0
check "yaml null: six posts, six articles" contains "$TMP/out" \
    "6 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "yaml null: none replaces another" lacks "$TMP/err" "again"
check "yaml null: ids from the slug, no author; quoted stays text" is \
    "$(authors "$TMP/db")" \
    "empty-id=None post-1=None post-2=None post-3=None toml-1=null ~=null "
nsearch --db "$TMP/db" --json --facets=tag --limit 0 '' >"$TMP/tags.json"
check "yaml null: a null list item is no tag" python3 -c '
import json, sys
tags = {t["value"]: t["count"] for t in json.load(open(sys.argv[1]))["facets"]["tag"]}
sys.exit(tags != {"news": 3, "sport": 1})' "$TMP/tags.json"

cat > "$TMP/s.jsonl" <<'JSON'
{"id":"x\ud800y","title":"High half","body":"alpha"}
{"id":"x\udc00y","title":"Low half","body":"beta"}
{"id":"ok\ud83d\ude00","title":"Whole pair","body":"gamma"}
{"id":"t1","title":"Cut \ud83d emoji","body":"delta"}
{"id":"k1","\ud800":"x","title":"Key half","body":"epsilon"}
JSON
run out err nindex --db "$TMP/sdb" "$TMP/s.jsonl"
check "half pair in an id: exit 3" is "$rc" 3
check "half pair in an id: both refused, the rest read" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 2 skipped"
check "half pair in an id: the high half said, at its line" contains \
    "$TMP/err" "s.jsonl:1: field 'id': '\ud800' is half a UTF-16 pair; an id is refused rather than altered"
check "half pair in an id: the low half said, at its line" contains \
    "$TMP/err" "s.jsonl:2: field 'id': '\udc00' is half a UTF-16 pair"
check "half pair in an id: no record replaces another" lacks "$TMP/err" "again"
check "half pair in a title: read, with a warning" contains "$TMP/err" \
    "s.jsonl:4: field 'title': '\ud83d' is half a UTF-16 pair; read as U+FFFD"

# A syntax error in one element of a .json array (a colon left out)
# ended the document there: the 29 elements after it were gone, counted
# as one skipped record, and a rebuild published without them.  Now the
# message says how much was not read, and the file counts as one not
# read whole: a rebuild is not published.
python3 - "$TMP/arr.json" "$TMP/whole.json" <<'PY'
import json, sys
items = [json.dumps({"id": "a%d" % i, "title": "Harbour %d" % i,
                     "body": "The harbour report %d." % i}) for i in range(1, 101)]
open(sys.argv[2], "w").write("[\n" + ",\n".join(items) + "\n]\n")
items[70] = '{"id": "a71", "title" "Harbour", "body": "x"}'
open(sys.argv[1], "w").write("[\n" + ",\n".join(items) + "\n]\n")
PY
rest=$(python3 -c 'import sys; s = open(sys.argv[1], "rb").read(); print(len(s) - s.index(b"{\"id\": \"a71\""))' "$TMP/arr.json")
run out err nindex --db "$TMP/adb" "$TMP/arr.json"
check "json array cut: exit 3" is "$rc" 3
check "json array cut: says how much was not read" contains "$TMP/err" \
    "arr.json:72: item 71: malformed JSON: ':' expected near '\"Harbour\"'; the rest of the document ($rest bytes, from item 71) was not read"
check "json array cut: the elements before it added" contains "$TMP/out" \
    "70 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
nindex --quiet --db "$TMP/pdb" "$TMP/whole.json"
run out err nindex --db "$TMP/pdb" --prune "$TMP/arr.json"
check "json array cut: no prune (exit 4)" is "$rc" 4
check "json array cut: the articles after it are kept" is \
    "$(nsearch --db "$TMP/pdb" --json --limit 0 --no-collapse '' |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 100
run out err nindex --db "$TMP/adb" --rebuild "$TMP/arr.json"
check "json array cut: a rebuild is not published" contains "$TMP/err" \
    "not publishing: 1 file could not be read whole"

# A comma left out between two elements is the same.
printf '[{"id":"c1","title":"One","body":"x"}\n {"id":"c2","title":"Two","body":"y"},\n {"id":"c3","title":"Three","body":"z"}]\n' \
    > "$TMP/comma.json"
run out err nindex --db "$TMP/cdb" --rebuild "$TMP/comma.json"
check "json array, no comma: says how much was not read" contains "$TMP/err" \
    "comma.json:2: item 2: expected ',' or ']' before it; the rest of the document (79 bytes, from item 2) was not read"
check "json array, no comma: a rebuild is not published" contains "$TMP/err" \
    "not publishing: 1 file could not be read whole"
finish
