#!/bin/sh
# t209-latin1-names.sh - A file or directory name that is not UTF-8
# ("caf\xe9.md" from a Latin-1 system) cannot be an article's id.  It was
# indexed ("1 added", no warning) as a record whose JSON had lost its id:
# a search showed nothing of it, --delete and every later prune stopped on
# "stored article ... is damaged: missing id", and an HTML page under such
# a directory was "missing id".  Now the file is refused and counted
# skipped, one whose header names its id is read, and a record an older
# indexer stored that way is deleted by --delete or a prune.
. "$(dirname "$0")/lib.sh"
TEST_BIN=${TEST_BIN:-$top/build/tests}

lat1=$(printf '\351')
lat2=$(printf '\345')
mkdir -p "$TMP/t" "$TMP/h/r${lat2}det"
printf -- '---\ntitle: latin1 name\n---\nBody.\n' > "$TMP/t/caf$lat1.md"
printf -- '---\nid: cafe-2\ntitle: latin1 named\n---\nBody.\n' \
    > "$TMP/t/caf${lat1}2.md"
printf -- '---\ntitle: plain name\n---\nBody.\n' > "$TMP/t/plain.md"

run out err nindex --db "$TMP/db" "$TMP/t"
check "a Latin-1 name: exit 3, a file skipped" is "$rc" 3
check "a Latin-1 name: refused, saying why" contains "$TMP/err" \
    "caf$lat1.md: file name is not valid UTF-8 (byte 0xE9 at offset 3 of 'caf...'), and the name is the article's id; rename the file, or give it an id in its front matter"
check "a Latin-1 name: counted" contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped, 0 ignored"
run out err nsearch --db "$TMP/db" latin1
check "a Latin-1 name with an id in its header is read" contains "$TMP/out" "cafe-2"
check "a search reads every stored article" lacks "$TMP/err" "could not be read"

cat > "$TMP/h/r${lat2}det/a.html" <<'HTML'
<html><head><title>Hei</title></head><body><article><h1>Hei</h1>
<p>Some text here that is long enough to be a story for the page reader.</p>
</article></body></html>
HTML
run out err nindex --db "$TMP/hdb" "$TMP/h"
check "a page under a Latin-1 directory: skipped" is "$rc" 3
check "a page under a Latin-1 directory: not 'missing id'" lacks "$TMP/err" "missing id"
check "a page under a Latin-1 directory: says why" contains "$TMP/err" \
    "a.html: file name is not valid UTF-8 (byte 0xE5 at offset 1 of 'r...'), and the name is the article's id; rename the file"

# A record such an id left in an index an older indexer built.
nindex --quiet --db "$TMP/old" "$TMP/t/plain.md"
"$TEST_BIN/test_name_ids" "$TMP/old"
run out err nindex --db "$TMP/old" --delete "caf$lat1.md" --force
check "--delete of the raw name: exit 0" is "$rc" 0
check "--delete of the raw name: deleted" contains "$TMP/out" "1 deleted"
check "--delete of the raw name: says no copy is kept" contains "$TMP/err" \
    "(its id is not valid UTF-8) and is deleted without a copy to undo it"
run out err nsearch --db "$TMP/old" latin1
check "--delete: gone from searches" lacks "$TMP/err" "could not be read"

"$TEST_BIN/test_name_ids" "$TMP/old"
mv "$TMP/t/caf$lat1.md" "$TMP/t/cafe.md"
rm "$TMP/t/caf${lat1}2.md"
run out err nindex --db "$TMP/old" --prune --force "$TMP/t"
check "a prune past such a record: exit 0" is "$rc" 0
check "a prune past such a record: not held back" lacks "$TMP/err" "not pruning"
# plain.md, named alone before, is read in a walk now: its article gains
# its source path (README "JSON"), so it is replaced, not unchanged.
check "a prune past such a record: it is deleted" contains "$TMP/out" "1 added, 1 replaced, 0 unchanged, 1 deleted"
run out err nsearch --db "$TMP/old" latin1
check "a prune: the renamed file is found" contains "$TMP/out" "cafe.md"
check "a prune: nothing left unread" lacks "$TMP/err" "could not be read"

# And a rebuild publishes without it.
mkdir "$TMP/r"
cp "$TMP/t/plain.md" "$TMP/r/"
nindex --quiet --db "$TMP/rdb" "$TMP/r"
"$TEST_BIN/test_name_ids" "$TMP/rdb"
run out err nindex --db "$TMP/rdb" --rebuild --force "$TMP/r"
check "a rebuild past such a record: exit 0" is "$rc" 0
check "a rebuild past such a record: published" contains "$TMP/out" "published gen-"
check "a rebuild past such a record: says no copy is kept" contains \
    "$TMP/err" "(its id is not valid UTF-8) and is deleted without a copy"
run out err nsearch --db "$TMP/rdb" name
check "a rebuild: nothing left unread" lacks "$TMP/err" "could not be read"
finish
