#!/bin/sh
# t327-count-offset.sh - A count (--limit 0, limit=0) is the count at any
# offset.  A count asked for with the offset of the page a site is on
# (page 3's parameters with limit=0) was read as an empty page past the
# end: Xapian's rounded estimate, `oil -n 0 --offset 10` "About 1000
# matches" on Reuters and BBC News where `-n 0` counted 1,597.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# 2,400 stories: "oil" in three of every five, "gold" in one of seven.
python3 - "$TMP/a.jsonl" <<'PY'
import json, random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    for i in range(2400):
        words = []
        if i % 5 in (0, 1, 2):
            words.append("oil")
        if i % 7 == 0:
            words.append("gold")
        words += ["word%d" % random.randint(0, 50)
                  for _ in range(random.randint(3, 30))]
        f.write(json.dumps({"id": "s%d" % i, "title": "Story %d" % i,
                            "body": " ".join(words),
                            "date": "2024-%02d-%02dT10:00:00Z"
                            % (i % 12 + 1, i % 28 + 1)}) + "\n")
PY
# The true counts, from the records themselves.
want_any=$(grep -cE '"body": "(oil|gold)' "$TMP/a.jsonl")
want_oil=$(grep -c '"body": "oil' "$TMP/a.jsonl")
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "the archive builds" is "$rc" 0

# total FILE: "TOTAL EXACT" of the JSON in $TMP/FILE.
total() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["total"], str(d["total_exact"]).lower())' "$TMP/$1"
}

# (Past the last story an offset was already counted again.)
for off in 1 10; do
    run c err nsearch --db "$TMP/db" --json -n 0 --offset $off 'oil gold'
    check "-n 0 --offset $off: every story ($want_any), exact" \
        is "$(total c)" "$want_any true"
done
run c err nsearch --db "$TMP/db" --json -n 0 --offset 10 --no-collapse -s date 'oil gold'
check "-n 0 --offset 10 --no-collapse newest first: the count" \
    is "$(total c)" "$want_any true"
run t err nsearch --db "$TMP/db" -n 0 --offset 10 oil
check "text: '$want_oil matches', not about" is "$(head -n 1 "$TMP/t")" \
    "$want_oil matches"

start_server
check "nsearchd starts" is "$?" 0
for off in 1 10; do
    get s "/v1/search?q=oil%20gold&limit=0&offset=$off"
    check "limit=0&offset=$off: 200, the count ($want_any), exact" \
        is "$code $(total s)" "200 $want_any true"
done
get s '/v1/search?q=oil&limit=0&offset=20&sort=recent'
check "limit=0&offset=20&sort=recent: the count of oil ($want_oil)" \
    is "$code $(total s)" "200 $want_oil true"
finish
