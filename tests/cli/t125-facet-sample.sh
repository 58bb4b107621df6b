#!/bin/sh
# t125-facet-sample.sh - Facets over more than 1,000 matches (README
# "Facets"): the first 1,000 matches in the order articles were added,
# then a sample spread over the rest of the archive, each stretch scaled
# to its share.  Every part of the archive is seen: a year added last is
# counted, about as often as it is there, where counting the first 1,000
# alone listed the first two years only.  A query whose later matches are
# few is counted whole, and its counts are exact.
. "$(dirname "$0")/lib.sh"

# 6,000 articles added in date order, 600 a year from 2015 to 2024, each
# of section s0..s4 in turn.  Every article has "harbour"; every third
# "crane" (2,000); "ferry" the first 1,000 and every 100th after (1,050);
# "storm" and "gale" in runs, as a news archive's stories on one subject
# come (a run or a gap ends after an article with chance 1/12: about
# half the articles, in runs of twelve on average).
python3 - >"$TMP/a.jsonl" <<'PY'
import json, random
runs = {"storm": random.Random(12), "gale": random.Random(14)}
on = dict.fromkeys(runs, False)
for i in range(6000):
    y = 2015 + i // 600
    words = ["harbour"]
    for w, rng in runs.items():
        if rng.random() < 1 / 12:
            on[w] = not on[w]
        if on[w]:
            words.append(w)
    if i % 3 == 0:
        words.append("crane")
    if i < 1000 or i % 100 == 0:
        words.append("ferry")
    print(json.dumps({"id": "a%04d" % i,
                      "title": "Port notice %d" % i,
                      "body": "A notice about the %s, number %d." %
                              (" and the ".join(words), i),
                      "date": "%04d-%02d-%02dT12:00:00Z" %
                              (y, (i % 600) // 50 + 1, (i % 50) // 2 + 1),
                      "section": "s%d" % (i % 5), "lang": "en"}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# verify FILE TRUTH exact|estimate: every year 2015-2024 listed; exactly
# TRUTH, or each year and section within 15% of the truth.
verify() {
    python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["facets"]
years = {v["value"]: v["count"] for v in f["year"]}
want = [str(y) for y in range(2015, 2025)]
assert sorted(years) == want, years
truth = json.loads(sys.argv[2])
if sys.argv[3] == "exact":
    assert f["exact"] is True, f
    assert years == truth, (years, truth)
else:
    assert f["exact"] is False, f
    assert 1000 < f["counted"] <= 2000, f["counted"]
    for y in want:
        assert abs(years[y] - truth[y]) <= 0.15 * truth[y], (y, years, truth)
    sections = {v["value"]: v["count"] for v in f["section"]}
    share = sum(truth.values()) / 5
    assert sorted(sections) == ["s%d" % i for i in range(5)], sections
    for s, n in sections.items():
        assert abs(n - share) <= 0.15 * share, (s, sections)
PY
}

# within FILE PCT WORD: the years' counts add up to within PCT percent of
# the articles with WORD (stories and articles are one here).
within() {
    python3 - "$@" "$TMP/a.jsonl" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
truth = sum(1 for line in open(sys.argv[4]) if sys.argv[3] in json.loads(line)["body"])
got = sum(v["count"] for v in f["year"])
assert f["exact"] is False and truth > 2000, (f["exact"], truth)
assert abs(got - truth) <= float(sys.argv[2]) / 100 * truth, (got, truth)
PY
}

every='{"2015": 600, "2016": 600, "2017": 600, "2018": 600, "2019": 600,
        "2020": 600, "2021": 600, "2022": 600, "2023": 600, "2024": 600}'
third='{"2015": 200, "2016": 200, "2017": 200, "2018": 200, "2019": 200,
        "2020": 200, "2021": 200, "2022": 200, "2023": 200, "2024": 200}'
ferry='{"2015": 600, "2016": 402, "2017": 6, "2018": 6, "2019": 6,
        "2020": 6, "2021": 6, "2022": 6, "2023": 6, "2024": 6}'

for mode in collapse no-collapse; do
    opt=
    [ $mode = no-collapse ] && opt=--no-collapse
    # The first ask reads Xapian's value stream, the later ones of one
    # handle the facet column: both take the same sample.  A page of
    # words: a count (--limit 0) counts every match (t220).
    printf 'q1\tharbour\nq2\tcrane\nq3\tferry\nq4\tharbour\nq5\tcrane\nq6\tstorm\nq7\tgale\n' |
        nsearch --db "$TMP/db" --batch --json --limit 1 --related 0 \
            --facets all $opt >"$TMP/$mode.jsonl"
    i=0
    while IFS= read -r line; do
        i=$((i + 1))
        printf '%s\n' "$line" >"$TMP/$mode-$i.json"
    done <"$TMP/$mode.jsonl"
    check "$mode: seven answers" test "$i" -eq 7
    check "$mode: every year of 6,000 matches, near its count" \
        verify "$TMP/$mode-1.json" "$every" estimate
    check "$mode: 2,000 matches, the rest within the budget: exact" \
        verify "$TMP/$mode-2.json" "$third" exact
    check "$mode: 1,050 matches, the last 50 spread: exact" \
        verify "$TMP/$mode-3.json" "$ferry" exact
    check "$mode: the facet column counts the same sample" \
        python3 -c 'import json, sys
a, b = (json.load(open(f))["facets"] for f in sys.argv[1:3])
c, d = (json.load(open(f))["facets"] for f in sys.argv[3:5])
assert a == b and c == d, (a, b)' "$TMP/$mode-1.json" "$TMP/$mode-4.json" \
        "$TMP/$mode-2.json" "$TMP/$mode-5.json"
    # A stretch read up to its share of matches and scaled by the ids
    # that took counted these 7% and 10% high: K/N under that stopping
    # rule is biased up, and more so where matches come in runs.
    check "$mode: matches in runs: the total within 3%" \
        within "$TMP/$mode-6.json" 3 storm
    check "$mode: matches in runs, another archive: within 3%" \
        within "$TMP/$mode-7.json" 3 gale
done

finish
