#!/bin/sh
# t615-cluster-reuters.sh - Three shards served by stock xapian-tcpsrv on
# 127.0.0.1 and searched through a cluster file give the top-20 ids and
# scores of one index holding the same articles, for bench-like queries
# on Reuters (one, two and three words, and phrases), with the same
# snippets and related posts.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cluster.sh"
REUTERS=$SHARED/corpora/reuters21578/articles.jsonl.gz
# 5,000 articles keep the test within seconds; the statistics of the
# three shards still differ from each other's.
gzip -dc "$REUTERS" | head -n 5000 >"$TMP/r.jsonl"

run out err nindex --quiet --db "$TMP/one" --rebuild "$TMP/r.jsonl"
check "one index builds" is "$rc" 0
: >"$TMP/cluster"
for i in 0 1 2; do
    run out err nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/3 "$TMP/r.jsonl"
    check "shard $i builds" is "$rc" 0
    port=$(free_port)
    start_shard "$port" "$TMP/s$i"
    check "shard $i serves" is "$?" 0
    echo "shard $i tcp 127.0.0.1:$port" >>"$TMP/cluster"
    echo "shard $i local $TMP/s$i" >>"$TMP/local"
done

# Bench-like queries from the articles' own words, with a fixed seed: 40%
# one word, 30% two, 20% three, 10% two-word phrases, and a few filters.
python3 - "$TMP/r.jsonl" >"$TMP/queries.tsv" <<'PY'
import json, random, re, sys
rng = random.Random(1987)
words = []
for line in open(sys.argv[1]):
    a = json.loads(line)
    words.extend(w.lower() for w in re.findall(r"[A-Za-z]{4,}", a.get("title", "")))
words = sorted(set(words))
qs = []
for i in range(80):
    r = rng.random()
    if r < 0.4:
        q = rng.choice(words)
    elif r < 0.7:
        q = " ".join(rng.sample(words, 2))
    elif r < 0.9:
        q = " ".join(rng.sample(words, 3))
    else:
        q = '"%s %s"' % tuple(rng.sample(words, 2))
    qs.append(q)
qs += ['"oil prices"', '"interest rates" bank', "section:crude oil",
       "opec -saudi", "title:wheat", "tag:grain export"]
for i, q in enumerate(qs):
    print("q%d\t%s" % (i, q))
PY
nq=$(wc -l <"$TMP/queries.tsv")
for db in one cluster local; do
    run $db.out $db.err nsearch --db "$TMP/$db" --batch --limit 20 --related 3 \
        --snippet-len 120 <"$TMP/queries.tsv"
    check "batch on $db exits 0" is "$rc" 0
    check "batch on $db answers every query" is "$(wc -l <"$TMP/$db.out")" "$nq"
done

# Scores rank by rank within 1e-9 relative (as printed, 4 decimals); ids
# equal, except that hits of equal score may come in another order (ties
# are broken by docid, and a cluster interleaves the shards' docids): each
# hit of a tie is among the other's hits or the copies they stand for,
# and a tie that runs past rank 20 is left out.  Totals that both count
# exactly are equal.  Related posts have the same titles (a copy of a
# story may stand for another).  Every hit has a snippet where the one
# index gives one: Xapian may choose another passage of the same article
# when the index is in shards (README "Scaling").
cat >"$TMP/compare.py" <<'PY'
import json, sys
one = [json.loads(l) for l in open(sys.argv[1])]
clu = [json.loads(l) for l in open(sys.argv[2])]
bad = []
hits = 0
for a, b in zip(one, clu):
    ha, hb = a["hits"], b["hits"]
    exact = a["total_exact"] and b["total_exact"]
    if (exact and a["total"] != b["total"]) or len(ha) != len(hb):
        bad.append("%s: total %s/%s hits %d/%d" % (a["qid"], a["total"], b["total"], len(ha), len(hb)))
        continue
    for x, y in zip(ha, hb):
        if abs(x["score"] - y["score"]) > 1e-9 * max(abs(x["score"]), 1e-300):
            bad.append("%s: score %r vs %r" % (a["qid"], x["score"], y["score"]))
            break
    i = 0
    while i < len(ha):
        j = i
        while j < len(ha) and ha[j]["score"] == ha[i]["score"]:
            j += 1
        last = j == len(ha) and (a["has_more"] or a["total"] > len(ha))
        if not last:
            ga = {x for h in ha[i:j] for x in [h["id"]] + h.get("also", [])}
            gb = {x for h in hb[i:j] for x in [h["id"]] + h.get("also", [])}
            if not ({h["id"] for h in ha[i:j]} <= gb and
                    {h["id"] for h in hb[i:j]} <= ga):
                bad.append("%s: ids at ranks %d-%d" % (a["qid"], i + 1, j))
            sa = {h["id"]: h["snippet"] for h in ha[i:j]}
            for h in hb[i:j]:
                if h["id"] in sa and sa[h["id"]] and not h["snippet"]:
                    bad.append("%s: no snippet for %s" % (a["qid"], h["id"]))
        i = j
    hits += len(ha)
    ra = [r["title"] for r in a["related"]]
    rb = [r["title"] for r in b["related"]]
    if [h["id"] for h in ha] == [h["id"] for h in hb] and ra != rb:
        bad.append("%s: related %s vs %s" % (a["qid"], ra, rb))
