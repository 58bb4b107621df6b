#!/bin/sh
# t571-nsearchd-monotonic-reads.sh - nsearchd never goes back to an older
# version of the index: once any worker has answered from a new version,
# no later request is answered from an older one, whichever worker takes
# it.  Each worker has its own handle, so without that rule a retracted
# story vanishes and comes back, and a corrected headline reverts, for up
# to a second after every update.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

index_samples
flip_story "$TMP/s.jsonl" 0
nindex --quiet --db "$TMP/db" "$TMP/s.jsonl"
check "server starts with 4 threads" start_server --threads 4
get a.json /v1/articles/flip
check "the story is served" is "$code" 200

# Sixteen changes: deleted, put back with a new headline, deleted, ...
# Each is answered from the old version until a worker refreshes, then
# from the new one by every worker.
k=1
prev=0
regress=0
while [ $k -le 16 ]; do
    if [ $((k % 2)) = 1 ]; then
        nindex --quiet --db "$TMP/db" --delete flip
        now=404
    else
        flip_story "$TMP/s.jsonl" $k
        nindex --quiet --db "$TMP/db" "$TMP/s.jsonl"
        now=$k
    fi
    flip_poll >"$TMP/seen.$k"
    flip_settle "$prev" "$now" <"$TMP/seen.$k" || regress=$((regress + 1))
    prev=$now
    k=$((k + 1))
done
check "no change is undone once served (of 16)" is "$regress" 0

check "no warning logged" lacks "$TMP/server.err" warning
finish
