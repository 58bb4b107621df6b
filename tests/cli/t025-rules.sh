#!/bin/sh
# t025-rules.sh - The limits and refusals the README states for nindex,
# each checked on both sides of its line and by what ends up in the index
# (not only by the message): ids and labels up to 200 bytes, records up to
# 16 MiB, integer ids, control characters, --prune's refusals, --keep, a
# plain Xapian database refused by --rebuild, an interrupted run.
. "$(dirname "$0")/lib.sh"

# ids QUERY: the ids found, sorted, space-separated.
ids() {
    nsearch --db "$1" --json --related 0 --limit 1000 -- "$2" |
        grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' | sort | tr '\n' ' ' |
        sed 's/ $//'
}
total() {
    nsearch --db "$1" --json --related 0 --limit 0 --no-collapse -- "" |
        sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

# --- Ids: 200 bytes pass, 201 are refused; a label of 201 is left out ----
python3 - "$TMP" <<'PY'
import json, os, sys
t = sys.argv[1]
id200, id201 = "i" * 200, "j" * 201
lab200, lab201 = "L" * 200, "M" * 201
with open(os.path.join(t, "limits.jsonl"), "w") as f:
    rows = [
        {"id": id200, "title": "id at the limit"},
        {"id": id201, "title": "id over the limit"},
        {"id": "sec200", "title": "section at the limit", "section": lab200},
        {"id": "sec201", "title": "section over the limit", "section": lab201},
        {"id": "aut200", "title": "author at the limit", "author": lab200},
        {"id": "aut201", "title": "author over the limit", "author": lab201},
        {"id": "tag200", "title": "tag at the limit", "tags": ["ok", lab200]},
        {"id": "tag201", "title": "tag over the limit", "tags": ["ok", lab201]},
        {"id": 4711, "title": "integer id"},
        {"id": "ctl", "title": "Control\u0001characters", "body": "line one\r\nline\u0007two"},
    ]
    for r in rows:
        f.write(json.dumps(r) + "\n")
# A text file of 16 MiB + 1 byte: the record limit applies to files as to
# lines (one of 16 MiB would take seconds to index; t020 has the line).
with open(os.path.join(t, "big.md"), "w") as f:
    f.write("---\nid: big\ntitle: big file\n---\n")
    f.write("word " * ((16 << 20) // 5 + 1))
with open(os.path.join(t, "fits.md"), "w") as f:
    f.write("---\nid: fits\ntitle: file that fits\n---\nA short body.\n")
PY
run out err nindex --db "$TMP/db" "$TMP/limits.jsonl"
check "records over a limit: exit 3" is "$rc" 3
# A byline over the limit keeps its article, without the name that does
# not fit (as a list of bylines keeps the names that fit); a section or tag
# over it keeps its article without that label.
check "records over a limit: 1 skipped, 9 added" contains "$TMP/out" "9 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
check "a byline over the limit: the article, without it" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run([sys.argv[1] + "/nsearch", "--db", sys.argv[2],
    "--json", "--related", "0", "id:aut201"], capture_output=True).stdout)
assert [h["author"] for h in d["hits"]] == [None], d["hits"]' "$NSEARCH_BIN" "$TMP/db"
id200=$(printf 'i%.0s' $(seq 200))
check "id of 200 bytes indexed" is "$(ids "$TMP/db" "id:$id200")" "$id200"
check "labels of 201 bytes: the articles, without them" is "$(ids "$TMP/db" 'title:over AND title:limit')" "aut201 sec201 tag201"
check "of tags, the one of 201 bytes left out" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run([sys.argv[1] + "/nsearch", "--db", sys.argv[2],
    "--json", "--limit", "0", "--facets", "section,tag",
    "id:tag201 OR id:sec201"], capture_output=True).stdout)["facets"]
assert d["counted"] == 2 and d["section"] == [], d
assert [t["value"] for t in d["tag"]] == ["ok"], d' "$NSEARCH_BIN" "$TMP/db"
check "a label over the limit named, with its start" contains "$TMP/err" "limits.jsonl:4: section \"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM…\" is longer than 200 bytes; left out"
check "labels of 200 bytes indexed" is "$(ids "$TMP/db" 'title:at AND title:limit')" \
    "aut200 $id200 sec200 tag200"
check "id over 200 bytes reported" contains "$TMP/err" "limits.jsonl:2: id is longer than 200 bytes"
check "integer id indexed as text" is "$(ids "$TMP/db" 'id:4711')" "4711"
nsearch --db "$TMP/db" --json --related 0 'id:ctl' >"$TMP/ctl.json"
check "control characters become spaces, CR LF becomes LF" python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == "Control characters", h
assert h["snippet"].startswith("line one"), h' "$TMP/ctl.json"
run out err nindex --db "$TMP/db" "$TMP/big.md" "$TMP/fits.md"
check "file over 16 MiB: exit 3" is "$rc" 3
check "file over 16 MiB skipped, one under it added" contains "$TMP/out" "1 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
check "file over 16 MiB not indexed" is "$(ids "$TMP/db" 'id:big')" ""
check "the small file beside it indexed" is "$(ids "$TMP/db" 'id:fits')" "fits"
rm -f "$TMP/big.md" "$TMP/fits.md"

# --- --prune: never after a skipped record or an unreadable source ----------
printf '%s\n' '{"id":"p1","title":"kept one"}' '{"id":"p2","title":"kept two"}' \
    '{"id":"gone","title":"only in the first run"}' >"$TMP/p-all.jsonl"
printf '%s\n' '{"id":"p1","title":"kept one"}' '{"id":"p2","title":"kept two"}' >"$TMP/p-two.jsonl"
nindex --quiet --db "$TMP/p" "$TMP/p-all.jsonl"
# A bad record: 'gone' is not in the sources, and must stay anyway.
{ cat "$TMP/p-two.jsonl"; echo '{"id":"bad"'; } >"$TMP/p-bad.jsonl"
run out err nindex --db "$TMP/p" --prune "$TMP/p-bad.jsonl"
check "prune after a skipped record: exit 4" is "$rc" 4
check "prune after a skipped record: nothing deleted" is "$(ids "$TMP/p" '')" "gone p1 p2"
check "prune after a skipped record: says so" contains "$TMP/err" "not pruning"
# A source that cannot be read.
run out err nindex --db "$TMP/p" --prune "$TMP/p-two.jsonl" "$TMP/no-such.jsonl"
check "prune with a missing source: exit 1" is "$rc" 1
check "prune with a missing source: nothing deleted" is "$(ids "$TMP/p" '')" "gone p1 p2"
# And it does prune when all is well (so the two above are refusals).
run out err nindex --db "$TMP/p" --prune --max-delete-share 50 "$TMP/p-two.jsonl"
check "prune: exit 0" is "$rc" 0
check "prune deletes what is no longer there" is "$(ids "$TMP/p" '')" "p1 p2"

# --- --keep N --------------------------------------------------------------
for i in 1 2 3; do nindex --quiet --db "$TMP/k" --rebuild --keep 1 "$TMP/p-all.jsonl"; done
check "--keep 1: one generation left" is "$(ls -d "$TMP/k"/gen-* | wc -l | tr -d ' ')" 1
check "--keep 1: the live one" is "$(readlink "$TMP/k/current")" gen-000003
run out err nindex --db "$TMP/k" --rollback
check "--keep 1: nothing to roll back to (exit 1)" is "$rc" 1
check "--keep 1: still live after the refused rollback" is "$(total "$TMP/k")" 3
for i in 1 2 3; do nindex --quiet --db "$TMP/k3" --rebuild --keep 3 "$TMP/p-all.jsonl"; done
nindex --quiet --db "$TMP/k3" --rebuild --keep 3 --max-delete-share 50 "$TMP/p-two.jsonl"
check "--keep 3: three generations" is "$(ls -d "$TMP/k3"/gen-* | wc -l | tr -d ' ')" 3

# --- A rebuild with a source that cannot be read is not published ---------
live=$(readlink "$TMP/k3/current")
run out err nindex --db "$TMP/k3" --rebuild "$TMP/p-all.jsonl" "$TMP/no-such.jsonl"
check "rebuild with a missing source: exit 1" is "$rc" 1
check "rebuild with a missing source: current unchanged" is "$(readlink "$TMP/k3/current")" "$live"
check "rebuild with a missing source: same articles" is "$(ids "$TMP/k3" '')" "p1 p2"

# --- --rebuild needs an index directory ------------------------------------
nindex --quiet --db "$TMP/k" --rollback 2>/dev/null
cp -r "$TMP/k/gen-000003" "$TMP/plain"
run out err nindex --db "$TMP/plain" --rebuild "$TMP/p-two.jsonl"
check "rebuild of a plain Xapian database: exit 1" is "$rc" 1
check "plain database untouched" is "$(total "$TMP/plain")" 3
check "no generation made inside it" sh -c "! ls -d '$TMP/plain'/gen-* '$TMP/plain'/current 2>/dev/null"
# An update of it works (README: searched and updated too).
run out err nindex --db "$TMP/plain" "$TMP/limits.jsonl"
check "plain database can be updated" is "$(ids "$TMP/plain" 'id:4711')" "4711"

# --- Interrupted: exit 1, committed batches stay -----------------------------
python3 - "$TMP/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(50000):
        f.write(json.dumps({"id": "m%d" % i, "title": "Item %d" % i, "body": "tide ferry quay %d" % i}) + "\n")
PY
"$NSEARCH_BIN/nindex" --quiet --db "$TMP/int" --commit-every 100 "$TMP/many.jsonl" \
    >"$TMP/out" 2>"$TMP/err" &
pid=$!
# Wait for the first batches to be committed, then interrupt.
i=0
while [ $i -lt 100 ]; do
    n=$(total "$TMP/int" 2>/dev/null)
    [ "${n:-0}" -ge 300 ] && break
    sleep 0.1
    i=$((i + 1))
done
kill -TERM $pid
wait $pid
rc=$?
check "SIGTERM: exit 1" is "$rc" 1
n=$(total "$TMP/int")
check "SIGTERM: committed batches stay ($n)" test "$n" -ge 300 -a "$n" -lt 50000
check "SIGTERM: says it was interrupted" grep -q "interrupted" "$TMP/err"

finish
