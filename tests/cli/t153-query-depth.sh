#!/bin/sh
# t153-query-depth.sh - Brackets nested thousands deep: "((((harbour))))"
# 8,000 deep took 12 s to read and 2,000 deep (what fits in nsearchd's 4
# KiB query) half a second, against a millisecond for the query itself:
# a cheap way to hold a worker.  Brackets deeper than 20 are read as if
# not typed, with a warning; shallower ones are the query as typed.
. "$(dirname "$0")/lib.sh"

index_samples
check "samples indexed" test "$(count "$TMP/db")" -gt 10

ids() { nsearch --db "$TMP/db" --json --limit 50 --related 0 "$1" 2>/dev/null |
    python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }
deep() { python3 -c "import sys; n=int(sys.argv[1]); print('('*n + sys.argv[2] + ')'*n)" "$@"; }

plain=$(ids 'harbour OR ferry')
check "the plain query finds articles" test -n "$plain"
run out err nsearch --db "$TMP/db" --json --limit 50 --related 0 "$(deep 3000 'harbour OR ferry')"
check "3,000 deep exits 0" is "$rc" 0
check "3,000 deep: the warning says how deep" \
    contains "$TMP/err" "query nests brackets 3000 deep; those deeper than 20 were left out"
check "3,000 deep: the JSON warning too" contains "$TMP/out" "nests brackets 3000 deep"
check "3,000 deep finds what the plain query finds" \
    is "$(python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(open(sys.argv[1]))["hits"]))' "$TMP/out")" "$plain"
# 20 deep is as typed, without a remark.
run out2 err2 nsearch --db "$TMP/db" --limit 1 --related 0 "$(deep 20 'harbour OR ferry')"
check "20 deep: no remark" lacks "$TMP/err2" "nests brackets"
check "21 deep: a remark" sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --limit 1 --related 0 '$(deep 21 harbour)' 2>&1 >/dev/null | grep -q 'nests brackets 21 deep'"
# What is kept keeps its meaning: the NOT inside still leaves out ferry.
notferry=$(ids 'harbour NOT ferry')
check "harbour NOT ferry differs from harbour OR ferry" test "$notferry" != "$plain"
check "30 deep around a NOT keeps the NOT" is "$(ids "$(deep 30 'harbour NOT ferry')")" "$notferry"
# Brackets inside quotes are text, not nesting.
run out3 err3 nsearch --db "$TMP/db" --limit 1 --related 0 "harbour \"$(deep 40 x)\""
check "brackets in quotes: no remark" lacks "$TMP/err3" "nests brackets"
# The work is bounded: a query 6,000 deep answers (and it took seconds).
check "6,000 deep answers" sh -c "timeout 60 '$NSEARCH_BIN/nsearch' --db '$TMP/db' --limit 1 --related 0 '$(deep 6000 harbour)' >/dev/null 2>&1"
finish
