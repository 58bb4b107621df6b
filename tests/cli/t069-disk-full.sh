#!/bin/sh
# t069-disk-full.sh - A full disk at the first commit, in the middle of an
# update and during a rebuild: nindex never aborts (Xapian's commit could
# end in std::terminate, exit 134), the index still opens with exactly the
# committed articles, and the summary counts only what was written.
# Needs root for a small tmpfs; skipped (with the reason) otherwise.
. "$(dirname "$0")/lib.sh"

REUTERS=$SHARED/corpora/reuters21578/articles.jsonl.gz
MNT=$TMP/full
mkdir -p "$MNT"
mounted=0
fill() { # fill SIZE: a fresh tmpfs of SIZE at $MNT
    [ $mounted -eq 1 ] && umount "$MNT"
    mounted=0
    mount -t tmpfs -o "size=$1" tmpfs "$MNT" 2>/dev/null && mounted=1
}
trap '[ $mounted -eq 1 ] && umount "$MNT"; rm -rf "$TMP"' EXIT
if [ "$(id -u)" != 0 ] || ! fill 2m; then
    echo "skipped: needs root and a tmpfs mount for a full disk"
    finish
    exit 0
fi
if [ ! -r "$REUTERS" ]; then
    echo "skipped: no $REUTERS"
    finish
    exit 0
fi

# The summary's "N added" and the number of articles the index holds.
summary_added() { sed -n 's/.*: \([0-9]*\) added,.*/\1/p' "$TMP/out"; }
held() {
    nsearch --db "$1" --json --limit 0 --no-collapse "" | python3 -c \
        'import json,sys; print(json.load(sys.stdin)["total"])'
}

# 1. The first commit does not fit.
run out err nindex --db "$MNT/idx" "$REUTERS"
check "first commit: exit 1, not an abort" is "$rc" 1
check "first commit: says why" contains "$TMP/err" "No space left on device"
check "first commit: summary says 0 added" is "$(summary_added)" 0
# A new index that got nothing is not left behind, empty.
check "first commit: no empty index left behind" test ! -e "$MNT/idx"
check "first commit: the summary says so" contains "$TMP/out" \
    "did not exist and is not made"

# 2. Mid-update: some batches fit, a later one does not.
fill 6m
run out err nindex --db "$MNT/idx" "$REUTERS"
check "mid-update: exit 1, not an abort" is "$rc" 1
n=$(summary_added)
check "mid-update: some batches were committed" test "${n:-0}" -gt 0
check "mid-update: summary = what the index holds" is "$(held "$MNT/idx")" "$n"
check "mid-update: says what was lost" contains "$TMP/err" "were not written"

# 3. An existing index, then an update that does not fit.
fill 6m
check "samples fit" nindex --quiet --db "$MNT/idx" "$SAMPLES"
n_samples=$(held "$MNT/idx")
check "samples held" test "$n_samples" -gt 50
run out err nindex --db "$MNT/idx" --commit-every 100000 "$REUTERS"
check "existing index: exit 1" is "$rc" 1
check "existing index: summary says 0 added" is "$(summary_added)" 0
check "existing index: still the samples" is "$(held "$MNT/idx")" "$n_samples"

# 4. A rebuild that does not fit: the live generation stays.
run out err nindex --db "$MNT/idx" --rebuild "$REUTERS"
check "rebuild: fails, not an abort" test "$rc" -ne 0 -a "$rc" -ne 134
check "rebuild: the samples stay live" is "$(held "$MNT/idx")" "$n_samples"
lacks "$TMP/err" "terminate" || echo "    $(cat "$TMP/err")"
check "rebuild: no terminate" lacks "$TMP/err" "terminate"

finish
