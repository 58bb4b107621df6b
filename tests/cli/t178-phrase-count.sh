#!/bin/sh
# t178-phrase-count.sh - A count asked for (-n 0) of a phrase or NEAR query
# is the number of matches a full export finds, collapsed or not, and never
# more stories than articles: it was a candidate estimate times the pass
# rate of 20 sampled candidates ("said it": 10,500 stories for 7,145;
# "per cent" 189 stories and 73 articles).  Their facets are counted over
# the matches that have the phrase, spread over the whole archive (they
# were the first 1,000 candidates in the order added: two months of five).
# A page of words whose facets counted every match has that count as its
# total, exact, on every page.
. "$(dirname "$0")/lib.sh"

corpus=$SHARED/corpora/reuters21578/articles.jsonl.gz
if [ ! -r "$corpus" ]; then
    echo "t178: $corpus is missing" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# Every fourth Reuters article: about 5,400, over all its months.
python3 - "$corpus" "$TMP/r.jsonl" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f, \
        open(sys.argv[2], "w") as out:
    for i, line in enumerate(f):
        if i % 4 == 0:
            out.write(line)
PY
nindex --quiet --db "$TMP/db" --rebuild "$TMP/r.jsonl" 2>"$TMP/index.err"

# total QUERY ARGS...: "total exact" of -n 0.
total() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 -n 0 "$@" -- "$q" |
        python3 -c 'import json, sys
r = json.load(sys.stdin)
print(r["total"], str(r["total_exact"]).lower())'
}
# exported QUERY ARGS...: the hits of an export of every match.
exported() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 -n 10000 --snippet-len 0 \
        "$@" -- "$q" | python3 -c 'import json, sys
print(len(json.load(sys.stdin)["hits"]))'
}

for q in '"said it"' '"oil prices"' '"per cent"' \
    'oil NEAR/3 price' 'said NEAR/1 it'; do
    stories=$(exported "$q")
    articles=$(exported "$q" --no-collapse)
    check "$q: -n 0 counts the stories an export finds ($stories)" \
        is "$(total "$q")" "$stories true"
    check "$q: --no-collapse -n 0 counts the articles ($articles)" \
        is "$(total "$q" --no-collapse)" "$articles true"
    check "$q: no more stories than articles" \
        [ "$stories" -le "$articles" ]
done

# Facets of a phrase: every month the export has, each within 25% of its
# count there, and the months adding up to the total within 5%.
nsearch --db "$TMP/db" --json --related 0 -n 10000 --snippet-len 0 \
    --facets -- '"said it"' >"$TMP/said.json"
check "facets of a phrase spread over the archive" python3 - "$TMP/said.json" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
months = collections.Counter((h.get("date") or "")[:7] for h in r["hits"])
months.pop("", None)
facet = {v["value"]: v["count"] for v in r["facets"]["month"]}
ok = True
for m, n in months.items():
    if n >= 20 and abs(facet.get(m, 0) - n) > 0.25 * n:
        print("month %s: facets %s, export %d" % (m, facet.get(m), n))
        ok = False
dated = sum(months.values())
if abs(sum(facet.values()) - dated) > 0.05 * dated:
    print("months add up to %d, export %d" % (sum(facet.values()), dated))
    ok = False
if len([m for m in months if months[m] >= 20]) < 4:
    print("too few months to tell:", months)
    ok = False
sys.exit(0 if ok else 1)
PY
# A phrase with few matches: its facets count them all, exactly.
nsearch --db "$TMP/db" --json --related 0 -n 0 --facets -- '"per cent"' \
    >"$TMP/pc.json"
check "facets of a rare phrase are exact" python3 - "$TMP/pc.json" \
    "$(exported '"per cent"' --no-collapse)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
f = r["facets"]
sys.exit(0 if f["exact"] and f["counted"] == int(sys.argv[2]) else 1)
PY

# A word: with facets that counted every match, the total of every page
# is the count asked for, exact.
word=pct
want=$(total "$word")
for off in 0 100 200 300; do
    got=$(nsearch --db "$TMP/db" --json --related 0 -n 10 --offset $off \
        --facets "$word" | python3 -c 'import json, sys
r = json.load(sys.stdin)
print(r["total"], str(r["total_exact"]).lower())')
    check "$word --facets at offset $off: the total is -n 0's ($want)" \
        is "$got" "$want"
done
finish
