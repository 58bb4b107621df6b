#!/usr/bin/env python3
"""fts5_bench.py - The SQLite FTS5 side of `make bench`.

    tests/bench/fts5_bench.py build CORPUS.jsonl.gz DB
    tests/bench/fts5_bench.py query DB QUERIES [--limit 10] [--warmup 50]
        [--times FILE]

build: a fresh DB file with the same fields nsearch indexes and stores,
    CREATE VIRTUAL TABLE articles USING fts5(title, body, section,
                                              tokenize='porter unicode61')
    CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id, date, url)
  filled in one transaction with journal_mode=OFF and synchronous=OFF
  (FTS5's fastest fair setting), then 'optimize' and VACUUM.  Everything
  from opening the corpus to the end of VACUUM is the build time.  Lines
  that do not parse or have no id are skipped, as nindex skips them.

query: runs each query of QUERIES ("qid<TAB>query" or "query", the format
  of nsearch --batch) as
    SELECT m.id, m.date, m.url, a.title,
           snippet(articles, 1, '<b>', '</b>', '...', 20),
           bm25(articles, 3.0, 1.0, 0.5)
    FROM articles a JOIN meta m ON m.rowid = a.rowid
    WHERE articles MATCH ? ORDER BY bm25(articles, 3.0, 1.0, 0.5) LIMIT 10
  (title weight 3, body 1, section 0.5: nsearch's weights).  Query words
  become quoted tokens joined by OR ("w1" OR "w2"); a phrase "a b" stays
  the phrase "a b".  The first WARMUP queries are run once untimed; then
  every query is timed with time.perf_counter around execute + fetchall,
  in-process, like nsearch's took_ms.  queries/s = queries / total time
  of the timed loop.  With --count-phrases, each query with a phrase is
  also counted (SELECT count(*) ... MATCH ?, after the timed loop, not
  timed): "totals" has the count, or null for the other queries, so that
  short pages can be told (bench.py).

Both print one JSON object on stdout.  Standard library only.
"""
import argparse
import gzip
import json
import os
import re
import sqlite3
import sys
import time

WORD_RE = re.compile(r"[^\W_]+")
PHRASE_RE = re.compile(r'"([^"]*)"')

SQL = ("SELECT m.id, m.date, m.url, a.title, "
       "snippet(articles, 1, '<b>', '</b>', '...', 20), "
       "bm25(articles, 3.0, 1.0, 0.5) "
       "FROM articles a JOIN meta m ON m.rowid = a.rowid "
       "WHERE articles MATCH ? ORDER BY bm25(articles, 3.0, 1.0, 0.5) LIMIT ?")


def fts5_query(text):
    """Free text to an FTS5 expression: words -> "w1" OR "w2", a phrase in
    double quotes -> "a b".  None if there is no word at all."""
    parts = []
    for m in PHRASE_RE.finditer(text):
        words = [w.lower() for w in WORD_RE.findall(m.group(1))]
        if words:
            parts.append('"%s"' % " ".join(words))
    rest = PHRASE_RE.sub(" ", text)
    parts += ['"%s"' % w.lower() for w in WORD_RE.findall(rest)]
    return " OR ".join(parts) if parts else None


def rows(path, counts):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                art = json.loads(line)
            except ValueError:
                counts["skipped"] += 1
                continue
            if not isinstance(art, dict) or not art.get("id"):
                counts["skipped"] += 1
                continue
            counts["articles"] += 1
            yield (counts["articles"], str(art["id"]), art.get("date"), art.get("url"),
                   art.get("title") or "", art.get("body") or "", art.get("section") or "")


