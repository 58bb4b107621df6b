#!/bin/sh
# t338-nsearchd-reopen-retry.sh - A SIGHUP that meets a cluster file
# caught half-written keeps the shard list open before, says so in the
# log with the reason, and tries the reopen again every second: once the
# file is whole (written in place, the same inode), its new list is served
# without another SIGHUP, and the log says so.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$SAMPLES"
done
port0=$(free_port)
start_shard "$port0" "$TMP/s0"
port1=$(free_port)
start_shard "$port1" "$TMP/s1"
# A second server of shard 1: the list written after the SIGHUP names it.
port2=$(free_port)
start_shard "$port2" "$TMP/s1"
whole() {
    printf 'connect-timeout 1\ntimeout 5\nshard 0 tcp 127.0.0.1:%s\nshard 1 tcp 127.0.0.1:%s\n' \
        "$port0" "$1" >"$TMP/cluster"
}
whole "$port1"

# replica: the replica of shard 1 that /v1/stats names (one worker).
replica() {
    get stats.json /v1/stats
    python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["shards"][1]["replica"])' "$TMP/stats.json"
}
# total: the hits of "Azure" over the cluster.
total() {
    get azure.json '/v1/search?q=Azure&related=0'
    python3 -c 'import json, sys
print(json.load(open(sys.argv[1])).get("total"))' "$TMP/azure.json"
}

start_server --db "$TMP/cluster" --threads 1
check "started" is "$(replica)" "tcp 127.0.0.1:$port1"
full=$(total)

# Half-written, in place: the last line cut in its port.
ino=$(stat -c %i "$TMP/cluster")
printf 'connect-timeout 1\ntimeout 5\nshard 0 tcp 127.0.0.1:%s\nshard 1 tcp 127.0.0.1:' \
    "$port0" >"$TMP/cluster"
kill -HUP $server_pid
sleep 1.2
check "broken file: the old list goes on answering, whole" is "$(total)" "$full"
check "broken file: the old replica" is "$(replica)" "tcp 127.0.0.1:$port1"
check "broken file: logged with the file's line and what is wrong" contains \
    "$TMP/server.err" "$TMP/cluster:4: '127.0.0.1:' is not HOST:PORT"

# Made whole again, in place, with shard 1 on another server.
whole "$port2"
check "the file was written in place" is "$(stat -c %i "$TMP/cluster")" "$ino"
now=
i=0
while [ $i -lt 40 ]; do
    now=$(replica)
    [ "$now" = "tcp 127.0.0.1:$port2" ] && break
    sleep 0.25
    i=$((i + 1))
done
check "whole again: its list is served without another SIGHUP" \
    is "$now" "tcp 127.0.0.1:$port2"
check "whole again: every shard searched" is "$(total)" "$full"
check "whole again: the log says the reopen was taken" contains \
    "$TMP/server.err" "info: reopened index '$TMP/cluster'"
check "one SIGHUP counted" python3 -c 'import json, sys
sys.exit(0 if json.load(open(sys.argv[1]))["index"]["reloads"] == 1 else 1)' \
    "$TMP/stats.json"
finish
