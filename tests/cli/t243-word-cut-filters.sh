#!/bin/sh
# t243-word-cut-filters.sh - Past the 100th word a query is cut, but the
# filters and exclusions after the cut are kept (common/limits.cc): they
# rank nothing.  Cut with the words, "(cocoa OR w1 ... w110)
# section:cocoa" on Reuters found 128 stories of every section for the
# 67 of cocoa, and "... NOT ghana" 128 for 104.  The warning names the
# words left out, and "No matches for" shows a long query cut short.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
for i in range(24):
    print(json.dumps({
        "id": "c%d" % i, "title": "Cocoa report %d" % i,
        "body": "Cocoa prices moved%s." % (" in Ghana" if i % 3 == 0 else ""),
        "section": "cocoa" if i % 2 == 0 else "grain",
        "tags": ["west africa"] if i % 4 == 0 else [],
        "date": "2025-%02d-10T00:00:00Z" % (1 + i % 3)}))
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# total QUERY: the number of matches, the warning in $TMP/err.
total() {
    nsearch --db "$TMP/db" --json --limit 0 --related 0 --no-collapse "$1" \
        2>"$TMP/err" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
w=$(python3 -c 'print(" OR ".join(["cocoa"] + ["zzqx%d" % i for i in range(110)]))')

check "within the limit: 24 cocoa stories" is "$(total cocoa)" 24
check "section:cocoa before the words: 12" is "$(total "section:cocoa ($w)")" 12
check "section:cocoa after the 100th word kept: 12" \
    is "$(total "($w) section:cocoa")" 12
check "the warning names the words left out" contains "$TMP/err" \
    "query has 111 words; only the first 100 were searched (left out: zzqx99 ... zzqx109)"
check "date: after the 100th word kept" is "$(total "($w) date:2025-02")" 8
check "tag: after the 100th word kept" is "$(total "($w) tag:\"west africa\"")" 6
check "NOT ghana after the 100th word kept" is "$(total "($w) NOT ghana")" 16
check "-ghana after the 100th word kept" is "$(total "($w) -ghana")" 16
check "filter and exclusion together" \
    is "$(total "($w) section:cocoa -ghana")" 8
check "a group excluded after the cut is left out, not half read" \
    is "$(total "($w) NOT (ghana OR zzz)")" 24

# No matches: the query shown back is cut, not 1,000 bytes of words.
zz=$(python3 -c 'print(" ".join("zzqx%d" % i for i in range(200)))')
nsearch --db "$TMP/db" --related 0 "$zz" >"$TMP/out" 2>/dev/null
check "no matches: said" contains "$TMP/out" 'No matches for "zzqx0 zzqx1'
check "no matches: the query cut to 200 bytes with ..." \
    is "$(awk '/No matches/ { print (length($0) < 260 && index($0, " ...\".")) ? "short" : "long" }' "$TMP/out")" short

# nsearchd: the same cut, the same count.
check "server starts" start_server
q=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "($w) section:cocoa")
get r.json "/v1/search?q=$q&limit=0"
check "nsearchd: 200" is "$code" 200
check "nsearchd: section:cocoa after the cut kept" json r.json \
    'd["total"] == 12 and "left out: zzqx99 ... zzqx109" in d["warning"]'
finish
