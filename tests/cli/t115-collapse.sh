#!/bin/sh
# t115-collapse.sh - one hit per story version group: the wire story and
# its update are shown once, with the other copy in "also"; totals and
# pages count groups; --no-collapse and collapse=0 list every copy.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

check "index samples" index_samples

nsearch --db "$TMP/db" --json --limit 100 "Azure surveillance" >"$TMP/c"
nsearch --db "$TMP/db" --json --limit 100 --no-collapse "Azure surveillance" >"$TMP/u"
check "the wire pair is one hit, with also" python3 - "$TMP/c" "$TMP/u" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
u = json.load(open(sys.argv[2]))
ids = [h["id"] for h in c["hits"]]
assert ids.count("azure-review-wire") + ids.count("azure-review-wire-update") == 1, ids
h = [h for h in c["hits"] if h["id"].startswith("azure-review-wire")][0]
other = {"azure-review-wire", "azure-review-wire-update"} - {h["id"]}
assert h["also"] == list(other), h["also"]
# totals count groups: one fewer per copy folded away
folded = sum(len(x["also"]) for x in c["hits"])
assert folded >= 1
assert c["total"] == u["total"] - folded == len(c["hits"]), (c["total"], u["total"], folded)
assert c["total_exact"] and u["total_exact"]
# the collapsed list is the uncollapsed one without the copies, in order
uids = [x["id"] for x in u["hits"]]
also = {a for x in c["hits"] for a in x["also"]}
assert [i for i in uids if i not in also] == ids, (uids, ids)
assert all(x["also"] == [] for x in u["hits"])
PY

run out err nsearch --db "$TMP/db" --limit 5 "Azure surveillance"
check "text: the first take named under its update" is \
    "$(grep -c '^ *Also: 1 other version: azure-review-wire$' "$TMP/out")" 1
check "text: the title once" is \
    "$(grep -c "external review of Israeli military's Azure use is still" "$TMP/out")" 1
run out err nsearch --db "$TMP/db" --limit 5 --no-collapse "Azure surveillance"
check "--no-collapse: the title twice" is \
    "$(grep -c "external review of Israeli military's Azure use is still" "$TMP/out")" 2

# Articles with different titles are never folded, nor short titles.
cat >"$TMP/s.jsonl" <<'JSON'
{"id":"s1","title":"In brief","body":"harbour news one"}
{"id":"s2","title":"In brief","body":"harbour news two"}
{"id":"s3","title":"Harbour strike ends after four days","body":"harbour workers return"}
{"id":"s4","title":"Harbour Strike Ends, After Four Days!","body":"harbour workers return to work"}
{"id":"s5","title":"Harbour strike ends after five days","body":"harbour workers return"}
JSON
check "index small" nindex --quiet --db "$TMP/db2" "$TMP/s.jsonl"
nsearch --db "$TMP/db2" --json harbour >"$TMP/h"
check "same normalised title folds, short or different titles do not" \
    python3 - "$TMP/h" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ids = sorted(h["id"] for h in d["hits"])
assert d["total"] == 4 and len(ids) == 4, ids
assert ("s3" in ids) != ("s4" in ids)
for i in ("s1", "s2", "s5"):
    assert i in ids
folded = [h for h in d["hits"] if h["also"]]
assert len(folded) == 1 and folded[0]["also"] in (["s3"], ["s4"]), folded
PY

check "server starts" start_server
get c.json "/v1/search?q=Azure%20surveillance&limit=100"
check "http: 200" is "$code" 200
get u.json "/v1/search?q=Azure%20surveillance&limit=100&collapse=0"
check "http collapse=0: 200" is "$code" 200
check "http: collapsed by default, collapse=0 lists every copy" \
    python3 - "$TMP/c.json" "$TMP/u.json" "$TMP/c" <<'PY'
import json, sys
c, u, cli = (json.load(open(p)) for p in sys.argv[1:])
assert [h["id"] for h in c["hits"]] == [h["id"] for h in cli["hits"]]
assert [h["also"] for h in c["hits"]] == [h["also"] for h in cli["hits"]]
assert u["total"] > c["total"]
assert {"azure-review-wire", "azure-review-wire-update"} <= {h["id"] for h in u["hits"]}
PY
get b.json "/v1/search?q=azure&collapse=2"
check "http collapse=2: 400" is "$code" 400

