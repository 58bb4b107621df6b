#!/bin/sh
# t169-date-order-copy.sh - In date order a story is shown by the newest
# (by "updated") of its copies dated as the story is sorted.
#
# The match sorts a story by its latest date and the hit showed its newest
# copy by "updated": a first take (dated 09:00, updated 11:30) stood in
# the place of the second take (10:00), its 09:00 listed above a story
# dated 09:30.  Showing the copy the match keeps instead put a wire
# story's first take in place of its update when both carry one date and
# only the update a later "updated" (t155).  Both stories side by side,
# in each order, by words and by phrases, from one index (either time
# encoding) and a cluster.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"wire-first","title":"Harbour council approves new budget plan","body":"budgetword first take","date":"2025-09-16T09:00:00Z","updated":"2025-09-16T11:30:00Z"}
{"id":"wire-second","title":"Harbour council approves new budget plan","body":"budgetword second take","date":"2025-09-16T10:00:00Z"}
{"id":"other","title":"Mayor reacts to the vote","body":"budgetword reaction","date":"2025-09-16T09:30:00Z"}
J
cat >"$TMP/b.jsonl" <<'J'
{"id":"wire-1","title":"Explosion at chemical plant kills two","body":"budgetword: an explosion at a chemical plant killed two workers.","date":"2025-09-16T08:00:00Z"}
{"id":"wire-1-update","title":"Explosion at chemical plant kills two","body":"budgetword: an explosion at a chemical plant killed two workers on Tuesday morning, officials said. Firefighters fought the blaze for hours.","date":"2025-09-16T08:00:00Z","updated":"2025-09-16T12:00:00Z"}
J
cat "$TMP/a.jsonl" "$TMP/b.jsonl" >"$TMP/all.jsonl"
check "index" nindex --quiet --db "$TMP/db" "$TMP/all.jsonl"
# An index that keeps its times the older way (time-slot.cc).
NSEARCH_OLD_TIMES=1 nindex --quiet --db "$TMP/old" "$TMP/all.jsonl" \
    2>/dev/null
check "index, older times" is \
    "$(xapian-metadata get "$TMP/old/current" nsearch.time_encoding)" ""
check "index, times now" is \
    "$(xapian-metadata get "$TMP/db/current" nsearch.time_encoding)" 2
# Three shards, each story's copies split between two of them (by id:
# wire-first 2, wire-second 1; wire-1 1, wire-1-update 0).
for i in 0 1 2; do
    check "index shard $i" \
        nindex --quiet --db "$TMP/s$i" --shard "$i/3" "$TMP/all.jsonl"
done
printf 'shard %s local %s\n' 0 "$TMP/s0" 1 "$TMP/s1" 2 "$TMP/s2" \
    >"$TMP/three.cluster"
# held DIR: the ids of shard DIR's articles.
held() {
    nsearch --db "$1" --json --no-collapse budgetword | python3 -c '
import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "shard 1 holds the second takes" is "$(held "$TMP/s1")" \
    "wire-1 wire-second"
check "shard 2 the first take" is "$(held "$TMP/s2")" "wire-first"

# order DB ARGS...: "id@time:also" of each hit of nsearch --json, one line.
order() {
    db=$1
    shift
    nsearch --db "$db" --json --related 0 "$@" | python3 -c '
import json, sys
print(" ".join(h["id"] + "@" + h["date"][11:16] + ":" + ",".join(h["also"])
               for h in json.load(sys.stdin)["hits"]))'
}
phrases='"budgetword second" OR "budgetword first" OR "budgetword reaction" OR "chemical plant"'
newest="wire-second@10:00:wire-first other@09:30: wire-1-update@08:00:wire-1"
oldest="wire-1@08:00:wire-1-update wire-first@09:00:wire-second other@09:30:"

for db in db old three.cluster; do
    check "$db: sort date: the latest-dated copy, the update of one date" \
        is "$(order "$TMP/$db" -s date budgetword)" "$newest"
    check "$db: sort date, phrases: the same copies" \
        is "$(order "$TMP/$db" -s date "$phrases")" "$newest"
    check "$db: sort oldest: each story's first version" \
        is "$(order "$TMP/$db" -s oldest budgetword)" "$oldest"
    check "$db: sort oldest, phrases: the same copies" \
        is "$(order "$TMP/$db" -s oldest "$phrases")" "$oldest"
    # By relevance the newest by "updated" stands, whatever its date.
    order "$TMP/$db" budgetword | tr ' ' '\n' | sort >"$TMP/rel"
    check "$db: relevance: the newest by updated" is "$(cat "$TMP/rel")" \
        "$(printf '%s\n' other@09:30: wire-1-update@08:00:wire-1 \
            wire-first@09:00:wire-second)"
    order "$TMP/$db" "$phrases" | tr ' ' '\n' | sort >"$TMP/rel"
    check "$db: relevance, phrases: the newest by updated" \
        is "$(cat "$TMP/rel")" \
        "$(printf '%s\n' other@09:30: wire-1-update@08:00:wire-1 \
            wire-first@09:00:wire-second)"
done

# The text lists the same hits in the same order.
run out err nsearch --db "$TMP/db" --related 0 -s date budgetword
check "text: exit 0" is "$rc" 0
check "text: the hits in date order" is \
    "$(grep -oE '\| id [a-z0-9-]+$' "$TMP/out" | sed 's/^| id //' | tr '\n' ' ')" \
    "wire-second other wire-1-update "
check "text: the second take's text" contains "$TMP/out" "second take"
check "text: the first take named under it" contains "$TMP/out" \
    "Also: 1 other version: wire-first"
check "text: the update's text" contains "$TMP/out" "Firefighters fought"

# An index without group terms collapses phrase pages in the match.
xapian-metadata set "$TMP/db/current" nsearch.groups ""
check "no group terms, phrases, sort date" \
    is "$(order "$TMP/db" -s date "$phrases")" "$newest"

check "server starts" start_server
get d.json "/v1/search?q=budgetword&sort=date&related=0"
check "nsearchd: 200" is "$code" 200
check "nsearchd: sort=date, the same copies in order" json d.json \
    '[(h["id"], h["also"]) for h in d["hits"]] == [("wire-second", ["wire-first"]), ("other", []), ("wire-1-update", ["wire-1"])]'

finish
