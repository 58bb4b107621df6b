#!/bin/sh
# t126-label-case.sh - Sections and tags are compared without case for
# every letter, not only A-Z (README "Query language", "Facets"):
# tag:ØSTLANDET finds what tag:østlandet finds, a section written
# Østlandet and østlandet is one facet value, whose count is what its
# filter finds; the same through nsearchd's section= and tag=.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"a1","title":"Regn på Østlandet","body":"Det regner mye.","section":"Østlandet","date":"2025-09-01T10:00:00Z","lang":"no","tags":["Vær","Østlandet"]}
{"id":"a2","title":"Sol over Vestlandet","body":"Det blir sol.","section":"østlandet","date":"2025-09-02T10:00:00Z","lang":"no","tags":["VÆR","Vestlandet"]}
{"id":"a3","title":"Storm warning for the coast","body":"A storm is expected.","section":"ÉCONOMIE","date":"2025-09-03T10:00:00Z","lang":"en","tags":["Économie","vær"]}
J
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

total() {
    nsearch --db "$TMP/db" --json -n 0 --related 0 "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
for q in section:østlandet section:Østlandet section:ØSTLANDET; do
    check "$q: both articles" is "$(total "$q")" 2
done
for q in section:économie section:Économie section:ÉCONOMIE; do
    check "$q: one article" is "$(total "$q")" 1
done
for q in tag:vær tag:Vær tag:VÆR; do
    check "$q: all three" is "$(total "$q")" 3
done
check "tag:ØSTLANDET: one" is "$(total tag:ØSTLANDET)" 1

# Facets: one value per label, counted as its filter counts.
nsearch --db "$TMP/db" --json -n 0 --related 0 --facets section,tag "" \
    >"$TMP/f.json"
check "facets: one value per label, with the filter's count" python3 - \
    "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
sections = sorted((v["value"].lower(), v["count"]) for v in f["section"])
assert sections == [("économie", 1), ("østlandet", 2)], sections
tags = sorted((v["value"].lower(), v["count"]) for v in f["tag"])
assert tags == [("vestlandet", 1), ("vær", 3), ("économie", 1),
                ("østlandet", 1)], tags
PY

. "$(dirname "$0")/server.sh"
check "nsearchd: starts" start_server
get s1 '/v1/search?section=%C3%98STLANDET&related=0'
check "nsearchd section=ØSTLANDET: both" json s1 'd["total"] == 2'
get s2 '/v1/search?tag=V%C3%86R&related=0'
check "nsearchd tag=VÆR: all three" json s2 'd["total"] == 3'
kill "$server_pid"

finish
