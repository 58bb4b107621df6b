#!/bin/sh
# cluster.sh - `make bench-cluster`: query latency of 1, 2 and 4 shards
# served by xapian-tcpsrv on 127.0.0.1 against one index of the same
# articles, and the build time of 4 shards built in parallel.  A
# benchmark, not a test: prints one table.
#
#   BENCH_N        synthetic articles (default 100000; SHARED's synth.py,
#                  seed 7, as make bench)
#   BENCH_DIR      scratch directory (default /tmp/nsearch-bench-cluster)
#   BENCH_QUERIES  queries per run (default 1000; make_queries.py, seed 42)
#   NSEARCH_BIN, SHARED, PYTHON as for make bench
#
# Every run is `nsearch --batch --related 0` over the same query file;
# p50/p99 are of each answer's took_ms, which for a cluster includes the
# round trips to the shards.  Shard servers run in their own process
# groups and are stopped at the end.
set -eu
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)
PYTHON=${PYTHON:-python3}
BENCH_N=${BENCH_N:-100000}
BENCH_DIR=${BENCH_DIR:-/tmp/nsearch-bench-cluster}
BENCH_QUERIES=${BENCH_QUERIES:-1000}
NSEARCH_BIN=${NSEARCH_BIN:-$repo/bin}
SHARED=${SHARED:-$repo/../shared}
command -v xapian-tcpsrv >/dev/null || {
    echo "bench-cluster: xapian-tcpsrv is missing: make deps" >&2
    exit 2
}
mkdir -p "$BENCH_DIR"
# The servers' process groups, in a file: build_cluster runs in a
# command substitution, whose variables are lost.
servers=$BENCH_DIR/servers.pids
: >"$servers"
trap 'for p in $(cat "$servers"); do kill -9 -$p 2>/dev/null; done' EXIT INT TERM

src=$BENCH_DIR/syn-$BENCH_N.jsonl.gz
if [ ! -s "$src" ]; then
    echo "generating $BENCH_N synthetic articles ..." >&2
    "$PYTHON" "$SHARED/corpora/tools/synth.py" "$BENCH_N" "$src.tmp" --seed 7 >&2
    mv "$src.tmp" "$src"
fi
q=$BENCH_DIR/queries.txt
"$PYTHON" "$script_dir/make_queries.py" "$src" "$q" --count "$BENCH_QUERIES" \
    --seed 42 >/dev/null

# wall seconds of a command
timed() {
    t0=$("$PYTHON" -c 'import time; print(time.time())')
    "$@"
    "$PYTHON" -c "import time; print('%.1f' % (time.time() - $t0))"
}

rm -rf "$BENCH_DIR"/one "$BENCH_DIR"/n*
one_s=$(timed "$NSEARCH_BIN/nindex" --quiet --db "$BENCH_DIR/one" --rebuild "$src" | tail -n 1)

port() {
    "$PYTHON" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The shards of N, built at once (one job each), served, in a cluster file.
build_cluster() {
    n=$1
    start=$("$PYTHON" -c 'import time; print(time.time())')
    i=0
    bpids=""
    while [ $i -lt "$n" ]; do
        "$NSEARCH_BIN/nindex" --quiet --jobs 1 --db "$BENCH_DIR/n$n/s$i" \
            --rebuild --shard $i/$n "$src" &
        bpids="$bpids $!"
        i=$((i + 1))
    done
    for p in $bpids; do wait "$p"; done
    build=$("$PYTHON" -c "import time; print('%.1f' % (time.time() - $start))")
    : >"$BENCH_DIR/n$n/cluster"
    i=0
    while [ $i -lt "$n" ]; do
        p=$(port)
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" \
            "$BENCH_DIR/n$n/s$i/current" >/dev/null 2>&1 &
        echo $! >>"$servers"
        echo "shard $i tcp 127.0.0.1:$p" >>"$BENCH_DIR/n$n/cluster"
        i=$((i + 1))
    done
    sleep 1
    echo "$build"
}

latency() { # DB: "p50 p99" of took_ms over the queries
    "$NSEARCH_BIN/nsearch" --db "$1" --batch --related 0 <"$q" |
        "$PYTHON" -c 'import json, sys
t = sorted(json.loads(l).get("took_ms", 0) for l in sys.stdin)
print("%.2f %.2f" % (t[len(t) // 2], t[min(len(t) - 1, int(len(t) * 0.99))]))'
}

echo "articles: $BENCH_N, queries: $(wc -l <"$q"), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %10s %10s %12s\n' "index" "p50 ms" "p99 ms" "build s"
set -- $(latency "$BENCH_DIR/one")
printf '%-28s %10s %10s %12s\n' "one index (--jobs 2)" "$1" "$2" "$one_s"
for n in 1 2 4; do
    mkdir -p "$BENCH_DIR/n$n"
    b=$(build_cluster $n | tail -n 1)
    set -- $(latency "$BENCH_DIR/n$n/cluster")
    printf '%-28s %10s %10s %12s\n' "$n tcpsrv shard(s)" "$1" "$2" "$b"
done
