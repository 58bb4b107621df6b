#!/bin/sh
# t097-query-brackets.sh - Query operators checked against a brute-force
# reading of a generated fixture: filters inside brackets are the whole
# query's, ADJ/n is the words in order within n words, a NEAR or ADJ that
# joins nothing is the word, with a warning.
. "$(dirname "$0")/lib.sh"

# A fixture of 60 short articles: three sections, three months, the words
# quota, export and tanker at random, and "alpha" and "bravo" at random
# distances in either order.  Its truth is written beside it.
python3 - "$TMP/fix" <<'PY'
import json, os, random, sys
out = sys.argv[1]
os.makedirs(out)
rnd = random.Random(97)
filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed".split()
docs = []
for n in range(60):
    words = [rnd.choice(filler) for _ in range(rnd.randint(12, 30))]
    for w in ("quota", "export", "tanker"):
        if rnd.random() < 0.4:
            words.insert(rnd.randrange(len(words) + 1), w)
    if rnd.random() < 0.7:
        gap = rnd.randint(1, 6)
        at = rnd.randrange(len(words) + 1)
        pair = ["alpha"] + [rnd.choice(filler) for _ in range(gap - 1)]
        words[at:at] = pair + ["bravo"] if rnd.random() < 0.7 else \
            ["bravo"] + pair[1:] + ["alpha"]
    d = {"id": "doc-%02d" % n, "words": words,
         "section": rnd.choice(["Grain", "Metal", "Ship"]),
         "date": "2025-%02d-%02d" % (rnd.randint(1, 3), rnd.randint(1, 28))}
    docs.append(d)
    with open(os.path.join(out, d["id"] + ".md"), "w") as f:
        f.write("---\nid: %s\ntitle: Story %d\ndate: %sT12:00:00Z\n"
                "section: %s\nlang: en\n---\n%s\n" %
                (d["id"], n, d["date"], d["section"], " ".join(words)))
json.dump(docs, open(out + ".json", "w"))
PY
check "index the fixture" nindex --quiet --db "$TMP/fixdb" "$TMP/fix"
check "index samples" index_samples

# agree QUERY TRUTH: QUERY finds exactly the fixture's articles for which
# the Python expression TRUTH holds (w: the set of words, s: section,
# m: month, d: day, adj(a, b, n): b within n words after a, near(a, b, n)).
agree() {
    nsearch --db "$TMP/fixdb" --json --related 0 --no-collapse --limit 100 \
        "$1" >"$TMP/agree.json" 2>"$TMP/agree.err"
    python3 - "$TMP/fix.json" "$TMP/agree.json" "$2" "$1" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))
got = sorted(h["id"] for h in json.load(open(sys.argv[2]))["hits"])
def at(ws, x):
    return [i for i, y in enumerate(ws) if y == x]
want = []
for doc in docs:
    ws = doc["words"]
    env = {"w": set(ws), "s": doc["section"], "m": doc["date"][:7],
           "d": doc["date"],
           "adj": lambda a, b, n: any(0 < j - i <= n for i in at(ws, a)
                                      for j in at(ws, b)),
           "near": lambda a, b, n: any(abs(j - i) <= n for i in at(ws, a)
                                       for j in at(ws, b))}
    if eval(sys.argv[3], env):
        want.append(doc["id"])
if got != want or not want:
    print("%s: got %d %s, want %d %s" % (sys.argv[4], len(got), got[:6],
                                         len(want), want[:6]))
    sys.exit(1)
PY
}

# A filter inside brackets is the whole query's: with words beside it, and
# as a bracket of filters alone (one of them or several OR-ed), which
# Xapian's parser OR-ed with the words ("coffee (date:1987-03)" found
# 11,664 Reuters articles where the month's coffee has 110).
check "word (filter)" agree 'quota (section:grain)' \
    '"quota" in w and s == "Grain"'
check "word (date filter)" agree 'quota (date:2025-02)' \
    '"quota" in w and m == "2025-02"'
check "word (filter OR filter)" agree 'quota (section:grain OR section:ship)' \
    '"quota" in w and s in ("Grain", "Ship")'
check "same as AND (filter OR filter)" agree \
    'quota AND (section:grain OR section:ship)' \
    '"quota" in w and s in ("Grain", "Ship")'
check "(word OR word filter)" agree '(quota OR export section:metal)' \
    '("quota" in w or "export" in w) and s == "Metal"'
check "word (word filter) word" agree 'quota (export section:metal) tanker' \
    'bool(w & {"quota", "export", "tanker"}) and s == "Metal"'
check "nested brackets" agree \
    '(quota (section:grain OR section:ship)) AND tanker' \
    '"quota" in w and "tanker" in w and s in ("Grain", "Ship")'
check "two filters of one field in a bracket" agree \
    'export (section:grain section:ship)' \
    '"export" in w and s in ("Grain", "Ship")'
