#!/bin/sh
# t515-nsearchd-limits.sh - The parameter limits the README states for
# /v1/search, on both sides of each line: limit 0-100, offset 0-10000,
# related 0-20, q up to 4096 bytes.  t510 checks the refusals; this checks
# that the last allowed value is served, and served in full, so that a
# tightened limit fails too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# 120 short articles, so that limit=100 has 100 hits to give.
python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(120):
        f.write(json.dumps({"id": "n%d" % i, "title": "Harbour note %d" % i,
                            "body": "harbour ferry note %d" % i,
                            "date": "2025-06-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# hits FILE: the number of hits in $TMP/FILE.
hits() { grep -o '"rank":' "$TMP/$1" | wc -l | tr -d ' '; }

get l100.json '/v1/search?q=harbour&limit=100&related=0'
check "limit=100: 200" is "$code" 200
check "limit=100: 100 hits" is "$(hits l100.json)" 100
get l101.json '/v1/search?q=harbour&limit=101'
check "limit=101: 400" is "$code" 400
get l0.json '/v1/search?q=harbour&limit=0'
check "limit=0: 200, no hits" is "$code:$(hits l0.json)" "200:0"

get o.json '/v1/search?q=harbour&offset=10000'
check "offset=10000: 200" is "$code" 200
check "offset=10000: past the end, no hits" is "$(hits o.json)" 0
get o2.json '/v1/search?q=harbour&offset=110&limit=100&related=0'
check "offset=110: the last 10" is "$(hits o2.json)" 10
get o3.json '/v1/search?q=harbour&offset=10001'
check "offset=10001: 400" is "$code" 400

get r.json '/v1/search?q=harbour&related=20&now=2025-06-28'
check "related=20: 200" is "$code" 200
check "related=20: a list of at most 20" json r.json 'len(d["related"]) <= 20'
get r2.json '/v1/related/n5?related=20&now=2025-06-28'
check "related/{id} related=20: 200" is "$code" 200
get r3.json '/v1/related/n5?related=21'
check "related/{id} related=21: 400" is "$code" 400

# q: 4096 bytes are served, 4097 are 414.
q4096=$(python3 -c 'print(("harbour " * 600)[:4096])')
q4097=$(python3 -c 'print(("harbour " * 600)[:4097])')
get q1.json "/v1/search?q=$(printf '%s' "$q4096" | sed 's/ /+/g')&related=0"
check "q of 4096 bytes: 200" is "$code" 200
check "q of 4096 bytes: answered" test "$(hits q1.json)" -gt 0
get q2.json "/v1/search?q=$(printf '%s' "$q4097" | sed 's/ /+/g')"
check "q of 4097 bytes: 414" is "$code" 414

# The CLI's own caps (README: --limit at most 10000, --related-to's list).
run out err nsearch --db "$TMP/db" --json --limit 10000 --related 0 harbour
check "nsearch --limit 10000: all 120" is "$(grep -o '"rank":' "$TMP/out" | wc -l | tr -d ' ')" 120

finish
