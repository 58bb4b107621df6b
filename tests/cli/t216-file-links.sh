#!/bin/sh
# t216-file-links.sh - A symbolic link to a file inside the walk was read
# as a file of its own: "ln -s 2024/post.md latest.md" gave two identical
# articles, 2024/post.md and latest.md.  Now a file reached a second time
# through a link is passed over, said and counted as ignored, with the
# path it was read as; the file's own path is the id even when a link to
# it comes first in name order.
. "$(dirname "$0")/lib.sh"

A=$TMP/archive
mkdir -p "$A/2024"
printf -- '---\ntitle: Seals\n---\nSeals are back.\n' >"$A/2024/post.md"
ln -s 2024/post.md "$A/latest.md"
ln -s 2024/post.md "$A/0-pinned.md"

run out err nindex --db "$TMP/db" "$A"
check "exit 0" is "$rc" 0
check "one article, two links ignored" \
    contains "$TMP/out" "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 2 ignored"
check "latest.md said" contains "$TMP/err" \
    "$A/latest.md: ignored: a link to a file read already as $A/2024/post.md"
check "a link before the file in name order said" contains "$TMP/err" \
    "$A/0-pinned.md: ignored: a link to a file read already as $A/2024/post.md"
run out err nsearch --db "$TMP/db" --json -n 10 ''
check "the file's own path is the id" \
    is "$(grep -o '"id":"[^"]*"' "$TMP/out" | tr '\n' ' ')" '"id":"2024/post.md" '

# A link to a file outside the walk is read, as before.
printf -- '---\ntitle: Otters\n---\nOtters.\n' >"$TMP/otters.md"
ln -s "$TMP/otters.md" "$A/otters.md"
run out err nindex --db "$TMP/db2" "$A"
check "a link out of the walk: read" contains "$TMP/out" "2 added"

finish
