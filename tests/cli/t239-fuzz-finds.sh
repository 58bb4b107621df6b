#!/bin/sh
# t239-fuzz-finds.sh - Inputs the parsers and the dictionary builder were
# found to mishandle, through the real programs.
#
# A rebuild of an index of one or two articles: fewer than the 3 a piece
# of the compression dictionary must be shared by, so no piece was found,
# and common/zdict.c handed qsort a NULL array, which the sanitizer build
# stops on ("null pointer passed as argument 1").  The rebuild must make
# no dictionary and store the articles whole.
#
# A JSON Lines tag that is a real past long long's range ("tags":[1e300],
# tests/fuzz/found/jsonl/crash-8c3bd6d0...): common/json-labels.c
# converted it to long long before checking the range, undefined
# behaviour the sanitizer build stops on.  The article is kept, the tag
# the text JSON prints, the labels beside it too.
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

cat >"$TMP/big.jsonl" <<'EOF2'
{"id":"big","title":"Ledger","body":"harbour ledger","tags":[1e300,-1e19,2025,"valg"],"section":-1e300}
{"id":"next","title":"After","body":"harbour after","tags":["ok"]}
EOF2
run out err nindex --db "$TMP/big" "$TMP/big.jsonl"
check "huge reals: exit 0" is "$rc" 0
check "huge reals: both records added" contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
ids() { nsearch --db "$TMP/big" --json "$@" |
    python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
check "huge reals: the tag is the text JSON prints" is "$(ids 'tag:"1e+300"')" "big"
check "huge reals: the tags beside it kept" is "$(ids tag:2025)" "big"
check "huge reals: the record after read" is "$(ids tag:ok)" "next"

finish
