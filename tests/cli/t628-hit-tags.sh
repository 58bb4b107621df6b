#!/bin/sh
# t628-hit-tags.sh - Every hit of nsearch --json, --batch and nsearchd's
# /v1/search, and every related post, carries "tags": the article's tags as
# /v1/articles/{id} lists them, [] when it has none.  Without them a topic
# page had to fetch each hit's article to label it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index samples" index_samples
cat >"$TMP/own.jsonl" <<'JSON'
{"id": "tagged", "title": "Ferry fares", "body": "Ferry fares rise.", "tags": ["ferry", "Prices & fares", "oslo\u202efjord"], "date": "2025-08-10T08:00:00Z"}
{"id": "untagged", "title": "Ferry timetable", "body": "The ferry timetable.", "date": "2025-08-09T08:00:00Z"}
JSON
nindex --quiet --db "$TMP/own" "$TMP/own.jsonl"

# hit_tags DB ARGS...: "id=tag,tag;" for each hit of nsearch --json.
hit_tags() {
    db=$1
    shift
    nsearch --db "$db" --json "$@" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print("".join("%s=%s;" % (h["id"], ",".join(h["tags"])) for h in d["hits"]))'
}

check "a hit's tags" is "$(hit_tags "$TMP/db" --related 0 --limit 1 "Azure surveillance")" \
    "azure-surveillance-investigation=microsoft,azure,surveillance,israel,palestinians,unit 8200,cloud;"
check "no tags: an empty list" is "$(hit_tags "$TMP/own" --related 0 --sort date ferry)" \
    "tagged=ferry,Prices & fares,oslo$(printf '\342\200\256')fjord;untagged=;"

# The same list, in the same order, as the article itself holds.
check "as --show --json (/v1/articles) lists them" python3 - "$NSEARCH_BIN/nsearch" "$TMP/db" <<'PY'
import json, subprocess, sys
nsearch, db = sys.argv[1], sys.argv[2]
run = lambda *a: json.loads(subprocess.check_output([nsearch, "--db", db] + list(a)))
hits = run("--json", "--related", "0", "--limit", "20", "microsoft")["hits"]
assert len(hits) >= 10, len(hits)
for h in hits:
    assert h["tags"] == run("--show", h["id"], "--json").get("tags", []), h["id"]
PY

check "related posts carry tags" python3 - "$NSEARCH_BIN/nsearch" "$TMP/db" "$TMP/own" <<'PY'
import json, subprocess, sys
nsearch, db, own = sys.argv[1:4]
d = json.loads(subprocess.check_output([nsearch, "--db", db, "--json",
    "--related-to", "azure-cutoff-reactions", "--now", "2025-10-01", "--recent-days", "60"]))
assert len(d["related"]) == 5, d["related"]
for r in d["related"]:
    show = json.loads(subprocess.check_output([nsearch, "--db", db, "--show", r["id"], "--json"]))
    assert r["tags"] == show.get("tags", []), r
d = json.loads(subprocess.check_output([nsearch, "--db", own, "--json",
    "--related-to", "tagged", "--now", "2025-08-11", "--recent-days", "30"]))
assert [(r["id"], r["tags"]) for r in d["related"]] == [("untagged", [])], d["related"]
PY

printf 'q1\tAzure surveillance\n' | nsearch --db "$TMP/db" --batch --related 0 --limit 3 >"$TMP/b.json"
check "--batch hits carry tags" python3 -c 'import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert len(d["hits"]) == 3 and all(h["tags"] for h in d["hits"]), d' "$TMP/b.json"

# A cluster's hits are read from its shards' stored articles: the same.
for i in 0 1; do
    nindex --quiet --db "$TMP/ls$i" --shard "$i/2" "$SAMPLES"
done
printf 'shard 0 local %s\nshard 1 local %s\n' "$TMP/ls0" "$TMP/ls1" >"$TMP/local.cluster"
clu=$(hit_tags "$TMP/local.cluster" --related 0 --limit 10 microsoft | tr ';' '\n' | sort)
one=$(hit_tags "$TMP/db" --related 0 --limit 10 microsoft | tr ';' '\n' | sort)
check "a cluster's hits carry the same tags" \
    is "$(echo "$clu" | grep -c '=microsoft')|$clu" "10|$one"

check "server starts" start_server
get s.json '/v1/search?q=azure+surveillance&limit=5&related=2'
check "/v1/search: every hit and related post has tags" json s.json \
    'len(d["hits"]) == 5 and len(d["related"]) == 2 and all(isinstance(x["tags"], list) and x["tags"] for x in d["hits"] + d["related"])'
get a.json /v1/articles/azure-surveillance-investigation
check "/v1/search: a hit's tags are its article's" python3 -c 'import json, sys
s = json.load(open(sys.argv[1])); a = json.load(open(sys.argv[2]))
h = [h for h in s["hits"] if h["id"] == a["id"]]
assert h and h[0]["tags"] == a["tags"], (h, a)' "$TMP/s.json" "$TMP/a.json"
finish
