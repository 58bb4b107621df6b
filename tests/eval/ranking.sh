#!/usr/bin/env bash
# Compare the ranking quality of nsearch with an SQLite FTS5 BM25 baseline.
#
# Usage:
#   tests/eval/ranking.sh [CORPUS...]        (default corpora: time cacm)
#
# For each corpus under $SHARED/corpora that has queries.tsv and qrels.txt,
# the script indexes articles.jsonl.gz with bin/nindex into a fresh temporary
# directory, runs bin/nsearch in batch mode over the development queries, runs
# tests/eval/fts5_run.py on the same corpus and queries, scores both runs with
# tests/eval/score.py, and prints a table of MAP and nDCG@10 together with the
# ratio nsearch/fts5 for each figure. Progress and timing go to stderr; the
# table goes to stdout.
#
# Environment:
#   SHARED       shared data directory (default: <repo>/../shared)
#   NSEARCH_BIN  directory holding nindex and nsearch (default: <repo>/bin)
#   PYTHON       Python 3 interpreter (default: python3)
#   KEEP=1       keep the temporary directory (its path is printed)
#
# The exit status is 0 when every step succeeded and non-zero otherwise: 2 for
# missing binaries or data, 1 for a failed step.

set -eu
set -o pipefail

# The repository root is two levels above this script (tests/eval/).
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)
SHARED=${SHARED:-$repo/../shared}
bin_dir=${NSEARCH_BIN:-$repo/bin}
PYTHON=${PYTHON:-python3}
KEEP=${KEEP:-0}

die() {
    echo "ranking.sh: $*" >&2
    exit 1
}

# Check the tools and data before doing any work, so that a missing binary
# gives one clear message rather than a failure halfway through.
for tool in nindex nsearch; do
    if [ ! -x "$bin_dir/$tool" ]; then
        echo "ranking.sh: $bin_dir/$tool is missing or not executable." >&2
        echo "ranking.sh: build the project first (make), or set NSEARCH_BIN to the directory holding nindex and nsearch." >&2
        exit 2
    fi
done
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "ranking.sh: Python interpreter '$PYTHON' not found (set PYTHON)." >&2
    exit 2
fi
if [ $# -eq 0 ]; then
    set -- time cacm
fi
for c in "$@"; do
    for f in articles.jsonl.gz queries.tsv qrels.txt; do
        if [ ! -r "$SHARED/corpora/$c/$f" ]; then
            echo "ranking.sh: $SHARED/corpora/$c/$f is missing or unreadable (corpus '$c' needs articles, queries and qrels; set SHARED if the data lives elsewhere)." >&2
            exit 2
        fi
    done
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nsearch-ranking.XXXXXX")
cleanup() {
    if [ "$KEEP" = 1 ]; then
        echo "ranking.sh: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# score RUN QRELS NAME prints "MAP NDCG QUERIES" for one run.
score() {
    local line map ndcg n
    if ! line=$("$PYTHON" "$script_dir/score.py" "$2" "$1" --name "$3"); then
        die "score.py failed on $1"
    fi
    echo "ranking.sh: $line" >&2
    # The name may contain spaces, so parse what follows ": MAP ".
    read -r map _ ndcg _ n _ <<<"${line##*: MAP }"
    echo "$map $ndcg $n"
}

# ratio A B prints A/B to 4 decimals, or n/a when B is zero.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.4f\n", a / b; else print "n/a" }'
}

rows=""
ratios=""
for c in "$@"; do
    dir="$tmp/$c"
    mkdir -p "$dir"
    corpus="$SHARED/corpora/$c/articles.jsonl.gz"
    queries="$SHARED/corpora/$c/queries.tsv"
    qrels="$SHARED/corpora/$c/qrels.txt"

    echo "ranking.sh: $c: indexing with $bin_dir/nindex" >&2
    start=$(date +%s.%N)
    rc=0
    "$bin_dir/nindex" --quiet --db "$dir/db" "$corpus" || rc=$?
    if [ "$rc" -eq 3 ]; then
        die "$c: nindex skipped some lines of $corpus (exit status 3); every article must be indexed"
    elif [ "$rc" -ne 0 ]; then
        die "$c: nindex failed with exit status $rc"
    fi
    end=$(date +%s.%N)
    awk -v c="$c" -v s="$start" -v e="$end" \
        'BEGIN { printf "ranking.sh: %s: indexed in %.2f s\n", c, e - s }' >&2

    echo "ranking.sh: $c: searching with $bin_dir/nsearch" >&2
    rc=0
    "$bin_dir/nsearch" --db "$dir/db" --batch --json --limit 1000 --related 0 \
        <"$queries" >"$dir/nsearch.jsonl" || rc=$?
    if [ "$rc" -ne 0 ]; then
        die "$c: nsearch --batch failed with exit status $rc"
    fi
    # One output line per query is expected; a missing query would score 0.
    nq=$(grep -c . "$queries" || true)
    nl=$(grep -c . "$dir/nsearch.jsonl" || true)
    if [ "$nq" -ne "$nl" ]; then
        echo "ranking.sh: $c: warning: nsearch printed $nl result lines for $nq queries" >&2
    fi
    nerr=$(grep -c '"error"' "$dir/nsearch.jsonl" || true)
    if [ "$nerr" -ne 0 ]; then
        echo "ranking.sh: $c: warning: $nerr nsearch result lines have an \"error\" key" >&2
    fi

    echo "ranking.sh: $c: running the FTS5 baseline" >&2
    if ! "$PYTHON" "$script_dir/fts5_run.py" "$corpus" "$queries" --k 1000 --title-weight 3.0 \
        >"$dir/fts5.jsonl"; then
        die "$c: fts5_run.py failed"
    fi

    ns=$(score "$dir/nsearch.jsonl" "$qrels" "$c nsearch")
    fs=$(score "$dir/fts5.jsonl" "$qrels" "$c fts5")
    read -r ns_map ns_ndcg ns_n <<<"$ns"
    read -r fs_map fs_ndcg fs_n <<<"$fs"
    rows="$rows$(printf '%-7s %-8s %-7s %-8s %s' "$c" nsearch "$ns_map" "$ns_ndcg" "$ns_n")
$(printf '%-7s %-8s %-7s %-8s %s' "$c" fts5 "$fs_map" "$fs_ndcg" "$fs_n")
"
    ratios="$ratios$(printf '%-7s MAP %s  nDCG@10 %s' "$c" \
        "$(ratio "$ns_map" "$fs_map")" "$(ratio "$ns_ndcg" "$fs_ndcg")")
"
done

printf '%-7s %-8s %-7s %-8s %s\n' corpus engine MAP nDCG@10 queries
printf '%s' "$rows"
echo
echo "ratio nsearch/fts5:"
printf '%s' "$ratios"
