#!/bin/sh
# t629-last-page-total.sh - The last page's total is exact, also when it
# fills its limit.  Past 1,000 matches a collapsed page's total is an
# estimate; a short last page set it to the hits seen, but a last page
# that exactly filled its limit kept the estimate (samples and BBC News:
# `said -n 7 --offset 1813` said about 1,842 with no more hits, where -n 8
# and -n 0 said 1,820), so the pages did not add up to their total.
. "$(dirname "$0")/lib.sh"

# The samples and BBC News: `said` has more than 1,000 stories, and a
# page's total is an estimate.
bbc=$SHARED/corpora/bbc/articles.jsonl.gz
if [ ! -f "$bbc" ]; then
    echo "skipped: no $bbc"
    finish
    exit 0
fi
nindex --quiet --db "$TMP/db" "$SAMPLES" "$bbc"

# page ARGS...: "TOTAL EXACT HAS_MORE HITS" of a JSON search for said.
page() {
    nsearch --db "$TMP/db" --json --related 0 "$@" -- said |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], d["total_exact"], d["has_more"], len(d["hits"]))'
}

n=$(page -n 0 | cut -d' ' -f1)
check "-n 0: over 1000 stories, exact ($n), no next page" is "$(page -n 0)" "$n True False 0"
check "a first page: an estimate" is "$(page -n 10 | cut -d' ' -f2)" False
check "a last page of 10 that fills its limit: exact" is \
    "$(page -n 10 --offset $((n - 10)))" "$n True False 10"
check "a last page of 7: exact" is "$(page -n 7 --offset $((n - 7)))" \
    "$n True False 7"
check "... newest first" is "$(page -n 7 --offset $((n - 7)) --sort date)" \
    "$n True False 7"
check "... oldest first" is "$(page -n 7 --offset $((n - 7)) --sort oldest)" \
    "$n True False 7"
check "a short last page: exact, as before" is \
    "$(page -n 8 --offset $((n - 7)))" "$n True False 7"
check "not the last page: more" is \
    "$(page -n 7 --offset $((n - 8)) | cut -d' ' -f3)" True
na=$(page -n 0 --no-collapse | cut -d' ' -f1)
check "not collapsed, the last full page: exact" is \
    "$(page -n 10 --offset $((na - 10)) --no-collapse)" "$na True False 10"
# The pages concatenate to exactly total hits.
all=$(i=0; while [ $i -lt $n ]; do
    nsearch --db "$TMP/db" --json --related 0 -n 200 --offset $i -- said |
        python3 -c 'import json, sys
for h in json.load(sys.stdin)["hits"]: print(h["id"])'
    i=$((i + 200)); done | sort -u | wc -l)
check "pages of 200 list $n stories" is "$all" "$n"

. "$(dirname "$0")/server.sh"
check "server starts" start_server
http_page() {
    get r.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["total"], d["total_exact"], d["has_more"], len(d["hits"]))' "$TMP/r.json"
}
check "nsearchd: the last full page exact" is \
    "$(http_page "/v1/search?q=said&limit=10&offset=$((n - 10))&related=0")" \
    "$n True False 10"
check "nsearchd: newest first too" is \
    "$(http_page "/v1/search?q=said&limit=10&offset=$((n - 10))&sort=date&related=0")" \
    "$n True False 10"
check "nsearchd: the same as nsearch --json" is \
    "$(http_page "/v1/search?q=said&limit=7&offset=$((n - 7))&related=0")" \
    "$(page -n 7 --offset $((n - 7)))"
finish
