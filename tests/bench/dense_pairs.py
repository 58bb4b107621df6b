#!/usr/bin/env python3
"""Make common/dense-pairs-en.txt from the reference corpora.

usage: dense_pairs.py CORPORA_DIR [SHARE] > common/dense-pairs-en.txt

A pair of words of common/common-words-en.txt is dense when the two words
follow each other in at least SHARE (0.05) of the articles that have both,
and in at least 5 articles, of Reuters-21578 and BBC together.  Words are
split as the header of common-words-en.txt says, in each field on its own
(title, headings, section, body): a pair never spans two fields.  Each
output line is a first word followed by the words that follow it densely,
the first words and each line's words in the order of the common-words list.
"""
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = os.path.join(HERE, "..", "..", "common", "common-words-en.txt")
WORD = re.compile(r"[^\W_]+(?:['&][^\W_]+)*(?:[.,][0-9]+)*")


def common_words():
    out = []
    with open(LIST, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def fields(art):
    for key in ("title", "section", "body"):
        if isinstance(art.get(key), str):
            yield art[key]
    for h in art.get("headings") or []:
        if isinstance(h, str):
            yield h


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    share = float(sys.argv[2]) if len(sys.argv) == 3 else 0.05
    words = common_words()
    rank = {w: i for i, w in enumerate(words)}
    has = [0] * len(words)  # bit n: article n has the word
    adjacent = {}  # (i, j) -> articles where word i is followed by word j
    n = 0
    for name in ("reuters21578", "bbc"):
        path = os.path.join(sys.argv[1], name, "articles.jsonl.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                art = json.loads(line)
                seen, pairs = set(), set()
                for text in fields(art):
                    toks = [rank.get(t) for t in WORD.findall(text.lower())]
                    seen.update(t for t in toks if t is not None)
                    for a, b in zip(toks, toks[1:]):
                        if a is not None and b is not None:
                            pairs.add((a, b))
                for t in seen:
                    has[t] |= 1 << n
                for p in pairs:
                    adjacent[p] = adjacent.get(p, 0) + 1
                n += 1
    dense = {}
    for (a, b), k in adjacent.items():
        if k >= 5 and k >= share * bin(has[a] & has[b]).count("1"):
            dense.setdefault(a, []).append(b)
    for a in sorted(dense):
        print(" ".join([words[a]] + [words[b] for b in sorted(dense[a])]))
    print("%d pairs of %d articles" % (sum(map(len, dense.values())), n),
          file=sys.stderr)


main()
