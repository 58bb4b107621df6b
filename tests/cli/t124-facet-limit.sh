#!/bin/sh
# t124-facet-limit.sh - At most 50 values per facet (README "Facets"):
# sections and tags keep the largest counts (ties by name), months the
# newest; the rest are left out.  Checked on a handle's first ask (Xapian's
# value stream) and its second (the facet column held in memory), which
# must agree.
. "$(dirname "$0")/lib.sh"

# 120 articles, one a month from 2015-01 to 2024-12 (120 months, 10
# years).  Tags: k00..k59 twice each, "big" on every third article (40),
# "mid" on every fourth (30): 62 tags.  Sections s00..s59, two articles
# each: the ties by name keep s00..s49.
python3 - >"$TMP/a.jsonl" <<'PY'
import json
for i in range(120):
    y, m = 2015 + i // 12, i % 12 + 1
    tags = ["k%02d" % (i % 60)]
    if i % 3 == 0:
        tags.append("big")
    if i % 4 == 0:
        tags.append("mid")
    print(json.dumps({"id": "a%03d" % i, "title": "Report number %d" % i,
                      "body": "A report on harbour cranes, item %d." % i,
                      "date": "%04d-%02d-15T12:00:00Z" % (y, m),
                      "section": "s%02d" % (i % 60), "tags": tags,
                      "lang": "en"}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

verify() {
    python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 120, d["total"]
f = d["facets"]
assert f["exact"], f["exact"]
tags = [(v["value"], v["count"]) for v in f["tag"]]
assert len(tags) == 50, len(tags)
assert tags[:2] == [("big", 40), ("mid", 30)], tags[:2]
# Ties by name: k00..k47 kept, k48..k59 left out.
assert [t for t, _ in tags[2:]] == ["k%02d" % i for i in range(48)], tags[2:]
assert all(c == 2 for _, c in tags[2:]), tags
sections = [v["value"] for v in f["section"]]
assert sections == ["s%02d" % i for i in range(50)], sections
months = [v["value"] for v in f["month"]]
want = []
for i in range(119, 69, -1):
    want.append("%04d-%02d" % (2015 + i // 12, i % 12 + 1))
assert months == want, (months[:3], months[-3:])
assert months[0] == "2024-12" and months[-1] == "2020-11", months
years = [(v["value"], v["count"]) for v in f["year"]]
assert years == [(str(y), 12) for y in range(2024, 2014, -1)], years
PY
}

nsearch --db "$TMP/db" --json --limit 0 --related 0 --facets all "" \
    >"$TMP/one.json"
check "first ask: 50 values, the largest and newest" verify "$TMP/one.json"

# The same query three times on one handle: from the second ask the
# facet column is in memory.
printf 'q1\t\nq2\t\nq3\t\n' >"$TMP/batch"
nsearch --db "$TMP/db" --batch --json --limit 0 --related 0 --facets all \
    <"$TMP/batch" >"$TMP/batch.out"
check "batch: three answers" is "$(wc -l <"$TMP/batch.out" | tr -d ' ')" 3
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s\n' "$line" >"$TMP/b$i.json"
    check "batch answer $i: 50 values, the largest and newest" \
        verify "$TMP/b$i.json"
done <"$TMP/batch.out"

finish
