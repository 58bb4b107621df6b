#!/bin/sh
# t053-related-digraphs.sh - A word with ø or å counts once in a related
# posts story, though the index also holds its Nordic spelling ("tromsoe"
# beside "tromso" for "Tromsø") as a second stem.
#
# As in t051: a seed of 20 invented words, each once, every word in exactly
# one other article (a candidate in the window, or a sink a year before),
# so that a candidate sharing K of the words scores K/20 of the seed.  Two
# of the seed's words have an ø.  The candidate shares those two and one
# more: 3/20 = 0.15, under the first post's bar of 0.20.  Counted twice,
# the two words made it 5/22 = 0.23, and it was listed.  A control story
# without ø, sharing 5 of 20 (0.25), is listed.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys

def word(tag, i, ring=False):
    # Letters only, ending in a consonant cluster no stemmer strips.
    syl = ["ba", "ko", "mi", "tu", "re", "vo", "la", "gi"]
    return "q" + tag + syl[i // 8] + syl[i % 8] + ("ø" if ring else "") + "rn"

arts = []
def article(aid, date, words):
    arts.append({"id": aid, "lang": "no", "date": date + "T12:00:00Z",
                 "title": "x%sn" % aid.replace("-", ""),
                 "body": " ".join(words) + "."})

def filler(tag, n):
    return ["f%s%sn" % (tag, chr(ord("a") + i)) for i in range(n)]

for tag, ring, shared in (("d", True, 3), ("c", False, 5)):
    # Words 0 and 1 have an ø in the digraph story.
    seed = [word(tag, i, ring and i < 2) for i in range(20)]
    article("seed-" + tag, "2024-05-20", seed)
    article("cand-" + tag, "2024-05-15",
            seed[:shared] + filler("c" + tag, 20 - shared))
    article("sink-" + tag, "2023-05-20", seed[shared:] + filler("s" + tag, shared))
for i in range(30):
    article("other-%d" % i, "2024-05-0%d" % (i % 9 + 1), filler("o%d" % i, 20))
with open(sys.argv[1], "w") as f:
    for a in arts:
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
check "index the archive" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

related() { related_ids "seed-$1" 2024-05-21T00:00:00Z; }

# The Nordic spelling is there to be counted twice: it finds the article.
nsearch --db "$TMP/db" --json "qdbakooern" >"$TMP/nordic"
check "the Nordic spelling finds the word with ø" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert {h['id'] for h in d['hits']} == {'seed-d', 'cand-d'}, d['hits']" "$TMP/nordic"
check "control: 5 of 20 shared, listed" is "$(related c)" "cand-c"
check "two words with ø and one more: 3 of 20, not listed" is "$(related d)" ""
finish