check "bracket of filters of two fields" agree \
    'export (section:grain date:2025-01)' \
    '"export" in w and s == "Grain" and m == "2025-01"'
check "excluded filter in a bracket" agree '(quota -section:grain) tanker' \
    '("quota" in w or "tanker" in w) and s != "Grain"'
# A bracket that NOT or OR scopes keeps its filters.
check "NOT (word filter)" agree 'quota NOT (export section:metal)' \
    '"quota" in w and not ("export" in w and s == "Metal")'
check "OR (word filter)" agree 'quota OR (export section:metal)' \
    '"quota" in w or ("export" in w and s == "Metal")'
check "OR (filter)" agree 'quota OR (section:metal)' \
    '"quota" in w or s == "Metal"'
check "-(filter)" agree 'quota -(section:metal)' \
    '"quota" in w and s != "Metal"'
# Unchanged: filters outside brackets.
check "OR with a filter after" agree 'quota OR export section:metal' \
    '("quota" in w or "export" in w) and s == "Metal"'
check "a filter an operator joins" agree 'quota OR section:metal' \
    '"quota" in w or s == "Metal"'

# ADJ/n is the words in this order within n words (Xapian's definition;
# ADJ alone is ADJ/10), where every ADJ was checked as the exact phrase;
# a quoted phrase stays exact and NEAR either order.
check "ADJ/1 is the phrase" agree 'alpha ADJ/1 bravo' 'adj("alpha", "bravo", 1)'
check "phrase" agree '"alpha bravo"' 'adj("alpha", "bravo", 1)'
check "ADJ/2" agree 'alpha ADJ/2 bravo' 'adj("alpha", "bravo", 2)'
check "ADJ/3" agree 'alpha ADJ/3 bravo' 'adj("alpha", "bravo", 3)'
check "ADJ/5" agree 'alpha ADJ/5 bravo' 'adj("alpha", "bravo", 5)'
check "ADJ" agree 'alpha ADJ bravo' 'adj("alpha", "bravo", 10)'
check "ADJ/3 the other way" agree 'bravo ADJ/3 alpha' \
    'adj("bravo", "alpha", 3)'
check "NEAR/3" agree 'alpha NEAR/3 bravo' 'near("alpha", "bravo", 3)'
check "ADJ/4 with a filter" agree 'alpha ADJ/4 bravo section:grain' \
    'adj("alpha", "bravo", 4) and s == "Grain"'
check "ADJ/2 under NOT" agree 'quota NOT alpha ADJ/2 bravo' \
    '"quota" in w and not adj("alpha", "bravo", 2)'
run out err nsearch --db "$TMP/db" --json --related 0 --limit 100 \
    'review ADJ/5 azure'
check "review ADJ/5 azure finds \"review of Israeli military's Azure\"" \
    contains "$TMP/out" '"azure-review-wire"'

# A NEAR or ADJ with a window that joins nothing, alone or at the start,
# is the word, with a warning (alone, "NEAR/3" was the phrase "near 3":
# no match, nothing said); at the end it is left out (t106).
nsearch --db "$TMP/db" --json --related 0 --no-collapse 'near' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' >"$TMP/near.out"
for q in 'NEAR/3' 'NEAR/99999' 'ADJ/2'; do
    run out err nsearch --db "$TMP/db" --related 0 --no-collapse -n 0 "$q"
    check "$q alone warns" contains "$TMP/err" "searched as a word"
done
nsearch --db "$TMP/db" --json --related 0 --no-collapse 'NEAR/3' 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' >"$TMP/near3.out"
check "NEAR/3 alone is the word near" cmp -s "$TMP/near3.out" "$TMP/near.out"
check "samples have the word near" [ "$(cat "$TMP/near.out")" -gt 0 ]
run out err nsearch --db "$TMP/fixdb" --related 0 --no-collapse -n 0 'ADJ/3 quota'
check "ADJ/3 quota warns" contains "$TMP/err" "ADJ was searched as a word"
check "quota ADJ/3 finds quota" agree 'quota ADJ/3' '"quota" in w'

# A day in ISO 8601's basic form is the day (date:20250115 is
# date:2025-01-15); a value that is no date says so and names that form.
day=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["date"])' "$TMP/fix.json")
compact=$(echo "$day" | tr -d -)
check "date:$compact is the day $day" agree "date:$compact" "d == '$day'"
check "a range of basic dates" agree 'export date:20250110..20250220' \
    '"export" in w and "2025-01-10" <= d <= "2025-02-20"'
for q in 'date:202501' 'date:2025/01' 'date:20250231'; do
    run out err nsearch --db "$TMP/fixdb" --related 0 -n 0 "$q"
    check "$q warns" contains "$TMP/err" "is not a date"
done
check "the warning names YYYYMMDD" contains "$TMP/err" "YYYYMMDD"

finish