def build(args):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(args.db + suffix)
        except FileNotFoundError:
            pass
    t0 = time.perf_counter()
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE articles USING fts5("
               "title, body, section, tokenize='porter unicode61')")
    db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, "
               "date TEXT, url TEXT)")
    counts = {"articles": 0, "skipped": 0}
    db.execute("BEGIN")
    cur = db.cursor()
    batch = []
    for r in rows(args.corpus, counts):
        batch.append(r)
        if len(batch) >= 1000:
            cur.executemany("INSERT INTO meta(rowid, id, date, url) VALUES (?, ?, ?, ?)",
                            [b[:4] for b in batch])
            cur.executemany("INSERT INTO articles(rowid, title, body, section) "
                            "VALUES (?, ?, ?, ?)", [(b[0],) + b[4:] for b in batch])
            batch = []
    if batch:
        cur.executemany("INSERT INTO meta(rowid, id, date, url) VALUES (?, ?, ?, ?)",
                        [b[:4] for b in batch])
        cur.executemany("INSERT INTO articles(rowid, title, body, section) "
                        "VALUES (?, ?, ?, ?)", [(b[0],) + b[4:] for b in batch])
    db.execute("COMMIT")
    t_insert = time.perf_counter()
    db.execute("INSERT INTO articles(articles) VALUES('optimize')")
    t_optimize = time.perf_counter()
    db.execute("VACUUM")
    db.close()
    t1 = time.perf_counter()
    size = sum(os.path.getsize(args.db + s) for s in ("", "-wal")
               if os.path.exists(args.db + s))
    out = {"articles": counts["articles"], "skipped": counts["skipped"],
           "build_s": t1 - t0, "insert_s": t_insert - t0,
           "optimize_s": t_optimize - t_insert, "vacuum_s": t1 - t_optimize,
           "db_bytes": size, "sqlite_version": sqlite3.sqlite_version}
    print(json.dumps(out))
    return 0


def read_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.strip():
                qid, _, text = line.rpartition("\t")
                out.append((qid or str(len(out) + 1), text))
    return out


def query(args):
    queries = read_queries(args.queries)
    db = sqlite3.connect("file:%s?mode=ro" % args.db, uri=True)
    match = [fts5_query(text) for _, text in queries]

    def run(m):
        if m is None:
            return []
        return db.execute(SQL, (m, args.limit)).fetchall()

    errors = 0
    for m in match[:args.warmup]:
        try:
            run(m)
        except sqlite3.Error:
            pass
    times, hits = [], []
    loop0 = time.perf_counter()
    for m in match:
        t0 = time.perf_counter()
        try:
            res = run(m)
        except sqlite3.Error:
            res = None
        times.append((time.perf_counter() - t0) * 1000.0)
        if res is None:
            errors += 1
            hits.append(0)
        else:
            hits.append(len(res))
    loop = time.perf_counter() - loop0
    totals = []
    for (_, text), m in zip(queries, match):
        total = None
        if args.count_phrases and m is not None and '"' in text:
            try:
                total = db.execute("SELECT count(*) FROM articles WHERE articles MATCH ?",
                                   (m,)).fetchone()[0]
            except sqlite3.Error:
                pass
        totals.append(total)
    db.close()
    if args.times:
        with open(args.times, "w", encoding="utf-8") as f:
            for (qid, _), ms, n in zip(queries, times, hits):
                f.write("%s\t%.4f\t%d\n" % (qid, ms, n))
    print(json.dumps({"queries": len(queries), "errors": errors, "loop_s": loop,
                      "took_ms": times, "hits": hits, "totals": totals,
                      "warmup": args.warmup,
                      "limit": args.limit}))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build DB from CORPUS")
    b.add_argument("corpus")
    b.add_argument("db")
    q = sub.add_parser("query", help="time QUERIES against DB")
    q.add_argument("db")
    q.add_argument("queries")
    q.add_argument("--limit", type=int, default=10)
    q.add_argument("--warmup", type=int, default=50)
    q.add_argument("--times", help="also write qid<TAB>ms<TAB>hits lines here")
    q.add_argument("--count-phrases", action="store_true",
                   help="count the matches of queries with a phrase (untimed)")
    args = ap.parse_args(argv)
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError as e:
        print("fts5_bench.py: this SQLite (%s) has no FTS5: %s"
              % (sqlite3.sqlite_version, e), file=sys.stderr)
        return 2
    return build(args) if args.cmd == "build" else query(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
