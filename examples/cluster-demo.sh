#!/bin/sh
# cluster-demo.sh - Three shards of samples/ served by stock xapian-tcpsrv
# on 127.0.0.1 ports, searched as one through a cluster file
# (README "Scaling"), with each shard's spelling dictionary exported
# for the front's did-you-mean.  Usage: sh examples/cluster-demo.sh [BINDIR]
# (default bin/).  Everything lives in a temporary directory, and the
# shard servers are stopped at the end.
set -u
bin=${1:-bin}
top=$(cd "$(dirname "$0")/.." && pwd)
demo=$(mktemp -d /tmp/nsearch-cluster-XXXXXX)
pids=""
cleanup() {
    # xapian-tcpsrv runs in its own process group (setsid): stop each whole.
    for p in $pids; do kill -9 -"$p" 2>/dev/null; done
    rm -rf "$demo"
}
trap cleanup EXIT INT TERM
command -v xapian-tcpsrv >/dev/null || {
    echo "cluster-demo: xapian-tcpsrv is missing: make deps (xapian-tools)" >&2
    exit 1
}
port() {
    python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
echo "# nsearch cluster: three shards of samples/ on 127.0.0.1" >"$demo/cluster"
for i in 0 1 2; do
    "$bin/nindex" --quiet --db "$demo/shard$i" --rebuild --shard $i/3 \
        "$top/samples" || exit 1
    # The front's copy of the shard's dictionary ("Did you mean").
    "$bin/nindex" --quiet --db "$demo/shard$i" \
        --export-spelling "$demo/spelling$i" || exit 1
    p=$(port)
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" \
        "$demo/shard$i/current" >/dev/null 2>&1 &
    pids="$pids $!"
    echo "shard $i tcp 127.0.0.1:$p" >>"$demo/cluster"
done
# Wait until every shard server accepts connections.
python3 - "$demo/cluster" <<'PY' || exit 1
import socket, sys, time
ports = [int(l.split(":")[-1]) for l in open(sys.argv[1]) if l.startswith("shard")]
end = time.time() + 10
for p in ports:
    while True:
        try:
            socket.create_connection(("127.0.0.1", p), 0.5).close()
            break
        except OSError:
            if time.time() > end:
                sys.exit("cluster-demo: shard server on port %d did not start" % p)
            time.sleep(0.05)
PY
for i in 0 1 2; do
    echo "spelling $demo/spelling$i" >>"$demo/cluster"
done
echo "== $demo/cluster"
cat "$demo/cluster"
echo "== nsearch --db CLUSTER \"Azure surveillance\""
"$bin/nsearch" --db "$demo/cluster" "Azure surveillance"
echo "== nsearch --db CLUSTER \"Azuer survelance\" (misspelt)"
"$bin/nsearch" --db "$demo/cluster" --limit 3 "Azuer survelance"
