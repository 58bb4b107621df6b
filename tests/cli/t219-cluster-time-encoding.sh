#!/bin/sh
# t219-cluster-time-encoding.sh - Shards searched as one sort and cut
# dates across each other, so they must keep article times the same way
# (time-slot.cc).  A shard made by an older nindex (NSEARCH_OLD_TIMES
# makes one) beside shards made now is left out as down, saying to
# rebuild it; shards that all keep the old way are searched as before;
# new shards sort every second of 1963 in order across shards.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/arts.jsonl" <<'PY'
import json, sys
arts = [("a1850", "1850-03-01T12:00:00Z"), ("b1963a", "1963-05-12T23:59:58Z"),
        ("b1963b", "1963-05-12T23:59:59Z"), ("b1963c", "1963-05-13T00:00:00Z"),
        ("b1963d", "1963-05-13T00:00:01Z"), ("c1969", "1969-12-31T23:59:59Z"),
        ("d1970", "1970-01-01T00:00:00Z"), ("e2020", "2020-06-01T08:00:00Z")]
with open(sys.argv[1], "w") as f:
    for i, d in arts:
        f.write(json.dumps({"id": i, "title": "Harbour report " + i, "date": d,
                            "body": "The harbour story of %s." % i}) + "\n")
PY
# ids CLUSTER: the hits oldest first; the answer in $TMP/ans.json.
ids() {
    nsearch --db "$1" --json --limit 20 --sort date harbour >"$TMP/ans.json" \
        2>"$TMP/ans.err"
    python3 -c 'import json, sys
print(" ".join(h["id"] for h in json.load(open(sys.argv[1]))["hits"]))' \
        "$TMP/ans.json"
}
newest="e2020 d1970 c1969 b1963d b1963c b1963b b1963a a1850"

for i in 0 1; do
    nindex --quiet --db "$TMP/new$i" --shard $i/2 "$TMP/arts.jsonl"
    NSEARCH_OLD_TIMES=1 nindex --quiet --db "$TMP/old$i" --shard $i/2 \
        "$TMP/arts.jsonl" 2>/dev/null
done
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/new0" "$TMP/new1" \
    >"$TMP/new.cluster"
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/old0" "$TMP/old1" \
    >"$TMP/old.cluster"
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/new0" "$TMP/old1" \
    >"$TMP/mixed.cluster"

check "new shards: every second in order across them" \
    is "$(ids "$TMP/new.cluster")" "$newest"
check "old shards: searched as before" \
    is "$(ids "$TMP/old.cluster")" \
    "e2020 d1970 c1969 b1963d b1963b b1963a b1963c a1850"
mixed=$(ids "$TMP/mixed.cluster")
cp "$TMP/ans.err" "$TMP/mixed.err"
check "mixed: shard 1 is left out" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["partial"] and d["missing_shards"] == [1] else 1)' "$TMP/ans.json"
check "mixed: the articles of shard 0 alone" \
    is "$mixed" "$(ids "$TMP/new0")"
check "mixed: the warning says to rebuild shard 1" \
    contains "$TMP/mixed.err" "nsearch: warning: partial results: shard 1 of the cluster is down (it keeps article times as an older nindex did, the other shards the new way, which orders dates before 1970 correctly; rebuild it with nindex --rebuild)"

nindex --quiet --db "$TMP/old1" --rebuild --shard 1/2 "$TMP/arts.jsonl"
check "mixed, shard 1 rebuilt: every second in order" \
    is "$(ids "$TMP/mixed.cluster")" "$newest"

finish
