#!/bin/sh
# t239-fuzz-finds.sh - Inputs the parsers and the dictionary builder were
# found to mishandle, through the real programs.
#
# A rebuild of an index of one or two articles: fewer than the 3 a piece
# of the compression dictionary must be shared by, so no piece was found,
# and common/zdict.c handed qsort a NULL array, which the sanitizer build
# stops on ("null pointer passed as argument 1").  The rebuild must make
# no dictionary and store the articles whole.
. "$(dirname "$0")/lib.sh"

printf '%s\n' '{"id":"only","title":"Lighthouse keeper retires","body":"After forty years the keeper of the northern cape hands over the lamp."}' \
    >"$TMP/one.jsonl"
run out err nindex --db "$TMP/one" --rebuild "$TMP/one.jsonl"
check "one article: rebuild exits 0" is "$rc" 0
run out err nsearch --db "$TMP/one" --json lighthouse
check "one article: found" contains "$TMP/out" '"id":"only"'
check "one article: its body reads back" contains "$TMP/out" 'northern cape'

cp "$TMP/one.jsonl" "$TMP/two.jsonl"
printf '%s\n' '{"id":"second","title":"Choir wins prize","body":"The youth choir of the old town took first prize at the spring festival."}' \
    >>"$TMP/two.jsonl"
run out err nindex --db "$TMP/two" --rebuild "$TMP/two.jsonl"
check "two articles: rebuild exits 0" is "$rc" 0
run out err nsearch --db "$TMP/two" --json 'choir OR lighthouse'
check "two articles: both found" \
    sh -c "grep -q '\"id\":\"only\"' '$TMP/out' && grep -q '\"id\":\"second\"' '$TMP/out'"

finish
