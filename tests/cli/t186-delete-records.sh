#!/bin/sh
# t186-delete-records.sh - A record that says its article is deleted,
# {"id": "s3", "deleted": true}, as a CMS's change feed, an Elasticsearch
# bulk stream or a Solr update stream carries it, was skipped as "missing
# title and body" (exit 3), and s3 stayed searchable.  Now it deletes s3
# as `nindex --delete s3` does: kept in DIR/deleted first, out of the kept
# generations too, under the prune's --max-delete guard; an id that names
# no article is a warning; the later of a deletion and a record of the
# same id wins; a --rebuild leaves the article out.
. "$(dirname "$0")/lib.sh"

# Does the index $1 hold article $2?
has() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys; sys.exit(0 if '$2' in [h['id'] for h in json.load(sys.stdin)['hits']] else 1)"
}
hasnt() { ! has "$@"; }
undo_files() { ls "$1/deleted" 2>/dev/null | grep -c 'jsonl.gz$'; }

write_stories "$TMP/all.jsonl" s 20
db=$TMP/db
nindex --quiet --db "$db" "$TMP/all.jsonl"

# --- A deletion record deletes, as --delete does ------------------------------
printf '%s\n' '{"id":"s3","deleted":true}' \
    '{"id":"n1","title":"New story","body":"A new harbour story."}' \
    >"$TMP/feed.jsonl"
run out err nindex --db "$db" "$TMP/feed.jsonl"
check "record: exit 0" is "$rc" 0
check "record: not skipped as missing title and body" \
    lacks "$TMP/err" "missing title and body"
check "record: counted deleted, the other one added" contains "$TMP/out" \
    "update: 1 added, 0 replaced, 0 unchanged, 1 deleted, 0 skipped"
check "record: s3 is gone" hasnt "$db" s3
check "record: the new one is there" has "$db" n1
check "record: s3 kept in DIR/deleted first" \
    sh -c "zcat '$db'/deleted/*.jsonl.gz | grep -q '\"id\": *\"s3\"'"
