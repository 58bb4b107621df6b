#!/bin/sh
# t157-batch-follows.sh - nsearch --batch kept running as a helper (a
# coprocess) answers from the index as it is now, not as it was when the
# helper started.
#
# The index was opened once: a correction committed by the nightly job, a
# --delete taken down for legal reasons and a --rebuild published while the
# helper ran were never seen; it went on answering the uncorrected headline
# and the deleted story.  Now it looks for a newer version at most once a
# second, as nsearchd does.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/src.jsonl" <<'J'
{"id":"w1","title":"Minister quits over expenses","body":"The minister quit. omegaold"}
{"id":"w2","title":"Harbour reopens","body":"The harbour reopened. zetaharbour"}
J
cat >"$TMP/fix.jsonl" <<'J'
{"id":"w1","title":"Minister cleared over expenses","body":"Correction: the minister did not quit. omeganew"}
J
nindex --quiet --db "$TMP/db" "$TMP/src.jsonl" || exit 1

mkfifo "$TMP/to" "$TMP/from"
nsearch --db "$TMP/db" --batch --related 0 --limit 5 <"$TMP/to" \
    >"$TMP/from" 2>"$TMP/co.err" &
co=$!
exec 3>"$TMP/to" 4<"$TMP/from"
# ask QID QUERY: the helper's answer to QUERY, in $TMP/QID.
ask() {
    printf '%s\t%s\n' "$1" "$2" >&3
    timeout 20 head -n 1 <&4 >"$TMP/$1"
}
# total QID: the total of the answer in $TMP/QID.
total() {
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"])' \
        "$TMP/$1" 2>/dev/null
}

ask a1 minister
check "before: the first headline" contains "$TMP/a1" "Minister quits"
check "before: the corrected word is not there" is "$(ask a2 omeganew; total a2)" 0

nindex --quiet --db "$TMP/db" "$TMP/fix.jsonl"
sleep 1.2
ask b1 minister
check "a correction: the corrected headline" contains "$TMP/b1" \
    "Minister cleared"
check "a correction: the old headline is gone" lacks "$TMP/b1" \
    "Minister quits"
check "a correction: the corrected word is found" \
    is "$(ask b2 omeganew; total b2)" 1
check "a correction: the old word is not" is "$(ask b3 omegaold; total b3)" 0

nindex --quiet --db "$TMP/db" --delete w2 --force >/dev/null 2>&1
sleep 1.2
check "a deletion: the deleted story is not found" \
    is "$(ask c1 zetaharbour; total c1)" 0

nindex --quiet --db "$TMP/db" --rebuild "$TMP/src.jsonl" >/dev/null 2>&1
sleep 1.2
check "a rebuild: the helper reads the published generation" \
    is "$(ask d1 zetaharbour; total d1)" 1

exec 3>&- 4<&-
wait $co
check "the helper exits 0 when its input closes" is "$?" 0
check "the helper said nothing on stderr" is "$(wc -c <"$TMP/co.err")" 0

finish
