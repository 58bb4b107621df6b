#!/bin/sh
# t900-fuzz-http.sh - Replay the HTTP harness's seed corpus and the cases
# fuzzing found (tests/fuzz/fuzz_http.c, without libFuzzer): every input
# must get a sane answer, or none, within seconds, without a crash.
. "$(dirname "$0")/lib.sh"

replay=
for d in "$NSEARCH_BIN/../tests" "$top/build/tests"; do
    [ -x "$d/replay_http" ] && replay=$d/replay_http && break
done
check "replay_http is built (make tests)" test -n "$replay"
if [ -n "$replay" ]; then
    run out err "$replay" "$top/tests/fuzz/corpus/http"
    check "seed corpus replays (exit $rc)" is "$rc" 0
    check "every seed ran" is "$(sed -n 's/ passed.*//p' "$TMP/out")" \
        "$(ls "$top/tests/fuzz/corpus/http" | wc -l)"
    # The harness's own oracle works: an answer of 500 is a finding.
    if [ -d "$top/tests/fuzz/found/http" ]; then
        run out err "$replay" "$top/tests/fuzz/found/http"
        check "found cases replay (exit $rc)" is "$rc" 0
    fi
fi
finish
