#!/bin/sh
# t610-shard-index.sh - nindex --shard I/N: every article in exactly one
# shard, by the documented hash of its id; the shard's I/N kept in the
# index and enforced; --delete and --prune of other shards' ids are
# no-ops; the guards count only the shard's own articles.
. "$(dirname "$0")/lib.sh"

ids() { # the ids in index $1, sorted
    nsearch --db "$1" --json --limit 1000 --related 0 --no-collapse --snippet-len 0 "" |
        python3 -c 'import json, sys
print("\n".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# --- 1. A partition of the samples ---------------------------------------
for i in 0 1 2; do
    run out$i err$i nindex --db "$TMP/s$i" --shard $i/3 "$SAMPLES"
    check "shard $i/3 exits 0" is "$rc" 0
    check "shard $i/3 summary counts the other shards" contains "$TMP/out$i" "shard $i/3:"
done
run out err nindex --quiet --db "$TMP/all" "$SAMPLES"
ids "$TMP/all" >"$TMP/all.ids"
: >"$TMP/union.ids"
for i in 0 1 2; do
    ids "$TMP/s$i" >"$TMP/s$i.ids"
    cat "$TMP/s$i.ids" >>"$TMP/union.ids"
    check "shard $i is not empty" test -s "$TMP/s$i.ids"
done
sort "$TMP/union.ids" >"$TMP/union.sorted"
check "the shards hold every article once" cmp -s "$TMP/union.sorted" "$TMP/all.ids"
check "no article in two shards" is "$(sort -u "$TMP/union.ids" | wc -l)" "$(wc -l <"$TMP/union.ids")"
# Each article where the README's line of Python puts it.
python3 - "$TMP" <<'PY' >"$TMP/placed.txt"
import sys
tmp = sys.argv[1]
def shard_of(i, n):
    h = 14695981039346656037
    for b in i.encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    return h % n
bad = 0
for s in range(3):
    for line in open("%s/s%d.ids" % (tmp, s)):
        if shard_of(line.rstrip("\n"), 3) != s:
            bad += 1
print(bad)
PY
check "every article is in the shard FNV-1a 64 of its id names" is "$(cat "$TMP/placed.txt")" 0
n0=$(wc -l <"$TMP/s0.ids")
check "summary of shard 0 counts its articles" contains "$TMP/out0" "$n0 added"

# --- 2. I/N kept and enforced ------------------------------------------------
run out err nindex --db "$TMP/s0" --shard 0/4 "$SAMPLES"
check "another N is refused (exit 2)" is "$rc" 2
check "another N: says which shard the index is" contains "$TMP/err" "is shard 0/3, not 0/4"
run out err nindex --db "$TMP/s0" --shard 1/3 "$SAMPLES"
check "another I is refused (exit 2)" is "$rc" 2
run out err nindex --db "$TMP/s0" --rebuild --shard 0/2 "$SAMPLES"
check "a rebuild with another N is refused (exit 2)" is "$rc" 2
run out err nindex --db "$TMP/s0" "$SAMPLES"
check "an update without --shard is refused (exit 2)" is "$rc" 2
check "without --shard: says which to give" contains "$TMP/err" "give --shard 0/3"
ids "$TMP/s0" >"$TMP/s0.after"
check "refused runs left shard 0 as it was" cmp -s "$TMP/s0.ids" "$TMP/s0.after"
run out err nindex --db "$TMP/all" --shard 0/3 "$SAMPLES"
check "--shard on a whole index is refused (exit 2)" is "$rc" 2
check "--shard on a whole index: says why" contains "$TMP/err" "is no shard"
for bad in 3/3 x/3 0/0 0/1025 1 /3 -1/3; do
    run out err nindex --db "$TMP/new" --shard "$bad" "$SAMPLES"
    check "--shard $bad is a usage error" is "$rc" 2
done
check "no index made by a usage error" test ! -e "$TMP/new/current"

# --- 3. Rebuild of a shard ---------------------------------------------------
run out err nindex --db "$TMP/s1" --rebuild --shard 1/3 "$SAMPLES"
check "rebuild of shard 1 exits 0" is "$rc" 0
ids "$TMP/s1" >"$TMP/s1.after"
check "the rebuilt shard holds the same articles" cmp -s "$TMP/s1.ids" "$TMP/s1.after"
run out err nindex --db "$TMP/s1" --shard 2/3 "$SAMPLES"
check "the rebuilt generation keeps its I/N" is "$rc" 2
run out err nindex --db "$TMP/r2" --rebuild --shard 2/3 "$SAMPLES"
check "a new shard by rebuild exits 0" is "$rc" 0
ids "$TMP/r2" >"$TMP/r2.ids"
check "the rebuilt new shard holds shard 2's articles" cmp -s "$TMP/s2.ids" "$TMP/r2.ids"

# --- 4. --delete and --prune -------------------------------------------------
other=$(head -n 1 "$TMP/s1.ids")
mine=$(head -n 1 "$TMP/s0.ids")
run out err nindex --db "$TMP/s0" --shard 0/3 --delete "$other"
check "deleting another shard's id exits 0" is "$rc" 0
check "deleting another shard's id warns of nothing" lacks "$TMP/err" "no article"
check "deleting another shard's id deletes nothing" contains "$TMP/out" "0 deleted"
run out err nindex --db "$TMP/s0" --shard 0/3 --delete "$mine"
check "deleting its own id exits 0" is "$rc" 0
check "deleting its own id deletes it" contains "$TMP/out" "1 deleted"
run out err nindex --db "$TMP/s0" --shard 0/3 --delete --dry-run "$other" "$mine"
check "dry-run delete: neither is there to delete" contains "$TMP/out" "0 deleted"
run out err nindex --db "$TMP/s0" --shard 0/3 --quiet "$SAMPLES"
check "the deleted article comes back" is "$rc" 0

# A prune from a source holding only a third of shard 0's articles: the
# guard's share is of the shard's own articles, and the other shards'
# articles in the source are no reason to delete anything.
mkdir -p "$TMP/part"
python3 - "$TMP" "$n0" <<'PY'
import json, sys
tmp, n0 = sys.argv[1], int(sys.argv[2])
keep = set(l.strip() for l in open(tmp + "/s0.ids"))
keep = sorted(keep)[: n0 - 3]          # all but 3 of shard 0's
other = [l.strip() for l in open(tmp + "/s1.ids")]
with open(tmp + "/part/a.jsonl", "w") as f:
    for i in keep + other:
        f.write(json.dumps({"id": i, "title": "Kept " + i, "body": "kept"}) + "\n")
PY
run out err nindex --db "$TMP/s0" --shard 0/3 --prune --dry-run "$TMP/part"
check "dry-run prune exits 0" is "$rc" 0
check "dry-run prune counts 3 of the shard's own" contains "$TMP/out" "3 deleted"
run out err nindex --db "$TMP/s0" --shard 0/3 --prune --max-delete 2 "$TMP/part"
check "prune over --max-delete of the shard is refused (exit 5)" is "$rc" 5
run out err nindex --db "$TMP/s0" --shard 0/3 --prune "$TMP/part"
check "prune exits 0" is "$rc" 0
check "prune deletes only the shard's 3" contains "$TMP/out" "3 deleted"
check "the shard now holds n0 - 3" is "$(ids "$TMP/s0" | wc -l)" "$((n0 - 3))"

# A cluster of local shards: the recent sort runs, facets count as one
# index does, and did-you-mean says it is off (Xapian's remote backend has
# no spelling data) while the search still answers.
for i in 0 1; do
    nindex --quiet --db "$TMP/ls$i" --shard "$i/2" "$SAMPLES"
done
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/ls0" "$TMP/ls1" >"$TMP/local.cluster"
nindex --quiet --db "$TMP/whole" "$SAMPLES"
field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }
run out err nsearch --db "$TMP/local.cluster" --json --related 0 --sort recent --facets azure
check "cluster: recent sort and facets answer (exit 0)" is "$rc" 0
check "cluster: the recent sort finds what one index finds" is \
    "$(field 'd["total"]' <"$TMP/out")" \
    "$(nsearch --db "$TMP/whole" --json --related 0 --sort recent azure | field 'd["total"]')"
check "cluster: the recent sort orders as one index does" is \
    "$(field '[h["id"] for h in d["hits"]]' <"$TMP/out")" \
    "$(nsearch --db "$TMP/whole" --json --related 0 --sort recent azure | field '[h["id"] for h in d["hits"]]')"
check "cluster: facets count as one index does" is \
    "$(field 'json.dumps(d["facets"], sort_keys=True)' <"$TMP/out")" \
    "$(nsearch --db "$TMP/whole" --json --related 0 --sort recent --facets azure | field 'json.dumps(d["facets"], sort_keys=True)')"
check "cluster: facets have counts" contains "$TMP/out" '"section":[{"value"'
# Oldest first on a cluster: Xapian's own ascending value sort (the
# remote protocol has no KeyMaker), so undated articles come first, and a
# warning says so; the dated ones in order, the same articles.
run out err nsearch --db "$TMP/local.cluster" --json --related 0 --limit 100 --sort oldest ""
check "cluster: oldest first answers" is "$rc" 0
check "cluster: oldest first says where undated articles go" contains "$TMP/out" "articles without a date come first"
check "cluster: oldest first, dated in order, the same articles" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
dates = [h["date"] for h in d["hits"]]
dated = [x for x in dates if x]
assert dates == [None] * (len(dates) - len(dated)) + dated and dated == sorted(dated), dates
assert len(dated) < len(dates) and d["total"] == int(sys.argv[2])' "$TMP/out" \
    "$(nsearch --db "$TMP/whole" --json --related 0 --sort oldest "" | field 'd["total"]')"
run out err nsearch --db "$TMP/local.cluster" --related 0 --snippet-len 0 --facets=tag,month --no-collapse azure
check "cluster: text facets as one index" is "$(cat "$TMP/out")" \
    "$(nsearch --db "$TMP/whole" --related 0 --snippet-len 0 --facets=tag,month --no-collapse azure)"
check "one index: a misspelling gets a suggestion" is \
    "$(nsearch --db "$TMP/whole" --json --related 0 azuer | field 'd.get("suggestion") is not None')" True
check "cluster: no suggestion, and no failure" is \
    "$(nsearch --db "$TMP/local.cluster" --json --related 0 azuer | field 'd.get("suggestion") is None')" True

finish
