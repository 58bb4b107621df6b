#!/bin/sh
# t214-standard-streams.sh - The programs and their standard descriptors.
#
# Started with one closed ("nindex 2>&-", "nsearch <&-"), a program gave
# its number to the next file it opened: nindex wrote its warnings into
# DIR/lock and the generation's flintlock, and nsearch --batch read an
# index table as its queries.  Now /dev/null is opened onto each closed
# one first.
. "$(dirname "$0")/lib.sh"

index_samples
printf '%s\n' '{"id":"ok1","title":"Harbour news","body":"The harbour story."}' \
    'not json at all' \
    '{"id":"ok2","title":"Ferry news","body":"The ferry story."}' \
    >"$TMP/bad.jsonl"

nindex --db "$TMP/w" "$TMP/bad.jsonl" >"$TMP/w.out" 2>&-
rc=$?
check "nindex 2>&-: exit 3 for the skipped line" is "$rc" 3
check "nindex 2>&-: the lock file stays empty" is "$(wc -c <"$TMP/w/lock")" 0
check "nindex 2>&-: no flintlock written to" \
    is "$(cat "$TMP/w"/gen-*/flintlock 2>/dev/null | wc -c)" 0
check "nindex 2>&-: the good articles are in" is "$(count "$TMP/w")" 2
run out err nindex --db "$TMP/w" "$TMP/bad.jsonl"
check "nindex 2>&-: the index still updates" is "$rc" 3
check "nindex 2>&-: ... and says why" contains "$TMP/err" "bad.jsonl:2:"

nsearch --db "$TMP/db" --batch --related 0 --limit 0 >"$TMP/b.out" \
    2>"$TMP/b.err" <&-
rc=$?
check "nsearch <&-: exit 0" is "$rc" 0
check "nsearch <&-: no query read" is "$(wc -c <"$TMP/b.out")" 0
check "nsearch <&-: no error" is "$(wc -c <"$TMP/b.err")" 0
finish
