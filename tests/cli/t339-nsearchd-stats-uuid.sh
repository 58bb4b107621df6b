#!/bin/sh
# t339-nsearchd-stats-uuid.sh - /v1/stats names the database UUID of a
# single index (index.uuid), as it does each shard's for a cluster: the
# one Xapian gives the live generation, another after a rebuild; null on
# a cluster front, whose shards carry their own (shards[].uuid).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

index_samples
# delve_uuid DIR: the UUID Xapian's own tool reads from DIR.
delve_uuid() { xapian-delve "$1" | sed -n 's/^UUID = //p'; }
# stats_field EXPR: EXPR of /v1/stats' JSON d, printed.
stats_field() {
    get stats.json /v1/stats
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$TMP/stats.json" "$1"
}

start_server --threads 1
first=$(delve_uuid "$TMP/db/current")
check "index.uuid is the live generation's" is "$(stats_field 'd["index"].get("uuid")')" "$first"

nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES" 2>/dev/null
second=$(delve_uuid "$TMP/db/current")
now=
i=0
while [ $i -lt 20 ]; do
    now=$(stats_field 'd["index"].get("uuid")')
    [ "$now" = "$second" ] && break
    sleep 0.25
    i=$((i + 1))
done
check "after the rebuild: the new generation's UUID" is "$now" "$second"
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# A cluster front of two local shards: no UUID of its own, one per shard.
for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$SAMPLES" 2>/dev/null
done
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/s0" "$TMP/s1" >"$TMP/cluster"
start_server --db "$TMP/cluster" --threads 1
check "cluster: index.uuid is there, null (each shard has its own)" is \
    "$(stats_field 'd["index"].get("uuid", "absent")')" None
finish
