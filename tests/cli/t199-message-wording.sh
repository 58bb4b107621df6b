#!/bin/sh
# t199-message-wording.sh - Messages that said less than they knew, or
# said it wrong: an id of 3.5 was "not a string" though whole numbers are
# ids; --keep named no upper bound; nsearchd's usage error without
# --socket was signed "nsearchd[PID]" where every other one is
# "nsearchd"; the prune's refusal said "1 records were".
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"k1","title":"Kept","body":"harbour","date":"2024-05-01"}
{"id":3.5,"title":"Half","body":"harbour","date":"2024-05-01"}
{"id":7,"title":"Whole","body":"harbour","date":"2024-05-01"}
{"id":["x"],"title":"List","body":"harbour","date":"2024-05-01"}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "two records skipped: exit 3" is "$rc" 3
check "a fractional id: says whole numbers are ids" contains "$TMP/err" \
    "a.jsonl:2: field 'id' is not a string or a whole number"
check "a list as id: the same" contains "$TMP/err" \
    "a.jsonl:4: field 'id' is not a string or a whole number"
run out err nsearch --db "$TMP/db" --json id:7
check "a whole number is an id" contains "$TMP/out" '"id":"7"'

run out err nindex --db "$TMP/db2" --rebuild --keep 0 "$TMP/a.jsonl"
check "--keep 0: usage error" is "$rc" 2
check "--keep names both bounds" contains "$TMP/err" "--keep needs a number from 1 to 1000, not '0'"

run out err env -u LISTEN_FDS "$NSEARCH_BIN/nsearchd" --db "$TMP/db"
check "nsearchd without --socket: usage error" is "$rc" 2
check "signed as its other usage errors" contains "$TMP/err" "nsearchd: no --socket PATH given"
check "no pid in a usage error" lacks "$TMP/err" "nsearchd["

# nsearchd --help listed neither the author parameter nor the day-first
# dates from and to take (the README and the server read both).
run out err "$NSEARCH_BIN/nsearchd" --help
tr -s ' \n' ' ' <"$TMP/out" >"$TMP/help1"
check "--help names author" contains "$TMP/help1" "author (every word of the byline)"
check "--help names day-first dates" contains "$TMP/help1" "from and to (YYYY-MM-DD or DD.MM.YYYY)"
printf '{"id":"k2","title":"t","body":"b","tags":5}\n' >"$TMP/b.jsonl"
run out err nindex --db "$TMP/db" --prune "$TMP/a.jsonl" "$TMP/b.jsonl"
check "prune refused" is "$rc" 4
check "the count agrees with its noun" contains "$TMP/err" "not pruning: 3 records were skipped"
finish
