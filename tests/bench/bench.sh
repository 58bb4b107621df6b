#!/bin/sh
# bench.sh - `make bench`: nsearch against SQLite FTS5, side by side.
#
#   tests/bench/bench.sh [bench.py options...]
#
# Runs tests/bench/bench.py (see there) with these defaults, all of which
# the environment may override:
#   BENCH_CORPORA  corpora to run (default reuters,syn)
#   BENCH_N        articles of the synthetic corpus (default 100000)
#   BENCH_DIR      scratch directory for corpora, indexes, queries and
#                  bench.json, outside the repository (default /tmp/nsearch-bench)
#   NSEARCH_BIN    directory holding nindex and nsearch (default <repo>/bin)
#   SHARED         shared data directory (default <repo>/../shared)
#   PYTHON         Python 3 with sqlite3 and FTS5 (default python3)
# The synthetic corpus is generated into BENCH_DIR only when it is asked for
# and not there already.  Extra arguments go to bench.py (e.g. --json FILE).
set -eu

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)
PYTHON=${PYTHON:-python3}
BENCH_CORPORA=${BENCH_CORPORA:-reuters,syn}
BENCH_N=${BENCH_N:-100000}
BENCH_DIR=${BENCH_DIR:-/tmp/nsearch-bench}
NSEARCH_BIN=${NSEARCH_BIN:-$repo/bin}
SHARED=${SHARED:-$repo/../shared}

for tool in nindex nsearch; do
    if [ ! -x "$NSEARCH_BIN/$tool" ]; then
        echo "bench.sh: $NSEARCH_BIN/$tool is missing; run make or set NSEARCH_BIN." >&2
        exit 2
    fi
done
if ! "$PYTHON" -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")' 2>/dev/null; then
    echo "bench.sh: $PYTHON has no sqlite3 with FTS5 (set PYTHON, e.g. PYTHON=/usr/bin/python3)." >&2
    exit 2
fi

exec "$PYTHON" "$script_dir/bench.py" --corpora "$BENCH_CORPORA" --n "$BENCH_N" \
    --dir "$BENCH_DIR" --bin "$NSEARCH_BIN" --shared "$SHARED" "$@"
