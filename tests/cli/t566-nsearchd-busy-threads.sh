#!/bin/sh
# t566-nsearchd-busy-threads.sh - A request sent whole and in time is
# answered however long the worker threads are busy: the --header-timeout
# deadline is the client's, not the server's.  libmicrohttpd's pool thread
# runs the search itself and reads none of its other connections
# meanwhile; their complete requests waited unread in the socket and were
# cut as late, unanswered.  A client really sending its head slowly is
# still closed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index" busy_archive

# ask NAME PATH: fetch PATH in the background, its status into
# $TMP/code.NAME; no client-side limit a slow machine could reach.
ask() {
    curl -s --max-time 300 --unix-socket "$SOCK" -o /dev/null \
        -w '%{http_code}' "http://localhost$2" >"$TMP/code.$1" 2>/dev/null &
}

# One thread, the shortest deadline: every request that waits a second
# behind the searches ahead of it was cut before.  --timeout is long, as
# libmicrohttpd's own idle timeout still closes a request left unread that
# long (README, "nsearchd: the socket server"); a slow machine only makes
# the wait longer.
check "server starts" start_server --threads 1 --header-timeout 1 \
    --timeout 600 --request-timeout 0

# A slow head beside them, one byte every half second: cut once the thread
# has time to read it (it ends when cut; 300 s is only a cap).
python3 "$top/tests/cli/slow_clients.py" "$SOCK" 1 300 0.5 >"$TMP/slow.json" &
slow_pid=$!
pids=
for i in 1 2 3 4 5 6; do
    ask slow$i "$SLOW"
    pids="$pids $!"
done
for i in 1 2 3; do
    ask health$i /health
    pids="$pids $!"
    ask search$i "/v1/search?q=note&limit=3"
    pids="$pids $!"
done
wait $pids

for i in 1 2 3 4 5 6; do
    check "slow search $i, waiting its turn: 200 ($(cat "$TMP/code.slow$i"))" \
        is "$(cat "$TMP/code.slow$i")" 200
done
for i in 1 2 3; do
    check "/health $i behind the searches: 200 ($(cat "$TMP/code.health$i"))" \
        is "$(cat "$TMP/code.health$i")" 200
    check "small search $i behind them: 200 ($(cat "$TMP/code.search$i"))" \
        is "$(cat "$TMP/code.search$i")" 200
done

wait $slow_pid
check "the slow head is still closed, without an answer" json slow.json \
    'd["opened"] == 1 and d["cut"] == 1 and d["answered"] == {}'
get stats.json /v1/stats
check "only the slow head counts as a late request" json stats.json \
    'd["guard"]["header_timeouts"] == 1'

finish
