#!/bin/sh
# t146-db-mistakes.sh - What nindex and nsearch do with a --db that is not
# what the operator meant: a file of articles (the arguments swapped) is
# said to be a file, not taken for a cluster file with an unknown keyword;
# a directory that holds other files is not written into; a path that
# does not exist becomes a new index, said in the summary (a typo in a nightly
# job's --db built a second index every night, exit 0, in silence).
. "$(dirname "$0")/lib.sh"

printf '%s\n' '{"id":"a1","title":"Harbour opens","body":"The harbour opens."}' \
    >"$TMP/a.jsonl"

run out err nindex --db "$TMP/a.jsonl" "$TMP/a.jsonl"
check "a file as --db: nindex exits 1" is "$rc" 1
check "a file as --db: nindex says it is a file" contains "$TMP/err" \
    "'$TMP/a.jsonl' is a file, not an index directory: --db names the index"
check "a file as --db: the file is untouched" \
    is "$(cat "$TMP/a.jsonl")" '{"id":"a1","title":"Harbour opens","body":"The harbour opens."}'
run out err nsearch --db "$TMP/a.jsonl" harbour
check "a file as --db: nsearch exits 1" is "$rc" 1
check "a file as --db: nsearch says it is no cluster file" contains "$TMP/err" \
    "'$TMP/a.jsonl' is a file, not an index directory, and not a cluster file (line 1 is no 'shard' line)"
check "a file as --db: no JSON quoted as a keyword" lacks "$TMP/err" "unknown keyword"
# A cluster file given to nindex is still said to be one.
printf '# two shards\nshard 0 localhost:1\n' >"$TMP/two.cluster"
run out err nindex --db "$TMP/two.cluster" "$TMP/a.jsonl"
check "a cluster file as --db: nindex exits 1" is "$rc" 1
check "a cluster file as --db: said to be one" contains "$TMP/err" \
    "'$TMP/two.cluster' is a cluster file: index each shard's own directory"
# A cluster file's own typo is still named as one.
printf 'shrad 0 localhost:1\n' >"$TMP/typo.cluster"
run out err nsearch --db "$TMP/typo.cluster" harbour
check "a cluster file's typo: unknown keyword named" contains "$TMP/err" \
    "unknown keyword 'shrad'"

# A directory of other files (the sources, a home directory).
mkdir "$TMP/src"
cp "$TMP/a.jsonl" "$TMP/src/"
run out err nindex --db "$TMP/src" "$TMP/a.jsonl"
check "a directory of other files: exit 1" is "$rc" 1
check "a directory of other files: says so" contains "$TMP/err" \
    "'$TMP/src' holds files but no index ('a.jsonl')"
check "a directory of other files: nothing written" \
    is "$(ls -A "$TMP/src")" "a.jsonl"
# One holding only what an index directory holds before its first
# generation (synonyms) is an index directory to be.
mkdir "$TMP/syn"
printf 'ferry boat\n' >"$TMP/syn/synonyms"
run out err nindex --db "$TMP/syn" "$TMP/a.jsonl"
check "synonyms only: indexed" is "$rc" 0
check "synonyms only: the article is there" contains "$TMP/out" "1 added"

# A new path: made, and said in the summary.
run out err nindex --db "$TMP/new/sub/db" "$TMP/a.jsonl"
check "a new path: exit 0" is "$rc" 0
check "a new path: said in the summary" contains "$TMP/out" \
    "; a new index: '$TMP/new/sub/db' did not exist"
check "a new path: nothing on stderr" is "$(cat "$TMP/err")" ""
check "a new path: the index is there" test -L "$TMP/new/sub/db/current"
run out err nindex --db "$TMP/new/sub/db" "$TMP/a.jsonl"
check "the same path again: nothing said" lacks "$TMP/out" "new index"

# A new index that gets nothing (its one SOURCE mistyped) is not left
# behind: an empty one answered "No matches", exit 0.
run out err nindex --db "$TMP/typo" "$TMP/no-such.jsonl"
check "a new index, its source mistyped: exit 1" is "$rc" 1
check "... not made" test ! -e "$TMP/typo"
check "... and the summary says so" contains "$TMP/out" \
    "'$TMP/typo' did not exist and is not made"
run out err nsearch --db "$TMP/typo" harbour
check "... so a search says there is no index" contains "$TMP/err" \
    "no index at '$TMP/typo'"
# One that exists keeps its articles whatever the run does.
run out err nindex --db "$TMP/new/sub/db" "$TMP/no-such.jsonl"
check "an existing index, its source mistyped: exit 1" is "$rc" 1
check "... kept" test -L "$TMP/new/sub/db/current"

finish
