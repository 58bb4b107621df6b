#!/usr/bin/env python3
"""make_queries.py - A fixed, seeded benchmark query set drawn from a corpus.

    tests/bench/make_queries.py CORPUS.jsonl.gz OUT.txt [--count 1000]
        [--seed 42] [--articles N]

Writes COUNT queries, one a line as "qid<TAB>query" (the input format of
`nsearch --batch`, also read by fts5_bench.py), and prints the file's sha256
on stdout.  The mix is exact: 40% one word, 30% two words, 20% three words,
10% a two-word phrase in double quotes ("crude oil").  Each query is taken
from one article of the corpus, picked at random, so that it is topical and
usually matches something:

  * words are whitespace-separated tokens of the title and body that are
    plain ASCII letters once leading and trailing punctuation is stripped
    (so not "D'Esopo", "U.S." or "state-owned", which tokenizers split
    differently), 3+ letters, lower-cased, not in the stopword list below;
  * the words of a two- or three-word query are distinct words of the
    same article;
  * a phrase is two such words that follow each other in the text,
    separated only by whitespace (so both engines see them as adjacent).

Everything is driven by one random.Random(SEED) stream and the corpus is
read in file order, so the same corpus and seed give a byte-identical
file.  --articles N skips the counting pass when the caller already knows
the number of articles with an id.  Standard library only.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import string
import sys

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down
during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own
said same says she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your
yours yourself yourselves
""".split())

PUNCT = string.punctuation
KINDS = ((1, 40), (2, 30), (3, 20), ("phrase", 10))  # kind, percent


def good(word):
    return len(word) >= 3 and word not in STOPWORDS


def plain(tok):
    """TOK without surrounding punctuation, lower-cased, if it is then a
    word of ASCII letters only; else None."""
    w = tok.strip(PUNCT)
    return w.lower() if w.isascii() and w.isalpha() else None


def article_words(art):
    text = "%s\n%s" % (art.get("title") or "", art.get("body") or "")
    seen, words = set(), []
    for tok in text.split():
        w = plain(tok)
        if w and good(w) and w not in seen:
            seen.add(w)
            words.append(w)
    return words


def article_phrases(art):
    """Pairs of adjacent whitespace-separated tokens that are both plain
    words, with no punctuation between them (the second may end with some:
    "crude oil."), in text order, duplicates removed."""
    out, seen = [], set()
    for text in (art.get("title") or "", art.get("body") or ""):
        toks = text.split()
        for a, b in zip(toks, toks[1:]):
            b = b.rstrip(PUNCT)
            if a.isascii() and b.isascii() and a.isalpha() and b.isalpha():
                a, b = a.lower(), b.lower()
                if good(a) and good(b) and a != b and (a, b) not in seen:
                    seen.add((a, b))
                    out.append((a, b))
    return out


def iter_articles(path):
    """(index, article) for every line that parses and has an id; the index
    counts only those lines, in file order."""
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                art = json.loads(line)
            except ValueError:
                continue
            if not isinstance(art, dict) or not art.get("id"):
                continue
            yield n, art
            n += 1


def count_articles(path):
    return sum(1 for _ in iter_articles(path))


def make_queries(path, count, seed, articles=None):
    rng = random.Random(seed)
    if articles is None:
        articles = count_articles(path)
    if articles == 0:
        raise SystemExit("make_queries.py: %s has no article with an id" % path)
    kinds = []
    for kind, pct in KINDS:
        kinds += [kind] * (count * pct // 100)
    kinds += [1] * (count - len(kinds))          # rounding rest: single words
    rng.shuffle(kinds)
    # Candidate articles, in draw order; three per query leaves room for
    # articles too short for the query kind they were drawn for.
    pool = rng.sample(range(articles), min(articles, 3 * count))
    wanted = set(pool)
    texts = {}
    for i, art in iter_articles(path):
        if i in wanted:
            texts[i] = {"title": art.get("title") or "", "body": art.get("body") or ""}
    queries, cursor = [], 0
    for kind in kinds:
        q, tries = None, 0
        while q is None:
            if tries > len(pool):
                raise SystemExit("make_queries.py: no article of %s has enough "
                                 "words for a %s query" % (path, kind))
            tries += 1
            if cursor >= len(pool):
                cursor = 0   # a small corpus: round the pool again
            art = texts[pool[cursor]]
            cursor += 1
            if kind == "phrase":
                pairs = article_phrases(art)
                if pairs:
                    a, b = rng.choice(pairs)
                    q = '"%s %s"' % (a, b)
            else:
                words = article_words(art)
                if len(words) >= kind:
                    q = " ".join(rng.sample(words, kind))
        queries.append(q)
    return queries


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="articles.jsonl.gz")
    ap.add_argument("out", help="query file to write (qid<TAB>query)")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--articles", type=int,
                    help="number of articles with an id (skips a counting pass)")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    queries = make_queries(args.corpus, args.count, args.seed, args.articles)
    data = "".join("q%04d\t%s\n" % (i + 1, q) for i, q in enumerate(queries))
    data = data.encode("utf-8")
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)
    print("%s  %s" % (hashlib.sha256(data).hexdigest(), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