# Copies whose titles differ in case and punctuation are one group, and
# each lists the others, on one index and on a cluster of two local shards
# (where the copies are looked up by words of the title and the group
# slot, collapse.cc).
python3 - "$TMP/crane.jsonl" <<'PY'
import json, sys
titles = ["Harbour Crane Collapse: Inquiry Opens Today",
          "HARBOUR CRANE COLLAPSE - INQUIRY OPENS TODAY",
          "harbour crane collapse, inquiry opens today!"]
with open(sys.argv[1], "w") as f:
    for i, t in enumerate(titles):
        f.write(json.dumps({"id": "crane-%d" % i, "title": t,
                            "date": "2025-03-0%dT08:00:00Z" % (i + 1),
                            "body": "The crane fell at the harbour. Copy %d of the wire." % i}) + "\n")
    f.write(json.dumps({"id": "crane-3", "title": titles[0],
                        "date": "2025-03-04T08:00:00Z",
                        "body": "The fell crane at the harbour was moved. A later copy."}) + "\n")
    f.write(json.dumps({"id": "crane-other", "title": "Crane hire prices rise",
                        "date": "2025-03-02T08:00:00Z",
                        "body": "A crane costs more to hire this spring."}) + "\n")
PY
nindex --quiet --db "$TMP/crane" "$TMP/crane.jsonl"
for i in 0 1; do nindex --quiet --db "$TMP/crane$i" --shard "$i/2" "$TMP/crane.jsonl"; done
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/crane0" "$TMP/crane1" >"$TMP/crane.cluster"
for db in crane crane.cluster; do
    nsearch --db "$TMP/$db" --json --related 0 crane >"$TMP/$db.json"
    check "$db: the three copies are one hit listing the other two" \
        python3 - "$TMP/$db.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 2, d["total"]
g = [h for h in d["hits"] if h["id"].startswith("crane-") and h["id"] != "crane-other"]
assert len(g) == 1, [h["id"] for h in d["hits"]]
assert sorted([g[0]["id"]] + g[0]["also"]) == ["crane-0", "crane-1", "crane-2", "crane-3"], g[0]
PY
    nsearch --db "$TMP/$db" --json --related 0 '"crane fell"' >"$TMP/$db.p.json"
    check "$db: a phrase's hit lists only the copies with the phrase" \
        python3 - "$TMP/$db.p.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["hits"]) == 1 and d["total"] == 1, d["hits"]
h = d["hits"][0]
assert sorted([h["id"]] + h["also"]) == ["crane-0", "crane-1", "crane-2"], h
PY
done

# A phrase with thousands of candidates and few matches is collapsed after
# its check (search.cc): a story is shown by its best copy that has the
# phrase, even when a copy without it ranks higher, and lists the copies
# that have it.  With the pair signature off, the match itself cannot
# tell the copy without the phrase from the others.
python3 - "$TMP/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(2600):
        f.write(json.dumps({"id": "f%d" % i, "title": "Filler %d" % i,
                            "body": "zorblat harbour news of the day %d quindle" % i}) + "\n")
    t = "Council votes on the zorblat harbour plan"
    f.write(json.dumps({"id": "copy-a", "title": t,
                        "body": "zorblat quay, quindle sea, zorblat sky, quindle rain, quindle wind, zorblat."}) + "\n")
    for k in ("b", "c"):
        f.write(json.dumps({"id": "copy-" + k, "title": t,
                            "body": "The council met for a long evening to talk about the harbour "
                                    "and the roads, the schools and the budget of the town, and "
                                    "said the zorblat quindle would be built next year."}) + "\n")
    for i in range(3):
        f.write(json.dumps({"id": "m%d" % i, "title": "Other news %d" % i,
                            "body": "A long story about the town and its people, its streets and "
                                    "markets, and at its end the zorblat quindle %d." % i}) + "\n")