nindex --quiet --db "$db" "$db"/deleted/*.jsonl.gz
check "record: an update from the undo file brings s3 back" has "$db" s3
rm -rf "$db/deleted"

# --- An id that names no article; a 'deleted' that is no boolean --------------
printf '%s\n' '{"id":"zz","deleted":true}' '{"id":"s4","deleted":false,"title":"Story s 4","body":"harbour ferry council 4"}' \
    '{"id":"s5","deleted":"yes"}' >"$TMP/odd.jsonl"
run out err nindex --db "$db" "$TMP/odd.jsonl"
check "unknown id: a warning, the run does not fail (exit 3 for the bad one)" \
    is "$rc" 3
check "unknown id: FILE:LINE: no article with id 'zz' to delete" \
    contains "$TMP/err" "warning: $TMP/odd.jsonl:1: no article with id 'zz' to delete"
check "deleted false: an ordinary record" contains "$TMP/out" "1 unchanged"
check "deleted not a boolean: FILE:LINE error" contains "$TMP/err" \
    "$TMP/odd.jsonl:3: field 'deleted' is not true or false"
check "deleted not a boolean: skipped and counted" \
    contains "$TMP/out" "0 deleted, 1 skipped"
check "deleted not a boolean: s5 stays" has "$db" s5
printf '%s\n' '{"id":"zz","deleted":true}' >"$TMP/zz.jsonl"
run out err nindex --db "$db" "$TMP/zz.jsonl"
check "unknown id alone: exit 0" is "$rc" 0
check "unknown id alone: counted a warning" contains "$TMP/out" "; 1 warning"

# --- The later one in input order wins ------------------------------------------
printf '%s\n' '{"id":"s4","deleted":true}' \
    '{"id":"s4","title":"Story s 4","body":"harbour ferry council 4"}' \
    '{"id":"s5","title":"Story s 5","body":"harbour ferry council 5"}' \
    '{"id":"s5","deleted":true}' >"$TMP/order.jsonl"
run out err nindex --db "$db" "$TMP/order.jsonl"
check "order: exit 0" is "$rc" 0
check "order: deleted, then sent again: s4 stays" has "$db" s4
check "order: sent, then deleted: s5 goes" hasnt "$db" s5
check "order: one deletion" contains "$TMP/out" "1 deleted"

# --- A JSON array carries them too ----------------------------------------------
printf '[{"id":"s6","deleted":true},\n {"id":"s7","title":"Story s 7","body":"harbour ferry council 7"}]\n' \
    >"$TMP/bulk.json"
run out err nindex --db "$db" "$TMP/bulk.json"
check "array: exit 0" is "$rc" 0
check "array: s6 is gone" hasnt "$db" s6
check "array: one deletion" contains "$TMP/out" "1 deleted"

# --- The dry run counts, touches nothing ------------------------------------------
printf '%s\n' '{"id":"s8","deleted":true}' >"$TMP/s8.jsonl"
run out err nindex --db "$db" --dry-run "$TMP/s8.jsonl"
check "dry run: counts the deletion" contains "$TMP/out" "1 deleted"
check "dry run: s8 is still there" has "$db" s8

# --- --keep-deleted 0: no copy ------------------------------------------------------
rm -rf "$db/deleted"
run out err nindex --db "$db" --keep-deleted 0 "$TMP/s8.jsonl"
check "keep-deleted 0: s8 deleted" hasnt "$db" s8
check "keep-deleted 0: no undo file" is "$(undo_files "$db")" 0

# --- The guard: an export that marks every record deleted -------------------------
python3 - "$TMP/all.jsonl" "$TMP/alldel.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        out.write(json.dumps({"id": json.loads(line)["id"], "deleted": True}) + "\n")
PY
before=$(count "$db") # s0 to s19 but s5, s6, s8; and n1, in no record
rm -rf "$db/deleted"
run out err nindex --db "$db" --dry-run "$TMP/alldel.jsonl"
check "guard: the dry run says it would refuse (exit 5)" is "$rc" 5
run out err nindex --db "$db" "$TMP/alldel.jsonl"
check "guard: refused, exit 5 as a prune's guard" is "$rc" 5
check "guard: says why" contains "$TMP/err" \
    "refusing to delete: it would delete $((before - 1)) of $before articles"
check "guard: nothing deleted" is "$(count "$db")" "$before"
check "guard: no undo file" is "$(undo_files "$db")" 0
check "guard: --max-delete counts them too" sh -c \
    "'$NSEARCH_BIN/nindex' --db '$db' --max-delete 1 --max-delete-share 100 '$TMP/feed.jsonl' '$TMP/order.jsonl' >/dev/null 2>&1; [ \$? = 5 ]"

# --- --prune: a source with deletion records still holds the others ---------------
write_stories "$TMP/p.jsonl" p 20
nindex --quiet --db "$TMP/pdb" "$TMP/p.jsonl"
python3 - "$TMP/p.jsonl" "$TMP/p2.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        rec = json.loads(line)
        if rec["id"] == "p7":
            rec = {"id": "p7", "deleted": True}
        if rec["id"] != "p9":
            out.write(json.dumps(rec) + "\n")
PY
run out err nindex --db "$TMP/pdb" --prune "$TMP/p2.jsonl"
check "prune: exit 0" is "$rc" 0
check "prune: the deletion and the prune, each once" contains "$TMP/out" \
    "0 added, 0 replaced, 18 unchanged, 2 deleted"
check "prune: p7 (its deletion record) is gone" hasnt "$TMP/pdb" p7
check "prune: p9 (not in the source) is gone" hasnt "$TMP/pdb" p9
check "prune: the others stay" is "$(count "$TMP/pdb")" 18
check "prune: one undo file holds both" sh -c \
    "zcat '$TMP/pdb'/deleted/*.jsonl.gz | wc -l | grep -qx 2"
printf '%s\n' '{"id":"p1","deleted":true}' >"$TMP/only.jsonl"
run out err nindex --db "$TMP/pdb" --prune --max-delete-share 100 "$TMP/only.jsonl"
check "prune: a source of deletions alone is no empty source" \
    lacks "$TMP/err" "has no articles"

# --- Kept generations, as --delete --------------------------------------------------
write_stories "$TMP/k.jsonl" k 20
nindex --quiet --db "$TMP/kdb" "$TMP/k.jsonl"
nindex --quiet --db "$TMP/kdb" --rebuild "$TMP/k.jsonl"
printf '%s\n' '{"id":"k3","deleted":true}' >"$TMP/k3.jsonl"
run out err nindex --db "$TMP/kdb" --keep-deleted 0 "$TMP/k3.jsonl"
check "kept: exit 0" is "$rc" 0
check "kept: deleted from the kept generation too" contains "$TMP/out" \
    "; 1 also deleted from 1 kept generation"
check "kept: gen-000001 no longer holds k3" hasnt "$TMP/kdb/gen-000001" k3

# --- --rebuild: a deletion record leaves the article out ----------------------------
cat "$TMP/k.jsonl" >"$TMP/r.jsonl"
printf '%s\n' '{"id":"k5","deleted":true}' '{"id":"nope","deleted":true}' \
    >>"$TMP/r.jsonl"
run out err nindex --db "$TMP/kdb" --rebuild "$TMP/r.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: k5 read, then deleted: left out" hasnt "$TMP/kdb" k5
check "rebuild: counted deleted (left out), not skipped" contains "$TMP/out" \
    "1 deleted, 0 skipped"
check "rebuild: k5 kept in DIR/deleted" \
    sh -c "zcat '$TMP/kdb'/deleted/*.jsonl.gz | grep -q '\"k5\"'"
check "rebuild: an unknown id is said" contains "$TMP/err" \
    "$TMP/r.jsonl:22: no article with id 'nope' to delete"
printf '%s\n' '{"id":"k6","deleted":true}' >"$TMP/k6.jsonl"
run out err nindex --db "$TMP/kdb" --rebuild "$TMP/k6.jsonl" "$TMP/k.jsonl"
check "rebuild: deleted, then sent again: k6 stays" has "$TMP/kdb" k6
finish
