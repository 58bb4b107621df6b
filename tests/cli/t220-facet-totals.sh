#!/bin/sh
# t220-facet-totals.sh - Facets beside a total that counts every
# match (README "Facets").  A query of filters alone, or a count asked for
# with --limit 0, has an exact total; its facets were a sample scaled up,
# so a month filtered alone listed that month with more stories than the
# total said (`date:1987-03` on Reuters: 11,523 beside 11,105).  Now such
# facets count every match too (up to 25,000), exactly, and a page of words
# whose facets are an estimate never lists a count above its exact total.
. "$(dirname "$0")/lib.sh"

# 6,000 articles added in date order over 2020 (500 a month); section
# "port" in runs (a run or a gap ends with chance 1/12), as a news
# archive's stories on one subject come; the word "w0" in runs from March.
python3 - >"$TMP/a.jsonl" <<'PY'
import json, random
rng = random.Random(7)
words_rng = [random.Random(100 + k) for k in range(10)]
port = False
on = [False] * 10
for i in range(6000):
    m = i // 500 + 1
    if rng.random() < 1 / 12:
        port = not port
    words = ["harbour"]
    for k, r in enumerate(words_rng):
        if m >= 3:
            if r.random() < 1 / 12:
                on[k] = not on[k]
            if on[k]:
                words.append("w%d" % k)
    print(json.dumps({"id": "a%04d" % i, "title": "Port notice %d" % i,
                      "body": "A notice about the %s, number %d." %
                              (" and the ".join(words), i),
                      "date": "2020-%02d-%02dT12:00:00Z" %
                              (m, (i % 500) // 20 + 1),
                      "section": "port" if port else "dock", "lang": "en"}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# exact FILE KEY VALUE: the facets of FILE are exact, the total too, and
# the months are those of the articles whose KEY is VALUE (a section, or
# a word of the body), each month exactly, adding up to the total.
exact() {
    python3 - "$@" "$TMP/a.jsonl" <<'PY'
import json, re, sys
from collections import Counter
d = json.load(open(sys.argv[1]))
key, value = sys.argv[2], sys.argv[3]
truth = Counter()
for line in open(sys.argv[4]):
    a = json.loads(line)
    if (a["section"] == value if key == "section" else re.search(r"\b%s\b" % value, a["body"])):
        truth[a["date"][:7]] += 1
f = d["facets"]
months = {v["value"]: v["count"] for v in f["month"]}
assert f["exact"] is True, f
assert d["total_exact"] is True and d["total"] == sum(truth.values()), d["total"]
assert months == dict(truth), (months, truth)
assert sum(months.values()) == d["total"], (months, d["total"])
assert f["year"] == [{"value": "2020", "count": d["total"]}], f["year"]
PY
}

for mode in collapse no-collapse; do
    opt=
    [ $mode = no-collapse ] && opt=--no-collapse
    nsearch --db "$TMP/db" --json --facets --related 0 $opt section:port \
        >"$TMP/$mode-port.json"
    check "$mode: a filter alone: every month exact, adding up to the total" \
        exact "$TMP/$mode-port.json" section port
    nsearch --db "$TMP/db" --json --facets --related 0 --limit 0 $opt w0 \
        >"$TMP/$mode-count.json"
    check "$mode: a count (--limit 0): every month exact" \
        exact "$TMP/$mode-count.json" body w0
done

# Months alone, as a site's archive page lists them: each month's count
# is its 500 articles, in text too.
run out err nsearch --db "$TMP/db" --facets=month --related 0 \
    'date:2020-02..2020-12 section:port'
check "months of a section: exact" contains "$TMP/out" "Facets (exact,"
nsearch --db "$TMP/db" --json --facets=month --related 0 date:2020-03..2020-08 \
    >"$TMP/spring.json"
check "six months alone: each counts its articles" python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 3000 and d["total_exact"], d["total"]
assert d["facets"]["exact"] is True, d["facets"]
assert d["facets"]["month"] == [{"value": "2020-0%d" % m, "count": 500}
                                for m in range(8, 2, -1)], d["facets"]' \
    "$TMP/spring.json"

# A page of words counts a sample of the matches past the first 1,000
# (cheaper); its total is counted exactly.  The sample put w0's year at
# 2,805 articles beside a total of 2,755: an estimate, and said to be one,
# but never more than the total.
nsearch --db "$TMP/db" --json --facets=year,lang --related 0 --no-collapse \
    --limit 1 w0 >"$TMP/page.json"
check "a page of words: an estimate within its exact total" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
f = d["facets"]
assert f["exact"] is False, f
assert d["total_exact"] is True and d["total"] == 2755, d["total"]
for name in ("year", "lang"):
    assert f[name][0]["count"] <= d["total"], (name, f[name], d["total"])' \
    "$TMP/page.json"

finish
