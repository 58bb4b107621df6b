#!/bin/sh
# t253-disk-full-said.sh - What an operator is told when the disk fills
# under a --delete, a rebuild and an update with --prune: once, that the
# disk is full, what was not done (nothing deleted, nothing published,
# nothing pruned), that the index as it was stays, and what to do; the
# summary's counts are true (a rebuild's "read" is what the reader read,
# not what its shards took before the disk filled); and the run again
# after space is freed does the job.
# Needs root for a small tmpfs; skipped (with the reason) otherwise.
. "$(dirname "$0")/lib.sh"

MNT=$TMP/full
mkdir -p "$MNT"
mounted=0
fresh_fs() { # fresh_fs SIZE: a new, empty tmpfs of SIZE at $MNT
    [ $mounted -eq 1 ] && umount "$MNT"
    mounted=0
    mount -t tmpfs -o "size=$1" tmpfs "$MNT" 2>/dev/null && mounted=1
}
trap '[ $mounted -eq 1 ] && umount "$MNT"; rm -rf "$TMP"' EXIT
if [ "$(id -u)" != 0 ] || ! fresh_fs 4m; then
    echo "skipped: needs root and a tmpfs mount for a full disk"
    finish
    exit 0
fi

# live.jsonl: 300 short articles s0..s299; many.jsonl: the first 290 of
# them, then 6,000 longer ones, more than a 4 MiB disk holds indexed.
python3 - "$TMP" <<'PY'
import json, random, sys
d = sys.argv[1]
rng = random.Random(11)
words = ("harbour ferry storm council budget election school fishing oil "
         "fund salmon bridge tunnel rail").split()
live = [json.dumps({"id": "s%d" % i, "title": "Story %d" % i,
                    "body": "harbour ferry council storm %d" % i}) for i in range(300)]
with open(d + "/live.jsonl", "w") as f:
    f.write("\n".join(live) + "\n")
with open(d + "/many.jsonl", "w") as f:
    f.write("\n".join(live[:290]) + "\n")
    for i in range(6000):
        body = " ".join(rng.choice(words) for _ in range(60)) + " w%d" % i
        f.write(json.dumps({"id": "m%d" % i, "title": "Report %d" % i,
                            "body": body}) + "\n")
PY

has() { # has DB ID: article ID is in DB
    nsearch --db "$1" --json --related 0 "id:$2" 2>/dev/null | grep -q "\"id\":\"$2\""
}
hasnt() { ! has "$@"; }
fill_disk() { dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null; sync; }
lines() { wc -l <"$1" | tr -d ' '; }

# --- --delete -----------------------------------------------------------
nindex --quiet --db "$MNT/db" "$TMP/live.jsonl"
fill_disk
run out err nindex --db "$MNT/db" --delete s5
check "delete, disk full: exit 1" is "$rc" 1
check "delete, disk full: the article is still there" has "$MNT/db" s5
check "delete, disk full: summary says 0 deleted" contains "$TMP/out" " 0 deleted"
check "delete, disk full: one line on stderr" is "$(lines "$TMP/err")" 1
check "delete, disk full: names the index" contains "$TMP/err" \
    "cannot delete from '$MNT/db': not enough disk space to commit (No space left on device)"
check "delete, disk full: says nothing was deleted, and what to do" \
    contains "$TMP/err" "; nothing was deleted: free space on its disk and run nindex --delete again"
# Without an undo file first, the deletion itself is what the commit
# fails to write: counted "1 deleted" before, though it was not.
run out err nindex --db "$MNT/db" --delete --keep-deleted 0 s6
check "delete --keep-deleted 0, disk full: exit 1" is "$rc" 1
check "delete --keep-deleted 0, disk full: the article is still there" \
    has "$MNT/db" s6
check "delete --keep-deleted 0, disk full: summary says 0 deleted" \
    contains "$TMP/out" " 0 deleted"
check "delete --keep-deleted 0, disk full: says nothing was deleted" \
    contains "$TMP/err" "nothing was deleted: free space"
check "delete --keep-deleted 0, disk full: one line on stderr" \
    is "$(lines "$TMP/err")" 1
rm -f "$MNT/fill"
run out err nindex --db "$MNT/db" --delete s5
check "delete, space freed: run again, it is deleted" is "$rc" 0
check "delete, space freed: the article is gone" hasnt "$MNT/db" s5

# --- update with --prune ------------------------------------------------
fresh_fs 4m
nindex --quiet --db "$MNT/db" "$TMP/live.jsonl"
run out err nindex --db "$MNT/db" --prune "$TMP/many.jsonl"
check "prune, disk full: exit 1" is "$rc" 1
check "prune, disk full: the disk filled" contains "$TMP/err" "No space left on device"
check "prune, disk full: says nothing was pruned, and what to do" contains "$TMP/err" \
    "nothing was pruned: the articles the sources no longer hold are still in '$MNT/db'; its disk is full: free space on it and run the update again"
check "prune, disk full: summary says 0 deleted" contains "$TMP/out" " 0 deleted"
check "prune, disk full: an article gone from the sources is still there" \
    has "$MNT/db" s295

# --- --rebuild ----------------------------------------------------------
fresh_fs 4m
nindex --quiet --db "$MNT/db" "$TMP/live.jsonl"
gen_kib=$(du -sk "$MNT/db/gen-000001" | cut -f1)
run out err nindex --db "$MNT/db" --rebuild "$TMP/many.jsonl"
check "rebuild, disk full: exit 1" is "$rc" 1
check "rebuild, disk full: the live generation is unchanged" \
    is "$(readlink "$MNT/db/current")" gen-000001
check "rebuild, disk full: the live index still holds its 300" is "$(count "$MNT/db")" 300
check "rebuild, disk full: no build left behind" sh -c "! ls -d '$MNT/db'/.build-* 2>/dev/null"
check "rebuild, disk full: one line on stderr" is "$(lines "$TMP/err")" 1
check "rebuild, disk full: no shard's commit figures" lacks "$TMP/err" "cannot commit shard"
check "rebuild, disk full: says a whole generation is written beside the live one" \
    contains "$TMP/err" "cannot rebuild '$MNT/db': No space left on device: a rebuild writes a whole new generation beside the live one"
check "rebuild, disk full: says the live index is untouched" \
    contains "$TMP/err" "nothing was published and the live index is untouched: free that much space and run the rebuild again"
need=$(sed -n 's/.*needs up to about \([0-9]*\) KiB free.*/\1/p' "$TMP/err")
check "rebuild, disk full: the room needed is at least the live generation's ($need >= $gen_kib KiB)" \
    test "${need:-0}" -ge "$gen_kib"
check "rebuild, disk full: the room needed is for all that was read" \
    contains "$TMP/err" "for 6290 articles read against its 300"
check "rebuild, disk full: summary says what the reader read" \
    contains "$TMP/out" "the build read $(lines "$TMP/many.jsonl") articles"
# With that much room, the same rebuild is published.
mount -o remount,size=$((need + 1024))k "$MNT"
run out err nindex --db "$MNT/db" --rebuild "$TMP/many.jsonl"
check "rebuild, space freed: published" is "$rc" 0
check "rebuild, space freed: every article read is live" is "$(count "$MNT/db")" 6290

finish
