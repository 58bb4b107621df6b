#!/bin/sh
# t071-dense-pairs.sh - The list of dense pairs (common/dense-pairs-en.txt:
# pairs of common words that get no pair term) is exactly what its rule
# makes of the reference corpora: adjacent in at least 5% of the articles
# with both words, and in at least 5 articles.
. "$(dirname "$0")/lib.sh"

python3 "$top/tests/bench/dense_pairs.py" "$SHARED/corpora" >"$TMP/made" \
    2>"$TMP/made.err"
check "the generator runs" is "$?" 0
grep -v '^#' "$top/common/dense-pairs-en.txt" >"$TMP/shipped"
check "the shipped list is the generator's" cmp -s "$TMP/made" "$TMP/shipped"
check "15,397 pairs" contains "$TMP/made.err" "15397 pairs of 23803 articles"
# The rule's threshold matters: at 1% the list is twice as long.
python3 "$top/tests/bench/dense_pairs.py" "$SHARED/corpora" 0.01 >"$TMP/one" \
    2>/dev/null
check "a lower share lists more pairs" \
    test "$(wc -w <"$TMP/one")" -gt "$(wc -w <"$TMP/made")"
finish
