#!/bin/sh
# t169-date-order-copy.sh - In date order a story is shown by the copy it is
# sorted by, so the dates of a page run in order.
#
# A story is shown by its newest copy by "updated" (t155).  With --sort
# date the match sorts it by its latest "date"; shown by another copy,
# the first take (dated 09:00, updated 11:30) was listed above a story
# dated 09:30, under the second take's place (10:00).
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"wire-first","title":"Harbour council approves new budget plan","body":"budgetword first take","date":"2025-09-16T09:00:00Z","updated":"2025-09-16T11:30:00Z"}
{"id":"wire-second","title":"Harbour council approves new budget plan","body":"budgetword second take","date":"2025-09-16T10:00:00Z"}
{"id":"other","title":"Mayor reacts to the vote","body":"budgetword reaction","date":"2025-09-16T09:30:00Z"}
J
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" || exit 1
# order ARGS...: "id date" of each hit of nsearch --json ARGS, one line.
order() {
    nsearch --db "$TMP/db" --json --related 0 "$@" |
        python3 -c '
import json, sys
print(" ".join(h["id"] + "@" + h["date"][11:16] for h in json.load(sys.stdin)["hits"]))'
}
check "sort date: the story shown by its latest-dated copy, dates in order" \
    is "$(order -s date budgetword)" "wire-second@10:00 other@09:30"
check "sort oldest: the first version, dates in order" \
    is "$(order -s oldest budgetword)" "wire-first@09:00 other@09:30"
check "sort date, a phrase: the same copy" \
    is "$(order -s date '"budgetword second"' OR '"budgetword first"' OR '"budgetword reaction"')" \
    "wire-second@10:00 other@09:30"
check "by relevance: still the newest by updated" \
    contains /dev/stdin "wire-first" <<EOF2
$(order budgetword)
EOF2
finish
