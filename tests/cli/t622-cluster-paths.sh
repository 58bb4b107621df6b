#!/bin/sh
# t622-cluster-paths.sh - relative paths in a cluster file ('local',
# 'spelling' and 'synonyms' lines) are read from the cluster file's
# directory, as Xapian reads a stub database's, whatever directory the
# program was started from: the same file names the same shards, spelling
# copies and synonyms from / (nsearchd under systemd) as from an editor's
# shell beside it.
. "$(dirname "$0")/lib.sh"

json_ok() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

# --- 1. Two local shards, their spelling exports, a synonyms file -------
mkdir -p "$TMP/etc/nsearch/shards" "$TMP/etc/nsearch/spelling" "$TMP/elsewhere"
for i in 0 1; do
    nindex --quiet --db "$TMP/etc/nsearch/shards/s$i" --rebuild --shard $i/2 \
        "$SAMPLES"
    nindex --quiet --db "$TMP/etc/nsearch/shards/s$i" \
        --export-spelling "$TMP/etc/nsearch/spelling/s$i"
done
nindex --quiet --db "$TMP/one" --rebuild "$SAMPLES"
printf 'wiretap, surveillance\n' >"$TMP/etc/nsearch/synonyms"
cat >"$TMP/etc/nsearch/cluster" <<'EOF'
shard 0 local shards/s0
shard 1 local shards/s1
spelling spelling/s0
spelling spelling/s1
synonyms synonyms
EOF
C=$TMP/etc/nsearch/cluster

q() { nsearch --db "$1" --related 0 --snippet-len 0 --limit 100 \
    --no-collapse --json "$2"; }
q "$TMP/one" surveillance >"$TMP/one.json"
check "one index: surveillance matches" json_ok "$TMP/one.json" \
    'd["total"] > 0'

# --- 2. Started from another directory ----------------------------------
(cd "$TMP/elsewhere" && q "$C" surveillance) >"$TMP/far.json" 2>"$TMP/far.err"
check "from another directory: the shards open (no warning)" \
    test ! -s "$TMP/far.err"
check "from another directory: every article of one index" python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
ids = lambda d: sorted(h["id"] for h in d["hits"])
sys.exit(0 if not b.get("partial") and a["total"] == b["total"]
         and ids(a) == ids(b) else 1)' "$TMP/one.json" "$TMP/far.json"
(cd / && q "$C" "Azuer survelance") >"$TMP/spell.json"
check "from /: the spelling copies suggest" json_ok "$TMP/spell.json" \
    'd["suggestion"] is not None and "azure" in d["suggestion"].lower()'
(cd / && q "$C" wiretap) >"$TMP/syn.json"
check "from /: the synonyms file is read" python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(0 if a["total"] > 0 and b["total"] == a["total"] else 1)' \
    "$TMP/one.json" "$TMP/syn.json"

# --- 3. The cluster file named relative to the working directory ---------
(cd "$TMP/etc" && q nsearch/cluster surveillance) >"$TMP/rel.json"
check "cluster named relative: its paths beside it" json_ok "$TMP/rel.json" \
    'd["total"] > 0 and not d.get("partial")'
(cd "$TMP/etc/nsearch" && q cluster wiretap) >"$TMP/here.json"
check "cluster in the working directory: synonyms read" json_ok \
    "$TMP/here.json" 'd["total"] > 0'

# --- 4. An absolute path is used as given ---------------------------------
# In a file elsewhere, shard 1 named absolute is found, and shard 0's
# relative path is read from that file's directory, where there is no
# shard: the answer says so rather than searching the working directory's.
sed "s|^shard 1 local shards/s1|shard 1 local $TMP/etc/nsearch/shards/s1|" \
    "$C" >"$TMP/elsewhere/abs"
(cd "$TMP/etc/nsearch" && q "$TMP/elsewhere/abs" surveillance) \
    >"$TMP/abs.json" 2>"$TMP/abs.err"
check "relative beside another file: shard 0 missing, shard 1 found" \
    json_ok "$TMP/abs.json" \
    'd.get("partial") is True and d.get("missing_shards") == [0] and d["total"] > 0'
check "relative beside another file: a warning" \
    contains "$TMP/abs.err" "shard 0 of the cluster is down"

finish
