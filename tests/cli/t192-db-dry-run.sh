#!/bin/sh
# t192-db-dry-run.sh - A --dry-run checks --db DIR as the real run does,
# and a --delete needs an index there.  The dry run forecast "2 added",
# exit 0, for a DIR of sources that the real run refuses (exit 1), and
# said nothing of a DIR that does not exist, where the real run ends "a
# new index: ... did not exist": a night checked with --prune --dry-run
# showed neither mistake.  A --delete in a DIR with no index said "no
# article with id", exit 3, which a takedown script reads as an article
# deleted already; nsearch hinted "Build one with" for a DIR nindex
# refuses.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/articles.jsonl" <<'J'
{"id": "harbour-1", "title": "Harbour ferry cancelled", "body": "Storm warnings stopped the morning ferry."}
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again after the storm."}
J
mkdir "$TMP/src"
cp "$TMP/articles.jsonl" "$TMP/src/a.jsonl"
refused="'$TMP/src' holds files but no index ('a.jsonl'): --db names the index's own directory"

# A directory of sources as --db: the dry runs say what the real run does.
run out err nindex --db "$TMP/src" "$TMP/articles.jsonl"
check "sources as --db: the real run exits 1" is "$rc" 1
check "sources as --db: the real run says why" contains "$TMP/err" "$refused"
run out err nindex --db "$TMP/src" --dry-run "$TMP/articles.jsonl"
check "sources as --db: the dry run exits 1" is "$rc" 1
check "sources as --db: the dry run says why" contains "$TMP/err" "$refused"
check "sources as --db: the dry run forecasts nothing" lacks "$TMP/out" "added"
run out err nindex --db "$TMP/src" --prune --dry-run "$TMP/articles.jsonl"
check "sources as --db: --prune --dry-run exits 1" is "$rc" 1
check "sources as --db: --prune --dry-run says why" contains "$TMP/err" "$refused"
run out err nindex --db "$TMP/src" --delete --dry-run harbour-1
check "sources as --db: --delete --dry-run exits 1" is "$rc" 1
check "sources as --db: --delete --dry-run says why" contains "$TMP/err" "$refused"
check "sources as --db: nothing written" is "$(ls -A "$TMP/src")" "a.jsonl"

# nsearch's hint is what nindex says, not a command nindex refuses.
run out err nsearch --db "$TMP/src" ferry
check "sources as --db: nsearch exits 1" is "$rc" 1
check "sources as --db: nsearch says no index" contains "$TMP/err" \
    "no index at '$TMP/src'"
check "sources as --db: nsearch says what nindex would" contains "$TMP/err" \
    "$refused"
check "sources as --db: no 'Build one with'" lacks "$TMP/err" "Build one with"
run out err nsearch --db "$TMP/nothing-here" ferry
check "a DIR that is not there: nsearch still says how to build one" \
    contains "$TMP/err" "Build one with: nindex --db '$TMP/nothing-here' SOURCE..."

# A DIR that does not exist: the dry run says what the real run will.
run out err nindex --db "$TMP/typo" --prune --dry-run "$TMP/articles.jsonl"
check "a new DIR: the dry run exits 0" is "$rc" 0
check "a new DIR: the dry run says it would be a new index" contains "$TMP/out" \
    "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "a new DIR: ... and names it" contains "$TMP/out" \
    "; would be a new index: '$TMP/typo' does not exist"
check "a new DIR: the dry run makes nothing" test ! -e "$TMP/typo"
run out err nindex --db "$TMP/typo" --dry-run "$TMP/no-such.jsonl"
check "a new DIR, its source mistyped: the dry run exits 1" is "$rc" 1
check "a new DIR, its source mistyped: would not be made" contains "$TMP/out" \
    "; '$TMP/typo' does not exist and would not be made"
run out err nindex --db "$TMP/typo" --prune "$TMP/articles.jsonl"
check "a new DIR: the real run exits 0" is "$rc" 0
check "a new DIR: the real run says so" contains "$TMP/out" \
    "; a new index: '$TMP/typo' did not exist"
run out err nindex --db "$TMP/typo" --prune --dry-run "$TMP/articles.jsonl"
check "an index: the dry run says nothing of a new one" lacks "$TMP/out" \
    "new index"

# --delete with no index at DIR is an error, not an article deleted.
for dry in "" --dry-run; do
    run out err nindex --db "$TMP/gone/db" --delete $dry harbour-1
    check "no DIR: --delete $dry exits 1" is "$rc" 1
    check "no DIR: --delete $dry says no index" contains "$TMP/err" \
        "no index at '$TMP/gone/db'"
    check "no DIR: --delete $dry names no article" lacks "$TMP/err" \
        "no article with id"
    check "no DIR: --delete $dry makes nothing" test ! -e "$TMP/gone"
done
mkdir "$TMP/empty"
for dry in "" --dry-run; do
    run out err nindex --db "$TMP/empty" --delete $dry harbour-1
    check "an empty DIR: --delete $dry exits 1" is "$rc" 1
    check "an empty DIR: --delete $dry says no index" contains "$TMP/err" \
        "no index at '$TMP/empty'"
    check "an empty DIR: --delete $dry leaves it empty" \
        is "$(ls -A "$TMP/empty")" ""
done
# With an index, an id that names no article is still exit 3.
run out err nindex --db "$TMP/typo" --delete harbour-9
check "an index: an unknown id still exits 3" is "$rc" 3
check "an index: ... named" contains "$TMP/err" "no article with id 'harbour-9'"

finish
