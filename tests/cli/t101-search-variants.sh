#!/bin/sh
# t101-search-variants.sh - The forms a query searches of one typed word
# rank as that one word: a number with and without its thousands commas
# ("2004" and "2,004", common/query.cc number_synonyms) is one synonym,
# so the rarer form gets no extra weight for its rarity, and the form
# typed ranks at least as high as the other.  A number joined to words by
# hyphens ("18-year-old") is its phrase, whole (common/query-text.cc
# digit_compound), not split between its letters alone.  A word written
# with hyphens that matches by its joined form is never "corrected"
# (common/spelling.cc run_matches).
. "$(dirname "$0")/lib.sh"

# The year in eight reports, the index value "2,004" in one market story.
python3 -c 'import json
for i in range(8):
    print(json.dumps({"id": "y%d" % i, "title": "Annual report %d" % i,
                      "body": "Sales rose in 2004 compared with 2003, the "
                              "company said in its report for the year 2004.",
                      "lang": "en"}))
print(json.dumps({"id": "nasdaq", "title": "Wall Street closes higher",
                  "body": "The Nasdaq rose 0.9% to 2,004 and the Dow gained 1%.",
                  "lang": "en"}))
# Two alike but for the form of the number.
print(json.dumps({"id": "plain", "title": "Crowd at the match",
                  "body": "A crowd of 5000 watched the match.", "lang": "en"}))
print(json.dumps({"id": "comma", "title": "Crowd at the final",
                  "body": "A crowd of 5,000 watched the final.", "lang": "en"}))
' >"$TMP/y.jsonl"
nindex --db "$TMP/db" --quiet "$TMP/y.jsonl" >/dev/null 2>&1
check "numbers indexed" test -d "$TMP/db"

# hits QUERY: "total: id id ..." of the first ten hits.
hits() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse -- "$@" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%d: %s" % (d["total"], " ".join(h["id"] for h in d["hits"])))'
}
# rank QUERY ID: ID's rank among the hits of QUERY (0: not found).
rank() {
    hits "$1" | tr ' ' '\n' | grep -n -x -- "$2" | cut -d: -f1 |
        awk '{print $1 - 1}'
}

check "2004: 9 matches" is "$(hits 2004 | cut -d: -f1)" 9
check "2004: a year article first, not the 2,004 quantity" \
    is "$(hits 2004 | cut -d' ' -f2 | cut -c1)" y
check "2004: the 2,004 quantity last" is "$(rank 2004 nasdaq)" 9
check "2,004: the form typed first" is "$(hits 2,004 | cut -d' ' -f2)" nasdaq
check "2,004: 9 matches" is "$(hits 2,004 | cut -d: -f1)" 9
check "5000: the article with 5000 first" is "$(hits 5000)" "2: plain comma"
check "5,000: the article with 5,000 first" is "$(hits 5,000)" "2: comma plain"
check "5000 final: the final's 5,000 counts as a match of 5000" \
    is "$(hits 5000 final | cut -d' ' -f2)" comma
check "2004 marks both forms" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run(sys.argv[1:], capture_output=True).stdout)
m = {h["id"]: h["snippet_html"] for h in d["hits"]}
assert "<mark>2,004</mark>" in m["nasdaq"] and "<mark>2004</mark>" in m["y0"], m' \
    "$NSEARCH_BIN/nsearch" --db "$TMP/db" --json --related 0 -n 20 2004
# The two are one group beside an operator, and both are left out.
check "sales AND 2004: the year articles" is "$(hits 'sales AND 2004' | cut -d: -f1)" 8
check "NOT 2004 leaves out both forms" \
    is "$(hits '(crowd OR dow) NOT 2004')" "2: plain comma"

# Ages: the exact phrase, not other ages nor its words apart.
python3 -c 'import json
docs = [("a1", "Student, 18, wins prize", "The 18-year-old student won the prize."),
        ("a2", "Teenager signs for club", "An 18-year-old striker signed on Monday."),
        ("o1", "Veteran retires", "The 31-year-old player said the year was old news."),
        ("o2", "Young voters", "Voters aged 18 to 24 year olds were asked."),
        ("o3", "Old year ends", "The old year ended with 18 fireworks; a year-old tree fell.")]
for i, t, b in docs:
    print(json.dumps({"id": i, "title": t, "body": b, "lang": "en"}))
' >"$TMP/ages.jsonl"
nindex --db "$TMP/ages" --quiet "$TMP/ages.jsonl" >/dev/null 2>&1
ages() {
    nsearch --db "$TMP/ages" --json --related 0 --no-collapse -- "$@" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%d: %s" % (d["total"], " ".join(sorted(h["id"] for h in d["hits"]))))'
}
check "18-year-old: the two articles with it" is "$(ages 18-year-old)" "2: a1 a2"
check "+18-year-old: the same" is "$(ages +18-year-old)" "2: a1 a2"
check "18-year-old OR veteran: either" \
    is "$(ages '18-year-old OR veteran')" "3: a1 a2 o1"
check "-18-year-old: excluded whole" is "$(ages 'won signed player -18-year-old')" "1: o1"
check "18-year-old marks it" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run(sys.argv[1:], capture_output=True).stdout)
assert d["hits"] and all("<mark>18-year-old</mark>" in h["snippet_html"]
                         for h in d["hits"]), d' \
    "$NSEARCH_BIN/nsearch" --db "$TMP/ages" --json --related 0 18-year-old
check "year-old (letters) is still split: its words apart too" \
    sh -c "[ \"\$(echo '$(ages year-old)' | cut -d: -f1)\" -ge 3 ]"

# Did you mean: "cease-fire" finds the ceasefire article by its joined form.
printf '%s\n' \
    '{"id":"c1","title":"Ceasefire holds in the north","body":"The ceasefire agreed on Monday held overnight.","lang":"en"}' \
    '{"id":"c2","title":"Fire crews tackle blaze","body":"Fire crews fought a blaze at a warehouse.","lang":"en"}' \
    '{"id":"c3","title":"Case closed","body":"The court closed the case.","lang":"en"}' \
    >"$TMP/c.jsonl"
nindex --db "$TMP/dbc" --quiet "$TMP/c.jsonl" >/dev/null 2>&1
# said QUERY: "total|suggestion|hits" of QUERY, the hits sorted.
said() {
    nsearch --db "$TMP/dbc" --json --related 0 -- "$@" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%d|%s|%s" % (d["total"], d["suggestion"],
                    " ".join(sorted(h["id"] for h in d["hits"]))))'
}
check "cease-fire: the ceasefire article, no suggestion" \
    is "$(said cease-fire)" "2|None|c1 c2"
check "Cease-Fire: no suggestion either" is "$(said Cease-Fire)" "2|None|c1 c2"
check "cease-fire holds: no suggestion" is "$(said cease-fire holds)" \
    "2|None|c1 c2"
check "a part that matches nothing joined either is still corrected" \
    sh -c '[ "$1" != None ]' _ "$(said cease-fyre | cut -d'|' -f2)"

finish
