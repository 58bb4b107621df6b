# tests/cli/lib.sh - Shared helpers for the CLI tests (sourced).
#
# Each test gets a fresh $TMP, runs the real programs from $NSEARCH_BIN on a
# real index, and checks with `check NAME COMMAND...`.  `finish` prints the
# "N passed, N failed" line that tests/run.sh adds up.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
NSEARCH_BIN=${NSEARCH_BIN:-$top/bin}
SHARED=${SHARED:-$top/../shared}
SAMPLES=$top/samples
TMP=$(mktemp -d /tmp/nsearch-cli-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# Never touch the user's own index.
unset NSEARCH_DB
export XDG_DATA_HOME="$TMP/xdg" HOME="$TMP/home"
nindex() { "$NSEARCH_BIN/nindex" "$@"; }
nsearch() { "$NSEARCH_BIN/nsearch" "$@"; }
t_passed=0
t_failed=0

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
    name=$1
    shift
    if "$@"; then
        t_passed=$((t_passed + 1))
    else
        t_failed=$((t_failed + 1))
        echo "FAIL: $name"
    fi
}

# run OUT ERR COMMAND...: runs COMMAND with stdout to $TMP/OUT and stderr to
# $TMP/ERR; its exit status is in $rc.
run() {
    o=$1
    e=$2
    shift 2
    "$@" >"$TMP/$o" 2>"$TMP/$e"
    rc=$?
}

# contains FILE TEXT: FILE contains the fixed string TEXT.
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
is() { [ "$1" = "$2" ]; }

# related_ids ID NOW: the ids of the related posts of article ID in
# $TMP/db at NOW (30 days, up to 5), sorted, separated by spaces.
related_ids() {
    nsearch --db "$TMP/db" --json --related-to "$1" --now "$2" \
        --recent-days 30 --related 5 |
        python3 -c 'import json, sys
print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["related"])))'
}

# Index the sample archive once into $TMP/db.
index_samples() {
    nindex --quiet --db "$TMP/db" "$SAMPLES" >"$TMP/index.out" 2>"$TMP/index.err"
}

# count DB: the number of articles in the index DB (every article, story
# versions counted apart).
count() {
    nsearch --db "$1" --json --limit 0 --related 0 --no-collapse "" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}

# write_stories FILE PREFIX N: N JSON Lines articles with ids PREFIX0 to
# PREFIX(N-1) in FILE.
write_stories() {
    python3 - "$@" <<'PY'
import json, sys
path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": "%s%d" % (prefix, i),
                            "title": "Story %s %d" % (prefix, i),
                            "body": "harbour ferry council %d" % i}) + "\n")
PY
}

finish() {
    echo "$t_passed passed, $t_failed failed"
    [ "$t_failed" -eq 0 ]
}
