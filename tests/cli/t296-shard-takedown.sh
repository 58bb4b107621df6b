#!/bin/sh
# t296-shard-takedown.sh - a takedown run on every shard host: nindex
# --delete ID without --shard, on each shard's index, takes the shard the
# index records, so the shards that do not hold ID pass it over (exit 0,
# no "no article"), the one that does deletes it, and an id no shard has
# is said missing once, by the shard it hashes to (exit 3 there alone).
. "$(dirname "$0")/lib.sh"

i=0
while [ $i -lt 40 ]; do
    printf '{"id": "story-%d", "title": "Harbour report %d", "body": "The harbour board met about berth %d."}\n' \
        $i $i $i
    i=$((i + 1))
done >"$TMP/a.jsonl"
for s in 0 1 2; do
    run out err nindex --quiet --db "$TMP/s$s" --shard $s/3 "$TMP/a.jsonl"
done
printf 'shard 0 local s0\nshard 1 local s1\nshard 2 local s2\n' >"$TMP/cluster"

total() { # the articles matching "harbour" in $1
    nsearch --db "$1" --json --no-collapse --limit 0 harbour |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
[ "$(total "$TMP/cluster")" = 40 ] || echo "setup: the cluster does not hold 40"

# story-0 is in shard 1; the takedown runs on all three, in order, as a
# script that stops at the first failure does.
codes= missing=0 deleted=0 named=0
for s in 0 1 2; do
    run out err nindex --db "$TMP/s$s" --delete story-0
    codes="$codes$rc"
    contains "$TMP/err" "no article" && missing=$((missing + 1))
    contains "$TMP/out" " 1 deleted" && deleted=$((deleted + 1))
    contains "$TMP/out" "; shard $s/3: " && named=$((named + 1))
    [ "$rc" -eq 0 ] || break
done
check "the takedown exits 0 on every shard" is "$codes" 000
check "no shard says the article is missing" is "$missing" 0
check "exactly one shard deleted it" is "$deleted" 1
check "each summary names the shard the index records" is "$named" 3
check "the cluster holds 39 after the takedown" is "$(total "$TMP/cluster")" 39
run out err nsearch --db "$TMP/cluster" --json '"Harbour report 0"'
check "the story is gone from the cluster" \
    python3 -c 'import json, sys
sys.exit(any(h["id"] == "story-0" for h in json.load(open(sys.argv[1]))["hits"]))' "$TMP/out"

# An id no shard holds: said once, by its own shard, exit 3 there only.
codes= missing=0
for s in 0 1 2; do
    run out err nindex --db "$TMP/s$s" --delete story-99
    codes="$codes$rc"
    contains "$TMP/err" "no article with id 'story-99'" && missing=$((missing + 1))
done
check "an unknown id exits 3 on one shard, 0 on the others" \
    is "$(printf '%s' "$codes" | tr -d 0)" 3
check "an unknown id is said missing once" is "$missing" 1

# The dry run reads the index's shard the same way.
codes= missing=0
for s in 0 1 2; do
    run out err nindex --db "$TMP/s$s" --delete --dry-run story-1
    codes="$codes$rc"
    contains "$TMP/err" "no article" && missing=$((missing + 1))
done
check "a dry-run takedown exits 0 on every shard" is "$codes" 000
check "no dry run says the article is missing" is "$missing" 0

finish
