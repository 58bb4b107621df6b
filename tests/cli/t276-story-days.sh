#!/bin/sh
# t276-story-days.sh - Copies of a story are grouped only when their dates
# are close.  Grouped by the headline alone, different stories that share
# a headline on different days were one hit with the rest hidden: three
# Bundesbank council meetings two weeks apart under "BUNDESBANK LEAVES
# CREDIT POLICIES UNCHANGED" were one, and so was every day of a column
# with a fixed headline (on Reuters 259 articles were hidden so).  A copy
# joins a group when its date is within two days of the group's first;
# an undated copy is grouped by its headline alone, as before.
. "$(dirname "$0")/lib.sh"

# stories FILE [reverse]: the test's articles, in date order or reversed.
stories() {
    python3 - "$@" <<'PY'
import json, sys
bb = "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED"
col = "Currency markets at a glance this morning"
arts = [
    ("bb-1", bb, "1987-03-05T10:00:00Z"),
    ("bb-upd", "UPDATE 1-" + bb, "1987-03-06T09:00:00Z"),
    ("bb-2", bb, "1987-03-19T10:00:00Z"),
    ("bb-3", bb, "1987-04-02T10:00:00Z"),
] + [("col-%d" % d, col, "1987-05-%02dT07:00:00Z" % d) for d in range(1, 7)] + [
    ("und-1", "Harbour council votes on the ferry budget", None),
    ("und-2", "UPDATE 1-Harbour council votes on the ferry budget", None),
]
if len(sys.argv) > 2:
    arts.reverse()
with open(sys.argv[1], "w") as f:
    for id, title, date in arts:
        a = {"id": id, "title": title, "body": "Marker%s story %s."
             % (id.split("-")[0], id)}
        if date:
            a["date"] = date
        f.write(json.dumps(a) + "\n")
PY
}

# groups DB WORD: the total of a search for WORD and its hits, each with
# its other copies: "3 bb-1:bb-upd bb-2: bb-3:".
groups() {
    nsearch --db "$1" --json --related 0 --limit 50 "marker$2" | python3 -c '
import json, sys
r = json.load(sys.stdin)
hits = []
for h in r["hits"]:
    ids = sorted([h["id"]] + h["also"])
    hits.append(ids[0] + ":" + ",".join(ids[1:]))
print(r["total"], " ".join(sorted(hits)))'
}

stories "$TMP/src.jsonl"
db="$TMP/db"
run out err nindex --db "$db" "$TMP/src.jsonl"
check "index: exit 0" is "$rc" 0
check "index: every article indexed" is "$(count "$db")" 12

BB="3 bb-1:bb-upd bb-2: bb-3:"
COL="2 col-1:col-2,col-3 col-4:col-5,col-6"
check "same headline two weeks apart: three hits, the update with its first take" \
    is "$(groups "$db" bb)" "$BB"
check "a daily column: a new group past two days from the group's first" \
    is "$(groups "$db" col)" "$COL"
check "undated copies: grouped by the headline" \
    is "$(groups "$db" und)" "1 und-1:und-2"
run out err nsearch --db "$db" --json --limit 0 --related 0 ""
check "the archive's total counts the stories apart" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["total"] == 6' "$TMP/out"

# Replacing an article keeps its group, or moves it with its date.
printf '%s\n' '{"id": "bb-upd", "title": "UPDATE 2-BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED", "date": "1987-03-06T11:00:00Z", "body": "Markerbb story bb-upd, rewritten."}' \
    '{"id": "bb-3", "title": "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED", "date": "1987-04-02T10:00:00Z", "body": "Markerbb story bb-3, corrected."}' \
    >"$TMP/fix.jsonl"
run out err nindex --db "$db" "$TMP/fix.jsonl"
check "replacement: exit 0" is "$rc" 0
check "replacement: the groups stay" is "$(groups "$db" bb)" "$BB"
printf '%s\n' '{"id": "bb-2", "title": "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED", "date": "1987-03-07T10:00:00Z", "body": "Markerbb story bb-2, redated."}' \
    >"$TMP/move.jsonl"
nindex --quiet --db "$db" "$TMP/move.jsonl"
check "replacement: a copy redated into a group's window joins it" \
    is "$(groups "$db" bb)" "2 bb-1:bb-2,bb-upd bb-3:"

# Deleting a group's first copy leaves the rest one group.
nindex --quiet --db "$db" --delete bb-1
check "delete: the rest of the group stays one" \
    is "$(groups "$db" bb)" "2 bb-2:bb-upd bb-3:"

# The same articles added newest first, and rebuilt in two shards.
stories "$TMP/rev.jsonl" reverse
nindex --quiet --db "$TMP/rev" "$TMP/rev.jsonl"
check "newest first: the same story groups" \
    is "$(groups "$TMP/rev" bb)" "$BB"
nindex --quiet --db "$TMP/reb" --rebuild --jobs 2 "$TMP/src.jsonl"
check "rebuild in two shards: the same groups as an update" \
    is "$(groups "$TMP/reb" bb) $(groups "$TMP/reb" col)" "$BB $COL"
check "rebuild: one copy per id" is "$(count "$TMP/reb")" 12

finish
