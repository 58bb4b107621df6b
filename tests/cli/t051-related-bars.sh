#!/bin/sh
# t051-related-bars.sh - How close a related post must be: the first post
# needs 0.20 of the seed's own score under the story query, each further
# post 0.30.  Built on an archive where those shares are known exactly.
#
# Every seed has 25 invented words, each once in its body, and every word
# is in exactly one other article: a candidate in the window, or a "sink"
# dated a year before (so that every word has the same document frequency
# and counts in the seed's own score).  All articles have the same length
# and a title of words found nowhere else, so a candidate sharing K of the
# seed's words scores exactly K/25 of the seed.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/bars.jsonl" <<'PY'
import json, sys

def word(scenario, i):
    # Letters only, ending in a consonant that no English stemmer strips.
    syl = ["ba", "ko", "mi", "tu", "re", "vo", "la", "gi"]
    return "q" + scenario + syl[i // 8] + syl[i % 8] + "rn"

arts = []
def article(aid, date, title_tag, words):
    # Title: three words found nowhere else; body: 25 words.
    title = " ".join("x%s%sn" % (title_tag, c) for c in "abc")
    arts.append({"id": aid, "title": title, "date": date,
                 "body": " ".join(words) + "."})

def filler(tag, n):
    return ["f%s%sn" % (tag, chr(ord("a") + i)) for i in range(n)]

# scenario: the shares of its candidates (K of 25 words each), disjoint.
scenarios = {"a": [6],      # 0.24: one post (a single bar of 0.25 lists none)
             "b": [7, 7],   # 0.28 and 0.28: only the first
             "c": [8, 8],   # 0.32 and 0.32: both
             "d": [4]}      # 0.16: none
for sc, shares in scenarios.items():
    seed = [word(sc, i) for i in range(25)]
    article("seed-" + sc, "2024-05-20T12:00:00Z", "s" + sc, seed)
    used = 0
    for n, k in enumerate(shares):
        mine = seed[used:used + k]
        used += k
        article("cand-%s%d" % (sc, n), "2024-05-1%dT12:00:00Z" % (n + 1),
                "c%s%d" % (sc, n), mine + filler("%s%d" % (sc, n), 25 - k))
    article("sink-" + sc, "2023-05-20T12:00:00Z", "k" + sc,
            seed[used:] + filler("k" + sc, used))
# Background, so that the archive is not only these stories.
for i in range(30):
    article("other-%d" % i, "2024-05-0%dT12:00:00Z" % (i % 9 + 1),
            "o%d" % i, filler("o%d" % i, 25))
with open(sys.argv[1], "w") as f:
    for a in arts:
        f.write(json.dumps(a) + "\n")
PY
check "index the archive" nindex --quiet --db "$TMP/db" "$TMP/bars.jsonl"

related() {
    nsearch --db "$TMP/db" --json --related-to "seed-$1" \
        --now 2024-05-21T00:00:00Z --recent-days 30 --related 5 >"$TMP/r$1"
    python3 -c "
import json, sys
print(' '.join(sorted(r['id'] for r in json.load(open(sys.argv[1]))['related'])))" "$TMP/r$1"
}

check "a lone candidate at 0.24 is listed" is "$(related a)" "cand-a0"
check "a second candidate at 0.28 is not" is "$(related b)" "cand-b0"
check "two candidates at 0.32 are both listed" is "$(related c)" "cand-c0 cand-c1"
check "a candidate at 0.16 is not listed" is "$(related d)" ""
# The background shares no word with any seed and is never listed; the
# sinks are outside the window.
check "nothing else listed" python3 -c "
import json, glob
for f in glob.glob('$TMP/r?'):
    for r in json.load(open(f))['related']:
        assert r['id'].startswith('cand-'), (f, r)"
finish
