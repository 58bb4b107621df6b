#!/bin/sh
# tests/bench/ingest.sh - Indexing rate of an RSS feed and of HTML pages
# against JSON Lines of the same BENCH_PAGES (10000) articles (make
# bench-ingest).  A benchmark, not a test: prints one line per format.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
NSEARCH_BIN=${NSEARCH_BIN:-$top/bin}
PYTHON=${PYTHON:-python3}
N=${BENCH_PAGES:-10000}
dir=$(mktemp -d /tmp/nsearch-ingest-XXXXXX)
trap 'rm -rf "$dir"' EXIT
$PYTHON "$top/tests/bench/ingest_gen.py" "$N" "$dir/src"
for what in articles.jsonl feed.rss pages; do
    rm -rf "$dir/db"
    start=$($PYTHON -c 'import time; print(time.time())')
    "$NSEARCH_BIN/nindex" --db "$dir/db" "$dir/src/$what" >"$dir/out" 2>"$dir/err"
    end=$($PYTHON -c 'import time; print(time.time())')
    $PYTHON - "$what" "$N" "$start" "$end" "$dir/out" <<'PY'
import sys
what, n, start, end, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
secs = end - start
print("%-16s %6d articles  %6.2f s  %7.0f articles/s   %s" % (what, n, secs, n / secs, open(out).read().strip()))
PY
done
