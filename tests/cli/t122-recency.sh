#!/bin/sh
# t122-recency.sh - --sort recent on the samples: relevance mixed with
# age, the half-life moving the balance, totals as the relevance sort's,
# and bad values refused.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples
ids() {
    nsearch --db "$TMP/db" --related 0 --snippet-len 0 --no-collapse --json \
        --now 2025-10-01 --limit 100 "$@" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["total"], " ".join(h["id"] for h in d["hits"]))'
}

rel=$(ids "azure review")
rec=$(ids --sort recent "azure review")
long=$(ids --sort recent --half-life 3650 "azure review")
short=$(ids --sort recent --half-life 1 "azure review")
check "relevance order" is "$(echo "$rel" | cut -d' ' -f2)" azure-review-wire
check "recent: the newest relevant article first" \
    is "$(echo "$rec" | cut -d' ' -f2)" azure-cutoff-reactions
check "recent: the same total" is "${rec%% *}" "${rel%% *}"
check "recent: the same articles" is \
    "$(echo "${rec#* }" | tr ' ' '\n' | sort)" "$(echo "${rel#* }" | tr ' ' '\n' | sort)"
check "ten-year half-life: relevance decides the top" \
    is "$(echo "$long" | cut -d' ' -f2)" azure-review-wire
check "one-day half-life: the article of the day first" \
    is "$(echo "$short" | cut -d' ' -f2)" azure-cutoff-reactions
check "orders differ" test "$rec" != "$rel"

date_ids=$(ids --sort date "azure review")
check "date: newest first, unchanged" python3 -c '
import sys, subprocess
ids = sys.argv[1].split()[1:]
assert ids[0] == "azure-cutoff-reactions", ids
assert ids != sys.argv[2].split()[1:]' "$date_ids" "$rec"

for bad in "--sort newest" "--half-life 0" "--half-life 3651" "--half-life x"; do
    run out err nsearch --db "$TMP/db" $bad azure
    check "'$bad': exit 2" is "$rc" 2
done
run out err nsearch --help
check "--help names recent" contains "$TMP/out" "recent (relevance mixed with age)"
check "--help names --half-life" contains "$TMP/out" "--half-life DAYS"
check "--help names --facets" contains "$TMP/out" "--facets[=LIST]"

finish
