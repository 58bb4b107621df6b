#!/bin/sh
# t576-nsearchd-shutdown-queue.sh - SIGTERM answers every request already
# sent, not only the ones a worker is running.  With the workers busy, a
# request waiting behind a slow search (accepted but unread, or still in
# the socket's backlog) got an empty reply when the server stopped, and
# nsearchd exited 0 as if it had finished its work.  Now it is served; one
# still waiting after --timeout seconds is answered 503 shutting_down.
# A new server can start on the socket path at once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index" busy_archive

# ask NAME PATH: fetch PATH in the background: status in $TMP/code.NAME
# (000 for no answer), headers and body beside it.
ask() {
    curl -s --max-time 60 --unix-socket "$SOCK" -D "$TMP/head.$1" \
        -o "$TMP/body.$1" -w '%{http_code}' "http://localhost$2" \
        >"$TMP/code.$1" 2>/dev/null &
    pids="$pids $!"
}

# stop: SIGTERM, wait for every client, then the server: its status in $rc.
stop() {
    kill -TERM $server_pid
    wait $pids
    wait $server_pid
    rc=$?
    server_pid=
    pids=
}

# --- One thread: two requests sent behind a slow search. -----------------
# SIGTERM comes while the search has most of its time to run: the two wait
# in the socket's backlog, which the busy thread does not accept from.
pids=
check "one thread: starts" start_server --threads 1
ask slow1 "$SLOW&related=20&sort=date"
sleep 0.1
ask small1 "/v1/search?q=note&limit=1"
ask small2 /health
sleep 0.1
kill -TERM $server_pid
# The socket file is gone at once: a new server starts while the old one
# still answers its clients.
sleep 0.2
old_pid=$server_pid
check "one thread: a new server starts on the path while the old drains" \
    start_server --threads 1
check "one thread: the new server answers" is "$(curl -s --max-time 5 \
    --unix-socket "$SOCK" -o /dev/null -w '%{http_code}' \
    http://localhost/health)" 200
new_pid=$server_pid
server_pid=$old_pid
wait $pids
wait $server_pid
rc=$?
server_pid=$new_pid
pids=
check "one thread: exit 0" is "$rc" 0
for n in slow1 small1 small2; do
    check "one thread: $n answered 200 ($(cat "$TMP/code.$n"))" \
        is "$(cat "$TMP/code.$n")" 200
done
check "one thread: the small search has its hits" json body.small1 \
    'd["total"] > 0'
stop

# --- Two threads: two requests behind four slow ones. --------------------
check "two threads: starts" start_server --threads 2
for i in 1 2 3 4; do ask slow$i "$SLOW"; done
sleep 0.2
ask small1 "/v1/search?q=note&limit=1"
ask small2 /v1/articles/a7
sleep 0.3
stop
check "two threads: exit 0" is "$rc" 0
for n in slow1 slow2 slow3 slow4 small1 small2; do
    check "two threads: $n answered 200 ($(cat "$TMP/code.$n"))" \
        is "$(cat "$TMP/code.$n")" 200
done

# --- Past --timeout: those still waiting are told 503 shutting_down. -----
# Five slow searches on one thread take about four seconds, more than
# --timeout 1 + 1 allows.
check "grace: starts" start_server --threads 1 --timeout 1
for i in 1 2 3 4 5; do
    ask slow$i "$SLOW"
    sleep 0.05
done
sleep 0.3
t0=$(date +%s.%N)
stop
t1=$(date +%s.%N)
check "grace: exit 0" is "$rc" 0
check "grace: stopped within --timeout + 1 s (and a search)" \
    python3 -c "import sys; sys.exit(0 if $t1 - $t0 < 3.5 else 1)"
codes=
for i in 1 2 3 4 5; do
    codes="$codes $(cat "$TMP/code.slow$i")"
done
check "grace: every request answered, 200 or 503 ($codes)" python3 -c '
import sys
codes = sys.argv[1].split()
sys.exit(0 if len(codes) == 5 and set(codes) <= {"200", "503"}
         and "200" in codes else 1)' "$codes"
late=
for i in 1 2 3 4 5; do
    [ "$(cat "$TMP/code.slow$i")" = 503 ] && late=slow$i
done
# An idle machine runs the five searches within the second (0.1-0.3 s
# each): then none was still waiting, and there is no 503 to look at.
if [ -n "$late" ]; then
    check "grace: the 503 says shutting_down" json "body.$late" \
        'd["error"]["code"] == "shutting_down"'
    check "grace: with Retry-After" grep -qi '^Retry-After: 1' "$TMP/head.$late"
    check "grace: logged" contains "$TMP/server.err" \
        "waiting; answering those waiting 503 shutting_down as their workers free up"
else
    echo "# grace: the five searches ended within --timeout; no 503 to check"
fi

finish
