#!/bin/sh
# t272-sidebar-versions.sh - the related posts list each other story once,
# by the copy a search shows, and never the article's own update or
# correction; a hit's "Also" line counts every other version, also past
# the 20 it lists.  Before, an update that added a paragraph fell below
# the overlap of both word sets and was listed as a story of its own, a
# story was linked by its best-scoring (older) copy, and 24 other
# versions were "20 other versions".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
lead = ("Dock workers at Port Aldmoor walked off the job on Monday, halting "
        "container cranes and leaving twelve cargo ships anchored offshore. "
        "The harbour union said its members want a new pay scale, shorter "
        "night shifts and safety rails on every gantry. Port managers called "
        "the stoppage unlawful and asked a labour court to order the crews "
        "back. Grain exporters warned that wheat cargoes bound for Egypt "
        "could miss their loading dates, and a shipping agent estimated the "
        "delay cost at two million dollars a day. Truckers queued for miles "
        "along the coastal highway while customs officers waited idle.")
added = (" Talks resumed late on Tuesday under a mediator appointed by the "
         "transport ministry, who said both sides had agreed to meet again "
         "on Thursday morning before the weekly council session. Rail "
         "freight operators added extra wagons to move containers inland.")
follow = ("Port Aldmoor reopened its container terminal after dock workers "
          "and harbour managers signed a pay deal, ending a strike that "
          "stranded cargo ships offshore. The union won shorter night "
          "shifts and gantry safety rails; the labour court case was "
          "dropped. Wheat exporters began loading ships for Egypt again, "
          "and truckers on the coastal highway saw the queues clear.")
arts = [
    {"id": "strike", "title": "Dock strike halts cranes at Port Aldmoor",
     "body": lead, "date": "2026-03-01T09:00:00Z"},
    {"id": "strike-update",
     "title": "Port Aldmoor strike enters second day as talks resume",
     "body": lead + added, "date": "2026-03-02T08:00:00Z"},
    {"id": "strike-corrected",
     "title": "CORRECTED - Dock strike halts cranes in Port Aldmoor harbour",
     "body": lead.replace("twelve", "eleven") +
     " Corrects number of ships in first paragraph.",
     "date": "2026-03-01T15:00:00Z"},
    # The follow-up story, filed twice: the first take is the shorter and
    # scores best; its later copy is what a search shows.
    {"id": "deal-first", "title": "Port Aldmoor dockers end strike with pay deal",
     "body": follow, "date": "2026-03-05T06:00:00Z"},
    {"id": "deal-latest", "title": "Port Aldmoor dockers end strike with pay deal",
     "body": follow + " The first ship left the harbour at dusk, its "
     "captain sounding the horn as families watched from the breakwater "
     "and the lighthouse keeper waved a flag from the old stone tower.",
     "date": "2026-03-05T11:00:00Z"},
]
for i in range(25):
    arts.append({"id": "silo-%02d" % i,
                 "title": "Grain silo fire burns for third night",
                 "body": "Firefighters kept water on the grain silo, copy %d." % i,
                 "date": "2026-02-%02dT10:00:00Z" % (i + 1 if i < 28 else 28)})
with open(sys.argv[1], "w") as f:
    for a in arts:
        f.write(json.dumps(a) + "\n")
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# related FILE: the ids of the "related" list of the JSON in FILE.
related() {
    python3 -c 'import json, sys
print(" ".join(sorted(r["id"] for r in json.load(open(sys.argv[1]))["related"])))' "$1"
}

nsearch --db "$TMP/db" --json --related-to strike --now 2026-03-10 \
    --recent-days 30 --related 5 >"$TMP/r.json"
got=$(related "$TMP/r.json")
check "the article's update is not a related post ($got)" \
    sh -c "! echo '$got' | grep -qw strike-update"
check "nor its correction ($got)" \
    sh -c "! echo '$got' | grep -qw strike-corrected"
check "the follow-up is listed by its latest copy ($got)" is "$got" "deal-latest"

# The update's sidebar leaves out the first take and its correction too.
nsearch --db "$TMP/db" --json --related-to strike-update --now 2026-03-10 \
    --recent-days 30 --related 5 >"$TMP/u.json"
check "the update's sidebar: the follow-up alone" is \
    "$(related "$TMP/u.json")" "deal-latest"

# A search shows the same copy the sidebar links.
nsearch --db "$TMP/db" --json --related 0 'dockers pay deal' >"$TMP/s.json"
check "search shows the copy the sidebar links" python3 -c 'import json, sys
h = json.load(open(sys.argv[1]))["hits"]
sys.exit(0 if h and h[0]["id"] == "deal-latest" else 1)' "$TMP/s.json"

# 24 other versions, 20 of them listed.
run out err nsearch --db "$TMP/db" --related 0 'grain silo fire'
check "the Also line counts all 24 ($(grep Also "$TMP/out"))" contains \
    "$TMP/out" "Also: 24 other versions (20 listed): "
check "and lists 20" is "$(grep 'Also:' "$TMP/out" | sed 's/.*listed)://' |
    wc -w)" 20
nsearch --db "$TMP/db" --json --related 0 'grain silo fire' >"$TMP/g.json"
check "JSON also_total 24 beside 20 ids" python3 -c 'import json, sys
h = json.load(open(sys.argv[1]))["hits"]
sys.exit(0 if h and len(h[0]["also"]) == 20 and
         h[0].get("also_total") == 24 else 1)' "$TMP/g.json"
check "no also_total where the list is whole" python3 -c 'import json, sys
h = json.load(open(sys.argv[1]))["hits"]
sys.exit(0 if h and all("also_total" not in x for x in h) else 1)' "$TMP/s.json"

# The socket API answers as the command does.
check "server starts" start_server
get rel "/v1/related/strike?now=2026-03-10&recent_days=30"
check "GET /v1/related/strike 200 ($code)" is "$code" 200
check "the server's sidebar is the follow-up's latest copy" is \
    "$(related "$TMP/rel")" "deal-latest"
get q "/v1/search?q=grain+silo+fire&related=0"
check "the server's hit has also_total 24" json q \
    'len(d["hits"][0]["also"]) == 20 and d["hits"][0]["also_total"] == 24'
finish
