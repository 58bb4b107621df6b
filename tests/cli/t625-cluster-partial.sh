#!/bin/sh
# t625-cluster-partial.sh - What nsearch and nsearchd say about a cluster
# answering without a shard: related posts of an article on the shard
# that is down say so (not "no article"); a partial total is not exact,
# and the text output says it is partial; the warning gives the reason a
# shard is down (a replica holding another shard); a replica listed
# twice is a FILE:LINE error.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

for i in 0 1 2; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/3 "$SAMPLES"
    eval "port$i=\$(free_port)"
    eval "start_shard \$port$i \"\$TMP/s$i\""
    eval "pid$i=\$shard_pid"
done
cat >"$TMP/cluster" <<EOF
connect-timeout 1
timeout 5
refresh 0.5
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
shard 2 tcp 127.0.0.1:$port2
EOF
# total FILE: the total of the --json answer in $TMP/FILE.
total() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/$1"; }

# --- Every shard up: exact, not partial ------------------------------------
run all allerr nsearch --db "$TMP/cluster" --json --related 0 Azure
check "all up: exit 0" is "$rc" 0
check "all up: total_exact true" json all 'd["total_exact"] is True and "partial" not in d'
all_total=$(total all)
run alltext allerr nsearch --db "$TMP/cluster" --related 0 Azure
check "all up: the text says nothing of partial" lacks "$TMP/alltext" "down: partial"

# An article of shard 2, and an id no shard holds that hashes to shard 0.
id2=$(nsearch --db "$TMP/s2" --json --limit 1 --related 0 --no-collapse "" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
nosuch=$(python3 -c 'def shard_of(i, n):
    h = 14695981039346656037
    for b in i.encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    return h % n
print(next("nosuch%d" % k for k in range(100) if shard_of("nosuch%d" % k, 3) == 0))')

# --- Shard 2 down -----------------------------------------------------------
stop_shard "$pid2"
run rel relerr nsearch --db "$TMP/cluster" --related-to "$id2"
check "related-to an article of the shard down: exit 1" is "$rc" 1
check "related-to: says its shard is down, and why" \
    contains "$TMP/relerr" "nsearch: shard 2 of the cluster, which holds article '$id2', is down (tcp 127.0.0.1:$port2: "
check "related-to: not 'no article'" lacks "$TMP/relerr" "no article with id"
run rel relerr nsearch --db "$TMP/cluster" --related-to "$nosuch"
check "related-to an id no shard up holds: still 'no article'" \
    contains "$TMP/relerr" "no article with id '$nosuch'"

run part parterr nsearch --db "$TMP/cluster" --json --related 0 Azure
check "partial: exit 0" is "$rc" 0
check "partial: fewer matches than the archive's" \
    test "$(total part)" -lt "$all_total"
check "partial: total_exact false" json part 'd["total_exact"] is False and d["partial"] is True and d["missing_shards"] == [2]'
run parttext parterr nsearch --db "$TMP/cluster" --related 0 Azure
check "partial: the count on stdout says so" \
    contains "$TMP/parttext" "About $(total part) matches (shard 2 of 3 down: partial); showing 1-"
run partcount parterr nsearch --db "$TMP/cluster" --limit 0 --related 0 Azure
check "partial, count alone: says so" \
    contains "$TMP/partcount" "matches (shard 2 of 3 down: partial)"

start_server --db "$TMP/cluster" --threads 2
check "nsearchd starts with a shard down" is "$?" 0
get q "/v1/search?q=Azure&related=0"
check "nsearchd, partial: total_exact false" \
    json q 'd["total_exact"] is False and d["partial"] is True'
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# --- A replica that holds another shard -----------------------------------
# A second server of shard 1, listed as shard 0's replica by mistake.
start_shard "$port2" "$TMP/s2"
port1b=$(free_port)
start_shard "$port1b" "$TMP/s1"
cat >"$TMP/wrong" <<EOF
connect-timeout 1
shard 0 tcp 127.0.0.1:$port1b
shard 1 tcp 127.0.0.1:$port1
shard 2 tcp 127.0.0.1:$port2
EOF
run wr wrerr nsearch --db "$TMP/wrong" --related 0 Azure
check "wrong replica: partial, exit 0" is "$rc" 0
check "wrong replica: the warning says why shard 0 is down" \
    contains "$TMP/wrerr" "partial results: shard 0 of the cluster is down (tcp 127.0.0.1:$port1b: "
check "wrong replica: ... it holds shard 1/3" \
    contains "$TMP/wrerr" "it holds shard 1/3, not shard 0/3)"

# --- A replica listed twice ------------------------------------------------
cat >"$TMP/twice" <<EOF
shard 0 tcp 127.0.0.1:$port0
shard 0 tcp 127.0.0.1:$port0  # the same, again
shard 1 tcp 127.0.0.1:$port1
shard 2 tcp 127.0.0.1:$port2
EOF
run tw twerr nsearch --db "$TMP/twice" Azure
check "a replica listed twice: exit 1" is "$rc" 1
check "a replica listed twice: FILE:LINE" \
    contains "$TMP/twerr" "$TMP/twice:2: replica 'tcp 127.0.0.1:$port0' is already listed on line 1"
cat >"$TMP/twoshards" <<EOF
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
shard 2 tcp 127.0.0.1:$port0
EOF
run tw twerr nsearch --db "$TMP/twoshards" Azure
check "a replica listed for two shards: FILE:LINE" \
    contains "$TMP/twerr" "$TMP/twoshards:3: replica 'tcp 127.0.0.1:$port0' is already listed on line 1 (shard 0)"
printf 'shard 0 local %s/s0\nshard 0 local ./s0\n' "$TMP" >"$TMP/twicelocal"
run tw twerr nsearch --db "$TMP/twicelocal" Azure
check "a local replica named twice, once relative: FILE:LINE" \
    contains "$TMP/twerr" "$TMP/twicelocal:2: replica 'local ./s0' is already listed on line 1"
finish
