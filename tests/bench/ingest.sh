#!/bin/sh
# tests/bench/ingest.sh - Indexing rate of an RSS feed and of HTML pages
# against JSON Lines of the same BENCH_PAGES (10000) articles (make
# bench-ingest).  A benchmark, not a test.  Each format is read without
# indexing (read_articles: the parsing alone, CPU time, best of three),
# then indexed with `nindex --rebuild` into a fresh index, three times;
# the best wall time, its CPU time (user + system, of nindex and its
# threads) and peak memory are printed.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
NSEARCH_BIN=${NSEARCH_BIN:-$top/bin}
PYTHON=${PYTHON:-python3}
N=${BENCH_PAGES:-10000}
dir=$(mktemp -d /tmp/nsearch-ingest-XXXXXX)
trap 'rm -rf "$dir"' EXIT
$PYTHON "$top/tests/bench/ingest_gen.py" "$N" "$dir/src"
du -sh "$dir/src/articles.jsonl" "$dir/src/feed.rss" "$dir/src/pages"
READ_BIN=${READ_BIN:-$top/build/bench/read_articles}
for what in articles.jsonl feed.rss pages; do
    best=
    for i in 1 2 3; do
        s=$("$READ_BIN" "$dir/src/$what" | sed 's/.*, \([0-9.]*\) s$/\1/')
        best=$($PYTHON -c "import sys; a='$best'; print(min(float(x) for x in (a or '$s', '$s')))")
    done
    $PYTHON -c "print('%-15s %6d articles  read only: cpu %6.2f s (%7.0f/s)' % ('$what', $N, $best, $N / $best))"
done
$PYTHON - "$NSEARCH_BIN/nindex" "$dir" "$N" <<'PY'
import os, shutil, subprocess, sys, time
nindex, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for what in ("articles.jsonl", "feed.rss", "pages"):
    best = None
    for _ in range(3):
        shutil.rmtree(os.path.join(d, "db"), ignore_errors=True)
        t0 = time.time()
        p = subprocess.Popen([nindex, "--quiet", "--db", os.path.join(d, "db"),
                              "--rebuild", os.path.join(d, "src", what)])
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.time() - t0
        if status != 0:
            sys.exit("nindex failed on %s" % what)
        if best is None or wall < best[0]:
            best = (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024)
    print("%-15s %6d articles  wall %6.2f s (%6.0f/s)  cpu %6.2f s (%6.0f/s)"
          "  peak %4.0f MiB" % (what, n, best[0], n / best[0], best[1],
                                n / best[1], best[2]))
PY
