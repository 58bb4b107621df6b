#!/bin/sh
# t612-cluster-spelling.sh - did you mean on a cluster front: three shards
# of the samples served by xapian-tcpsrv on 127.0.0.1 suggest nothing
# without 'spelling' lines, and with the three shards' exports suggest
# what one index of the same articles suggests (its results when nothing
# matches); bad 'spelling' lines are FILE:LINE errors; a missing copy
# costs suggestions only, and /v1/stats says why; nsearchd sees a
# re-exported copy after its refresh, without a restart; and an export
# never writes over an index or any other file that is no export.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

# json_ok FILE EXPR: the JSON in FILE, as d, makes the Python EXPR true.
json_ok() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

# --- 1. Three shards, their exports, one index of the same articles ------
for i in 0 1 2; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/3 "$SAMPLES"
done
nindex --quiet --db "$TMP/one" --rebuild "$SAMPLES"
run out err nindex --db "$TMP/s0" --export-spelling "$TMP/sp0"
check "export: exit 0" is "$rc" 0
check "export: says how many words" contains "$TMP/out" "words of"
check "export: one regular file" test -f "$TMP/sp0"
for i in 1 2; do
    nindex --quiet --db "$TMP/s$i" --export-spelling "$TMP/sp$i"
done
check "export: no temporary file left" \
    sh -c "! ls '$TMP' | grep -q 'tmp-'"

head="connect-timeout 1
timeout 5
refresh 0.5"
shards=""
for i in 0 1 2; do
    port=$(free_port)
    start_shard "$port" "$TMP/s$i"
    shards="$shards
shard $i tcp 127.0.0.1:$port"
done
printf '%s%s\n' "$head" "$shards" >"$TMP/bare"
printf '%s%s\nspelling %s\nspelling %s\nspelling %s\n' "$head" "$shards" \
    "$TMP/sp0" "$TMP/sp1" "$TMP/sp2" >"$TMP/cluster"

q() { nsearch --db "$1" --related 0 --snippet-len 0 --limit 100 \
    --no-collapse --json "$2"; }

# --- 2. Without copies, no suggestion; with them, the single index's -----
q "$TMP/bare" "Azuer survelance" >"$TMP/bare.en"
check "no spelling lines: no suggestion" json_ok "$TMP/bare.en" \
    'd["suggestion"] is None and d["total"] == 0'
q "$TMP/bare" "flyktnig" >"$TMP/bare.no"
check "no spelling lines: no Norwegian suggestion" json_ok "$TMP/bare.no" \
    'd["suggestion"] is None and d["total"] == 0'

# same_as NAME QUERY: the cluster and the single index give the same
# suggestion, used or not, the same total and the same ids.
same_as() {
    q "$TMP/cluster" "$2" >"$TMP/c.json"
    q "$TMP/one" "$2" >"$TMP/o.json"
    check "$1" python3 - "$TMP/c.json" "$TMP/o.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
o = json.load(open(sys.argv[2]))
assert o["suggestion"], o
for k in ("suggestion", "suggestion_used", "total"):
    assert c[k] == o[k], (k, c[k], o[k])
# Equal scores may come in another order on a cluster (README "Scaling").
assert sorted(h["id"] for h in c["hits"]) == sorted(h["id"] for h in o["hits"])
assert "partial" not in c
PY
}
same_as "English typo: the single index's suggestion and hits" \
    "Azuer survelance"
check "English typo: the suggestion is searched" json_ok "$TMP/c.json" \
    'd["suggestion"] == "Azure surveillance" and d["suggestion_used"] and d["total"] > 0'
same_as "Norwegian typo: the single index's suggestion and hits" "flyktnig"
check "Norwegian typo: flyktning, two articles" json_ok "$TMP/c.json" \
    'd["suggestion"] == "flyktning" and d["total"] == 2'
same_as "a typo among matching words: suggested, not used" \
    "lighthouse survelance"
check "few matches: the query's own hit" json_ok "$TMP/c.json" \
    'd["suggestion"] == "lighthouse surveillance" and not d["suggestion_used"] and d["total"] == 1'
# Two words run together: the split from the copies, its phrase searched
# on the shards.
same_as "words run together: the single index's split and hits" \
    "externalreview"
check "words run together: external review" json_ok "$TMP/c.json" \
    'd["suggestion"] == "external review" and d["suggestion_used"]'
q "$TMP/cluster" "azure surveillance" >"$TMP/c.ok"
check "words that match: nothing suggested" json_ok "$TMP/c.ok" \
    'd["suggestion"] is None and d["total"] > 0'

# A phrase typed without diacritics: the front finds the other spellings
# in its copies, as one index does in its terms; without copies it
# searches the phrase as typed (README "Scaling").
for f in cluster one bare; do
    q "$TMP/$f" '"i Toyenparken"' >"$TMP/fold.$f"
done
check "phrase without diacritics: the single index's hits" python3 -c '
import json, sys
c, o = (json.load(open(f)) for f in sys.argv[1:3])
ids = sorted(h["id"] for h in o["hits"])
assert ids == ["oyafestivalen-2025"], ids
assert sorted(h["id"] for h in c["hits"]) == ids, c["hits"]
' "$TMP/fold.cluster" "$TMP/fold.one"
check "no spelling lines: the phrase as typed" json_ok "$TMP/fold.bare" \
    'd["total"] == 0'

