#!/bin/sh
# t131-readme-bounds.sh - The bounds README states, each checked on both
# sides: did you mean below 5 matches and not for words of one or two
# letters, story groups from four-word titles, "also" up to 20, the prune
# guard's share and count, --keep-deleted, the hyphen split, the recency
# cut-off at 7 half-lives, stop words that are also names, snippets that
# never cut a UTF-8 character, and related posts' 80% duplicate measure.
. "$(dirname "$0")/lib.sh"

# json_ok FILE EXPR: the JSON in FILE, as d, makes the Python EXPR true.
json_ok() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}
# jsonl FILE ROW...: each ROW is a Python dict literal, written as a line.
jsonl() {
    f=$1
    shift
    python3 -c 'import json, sys
with open(sys.argv[1], "w") as f:
    for r in sys.argv[2:]:
        f.write(json.dumps(eval(r)) + "\n")' "$f" "$@"
}
q() { nsearch --related 0 --snippet-len 0 --limit 100 --json "$@"; }

# --- Did you mean: under 5 matches whatever the context, from 5 only in
# the context of the other words (harbour is never with zebra, and t120
# has one that is); not for one or two letters ---------------------------
python3 - "$TMP/sp.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    rows = [("z%d" % i, "Zebra crossing number %d" % i, "zebra crossing %d" % i) for i in range(5)]
    rows += [("y%d" % i, "Yak farm report %d" % i, "yak farm %d" % i) for i in range(4)]
    rows += [("h0", "Harbour works begin", "the harbour works begin with a mix of cranes")]
    for i, t, b in rows:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
check "spelling fixture indexed" nindex --quiet --db "$TMP/sp" "$TMP/sp.jsonl"
q --db "$TMP/sp" "zebra harbpur" >"$TMP/sp5"
check "5 matches, out of context: no suggestion" json_ok "$TMP/sp5" \
    'd["total"] == 5 and d["suggestion"] is None'
q --db "$TMP/sp" "yak harbpur" >"$TMP/sp4"
check "4 matches: did you mean" json_ok "$TMP/sp4" \
    'd["total"] == 4 and d["suggestion"] == "yak harbour" and not d["suggestion_used"]'
q --db "$TMP/sp" "mxi" >"$TMP/sp3"
check "three letters: mxi is mix" json_ok "$TMP/sp3" \
    'd["suggestion"] == "mix" and d["suggestion_used"]'
q --db "$TMP/sp" "mx" >"$TMP/sp2"
check "two letters: mx is not corrected" json_ok "$TMP/sp2" \
    'd["suggestion"] is None and d["total"] == 0'

# --- Collapse: four words or more form a group; "also" up to 20 ------------
python3 - "$TMP/co.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(2):
        f.write(json.dumps({"id": "four%d" % i, "title": "Quarry blast shakes town",
                            "body": "quarry blast copy %d" % i}) + "\n")
        f.write(json.dumps({"id": "three%d" % i, "title": "Quarry blast heard",
                            "body": "quarry noise copy %d" % i}) + "\n")
    for i in range(25):
        f.write(json.dumps({"id": "wire%02d" % i, "title": "Glacier retreat speeds up again",
                            "body": "glacier retreat wire copy %d" % i}) + "\n")
PY
check "collapse fixture indexed" nindex --quiet --db "$TMP/co" "$TMP/co.jsonl"
q --db "$TMP/co" quarry >"$TMP/co.q"
check "four-word title: one group; three-word title: two hits" python3 - "$TMP/co.q" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = {h["id"]: h["also"] for h in d["hits"]}
four = [i for i in got if i.startswith("four")]
assert len(four) == 1 and got[four[0]] == [{"four0": "four1", "four1": "four0"}[four[0]]], got
assert got.get("three0") == [] and got.get("three1") == [], got
assert d["total"] == 3, d["total"]
PY
q --db "$TMP/co" glacier >"$TMP/co.g"
check "25 copies: one hit naming 20 others" json_ok "$TMP/co.g" \
    'len(d["hits"]) == 1 and len(d["hits"][0]["also"]) == 20 and d["total"] == 1'