PY
nindex --quiet --db "$TMP/many" "$TMP/many.jsonl"
for sig in on off; do
    if [ $sig = off ]; then env="NSEARCH_NO_PAIR_SIGNATURE=1"; else env="NSEARCH_X=1"; fi
    env $env "$NSEARCH_BIN/nsearch" --db "$TMP/many" --json --related 0 '"zorblat quindle"' >"$TMP/m.json"
    env $env "$NSEARCH_BIN/nsearch" --db "$TMP/many" --json --related 0 --no-collapse '"zorblat quindle"' >"$TMP/mu.json"
    env $env "$NSEARCH_BIN/nsearch" --db "$TMP/many" --json --related 0 --no-collapse zorblat quindle >"$TMP/mw.json"
    check "signature $sig: a story found by its copy with the phrase, listing the other" \
        python3 - "$TMP/m.json" "$TMP/mu.json" "$TMP/mw.json" <<'PY'
import json, sys
c, u, w = (json.load(open(p)) for p in sys.argv[1:])
# the copy without the phrase outranks the others on the words alone
wids = [h["id"] for h in w["hits"]]
assert wids[0] == "copy-a", wids[:3]
ids = [h["id"] for h in c["hits"]]
assert sorted(ids) == ["copy-b", "m0", "m1", "m2"] or sorted(ids) == ["copy-c", "m0", "m1", "m2"], ids
h = [h for h in c["hits"] if h["id"].startswith("copy-")][0]
assert h["also"] == [{"copy-b": "copy-c", "copy-c": "copy-b"}[h["id"]]], h
assert c["total"] == 4 and c["total_exact"], (c["total"], c["total_exact"])
assert sorted(x["id"] for x in u["hits"]) == ["copy-b", "copy-c", "m0", "m1", "m2"], u["hits"]
assert [i for i in (x["id"] for x in u["hits"]) if i not in h["also"]] == ids
PY
done

# With few candidates, the same: a copy without the phrase that ranks
# first does not hide the story's copy with it, and copies without the
# phrase are never named.
python3 - "$TMP/few.jsonl" <<'PY'
import json, sys
t1 = "Ferry strike closes the island route"
t2 = "Bridge vote splits the town council"
rows = [
    ("ferry-a", t1, "vorpal ferry, ferry tumtum, vorpal sea, tumtum rain, vorpal wind."),
    ("ferry-b", t1, "The island waited all week for news from the mainland about the strike, "
                    "and the vorpal tumtum was the talk of the harbour."),
    ("bridge-a", t2, "The vorpal tumtum bridge vote."),
    ("bridge-b", t2, "The bridge vote split the council: vorpal, then tumtum, then more of the "
                     "same talk for the whole of a long evening in the town hall."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in rows:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/few" "$TMP/few.jsonl"
nsearch --db "$TMP/few" --json --related 0 vorpal tumtum >"$TMP/fw.json"
nsearch --db "$TMP/few" --json --related 0 '"vorpal tumtum"' >"$TMP/fp.json"
check "few candidates: each story by its copy with the phrase, no copy without it named" \
    python3 - "$TMP/fw.json" "$TMP/fp.json" <<'PY'
import json, sys
w, p = (json.load(open(x)) for x in sys.argv[1:])
# on the words alone, ferry-a outranks ferry-b
assert [h["id"] for h in w["hits"] if h["id"].startswith("ferry")] == ["ferry-a"], w["hits"]
got = {h["id"]: h["also"] for h in p["hits"]}
assert got == {"ferry-b": [], "bridge-a": []}, got
assert p["total"] == 2 and p["total_exact"], p["total"]
PY
nsearch --db "$TMP/few" --json --related 0 '"vorpal tumtum" AND bridge' >"$TMP/fb.json"
check "a hit with the phrase does not name its copy without it" \
    python3 - "$TMP/fb.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
got = {h["id"]: h["also"] for h in p["hits"]}
assert got.get("bridge-a") == [] and "bridge-b" not in got, got
PY

# A phrase hit lists its copies with the phrase even when they rank below
# every candidate the page checked.  A page is collapsed after its check
# and looks its hits' story groups up afterwards, by their group terms
# (metadata nsearch.groups, set in an index created by this version); an
# index without them collapses in the match and looks groups up by their
# titles' words.  Both list the same copies.
python3 - "$TMP/deep.jsonl" <<'PY'
import json, sys
t = "Ice returns to the mountain lake shore"
filler = " ".join("word%d" % i for i in range(300))
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "tarn-a", "title": t, "body": "glimmer tarn, " * 6}) + "\n")
    for k in ("b", "c"):
        f.write(json.dumps({"id": "tarn-" + k, "title": t,
                            "body": filler + " and the glimmer tarn " + k}) + "\n")
    for i in range(150):
        f.write(json.dumps({"id": "note%d" % i, "title": "Walking note %d" % i,
                            "body": "a walk by the glimmer tarn today %d" % i}) + "\n")
