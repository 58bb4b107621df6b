#!/bin/sh
# t236-generation-db.sh - --db naming one generation of an index is said.
#
# `--db news/gen-000001` (or news/current) opens that generation as it is
# for ever: a --batch helper or an nsearchd started so never sees a later
# rebuild, with no word of it.  nsearch and nsearchd warn, naming the
# index's own directory.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

nindex --quiet --db "$TMP/db" "$SAMPLES" || exit 1
gen=$(readlink "$TMP/db/current")

run out err nsearch --db "$TMP/db/$gen" --related 0 -n 1 azure
check "a generation: searched, exit 0" is "$rc" 0
check "a generation: results" contains "$TMP/out" "showing 1-1"
check "a generation: warned, naming the index" contains "$TMP/err" \
    "warning: '$TMP/db/$gen' is a generation of the index '$TMP/db': give --db $TMP/db to search the live index"
run out err nsearch --db "$TMP/db/current/" --related 0 -n 1 azure
check "current/: warned too" contains "$TMP/err" \
    "is a generation of the index '$TMP/db': give --db $TMP/db"
run out err nsearch --db "$TMP/db" --related 0 -n 1 azure
check "the index itself: no warning" lacks "$TMP/err" "warning"
run out err sh -c 'cd "$1/db" && "$2/nsearch" --db "$3" --related 0 -n 1 azure' - \
    "$TMP" "$NSEARCH_BIN" "$gen"
check "a bare generation name: the index is '.'" contains "$TMP/err" \
    "'$gen' is a generation of the index '.': give --db ."
# A directory named like a generation that is no index's: no warning.
mkdir -p "$TMP/other"
cp -r "$TMP/db/$gen" "$TMP/other/gen-000009"
run out err nsearch --db "$TMP/other/gen-000009" --related 0 -n 1 azure
check "gen-N outside an index: no warning" lacks "$TMP/err" "generation"

check "nsearchd on a generation: starts" \
    start_server --db "$TMP/db/$gen"
check "nsearchd on a generation: warned at start" \
    contains "$TMP/server.err" \
    "'$TMP/db/$gen' is a generation of the index '$TMP/db': give --db $TMP/db to serve the live index"
finish
