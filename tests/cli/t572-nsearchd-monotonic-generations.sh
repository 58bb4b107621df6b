#!/bin/sh
# t572-nsearchd-monotonic-generations.sh - nsearchd never goes back to an
# older version of the index across generations either: once any worker
# has answered from a new generation (a rebuild) or from the one a
# --rollback made live again, no later request is answered from the
# generation before, whichever worker takes it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

flip_story "$TMP/s.jsonl" 0
nindex --quiet --db "$TMP/db" "$SAMPLES" "$TMP/s.jsonl"
check "server starts with 4 threads" start_server --threads 4
get a.json /v1/articles/flip
check "the story is served" is "$code" 200

# Eight switches of the live generation: a rebuild with headline N, or a
# rollback to the generation before (whose headline is given).
regress=0
prev=0
for step in 1 2 back:1 4 5 back:4 7 back:4; do
    case $step in
    back:*)
        nindex --quiet --db "$TMP/db" --rollback
        now=${step#back:}
        ;;
    *)
        flip_story "$TMP/s.jsonl" "$step"
        nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES" "$TMP/s.jsonl"
        now=$step
        ;;
    esac
    flip_poll >"$TMP/seen.$step"
    flip_settle "$prev" "$now" <"$TMP/seen.$step" ||
        regress=$((regress + 1))
    prev=$now
done
check "no generation switch is undone once served (of 8)" is "$regress" 0

check "no warning logged" lacks "$TMP/server.err" warning
finish
