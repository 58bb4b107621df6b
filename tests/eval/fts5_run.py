#!/usr/bin/env python3
# Baseline ranking with SQLite FTS5 (BM25), for comparison with nsearch.
#
# Usage:
#   fts5_run.py CORPUS_JSONL_GZ QUERIES_TSV [--k 1000] [--title-weight 3.0] > run.jsonl
#
# The script loads every article of CORPUS_JSONL_GZ (one JSON object per line,
# gzip) into an in-memory FTS5 table
#   articles(id UNINDEXED, title, body, tokenize='porter unicode61')
# and runs each query of QUERIES_TSV ("qid<TAB>query text") as an OR of its
# words, ranked by bm25(articles, 0, TITLE_WEIGHT, 1.0) with ties broken by id.
# It prints one JSON line per query, in the order of the queries file:
#   {"qid": "1", "hits": [{"id": "time-334"}, ...]}
# which is the shape that tests/eval/score.py reads (nsearch --batch --json
# prints the same keys). Timing goes to stderr. Exit status 2 means bad usage
# or an unreadable or malformed input file.

import argparse
import gzip
import json
import re
import sqlite3
import sys
import time

# A word is a run of Unicode letters and digits: \w without the underscore.
WORD_RE = re.compile(r"[^\W_]+")


class InputError(Exception):
    """Raised when an input file cannot be read or parsed."""


def fts5_query(text):
    """Turn free text into an FTS5 OR query of quoted words, or None if it has no word."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    if not words:
        return None
    # Quoting makes AND/OR/NOT/NEAR plain words; a quote inside would be doubled,
    # although a word made of letters and digits never contains one.
    return " OR ".join('"%s"' % w.replace('"', '""') for w in words)


def read_queries(path):
    """Return [(qid, text), ...] in file order."""
    queries = []
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                if "\t" not in line:
                    raise InputError("%s:%d: expected 'qid<TAB>query text'" % (path, lineno))
                qid, text = line.split("\t", 1)
                queries.append((qid.strip(), text))
    except OSError as e:
        raise InputError("cannot read queries %s: %s" % (path, e.strerror or e))
    return queries


def load_articles(db, path):
    """Insert every article of the gzip JSON-lines file; return the number inserted."""
    count = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = []
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    art = json.loads(line)
                    rows.append((str(art["id"]), art.get("title") or "", art.get("body") or ""))
                except (ValueError, KeyError, TypeError) as e:
                    raise InputError("%s:%d: bad article: %s" % (path, lineno, e))
                if len(rows) >= 1000:
                    db.executemany("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)", rows)
                    count += len(rows)
                    rows = []
            db.executemany("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)", rows)
            count += len(rows)
    except (OSError, EOFError) as e:
        raise InputError("cannot read corpus %s: %s" % (path, getattr(e, "strerror", None) or e))
    return count


def main(argv):
    parser = argparse.ArgumentParser(
        description="Rank a corpus for a query file with SQLite FTS5 BM25; print a JSON-lines run.")
    parser.add_argument("corpus", help="articles.jsonl.gz")
    parser.add_argument("queries", help="queries.tsv (qid<TAB>query text)")
    parser.add_argument("--k", type=int, default=1000, help="hits per query (default 1000)")
    parser.add_argument("--title-weight", type=float, default=3.0,
                        help="bm25 weight of the title column; the body has 1.0 (default 3.0)")
    args = parser.parse_args(argv)
    if args.k < 1:
        parser.error("--k must be at least 1")

    try:
        queries = read_queries(args.queries)
        db = sqlite3.connect(":memory:")
        try:
            db.execute("CREATE VIRTUAL TABLE articles USING fts5("
                       "id UNINDEXED, title, body, tokenize='porter unicode61')")
        except sqlite3.OperationalError as e:
            print("fts5_run.py: this SQLite (%s) has no usable FTS5: %s"
                  % (sqlite3.sqlite_version, e), file=sys.stderr)
            return 2
        start = time.perf_counter()
        with db:
            count = load_articles(db, args.corpus)
        build = time.perf_counter() - start
    except InputError as e:
        print("fts5_run.py: %s" % e, file=sys.stderr)
        return 2
    print("fts5_run.py: indexed %d articles in %.3f s (%.0f articles/s)"
          % (count, build, count / build if build > 0 else 0.0), file=sys.stderr)

    sql = ("SELECT id FROM articles WHERE articles MATCH ? "
           "ORDER BY bm25(articles, 0, ?, 1.0), id LIMIT ?")
    start = time.perf_counter()
    out = sys.stdout
    for qid, text in queries:
        match = fts5_query(text)
        ids = []
        if match is not None:
            ids = [row[0] for row in db.execute(sql, (match, args.title_weight, args.k))]
        out.write(json.dumps({"qid": qid, "hits": [{"id": i} for i in ids]}) + "\n")
    elapsed = time.perf_counter() - start
    print("fts5_run.py: ran %d queries in %.3f s (%.1f ms/query, title weight %g, k %d)"
          % (len(queries), elapsed, 1000 * elapsed / max(len(queries), 1),
             args.title_weight, args.k), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
