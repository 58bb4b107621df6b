#!/bin/sh
# t107-every-article-total.sh - The total of the every-article query ('' or
# '*'), collapsed, is the archive's count of its stories, exact, whatever
# the order and the page: it was Xapian's count as far as its match ran,
# which the order and the page decide (on Reuters and BBC News 22,824
# exact newest first with --limit 0, "about 22,970" with a page, 23,802
# oldest first or by relevance).
. "$(dirname "$0")/lib.sh"

# 1,200 stories of two versions each (a day apart), and 300 notes whose
# titles are too short to group: 1,500 stories in 2,700 articles.
python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(1200):
        for v in range(2):
            f.write(json.dumps({
                "id": "s%d-v%d" % (i, v),
                "title": "Harbour council story number %d" % i,
                "body": "The harbour council met, version %d." % v,
                "date": "2024-%02d-%02dT%02d:00:00Z"
                        % (1 + i % 12, 1 + v * 10 + i % 9, i % 24)}) + "\n")
    for i in range(300):
        f.write(json.dumps({
            "id": "n%d" % i, "title": "Note %d" % i, "body": "A short note.",
            "date": "2024-06-%02dT00:00:00Z" % (1 + i % 28)}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

total() {
    nsearch --db "$TMP/db" --json --related 0 --snippet-len 0 "$@" |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d["total_exact"], d["has_more"])'
}
for q in '' '*'; do
    for sort in relevance date oldest recent; do
        for n in 0 1 10 100; do
            got=$(total --sort "$sort" -n "$n" "$q")
            more=True
            [ "$n" = 0 ] && more=False # a count has no next page
            check "'$q' --sort $sort -n $n: 1500 stories, exact" \
                is "$got" "1500 True $more"
        done
    done
done
check "past the end: still 1500, exact, no more" \
    is "$(total --sort date --offset 1500 -n 10 '')" "1500 True False"
check "the last page: has_more false" \
    is "$(total --sort oldest --offset 1490 -n 10 '')" "1500 True False"
check "uncollapsed: every article" \
    is "$(total --no-collapse --sort date -n 10 '')" "2700 True True"
run out err nsearch --db "$TMP/db" --sort date -n 1 ''
check "text: exact, not 'About'" contains "$TMP/out" "1500 matches"

# An update changes the count: a new version of a story adds none, a new
# story one.
python3 - "$TMP/b.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "s0-v2", "title": "Harbour council story number 0",
                        "body": "Third version.", "date": "2025-01-01T00:00:00Z"}) + "\n")
    f.write(json.dumps({"id": "new", "title": "A brand new story today",
                        "body": "News.", "date": "2025-01-02T00:00:00Z"}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/b.jsonl"
check "after an update: 1501" is "$(total --sort date -n 10 '')" "1501 True True"
check "after an update, by relevance: 1501" is "$(total -n 10 '*')" "1501 True True"

# An index without group terms (updated in place since before them)
# counts its stories by the group values instead: the same count.
xapian-metadata set "$TMP/db/current" nsearch.groups ""
check "without group terms: 1501" is "$(total --sort oldest -n 5 '')" "1501 True True"
check "without group terms, by relevance: 1501" is "$(total -n 0 '')" "1501 True False"

finish