# --- 3. Bad 'spelling' lines ---------------------------------------------
printf '%s%s\nspelling\n' "$head" "$shards" >"$TMP/bad1"
run out err nsearch --db "$TMP/bad1" azure
check "spelling without a path: exit 1" is "$rc" 1
check "spelling without a path: FILE:LINE" contains "$TMP/err" \
    "$TMP/bad1:7: 'spelling' needs the PATH"
printf '%s%s\nspelling %s\nspelling %s\n' "$head" "$shards" "$TMP/sp0" \
    "$TMP/sp0" >"$TMP/bad2"
run out err nsearch --db "$TMP/bad2" azure
check "the same copy twice: FILE:LINE" contains "$TMP/err" \
    "$TMP/bad2:8: '$TMP/sp0' is already listed on line 7"

# --- 4. A copy that is not there -----------------------------------------
printf '%s%s\nspelling %s\n' "$head" "$shards" "$TMP/nowhere" >"$TMP/missing"
run out err q "$TMP/missing" "Azuer survelance"
check "missing copy: the search works" is "$rc" 0
check "missing copy: no suggestion" json_ok "$TMP/out" \
    'd["suggestion"] is None and d["total"] == 0'
run out err q "$TMP/missing" "azure"
check "missing copy: matches found as without it" json_ok "$TMP/out" \
    'd["total"] > 0 and "partial" not in d'

start_server --db "$TMP/missing" --threads 2
get st /v1/stats
check "missing copy: /v1/stats says it is down, and why" json st \
    'len(d["spelling"]) == 1 and not d["spelling"][0]["up"] and "No such file" in d["spelling"][0]["error"]'
get s "/v1/search?q=azure&related=0"
check "missing copy: nsearchd searches" json s 'd["total"] > 0'
kill $server_pid
wait $server_pid 2>/dev/null

# --- 5. A re-export is seen without a restart ----------------------------
start_server --db "$TMP/cluster" --threads 2
get st /v1/stats
check "/v1/stats: three copies up, with their words and shards" json st \
    'len(d["spelling"]) == 3 and all(s["up"] and s["words"] > 0 and s["error"] is None for s in d["spelling"]) and sorted(s["shard"] for s in d["spelling"]) == ["0/3", "1/3", "2/3"]'
get s "/v1/search?q=Azuer+survelance&related=0"
check "nsearchd: the suggestion's results" json s \
    'd["suggestion"] == "Azure surveillance" and d["suggestion_used"]'

# A new article with a new word, in whichever shard it hashes to.
cat >"$TMP/new.jsonl" <<'EOF'
{"id": "quokka-census-2025", "title": "Quokka census", "body": "Rangers counted every quokka on the island.", "section": "Nature", "date": "2025-09-20T08:00:00Z"}
EOF
for i in 0 1 2; do
    nindex --quiet --db "$TMP/s$i" --shard $i/3 "$TMP/new.jsonl"
done
get s "/v1/search?q=quoka&related=0"
check "before the re-export: the typo of the new word is not corrected" \
    json s 'd["suggestion"] is None'
for i in 0 1 2; do
    nindex --quiet --db "$TMP/s$i" --export-spelling "$TMP/sp$i"
done
seen=no
n=0
while [ $n -lt 50 ]; do
    get s "/v1/search?q=quoka&related=0"
    if json s 'd["suggestion"] == "quokka"'; then
        seen=yes
        break
    fi
    sleep 0.2
    n=$((n + 1))
done
check "after the re-export: suggested within the refresh, no restart" \
    is "$seen" yes
check "after the re-export: the new article found" json s \
    'd["suggestion_used"] and [h["id"] for h in d["hits"]] == ["quokka-census-2025"]'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# --- 6. An export never writes over what is not an export ----------------
snapshot() { (cd "$1" && find . -type f -exec md5sum {} + | sort); }
snapshot "$TMP/one" >"$TMP/one.before"
run out err nindex --db "$TMP/s0" --export-spelling "$TMP/one"
check "export onto an index: exit 2" is "$rc" 2
check "export onto an index: says why" contains "$TMP/err" \
    "is a directory, not a spelling copy"
snapshot "$TMP/one" >"$TMP/one.after"
check "export onto an index: the index is untouched" \
    cmp -s "$TMP/one.before" "$TMP/one.after"
nsearch --db "$TMP/one" --related 0 --json azure >"$TMP/one.json"
check "export onto an index: it still searches" json_ok "$TMP/one.json" \
    'd["total"] > 0'
cp "$TMP/cluster" "$TMP/cluster.before"
run out err nindex --db "$TMP/s0" --export-spelling "$TMP/cluster"
check "export onto a cluster file: exit 2" is "$rc" 2
check "export onto a cluster file: unchanged" \
    cmp -s "$TMP/cluster" "$TMP/cluster.before"
run out err nindex --db "$TMP/s0" --export-spelling "$TMP/one/current"
check "export onto a link: exit 2" is "$rc" 2
check "no temporary file left by refusals" \
    sh -c "! ls '$TMP' '$TMP/one' | grep -q 'tmp-'"
run out err nindex --db "$TMP/nothing" --export-spelling "$TMP/spx"
check "export of no index: exit 1" is "$rc" 1
check "export of no index: nothing written" test ! -e "$TMP/spx"
run out err nindex --db "$TMP/s0" --export-spelling "$TMP/spx" "$SAMPLES"
check "export with a SOURCE: usage error" is "$rc" 2
run out err nindex --db "$TMP/cluster" --export-spelling "$TMP/spx"
check "export of a cluster file: exit 1, each shard exports" is "$rc" 1
check "export of a cluster file: says so" contains "$TMP/err" \
    "export each shard's own index"

finish
