#!/bin/sh
# t305-json-array-faults.sh - A JSON array (or pretty-printed objects) with
# one element jansson refuses for what is inside its strings or numbers: a
# byte of windows-1252, a raw NUL, a duplicate key, a number past 64 bits,
# half a UTF-16 pair.  Each ended the whole document, "the rest of the
# document ... was not read": BBC News as one array with one bad byte in
# item 3 indexed 2 of its 2,225 articles.  The element's brackets still
# show where it ends, so it is read as the same line of JSON Lines is:
# skipped alone and said (a bad byte, a NUL, a duplicate key), or read
# (a big number, half a pair, as JSON Lines reads them), and the elements
# after it are indexed.  A syntax error still ends the document.
. "$(dirname "$0")/lib.sh"

ids() { nsearch --db "$1" --json --no-collapse -n 1000 '*' |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }

# One element a line, so that the same records make a JSON Lines file.
python3 -c '
import sys
sys.stdout.buffer.write(b"""{"id":"a1","title":"Harbour one","body":"The first good story."}
{"id":"a2","title":"Caf\xe9 two","body":"A byte of windows-1252."}
{"id":"a3","title":"Harbour three","body":"A good story after it."}
{"id":"a4","title":"Nul \x00 four","body":"A raw NUL byte."}
{"id":"a5","title":"Five","title":"Twice","body":"A duplicate key."}
{"id":"a6","title":"Harbour six","body":"A big number.","simhash":18446744073709551615}
{"id":"a7","title":"Harbour \\u0000 seven","body":"An escaped NUL."}
{"id":"a8","title":"Harbour \\ud83c eight","body":"Half a pair."}
"caf\xe9 nine"
{"id":"a10","title":"Harbour ten","body":"The last good story."}
""")' >"$TMP/records"
grep -av '^"' "$TMP/records" >"$TMP/same.jsonl"
{ echo '['; sed '$!s/$/,/' "$TMP/records"; echo ']'; } >"$TMP/arr.json"

run out err nindex --db "$TMP/db" "$TMP/arr.json"
check "array: 6 added, 4 skipped, exit 3" \
    is "$rc $(grep -o '[0-9]* added.* skipped' "$TMP/out")" \
    "3 6 added, 0 replaced, 0 unchanged, 0 deleted, 4 skipped"
check "array: every element past the faults is indexed" \
    is "$(ids "$TMP/db")" "a1 a10 a3 a6 a7 a8"
check "array: the rest of the document is read" lacks "$TMP/err" "was not read"
check "array: the bad byte said as JSON Lines says it, at its line" \
    contains "$TMP/err" "arr.json:3: item 2: invalid UTF-8 at byte 24 (0xE9"
check "array: the NUL said at its line" contains "$TMP/err" "arr.json:5: item 4: NUL byte"
check "array: the duplicate key said" \
    contains "$TMP/err" "arr.json:6: item 5: malformed JSON: duplicate object key"
check "array: the string element is no object" \
    contains "$TMP/err" "arr.json:10: item 9: not a JSON object"
check "array: half a pair read as U+FFFD with a warning" \
    contains "$TMP/err" "arr.json:9: field 'title': '\\ud83c' is half a UTF-16 pair; read as U+FFFD"
check "array: the big number's article is stored whole" \
    is "$(nsearch --db "$TMP/db" --show a6 | tail -1)" "A big number."

# The same records as JSON Lines: the same articles.
run out err nindex --db "$TMP/jl" "$TMP/same.jsonl"
check "the array indexes what JSON Lines does" is "$(ids "$TMP/db")" "$(ids "$TMP/jl")"

# Piped in and gzipped, read the same.
run out err nindex --db "$TMP/in" - <"$TMP/arr.json"
check "stdin: the elements after the faults are indexed" \
    is "$(ids "$TMP/in")" "a1 a10 a3 a6 a7 a8"
gzip -c "$TMP/arr.json" >"$TMP/arr.json.gz"
run out err nindex --db "$TMP/gz" "$TMP/arr.json.gz"
check "gzipped: the elements after the faults are indexed" \
    is "$(ids "$TMP/gz")" "a1 a10 a3 a6 a7 a8"

# Pretty-printed objects, one after another (no array), a bad byte in the
# second of three.
printf '{\n  "id": "s1",\n  "title": "Harbour s1",\n  "body": "x"\n}\n{\n  "id": "s2",\n  "title": "Bad \351 s2",\n  "body": "x"\n}\n{\n  "id": "s3",\n  "title": "Harbour s3",\n  "body": "x"\n}\n' \
    >"$TMP/series.json"
run out err nindex --db "$TMP/series" "$TMP/series.json"
check "objects: the one after the bad byte is indexed" is "$(ids "$TMP/series")" "s1 s3"
check "objects: the bad byte said at its own line" \
    contains "$TMP/err" "series.json:8: item 2: invalid UTF-8"

# A large export: one bad byte near its start costs one article.
python3 -c '
import json
items = [{"id": "big-%d" % i, "title": "Harbour story %d" % i, "body": "Text of story %d." % i}
         for i in range(500)]
text = json.dumps(items, indent=1).encode()
open("'"$TMP"'/big.json", "wb").write(text.replace(b"Harbour story 2\"", b"Harbour story 2 \xe9\"", 1))
'
run out err nindex --db "$TMP/big" "$TMP/big.json"
check "500 in an array, one bad byte: 499 indexed" \
    contains "$TMP/out" "499 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
check "... and the last one is searchable" \
    is "$(ids "$TMP/big" | tr ' ' '\n' | grep -c big-)" 499

# A syntax error still ends the document (nothing after it can be trusted
# to start an element); a bad byte before it no longer does.
printf '[\n{"id":"x1","title":"Harbour x1","body":"x"},\n{"id":"x2","title":"Bad \351","body":"x"},\n{"id":"x3","title":"Harbour x3","body":"x"},\n{"id":"x4","title":"no comma" "body":"x"},\n{"id":"x5","title":"Harbour x5","body":"x"}\n]\n' \
    >"$TMP/syntax.json"
run out err nindex --db "$TMP/syn" "$TMP/syntax.json"
check "syntax: read up to the syntax error, past the bad byte" \
    is "$(ids "$TMP/syn")" "x1 x3"
check "syntax: the rest said not read, from the element with the error" \
    contains "$TMP/err" "syntax.json:5: item 4: malformed JSON: '}' expected near '\"body\"'; the rest of the document"

finish
