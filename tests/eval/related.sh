#!/usr/bin/env bash
# Evaluate nsearch's related recent posts against an SQLite FTS5 baseline, on
# Reuters-21578 and BBC with 300 seed articles each (for make eval-related and
# make bench). This is a thin wrapper: all the work is in related_eval.py,
# whose header describes the evaluation, the metrics and the exit status.
#
# Usage:
#   tests/eval/related.sh [EXTRA OPTIONS OF related_eval.py...]
#   e.g. tests/eval/related.sh --json related.json
#        tests/eval/related.sh --only-baseline
#
# Environment:
#   SHARED       shared data directory (default: <repo>/../shared)
#   NSEARCH_BIN  directory holding nindex and nsearch (default: <repo>/bin)
#   PYTHON       Python 3 interpreter (default: python3)
#   KEEP=1       keep the temporary directory (its path is printed)
#   SEED=N       choose the seed articles with random.Random(N) instead of
#                the default fixed seed (another seed set: SEED=1 ... SEED=5)
#   CORPUS=NAME  reuters, bbc or all (default)
#
# The table goes to stdout and progress to stderr; the exit status is that of
# related_eval.py (0 success, 1 a failed step, 2 bad usage or missing input).

set -eu

# The repository root is two levels above this script (tests/eval/).
script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/../.." && pwd)
PYTHON=${PYTHON:-python3}

set -- --corpus "${CORPUS:-all}" --seeds 300 --nsearch-bin "${NSEARCH_BIN:-$repo/bin}" "$@"
if [ -n "${SEED:-}" ]; then
    set -- "$@" --rng-seed "$SEED"
fi
if [ "${KEEP:-0}" = 1 ]; then
    set -- "$@" --keep
fi
exec "$PYTHON" "$script_dir/related_eval.py" "$@"
