#!/bin/sh
# t905-fuzz-search.sh - Replay the search side's fuzz seeds without
# libFuzzer (tests/fuzz/fuzz_search.cc: any query through ns_search on an
# index of samples/; fuzz_phrase.cc: the quick phrase scan against Xapian's
# own reading, and the pair signature against the text; fuzz_cluster.cc:
# the cluster file's parser): every seed runs, none crashes or disagrees.
. "$(dirname "$0")/lib.sh"

for h in search phrase cluster synonyms; do
    bin="$top/build/tests/replay_fuzz_$h"
    [ -x "$NSEARCH_BIN/../tests/replay_fuzz_$h" ] && bin="$NSEARCH_BIN/../tests/replay_fuzz_$h"
    check "replay_fuzz_$h is built (make tests)" test -x "$bin"
    [ -x "$bin" ] || continue
    seeds="$top/tests/fuzz/seeds-fuzz_$h"
    (cd "$TMP" && NSEARCH_SAMPLES="$SAMPLES" "$bin" "$seeds") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    check "fuzz_$h: seeds replay (exit $rc)" is "$rc" 0
    check "fuzz_$h: every seed ran" is "$(sed -n 's/ passed.*//p' "$TMP/out")" \
        "$(ls "$seeds" | wc -l)"
done
finish
