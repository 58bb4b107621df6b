#!/bin/sh
# t155-newest-version.sh - a story is shown by its newest matching copy.
# The match keeps the best-ranked copy of a story version group, usually
# the shortest: the first take of a wire story stood for it, its update
# only named under it.  Now the hit keeps the group's place and score and
# shows the newest copy that matches ("updated", else date; equals keep
# the best-ranked), the others named in `also`; in oldest-first order the
# first version stands for the story.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'JSON'
{"id":"wire-1","title":"Explosion at chemical plant kills two","body":"An explosion at a chemical plant killed two workers.","date":"2026-12-01T08:00:00Z","url":"https://ex.org/wire-1"}
{"id":"wire-1-update","title":"Explosion at chemical plant kills two","body":"An explosion at a chemical plant killed two workers on Tuesday morning, officials said. Firefighters fought the blaze for hours and residents were told to keep their windows shut.","date":"2026-12-01T08:00:00Z","updated":"2026-12-01T12:00:00Z","url":"https://ex.org/wire-1-update"}
{"id":"storm-a","title":"Storm closes coastal roads overnight","body":"Gale warnings: ferries cancelled.","date":"2026-11-01T06:00:00Z"}
{"id":"storm-b","title":"Storm closes coastal roads overnight","body":"Gale warnings along the coast: ferries cancelled, trains slowed and the bridge shut to high vehicles.","date":"2026-11-01T09:00:00Z"}
{"id":"storm-c","title":"Storm closes coastal roads overnight","body":"The coastal roads have reopened after the gale, and the bridge is open again to every vehicle.","date":"2026-11-01T18:00:00Z"}
{"id":"tie-a","title":"Library opens a new reading room","body":"The library reading room opens.","date":"2026-10-01T10:00:00Z"}
{"id":"tie-b","title":"Library opens a new reading room","body":"The library reading room opens on Monday with two hundred seats and a cafe.","date":"2026-10-01T10:00:00Z"}
JSON
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# hits FILE: "id:also,also score" per hit of the JSON in FILE.
hits() {
    python3 -c 'import json, sys
for h in json.load(open(sys.argv[1]))["hits"]:
    print(h["id"] + ":" + ",".join(h["also"]), h["score"])' "$1"
}
search() { nsearch --db "$TMP/db" --json --related 0 --now 2026-12-02 "$@"; }

run out err nsearch --db "$TMP/db" --related 0 'explosion chemical plant'
check "the update stands for the wire story" contains "$TMP/out" \
    "https://ex.org/wire-1-update"
check "its first take is named under it" contains "$TMP/out" \
    "Also: 1 other version: wire-1"
check "the snippet is the update's" contains "$TMP/out" "Firefighters fought"
check "the first take's url is not shown" is \
    "$(grep -cE 'https://ex.org/wire-1( \||$)' "$TMP/out")" 0

search 'explosion chemical plant' >"$TMP/c.json"
search --no-collapse 'explosion chemical plant' >"$TMP/u.json"
check "json: the update, the first take in also" is \
    "$(hits "$TMP/c.json" | cut -d' ' -f1)" "wire-1-update:wire-1"
check "the hit keeps the group's score (its best copy's)" is \
    "$(hits "$TMP/c.json" | cut -d' ' -f2)" \
    "$(hits "$TMP/u.json" | sed -n 1p | cut -d' ' -f2)"
check "uncollapsed, the first take ranks first" is \
    "$(hits "$TMP/u.json" | sed -n 1p | cut -d' ' -f1)" "wire-1:"

search '"chemical plant"' >"$TMP/p.json"
check "a phrase: the update" is "$(hits "$TMP/p.json" | cut -d' ' -f1)" \
    "wire-1-update:wire-1"
check "a phrase: the update's passage marked" python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert "<mark>chemical plant</mark> killed two workers on Tuesday" in h["snippet_html"], h' \
    "$TMP/p.json"

# Without "updated" the date decides; a newer copy that does not match
# stands for nothing.
search ferries >"$TMP/f.json"
check "the newest matching copy, by date" is \
    "$(hits "$TMP/f.json" | cut -d' ' -f1)" "storm-b:storm-a"
search '"ferries cancelled"' >"$TMP/fp.json"
check "a phrase: the newest copy with the phrase" is \
    "$(hits "$TMP/fp.json" | cut -d' ' -f1)" "storm-b:storm-a"
search storm >"$TMP/s.json"
search --no-collapse storm >"$TMP/su.json"
best=$(hits "$TMP/su.json" | sed -n 1p | cut -d: -f1)
check "all match: the newest, the best-ranked first in also" is \
    "$(hits "$TMP/s.json" | cut -d' ' -f1)" \
    "storm-c:$best,$(hits "$TMP/su.json" | cut -d: -f1 | grep -v -e storm-c -e "^$best\$")"
search 'bridge vehicles' >"$TMP/b.json"
check "the copy that does not match is not named" is \
    "$(hits "$TMP/b.json" | cut -d' ' -f1)" "storm-c:storm-b"

search library >"$TMP/t.json"
check "equals: the best-ranked copy stays" is \
    "$(hits "$TMP/t.json" | cut -d' ' -f1)" "tie-a:tie-b"

for order in date recent; do
    search --sort $order 'explosion chemical plant' >"$TMP/o.json"
    check "--sort $order: the update" is \
        "$(hits "$TMP/o.json" | cut -d' ' -f1)" "wire-1-update:wire-1"
done
search --sort oldest 'explosion chemical plant' >"$TMP/o.json"
check "--sort oldest: the first take stands for the story" is \
    "$(hits "$TMP/o.json" | cut -d' ' -f1)" "wire-1:wire-1-update"
search --sort oldest storm >"$TMP/o.json"
check "--sort oldest: the first version by date" is \
    "$(hits "$TMP/o.json" | cut -d' ' -f1 | cut -d: -f1)" "storm-a"

# An index without group terms collapses phrase pages in the match.
xapian-metadata set "$TMP/db/current" nsearch.groups ""
search '"chemical plant"' >"$TMP/p2.json"
check "no group terms, a phrase: the update" is \
    "$(hits "$TMP/p2.json" | cut -d' ' -f1)" "wire-1-update:wire-1"
search '"ferries cancelled"' >"$TMP/fp2.json"
check "no group terms, a phrase: by date" is \
    "$(hits "$TMP/fp2.json" | cut -d' ' -f1)" "storm-b:storm-a"

check "server starts" start_server
get h.json "/v1/search?q=explosion%20chemical%20plant&related=0"
check "nsearchd: 200" is "$code" 200
check "nsearchd: the update, the first take in also" json h.json \
    'd["hits"][0]["id"] == "wire-1-update" and d["hits"][0]["also"] == ["wire-1"] and "Firefighters" in d["hits"][0]["snippet"]'

finish