print("hits", hits)
for b in bad:
    print("bad", b)
PY
python3 "$TMP/compare.py" "$TMP/one.out" "$TMP/cluster.out" >"$TMP/compare.txt"
check "the comparison ran" contains "$TMP/compare.txt" "hits"
check "queries found hits to compare" test "$(sed -n 's/^hits //p' "$TMP/compare.txt")" -gt 500
grep '^bad' "$TMP/compare.txt" | head -n 5
check "tcp shards answer as one index (ids, scores, snippets, related)" lacks "$TMP/compare.txt" "bad"
python3 "$TMP/compare.py" "$TMP/one.out" "$TMP/local.out" >"$TMP/compare2.txt"
grep '^bad' "$TMP/compare2.txt" | head -n 5
check "local shards answer as one index" lacks "$TMP/compare2.txt" "bad"

# Filters, phrases and dates give the same totals, counted in full.
for q in 'section:crude' '"crude oil" date:1987-03-01..1987-03-31' 'opec NOT saudi' 'oil*'; do
    a=$(nsearch --db "$TMP/one" --json --related 0 --limit 2000 --snippet-len 0 -- "$q" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    b=$(nsearch --db "$TMP/cluster" --json --related 0 --limit 2000 --snippet-len 0 -- "$q" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    check "same total for $q ($a)" is "$a" "$b"
done

# Both date orders through the shard servers (whose remote protocol has
# no KeyMaker: oldest first failed there): the same order as one index
# (every Reuters article has a date).
for s in date oldest; do
    run out err nsearch --db "$TMP/cluster" --json --related 0 --limit 50 --snippet-len 0 --sort $s oil
    check "--sort $s answers on tcp shards" is "$rc" 0
    nsearch --db "$TMP/one" --json --related 0 --limit 50 --snippet-len 0 --sort $s oil >"$TMP/sort.one"
    check "--sort $s: the dates in order as one index" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
da, db = ([h["date"] for h in d["hits"]] for d in (a, b))
assert len(da) == 50 and da == db, (da, db)
assert da == sorted(da, reverse=sys.argv[3] == "date"), da' "$TMP/out" "$TMP/sort.one" $s
done

# An article read by id from its own shard, with that shard's dictionary.
id=$(sed -n '4000p' "$TMP/r.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
nsearch --db "$TMP/one" --json --related-to "$id" | sed 's/"took_ms":[0-9.e+-]*,//' >"$TMP/rel.one"
nsearch --db "$TMP/cluster" --json --related-to "$id" | sed 's/"took_ms":[0-9.e+-]*,//' >"$TMP/rel.clu"
check "related-to by id works on the cluster" contains "$TMP/rel.clu" '"related":[{"id"'
check "related-to gives the same list" cmp -s "$TMP/rel.one" "$TMP/rel.clu"

# Facets through the shard servers (Xapian's own ValueCountMatchSpy on
# each, split on the front) count as one index does: the same values and
# counts wherever both counted every match, story groups and articles.
head -n 40 "$TMP/queries.tsv" >"$TMP/fq.tsv"
for mode in collapse no-collapse; do
    flag=; [ "$mode" = no-collapse ] && flag=--no-collapse
    for db in one cluster; do
        run f$db.out f$db.err nsearch --db "$TMP/$db" --batch --related 0 --snippet-len 0 \
            --facets $flag <"$TMP/fq.tsv"
        check "facets on $db ($mode) exit 0" is "$rc" 0
    done
    python3 - "$TMP/fone.out" "$TMP/fcluster.out" >"$TMP/fcmp.txt" <<'PY'
import json, sys
one = [json.loads(l) for l in open(sys.argv[1])]
clu = [json.loads(l) for l in open(sys.argv[2])]
same = values = 0
for a, b in zip(one, clu):
    fa, fb = a.get("facets", {}), b.get("facets", {})
    if "unavailable" in fb or "section" not in fb:
        print("bad", a["qid"], "no facets:", fb.get("unavailable"))
        continue
    if not (fa.get("exact") and fb.get("exact")):
        continue
    if fa != fb:
        print("bad", a["qid"], json.dumps(fa)[:200], json.dumps(fb)[:200])
        continue
    same += 1
    values += sum(len(fa[k]) for k in ("section", "month", "lang", "tag") if k in fa)
print("same", same, "values", values)
PY
    grep '^bad' "$TMP/fcmp.txt" | head -n 3
    check "cluster facets ($mode): every query counted, the same counts" lacks "$TMP/fcmp.txt" "bad"
    check "cluster facets ($mode): most queries compared exactly" \
        test "$(sed -n 's/^same \([0-9]*\) .*/\1/p' "$TMP/fcmp.txt")" -ge 25
    check "cluster facets ($mode): values compared" \
        test "$(sed -n 's/.* values //p' "$TMP/fcmp.txt")" -gt 100
done

finish
