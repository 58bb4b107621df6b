#!/usr/bin/env python3
# Proximity of the query words as a ranking signal, measured and rejected
# (README "Ranking quality"): the first K hits of nsearch re-ranked by their
# BM25 score plus a proximity score read from each hit's text, then scored
# as tests/eval/ranking.sh scores the plain run.
#
# Usage:
#   proximity.py [--k 100] [CORPUS...]      (default corpora: time cacm)
#
# Two proximity scores from the literature, each added at 0.5 and 1 times
# its own scale:
#   buttcher  Buettcher, Clarke and Lushman, "Term proximity scoring for
#             ad-hoc retrieval on very large text collections" (SIGIR 2006):
#             each pair of adjacent occurrences of two different query
#             words adds the other's idf / distance^2 to an accumulator per
#             word, saturated like a BM25 term frequency.
#   tp        Rasolofo and Savoy, "Term proximity scoring for keyword-based
#             retrieval systems" (ECIR 2003), BM25TP: each pair of different
#             query words within 5 words adds 1 / distance^2, saturated per
#             pair and weighted by the smaller idf of the two.
# Words are split into runs of letters and digits, lower-cased and stemmed
# by Xapian's English Snowball stemmer (python3-xapian, Debian's binding of
# the library nsearch uses; `make eval-proximity` installs it), the title's
# words before the body's.  Query words nsearch does not search by (its
# stop words) are left out here too.
#
# Environment: SHARED (<repo>/../shared), NSEARCH_BIN (<repo>/bin).
import argparse
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import xapian

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, here)
import score  # noqa: E402

K1, B = 1.2, 0.85  # nsearch's BM25 (common/index-private.h)
WORD = re.compile(r"[a-z0-9]+")


def stop_words():
    path = os.path.join(repo, "common", "stop-words-en.txt")
    with open(path, encoding="utf-8") as f:
        return {w for line in f if not line.startswith("#") for w in line.split()}


class Corpus:
    def __init__(self, path):
        stem = xapian.Stem("english")
        self.cache = {}
        self.stem = lambda w: self.cache.get(w) or self.cache.setdefault(w, stem(w).decode())
        self.docs = {}
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                words = WORD.findall((a.get("title") or "").lower())
                words += [""] * 10 + WORD.findall((a.get("body") or "").lower())
                self.docs[a["id"]] = [self.stem(w) if w else w for w in words]
        self.df = {}
        for words in self.docs.values():
            for s in set(words):
                self.df[s] = self.df.get(s, 0) + 1
        self.avdl = sum(len(w) for w in self.docs.values()) / len(self.docs)

    def idf(self, s):
        n, N = self.df.get(s, 0), len(self.docs)
        return max(math.log((N - n + 0.5) / (n + 0.5)), 0.0) if n else 0.0

    def proximity(self, form, q, doc):
        seq = self.docs[doc]
        occ = [(i, s) for i, s in enumerate(seq) if s in q]
        norm = K1 * ((1 - B) + B * len(seq) / self.avdl)
        if form == "buttcher":
            acc = {}
            for (i, s), (j, u) in zip(occ, occ[1:]):
                if s != u:
                    acc[s] = acc.get(s, 0) + q[u] / (j - i) ** 2
                    acc[u] = acc.get(u, 0) + q[s] / (j - i) ** 2
            return sum(min(1, q[s]) * a * (K1 + 1) / (a + norm) for s, a in acc.items())
        pairs = {}
        for x, (i, s) in enumerate(occ):
            for j, u in occ[x + 1:]:
                if j - i > 5:
                    break
                if s != u:
                    key = tuple(sorted((s, u)))
                    pairs[key] = pairs.get(key, 0) + 1.0 / (j - i) ** 2
        return sum(min(q[a], q[b]) * (K1 + 1) * v / (norm + v) for (a, b), v in pairs.items())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, default=100, help="hits re-ranked per query")
    ap.add_argument("corpora", nargs="*", default=["time", "cacm"])
    args = ap.parse_args()
    shared = os.environ.get("SHARED") or os.path.join(repo, "..", "shared")
    bindir = os.environ.get("NSEARCH_BIN") or os.path.join(repo, "bin")
    stop = stop_words()
    with tempfile.TemporaryDirectory() as tmp:
        for c in args.corpora:
            d = os.path.join(shared, "corpora", c)
            db = os.path.join(tmp, c)
            subprocess.run([os.path.join(bindir, "nindex"), "--quiet", "--db", db,
                            os.path.join(d, "articles.jsonl.gz")], check=True)
            with open(os.path.join(d, "queries.tsv"), encoding="utf-8") as f:
                out = subprocess.run([os.path.join(bindir, "nsearch"), "--db", db, "--batch",
                                      "--json", "--limit", "1000", "--related", "0",
                                      "--snippet-len", "0"], stdin=f, check=True,
                                     capture_output=True, text=True).stdout
            runs = [json.loads(line) for line in out.splitlines() if line.strip()]
            corpus = Corpus(os.path.join(d, "articles.jsonl.gz"))
            qrels = score.read_qrels(os.path.join(d, "qrels.txt"))
            for form, weight in [(None, 0), ("buttcher", 0.5), ("buttcher", 1),
                                 ("tp", 0.5), ("tp", 1)]:
                ranked = {}
                for r in runs:
                    words = {w for w in WORD.findall(r["query"].lower()) if w not in stop}
                    q = {corpus.stem(w): corpus.idf(corpus.stem(w)) for w in words}
                    hits = r.get("hits", [])
                    top = hits[:args.k]
                    if form:
                        top = sorted(top, key=lambda h: -(h["score"] + weight *
                                                          corpus.proximity(form, q, h["id"])))
                    ranked[str(r["qid"])] = [h["id"] for h in top + hits[args.k:]]
                m, n, nq, _ = score.evaluate(qrels, ranked)
                name = "BM25 alone" if not form else "%s at %g" % (form, weight)
                print("%-5s %-16s MAP %.4f nDCG@10 %.4f over %d queries" % (c, name, m, n, nq))


if __name__ == "__main__":
    main()
