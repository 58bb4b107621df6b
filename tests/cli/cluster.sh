# tests/cli/cluster.sh - Helpers for the cluster tests, sourced after
# lib.sh: shard servers (stock xapian-tcpsrv) on 127.0.0.1 ports, each in
# its own process group, and never left running.
#
# xapian-tcpsrv signals its whole process group when it stops, so each is
# started with setsid: the test's own shell is not in that group.
shard_pids=""
trap 'for p in $shard_pids; do kill -9 -$p 2>/dev/null; done
[ -n "${server_pid:-}" ] && kill -9 $server_pid 2>/dev/null
for p in ${load_pids:-}; do kill $p 2>/dev/null; done; rm -rf "$TMP"' EXIT INT TERM

# The shard server is part of the suite's dependencies (make deps): its
# absence fails the test rather than skipping it.
command -v xapian-tcpsrv >/dev/null || {
    echo "FAIL: xapian-tcpsrv is not installed (make deps)"
    echo "0 passed, 1 failed"
    exit 1
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
    python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_port PORT: something accepts on 127.0.0.1:PORT within 10 s.
wait_port() {
    python3 - "$1" <<'PY'
import socket, sys, time
end = time.time() + 10
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.5).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

# start_shard PORT DIR: serve index directory DIR's live generation
# (DIR/current) on 127.0.0.1:PORT; its process group id is in $shard_pid.
start_shard() {
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$1" "$2/current" \
        >>"$TMP/tcpsrv.log" 2>&1 &
    shard_pid=$!
    shard_pids="$shard_pids $shard_pid"
    wait_port "$1"
}

# stop_shard PGID: kill a shard server and every connection it serves,
# as a crashed host would drop them.
stop_shard() {
    kill -9 -"$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
