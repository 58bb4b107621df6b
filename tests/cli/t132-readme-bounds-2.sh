#!/bin/sh
# t132-readme-bounds-2.sh - nsearchd lists 5 related posts by default, on
# /v1/search and on /v1/related/{id}, as README says, when more qualify.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

# A seed story and eight follow-ups within 30 days, each with words of
# its own (no two near-duplicates).
python3 - "$TMP/r.jsonl" <<'PY'
import json, sys
story = "avalanche closes mountain pass road rescue teams search skiers valley"
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "seed", "title": "Avalanche closes the mountain pass",
                        "body": story + " qwertyseed", "date": "2025-06-20T10:00:00Z",
                        "lang": "en"}) + "\n")
    for i in range(8):
        own = " ".join("u%dw%d" % (i, k) for k in range(12))
        f.write(json.dumps({"id": "f%d" % i, "title": "Follow-up number %d on the pass" % i,
                            "body": story + " " + own,
                            "date": "2025-06-%02dT10:00:00Z" % (10 + i), "lang": "en"}) + "\n")
PY
check "fixture indexed" nindex --quiet --db "$TMP/db" "$TMP/r.jsonl"
nsearch --db "$TMP/db" --json --related-to seed --now 2025-06-21 --related 20 >"$TMP/all.json"
check "more than 5 qualify" json all.json 'len(d["related"]) > 5'
nsearch --db "$TMP/db" --json --now 2025-06-21 --related 20 qwertyseed >"$TMP/alls.json"
check "more than 5 qualify for the search" json alls.json \
    'len(d["related"]) > 5 and [h["id"] for h in d["hits"]] == ["seed"]'

check "server starts" start_server
get s.json '/v1/search?q=qwertyseed&now=2025-06-21'
check "search: 200" is "$code" 200
check "search: 5 related by default" json s.json 'len(d["related"]) == 5'
get r.json '/v1/related/seed?now=2025-06-21'
check "related: 200" is "$code" 200
check "related: 5 by default" json r.json 'len(d["related"]) == 5'
nsearch --db "$TMP/db" --json --related-to seed --now 2025-06-21 --related 5 >"$TMP/cli.json"
check "related: the CLI's five" python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
sys.exit(0 if [r["id"] for r in a["related"]] == [r["id"] for r in b["related"]] else 1)' \
    "$TMP/r.json" "$TMP/cli.json"

finish
