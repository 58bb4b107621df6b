#!/bin/sh
# t322-not-text.sh - README "Formats are chosen by name and by content": a
# file named as text or Markdown that holds NUL bytes (binary data, an
# image saved as post.md, UTF-16 without its byte-order mark, a file a
# crash left zero-filled) is not text: a skipped record that says so, so
# that a prune keeps what it held before.  Before, binary data was
# indexed as an article titled with its bytes, and a zero-filled file
# said "missing title and body".  A NUL past the first 4 KiB, which
# choose the format, is refused too, at its line.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf -- '---\ntitle: Ferry strike ends\ndate: 2024-03-01\n---\nThe ferry crews return to work.\n' >"$D/ferry.md"
printf -- '---\ntitle: Harbour tolls\ndate: 2024-03-02\n---\nThe harbour tolls rise.\n' >"$D/tolls.md"
python3 - "$D" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
# A PNG image under a Markdown name.
raw = b"\0" + b"\xff\x10\x80" * 4
png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" +
       struct.pack(">IIBBBBB", 4, 1, 8, 2, 0, 0, 0) + b"\0\0\0\0" +
       struct.pack(">I", len(zlib.compress(raw))) + b"IDAT" +
       zlib.compress(raw) + b"\0\0\0\0" + b"\0\0\0\0IEND\xaeB`\x82")
open(d + "/photo.md", "wb").write(png)
# Notes saved as UTF-16 without a byte-order mark.
open(d + "/notes.txt", "wb").write("Harbour notes\n\nCranes.\n".encode("utf-16-le"))
PY
run out err nindex --db "$TMP/db" "$D"
check "binary data: a skipped record (exit 3)" is "$rc" 3
check "the image: said not to be text" contains "$TMP/err" \
    "$D/photo.md: not text: it holds NUL bytes"
check "UTF-16 without a mark: said not to be text" contains "$TMP/err" \
    "$D/notes.txt: not text: it holds NUL bytes"
check "two skipped, two added" contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 2 skipped"
total() {
    nsearch --db "$TMP/db" --json "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check "no article of the image's bytes: two articles" is "$(total '*')" 2
check "no article titled with PNG bytes" is "$(total 'png')" 0

# The post zero-filled by a crash: said so, and a prune keeps it.
rm "$D/photo.md" "$D/notes.txt"
head -c 4096 /dev/zero >"$D/tolls.md"
run out err nindex --db "$TMP/db" --prune "$D"
check "zero-filled: a skipped record, the prune not done (exit 4)" is "$rc" 4
check "the prune says why it was not done" contains "$TMP/err" \
    "not pruning: 1 record was skipped"
check "zero-filled: said not to be text" contains "$TMP/err" \
    "$D/tolls.md: not text: it holds NUL bytes (binary data, UTF-16 without its byte-order mark, or a file a crash left zero-filled); nothing of it was read: restore or convert it, or move it out of the source"
check "zero-filled: not 'missing title and body'" lacks "$TMP/err" "missing title and body"
check "the prune kept the post the file held" is "$(total tolls)" 1

# A NUL past the first 4 KiB (zeros a crash left at the end of a post, a
# binary tail): refused at its line, the text after it not indexed; a
# prune keeps the post the file held before.  It was read as a space.
python3 - "$D" <<'PY'
import sys
d = sys.argv[1]
words = ("The ferry crews return to work. " * 200).encode()
open(d + "/ferry.md", "wb").write(
    b"---\ntitle: Ferry strike ends\n---\n" + words + b"\nLast line\0zebrafish\n")
open(d + "/late.txt", "wb").write(
    b"Late notes\n\n" + words + b"\n\nquagga\0\0\0\0\n")
PY
run out err nindex --db "$TMP/db" --prune "$D"
check "a late NUL: skipped, the prune not done (exit 4)" is "$rc" 4
check "each such file a skipped record (with the zero-filled one)" \
    contains "$TMP/out" "3 skipped"
check "a late NUL in Markdown: said at its line" contains "$TMP/err" \
    "$D/ferry.md:5: not text: a NUL byte at byte"
check "a late NUL in text: said at its line" contains "$TMP/err" \
    "$D/late.txt:5: not text: a NUL byte at byte"
check "nothing after the NUL indexed" is "$(total zebrafish)" 0
check "nor the text file before it" is "$(total quagga)" 0
check "the post indexed before is kept" is "$(total ferry)" 1
finish
