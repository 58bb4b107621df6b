#!/bin/sh
# t040-corpora.sh - Every shared corpus indexes with nothing skipped except
# the one record that is really broken (reuters-12793 is empty in the
# source).  NSEARCH_QUICK=1 (set by `make asan`) keeps to the small ones.
. "$(dirname "$0")/lib.sh"

corpora="time cacm bbc reuters21578 20newsgroups"
[ "${NSEARCH_QUICK:-0}" = 1 ] && corpora="time cacm bbc"
for c in $corpora; do
    f=$SHARED/corpora/$c/articles.jsonl.gz
    want=$(zcat "$f" | wc -l)
    run out err nindex --db "$TMP/$c" "$f"
    if [ "$c" = reuters21578 ]; then
        check "$c: only the empty record skipped" is "$rc" 3
        check "$c: the empty record named" is "$(cat "$TMP/err")" \
            "nindex: $f:12793: missing title and body"
        want=$((want - 1))
    else
        check "$c: exits 0" is "$rc" 0
        check "$c: no messages" is "$(cat "$TMP/err")" ""
    fi
    check "$c: all $want articles added" contains "$TMP/out" "nindex: update: $want added, 0 replaced"
    rm -rf "$TMP/$c"
done

finish