# --- Prune guard: share (20%) and count (1000) ---------------------------
archive() { # file first n
    python3 - "$@" <<'PY'
import json, sys
path, first, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as f:
    for i in range(first, first + n):
        f.write(json.dumps({"id": "a%d" % i, "title": "Story %d" % i,
                            "body": "harbour ferry council %d" % i}) + "\n")
PY
}
archive "$TMP/p100.jsonl" 0 100
archive "$TMP/p79.jsonl" 0 79
archive "$TMP/p80.jsonl" 0 80
nindex --quiet --db "$TMP/pr" "$TMP/p100.jsonl"
run out err nindex --quiet --db "$TMP/pr" --prune "$TMP/p79.jsonl"
check "share: 21 of 100 (21%) refused, exit 5" is "$rc" 5
check "share: nothing deleted" is "$(count "$TMP/pr")" 100
run out err nindex --quiet --db "$TMP/pr" --prune "$TMP/p80.jsonl"
check "share: 20 of 100 (20%) runs" is "$rc" 0
check "share: 20 deleted" is "$(count "$TMP/pr")" 80

archive "$TMP/p1200.jsonl" 0 1200
archive "$TMP/p100b.jsonl" 0 100
archive "$TMP/p200.jsonl" 0 200
nindex --quiet --db "$TMP/pc" "$TMP/p1200.jsonl"
run out err nindex --quiet --db "$TMP/pc" --prune --max-delete-share 100 "$TMP/p100b.jsonl"
check "count: 1100 deletions refused, exit 5" is "$rc" 5
check "count: nothing deleted" is "$(count "$TMP/pc")" 1200
run out err nindex --quiet --db "$TMP/pc" --prune --max-delete-share 100 "$TMP/p200.jsonl"
check "count: 1000 deletions run" is "$rc" 0
check "count: 1000 deleted" is "$(count "$TMP/pc")" 200

# --- Undo files older than --keep-deleted (30 days) go on the next delete --
ls "$TMP/pc/deleted" >"$TMP/undo.before"
check "a deletion wrote an undo file" test -s "$TMP/undo.before"
touch -d "31 days ago" "$TMP/pc/deleted/19990101T000000Z-1.jsonl.gz"
touch -d "29 days ago" "$TMP/pc/deleted/19990102T000000Z-1.jsonl.gz"
run out err nindex --quiet --db "$TMP/pc" --delete no-such-article
check "a run that deletes nothing: 31 days old kept" \
    test -e "$TMP/pc/deleted/19990101T000000Z-1.jsonl.gz"
run out err nindex --quiet --db "$TMP/pc" --delete a0
check "delete a0: exit 0" is "$rc" 0
check "31 days old: removed" test ! -e "$TMP/pc/deleted/19990101T000000Z-1.jsonl.gz"
check "29 days old: kept" test -e "$TMP/pc/deleted/19990102T000000Z-1.jsonl.gz"
# --keep-deleted 0 keeps none: a prune that deletes removes what was kept.
check "pr: undo files before" test "$(ls "$TMP/pr/deleted" | wc -l)" -gt 0
run out err nindex --quiet --db "$TMP/pr" --prune --keep-deleted 0 "$TMP/p79.jsonl"
check "prune --keep-deleted 0: exit 0" is "$rc" 0
check "prune --keep-deleted 0: 1 deleted" is "$(count "$TMP/pr")" 79
check "prune --keep-deleted 0: no undo file left" \
    is "$(ls "$TMP/pr/deleted" | wc -l)" 0

# --- A hyphen between letters splits words: sea-ice is sea ice -------------
jsonl "$TMP/hy.jsonl" \
    '{"id": "apart", "title": "Coast report", "body": "The sea was calm. Later the ice on the lake broke."}' \
    '{"id": "joined", "title": "Arctic report", "body": "Sea ice shrank this summer."}' \
    '{"id": "sea", "title": "Sea report", "body": "The sea was rough."}'
check "hyphen fixture indexed" nindex --quiet --db "$TMP/hy" "$TMP/hy.jsonl"
ranked() { # db query -> "id:score ..." in rank order
    nsearch --db "$1" --json --related 0 --no-collapse --limit 50 -- "$2" |
        python3 -c 'import json,sys; print(" ".join("%s:%.6f" % (h["id"], h["score"]) for h in json.load(sys.stdin)["hits"]))'
}
has_hit() { case " $1" in *" $2:"*) return 0 ;; esac; return 1; }
check "sea-ice finds the words apart" has_hit "$(ranked "$TMP/hy" sea-ice)" apart
check "sea-ice is searched as sea ice" is "$(ranked "$TMP/hy" sea-ice)" "$(ranked "$TMP/hy" 'sea ice')"

