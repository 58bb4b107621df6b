#!/bin/sh
# t175-takedown-traces.sh - What the README says of a takedown's traces
# in the index's files: after --delete the article is found by no search,
# but its words stay readable (grep -a) in the Xapian files (postlist,
# spelling, termlist: blocks freed, not wiped), and the whole stored
# article, compressed, in docdata.glass (raw deflate from the offset of
# its freed block), until a --rebuild without it; a rebuild with the
# default --keep 2 keeps the generation that still holds them, and
# --rebuild --keep 1 leaves none, inflated or not.
. "$(dirname "$0")/lib.sh"

for i in 1 2 3 4 5 6; do
    echo "{\"id\":\"a$i\",\"title\":\"Harbour story $i\",\"body\":\"Body $i text.\"}"
done >"$TMP/src.jsonl"
echo '{"id":"secret","title":"Mayor Quibbleworth resigns","body":"Quibbleworth took Zorblax money."}' \
    >>"$TMP/src.jsonl"
db="$TMP/db"
nindex --quiet --db "$db" "$TMP/src.jsonl"
# Files of the index directory holding the article's words.
traces() { grep -rlai -e quibbleworth -e zorblax "$db" | wc -l; }
# Files under $1 holding the stored article, compressed: raw deflate
# inflated from every offset (a freed block of docdata.glass still holds
# it whole).
inflated() {
    find "$1" -type f -name '*.glass' | python3 -c '
import sys, zlib
n = 0
for path in sys.stdin.read().split():
    data = open(path, "rb").read()
    for off in range(len(data)):
        try:
            out = zlib.decompressobj(-15).decompress(data[off:off + 65536],
                                                     1 << 20)
        except zlib.error:
            continue
        if b"zorblax" in out.lower():
            n += 1
            break
print(n)'
}
check "the words are in the index's files to begin with" \
    test "$(traces)" -gt 0

run out err nindex --db "$db" --delete secret --keep-deleted 0 --force
check "delete: exit 0" is "$rc" 0
run out err nsearch --db "$db" quibbleworth
check "delete: no search finds it" contains "$TMP/out" "No matches"
check "delete: no undo file is kept" test -z "$(ls "$db/deleted" 2>/dev/null)"
check "delete: its words are still in the index's files (README)" \
    test "$(traces)" -gt 0
check "delete: the whole stored article inflates from docdata.glass" \
    is "$(inflated "$db/current/docdata.glass")" 1

grep -v secret "$TMP/src.jsonl" >"$TMP/rest.jsonl"
nindex --quiet --db "$db" --rebuild "$TMP/rest.jsonl"
check "rebuild --keep 2: the kept generation still holds the words" \
    test "$(traces)" -gt 0
check "rebuild: the new generation holds none" sh -c \
    "! grep -rlai -e quibbleworth -e zorblax '$db/current/'"

nindex --quiet --db "$db" --rebuild --keep 1 "$TMP/rest.jsonl"
check "rebuild --keep 1: no file of the index holds the words" \
    is "$(traces)" 0
check "rebuild --keep 1: nor the stored article, inflated at any offset" \
    is "$(inflated "$db")" 0
check "rebuild --keep 1: one generation left" \
    is "$(ls "$db" | grep -c '^gen-')" 1

finish