PY
nindex --quiet --db "$TMP/deep" "$TMP/deep.jsonl"
check "a new index has group terms" is \
    "$(xapian-metadata get "$TMP/deep/current" nsearch.groups)" 1
for terms in 1 ""; do
    [ -z "$terms" ] && xapian-metadata set "$TMP/deep/current" nsearch.groups ""
    nsearch --db "$TMP/deep" --json --related 0 --limit 1 '"glimmer tarn"' >"$TMP/d1.json"
    nsearch --db "$TMP/deep" --json --related 0 --limit 200 --no-collapse \
        '"glimmer tarn"' >"$TMP/du.json"
    check "group terms '$terms': copies ranked below the checked ones are listed" \
        python3 - "$TMP/d1.json" "$TMP/du.json" <<'PY'
import json, sys
d, u = (json.load(open(p)) for p in sys.argv[1:])
uids = [h["id"] for h in u["hits"]]
# the copies rank last, below the 150 notes a page of one never checks
assert uids[0] == "tarn-a" and sorted(uids[-2:]) == ["tarn-b", "tarn-c"], uids
assert [h["id"] for h in d["hits"]] == ["tarn-a"], d["hits"]
assert sorted(d["hits"][0]["also"]) == ["tarn-b", "tarn-c"], d["hits"][0]
assert d["has_more"], d
PY
done
# An index without group terms does not claim them after an update: the
# articles it did not touch still have none.
printf '%s\n' '{"id":"late","title":"A late note on the mountain lake","body":"glimmer tarn"}' \
    >"$TMP/late.jsonl"
nindex --quiet --db "$TMP/deep" "$TMP/late.jsonl"
check "an update leaves an index without group terms without them" is \
    "$(xapian-metadata get "$TMP/deep/current" nsearch.groups)" ""
nsearch --db "$TMP/deep" --json --related 0 --limit 1 '"glimmer tarn"' >"$TMP/d2.json"
check "and its copies are still listed" python3 - "$TMP/d2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(d["hits"][0]["also"]) == ["tarn-b", "tarn-c"], d["hits"][0]
PY

# A hit names its copies whatever the page's size: Xapian counts only the
# copies it meets above the page's lowest weight, and a copy that ranks
# far below its story's best, added last, was listed by no page.
python3 - >"$TMP/weak.jsonl" <<'PY'
import json
for i in range(600):
    print(json.dumps({"id": "o%d" % i, "title": "Other note %d" % i,
                      "body": "quarry " * (2 + i % 5) + "gravel %d" % i}))
print(json.dumps({"id": "strong", "title": "Quarry flooding closes the old road",
                  "body": "quarry " * 12}))
print(json.dumps({"id": "weak", "title": "Quarry flooding closes the old road",
                  "body": "quarry " + "words of a long report " * 60}))
PY
nindex --quiet --db "$TMP/weak" "$TMP/weak.jsonl"
for n in 1 100; do
    nsearch --db "$TMP/weak" --json --related 0 --limit $n quarry >"$TMP/w$n.json"
    check "a page of $n names the weak copy" python3 - "$TMP/w$n.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
h = d["hits"][0]
assert h["id"] == "strong" and h["also"] == ["weak"], (h["id"], h["also"])
PY
done

finish
