#!/usr/bin/env python3
"""How often "Did you mean" puts a typo right, and how often it guesses
wrong, measured through nsearch itself.

Usage: tests/eval/spelling.py [--db DIR] [--nsearch PATH] [--shared DIR]

Without --db, Reuters-21578 from SHARED/corpora is indexed into a temporary
directory with nindex (beside nsearch).  The words of the test are those of
Reuters' titles and bodies as a simple tokeniser finds them (letters only,
in at least 3 articles); each query is one word with random typos (a
letter dropped, added, changed or two swapped, anywhere in the word, with a
fixed seed), kept only when the typo is not itself a word of Reuters.  The
words "absent" are those of BBC News that Reuters never uses: any
correction offered for them is a wrong guess, since the archive cannot have
the word meant.  The words "run together" are two adjacent words of
Reuters' bodies (each of three letters or more, in at least 3 articles)
joined, where the join is no word of Reuters: the suggestion must be the
two words apart.  Each class is 400 queries.

Printed, for typos: the share put right (the suggestion is the word) and
the share given another word; for absent words: the share given any
suggestion.  Run it with the nsearch of two builds to compare them.
"""
import argparse
import collections
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r"[a-z]+")
ALPHA = "abcdefghijklmnopqrstuvwxyz"
N = 400


def words_of(path, fields=("title", "body")):
    """Article frequency of each word of the corpus at PATH."""
    df = collections.Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            text = " ".join(art.get(k) or "" for k in fields).lower()
            df.update(set(WORD.findall(text)))
    return df


def typo(rng, w):
    i = rng.randrange(len(w))
    op = rng.choice("dist")
    if op == "d" and len(w) > 1:
        return w[:i] + w[i + 1:]
    if op == "i":
        return w[:i] + rng.choice(ALPHA) + w[i:]
    if op == "t" and i + 1 < len(w):
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return w[:i] + rng.choice(ALPHA) + w[i + 1:]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--nsearch", default=os.path.join(repo, "bin", "nsearch"))
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    corpora = os.path.join(a.shared, "corpora")
    reuters = os.path.join(corpora, "reuters21578", "articles.jsonl.gz")
    bbc = os.path.join(corpora, "bbc", "articles.jsonl.gz")
    for p in (reuters, bbc, a.nsearch):
        if not os.path.exists(p):
            sys.exit("spelling.py: missing %s" % p)

    tmp = tempfile.TemporaryDirectory(prefix="nsearch-spelling-")
    db = a.db
    if not db:
        db = os.path.join(tmp.name, "db")
        nindex = os.path.join(os.path.dirname(a.nsearch), "nindex")
        print("spelling.py: indexing Reuters into %s" % db, file=sys.stderr)
        # Exit 3: some records skipped (Reuters has one without text).
        rc = subprocess.run([nindex, "--quiet", "--db", db, "--rebuild",
                             reuters]).returncode
        if rc not in (0, 3):
            sys.exit("spelling.py: nindex exited %d" % rc)

    rng = random.Random(a.seed)
    df = words_of(reuters)
    known = set(df)
    pool = sorted(w for w, n in df.items() if n >= 3)
    queries = []  # (class, typed, meant)
    for lo, hi in ((3, 5), (6, 99)):
        for edits in (1, 2):
            cls = "typo, %d edit%s, %s letters" % (
                edits, "s" if edits > 1 else "",
                "3-5" if hi == 5 else "6+")
            words = [w for w in pool if lo <= len(w) <= hi]
            n = 0
            while n < N:
                w = rng.choice(words)
                t = w
                for _ in range(edits):
                    t = typo(rng, t)
                if t == w or t in known:
                    continue
                queries.append((cls, t, w))
                n += 1
    absent = sorted(w for w in words_of(bbc) if w not in known)
    rng.shuffle(absent)
    for lo, hi in ((3, 5), (6, 99)):
        cls = "absent, %s letters" % ("3-5" if hi == 5 else "6+")
        for w in [w for w in absent if lo <= len(w) <= hi][:N]:
            queries.append((cls, w, None))
    # Two words run together, the space between them lost: adjacent words
    # of Reuters' bodies, each in the pool, whose join is no word of it.
    pairs = set()
    with gzip.open(reuters, "rt", encoding="utf-8") as f:
        for line in f:
            toks = WORD.findall((json.loads(line).get("body") or "").lower())
            for x, y in zip(toks, toks[1:]):
                if (len(x) >= 3 and len(y) >= 3 and df[x] >= 3
                        and df[y] >= 3 and x + y not in known):
                    pairs.add((x, y))
    for x, y in rng.sample(sorted(pairs), N):
        queries.append(("two words run together", x + y, x + " " + y))

    batch = "".join("%d\t%s\n" % (i, q[1]) for i, q in enumerate(queries))
    out = subprocess.run([a.nsearch, "--db", db, "--batch", "--json",
                          "--related", "0", "--limit", "1",
                          "--snippet-len", "0"],
                         input=batch, capture_output=True, text=True,
                         check=True).stdout
    got = {}
    for line in out.splitlines():
        d = json.loads(line)
        got[int(d["qid"])] = d.get("suggestion")
    stats = collections.OrderedDict()
    for i, (cls, typed, meant) in enumerate(queries):
        s = stats.setdefault(cls, [0, 0, 0])
        sug = got.get(i)
        s[2] += 1
        if meant is None:
            s[0] += sug is not None
        elif sug == meant:
            s[0] += 1
        elif sug is not None:
            s[1] += 1
    print("%-28s %8s %8s %6s" % ("queries", "right", "other", "n"))
    for cls, (right, other, n) in stats.items():
        if cls.startswith("absent"):
            print("%-28s %8s %8.2f %6d" % (cls, "-", right / n, n))
        else:
            print("%-28s %8.2f %8.2f %6d" % (cls, right / n, other / n, n))


if __name__ == "__main__":
    main()