# --- Recency: nothing gained after 7 half-lives --------------------------
# With a half-life of one day, an article 8 days old has the score of the
# relevance sort; one 6 days old still gains (2^-6 of half the top).
jsonl "$TMP/re.jsonl" \
    '{"id": "now", "title": "Tide one", "body": "tide tables", "date": "2025-06-20T10:00:00Z"}' \
    '{"id": "six", "title": "Tide two", "body": "tide tables", "date": "2025-06-14T10:00:00Z"}' \
    '{"id": "eight", "title": "Tide three", "body": "tide tables", "date": "2025-06-12T10:00:00Z"}'
check "recency fixture indexed" nindex --quiet --db "$TMP/re" "$TMP/re.jsonl"
scores() { # extra args -> JSON {id: score}
    nsearch --db "$TMP/re" --json --related 0 --no-collapse --now 2025-06-20 "$@" tide |
        python3 -c 'import json,sys; print(json.dumps({h["id"]: h["score"] for h in json.load(sys.stdin)["hits"]}))'
}
check "8 half-lives old: the relevance score; 6: more" python3 - \
    "$(scores)" "$(scores --sort recent --half-life 1)" <<'PY'
import json, sys
rel, rec = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert rec["eight"] == rel["eight"], (rel, rec)
assert rec["six"] > rel["six"] and rec["now"] > rec["six"], (rel, rec)
PY

# --- Stop words that are names: Will (and will) are searched -------------
jsonl "$TMP/st.jsonl" \
    '{"id": "will", "title": "Budget", "body": "The board will review the budget.", "lang": "en"}' \
    '{"id": "rev1", "title": "Annual review", "body": "A review of the year and its review process.", "lang": "en"}' \
    '{"id": "rev2", "title": "Film", "body": "A short review of the film.", "lang": "en"}'
check "stop-word fixture indexed" nindex --quiet --db "$TMP/st" "$TMP/st.jsonl"
check "will review differs from review" test \
    "$(ranked "$TMP/st" 'will review')" != "$(ranked "$TMP/st" review)"
check "will review: the article with will first" is \
    "$(ranked "$TMP/st" 'will review' | cut -d: -f1)" will

# --- Snippets never cut inside a UTF-8 character -------------------------
python3 - "$TMP/u8.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    bodies = {"two": "ø" * 40, "three": "€" * 40, "four": "😀" * 40,
              "mixed": "aø€😀" * 12}
    for k, b in bodies.items():
        f.write(json.dumps({"id": "u8" + k, "title": "Unicode " + k, "body": b}) + "\n")
PY
check "utf-8 fixture indexed" nindex --quiet --db "$TMP/u8" "$TMP/u8.jsonl"
n=5
while [ $n -le 12 ]; do
    nsearch --db "$TMP/u8" --json --related 0 --no-collapse --snippet-len $n unicode >"$TMP/u8.$n"
    check "snippet-len $n: every snippet valid UTF-8" python3 - "$TMP/u8.$n" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
d = json.loads(raw.decode("utf-8", "strict"))
assert len(d["hits"]) == 4, d
for h in d["hits"]:
    for k in ("snippet", "snippet_html"):
        s = h.get(k)
        assert isinstance(s, str) and s.endswith("..."), (h["id"], k, s)
        s.encode("utf-8", "strict")
        assert "\ufffd" not in s, (h["id"], k, s)
PY
    n=$((n + 1))
done

# --- Related posts: bodies sharing 80% of their words are one story -------
python3 - "$TMP/rd.jsonl" <<'PY'
import json, sys
w = ["fjord%02d" % i for i in range(20)]
def jac(a, b):
    return len(set(a) & set(b)) / len(set(a) | set(b))
d85 = w[:18] + ["extra1"]
d70 = w[:16] + ["other1", "other2", "other3"]
assert 0.8 <= jac(w, d85) < 0.9 and 0.6 < jac(w, d70) < 0.8, (jac(w, d85), jac(w, d70))
rows = [("seed", "Fjord salmon farms expand north", w, "2025-06-20"),
        ("d85", "Northern fish farming grows fast", d85, "2025-06-18"),
        ("d70", "Coastal aquaculture plans approved", d70, "2025-06-17")]
with open(sys.argv[1], "w") as f:
    for i, t, b, day in rows:
        f.write(json.dumps({"id": i, "title": t, "body": " ".join(b),
                            "date": day + "T10:00:00Z", "lang": "en"}) + "\n")
PY
check "related fixture indexed" nindex --quiet --db "$TMP/rd" "$TMP/rd.jsonl"
rel_ids() {
    nsearch --db "$TMP/rd" --json --related-to seed --now 2025-06-21 \
        --recent-days 30 --related 5 |
        python3 -c 'import json, sys
print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["related"])))'
}
check "85% shared: dropped; 70%: kept" is "$(rel_ids)" d70

finish
