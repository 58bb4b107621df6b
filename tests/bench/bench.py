#!/usr/bin/env python3
"""bench.py - nsearch against SQLite FTS5, side by side, in one run.

    tests/bench/bench.py [--corpora reuters,syn] [--n 100000]
        [--dir /tmp/nsearch-bench] [--bin bin] [--shared ../shared]
        [--json FILE] [--queries 1000] [--jobs 2] [--warmup 50]
        [--rss auto|time|wait4]

For each corpus, on the same machine and in the same run:

  nsearch  bin/nindex builds a fresh index in DIR/<corpus>.nsearch
           (`--rebuild --jobs J` when `nindex --help` offers --rebuild);
           wall time -> articles/s, peak RSS (GNU time's %M if
           /usr/bin/time exists, else os.wait4: see run_measured), index
           size (the `current` generation when there is one).
           Then `nsearch --batch --limit 10 --related 0`, and again with
           `--related 5`, with `--facets` and with `--no-collapse` (the
           plain search): each batch is run twice and the second run is
           measured (took_ms per query; queries/s = queries / wall time of
           the whole batch process).
  FTS5     tests/bench/fts5_bench.py build / query (see there): the same
           fields, porter unicode61, top 10 with snippet() and bm25().

Articles = lines of the source that parse and have an id; raw JSON = the
uncompressed bytes of the source.  Queries come from make_queries.py
(1,000 per corpus, random.Random(42)) and are kept in DIR with their
sha256; both engines run the same file.  The synthetic corpus is made with
SHARED/corpora/tools/synth.py N --seed 7 in DIR, once, and reused while its
.sha256 marker matches.  DIR must be outside the repository.

Prints one table (every figure, and the ratio nsearch/FTS5) and writes all
figures to --json (default DIR/bench.json).  Standard library only.
"""
import argparse
import datetime
import gzip
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REAL = {"reuters": "reuters21578", "reuters21578": "reuters21578", "bbc": "bbc",
        "20newsgroups": "20newsgroups", "20ng": "20newsgroups", "time": "time",
        "cacm": "cacm"}
SYN_SEED = 7
SYN_KNOWN = {100000: "ad7a3c8bc68e8edc1ff50bb7a4dbe94060137f4fafc4de40175d218f88daf4d0"}
QUERY_SEED = 42
MIB = 1024.0 * 1024.0


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def die(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- helpers

def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dir_bytes(path):
    """Bytes of the regular files under PATH; symlinks are not followed."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            p = os.path.join(root, name)
            if os.path.isfile(p) and not os.path.islink(p):
                total += os.path.getsize(p)
    return total


def current_generation(db):
    """The directory of the live generation, or None if the index has no
    generations (DIR/current is a symlink to, or a file naming, a subdir)."""
    cur = os.path.join(db, "current")
    if os.path.islink(cur) or os.path.isdir(cur):
        target = os.path.realpath(cur)
        return target if os.path.isdir(target) else None
    if os.path.isfile(cur):
        with open(cur, encoding="utf-8", errors="replace") as f:
            name = f.read().strip()
        target = os.path.join(db, name)
        return target if name and os.path.isdir(target) else None
    return None


def percentile(values, p):
    """Nearest rank, as socket_bench.py and nsearchd's /v1/stats do."""
    s = sorted(values)
    return s[max(0, -(-len(s) * p // 100) - 1)] if s else None


GNU_TIME = "/usr/bin/time"


def have_gnu_time():
    try:
        r = subprocess.run([GNU_TIME, "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    except OSError:
        return False
    return "GNU" in r.stdout


def run_measured(cmd, stdin=None, stdout=None, stderr=None, rss_file=None):
    """Run CMD; return (exit code, wall seconds, peak RSS of CMD in KiB).

    The peak comes from GNU time (`/usr/bin/time -f %M`, Debian package
    `time`) when it is installed.  Without it, from os.wait4 on a fork()ed
    child; that figure has this process's RSS at the fork as its floor (Linux
    folds the pre-exec memory into ru_maxrss; with vfork, the default of
    subprocess, the floor would even be this process's *peak*), so it is
    only right for children much bigger than the harness.  The method and
    the floor are recorded in the JSON."""
    if rss_file:
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + list(cmd)
        t0 = time.perf_counter()
        code = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=stderr).returncode
        wall = time.perf_counter() - t0
        rss = None
        with open(rss_file, encoding="utf-8", errors="replace") as f:
            for line in f:     # "Command exited with non-zero status 3" first
                if line.strip().isdigit():
                    rss = int(line)
        return code, wall, rss
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr,
                         preexec_fn=lambda: None)   # fork, not vfork: see above
    _pid, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, wall, ru.ru_maxrss


def measure(args, cmd, label, what, **kw):
    """run_measured with the RSS method chosen in main()."""
    rss_file = os.path.join(args.dir, "%s.%s.rss" % (label, what)) if args.gnu_time else None
    return run_measured(cmd, rss_file=rss_file, **kw)


def rss_method(args):
    if args.gnu_time:
        return {"rss_method": "gnu-time"}
    return {"rss_method": "wait4-fork",
            "rss_floor_kib": current_rss_kib()}


def current_rss_kib():
    try:
        with open("/proc/self/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def tail(path, lines=5):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def rmtree_in(path, parent):
    """rm -rf PATH, but only below PARENT (the scratch directory)."""
    real = os.path.realpath(path)
    if not real.startswith(os.path.realpath(parent) + os.sep):
        die("refusing to remove %s: not under %s" % (path, parent))
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)


# ---------------------------------------------------------------- inputs

def synth_corpus(args):
    """DIR/syn-N.jsonl.gz, generated once; reused while it matches its
    .sha256 marker."""
    out = os.path.join(args.dir, "syn-%d.jsonl.gz" % args.n)
    marker = out + ".sha256"
    if os.path.exists(out) and os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            want = (f.read().split() or [""])[0]
        t0 = time.perf_counter()
        if sha256_file(out) == want:
            log("reusing %s (sha256 checked in %.1f s)" % (out, time.perf_counter() - t0))
            return out
        log("%s does not match its marker; generating it again" % out)
    synth = os.path.join(args.shared, "corpora", "tools", "synth.py")
    if not os.path.isfile(synth):
        die("%s not found (set SHARED or --shared)" % synth)
    tmp = out + ".tmp.gz"
    log("generating %d synthetic articles into %s ..." % (args.n, out))
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, synth, str(args.n), tmp, "--seed", str(SYN_SEED)],
                       stdout=subprocess.DEVNULL)
    if r.returncode != 0:
        die("synth.py failed with exit status %d" % r.returncode)
    digest = sha256_file(tmp)
    if args.n in SYN_KNOWN and digest != SYN_KNOWN[args.n]:
        log("warning: sha256 %s differs from the documented %s" % (digest, SYN_KNOWN[args.n]))
    os.replace(tmp, out)
    with open(marker, "w", encoding="utf-8") as f:
        f.write("%s  %s\n" % (digest, os.path.basename(out)))
    log("generated in %.1f s, sha256 %s" % (time.perf_counter() - t0, digest))
    return out


def source_stats(args, label, path):
    """(articles with an id, uncompressed bytes), cached in DIR by path,
    size and mtime."""
    st = os.stat(path)
    key = {"path": os.path.realpath(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    cache = os.path.join(args.dir, "%s.stats.json" % label)
    try:
        with open(cache, encoding="utf-8") as f:
            d = json.load(f)
        if d.get("key") == key:
            return d["articles"], d["raw_bytes"]
    except (OSError, ValueError, KeyError):
        pass
    log("%s: counting articles and raw bytes of %s ..." % (label, path))
    articles = raw = 0
    with gzip.open(path, "rb") as f:
        for line in f:
            raw += len(line)
            if not line.strip():
                continue
            try:
                art = json.loads(line)
            except ValueError:
                continue
            if isinstance(art, dict) and art.get("id"):
                articles += 1
    with open(cache, "w", encoding="utf-8") as f:
        json.dump({"key": key, "articles": articles, "raw_bytes": raw}, f)
    return articles, raw


def query_file(args, label, path, articles):
    """DIR/queries-<label>.txt from make_queries.py, kept while the source,
    count and seed are unchanged and the file still has its sha256."""
    out = os.path.join(args.dir, "queries-%s.txt" % label)
    meta = out + ".json"
    st = os.stat(path)
    key = {"source": os.path.realpath(path), "size": st.st_size,
           "mtime_ns": st.st_mtime_ns, "count": args.queries, "seed": QUERY_SEED,
           "generator_sha256": sha256_file(os.path.join(HERE, "make_queries.py"))}
    try:
        with open(meta, encoding="utf-8") as f:
            d = json.load(f)
        if d.get("key") == key and sha256_file(out) == d.get("sha256"):
            log("%s: reusing %s (sha256 %s)" % (label, out, d["sha256"]))
            return out, d["sha256"]
    except (OSError, ValueError):
        pass
    r = subprocess.run([sys.executable, os.path.join(HERE, "make_queries.py"), path, out,
                        "--count", str(args.queries), "--seed", str(QUERY_SEED),
                        "--articles", str(articles)],
                       stdout=subprocess.PIPE, text=True)
    if r.returncode != 0:
        die("make_queries.py failed for %s" % label)
    digest = r.stdout.split()[0]
    with open(meta, "w", encoding="utf-8") as f:
        json.dump({"key": key, "sha256": digest}, f)
    log("%s: wrote %s, sha256 %s" % (label, out, digest))
    return out, digest


# ---------------------------------------------------------------- engines

def nsearch_build(args, label, source):
    nindex = os.path.join(args.bin, "nindex")
    db = os.path.join(args.dir, "%s.nsearch" % label)
    rmtree_in(db, args.dir)
    helptext = subprocess.run([nindex, "--help"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True).stdout
    cmd = [nindex, "--quiet", "--db", db]
    if "--rebuild" in helptext:
        cmd.append("--rebuild")
        if "--jobs" in helptext:
            cmd += ["--jobs", str(args.jobs)]
    cmd.append(source)
    err = os.path.join(args.dir, "%s.nindex.err" % label)
    log("%s: %s" % (label, " ".join(cmd)))
    with open(err, "w") as ef:
        code, wall, rss = measure(args, cmd, label, "nindex", stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=ef)
    if code not in (0, 3):
        die("%s: nindex exited with %d:\n%s" % (label, code, tail(err)))
    with open(err, encoding="utf-8", errors="replace") as f:
        stderr_lines = sum(1 for _ in f)
    gen = current_generation(db)
    total = dir_bytes(db)
    cur = dir_bytes(gen) if gen else total
    # Documents in the index: the empty query lists every article.
    indexed = None
    r = subprocess.run([os.path.join(args.bin, "nsearch"), "--db", db, "--json",
                        "--limit", "1", "--related", "0", "--snippet-len", "0", ""],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        indexed = json.loads(r.stdout)["total"]
    except (ValueError, KeyError, TypeError):
        pass
    return {"db": db, "command": cmd, "exit": code, "build_s": wall,
            "peak_rss_kib": rss, "stderr_lines": stderr_lines, "indexed": indexed,
            "generations": gen is not None, "index_bytes": cur,
            "index_bytes_all": total, **rss_method(args)}


def nsearch_queries(args, label, db, queries, related, extra=(), name=None):
    nsearch = os.path.join(args.bin, "nsearch")
    cmd = [nsearch, "--db", db, "--batch", "--limit", "10", "--related", str(related)]
    cmd += list(extra)
    out = os.path.join(args.dir, "%s.nsearch-%s.jsonl" % (label, name or "related%d" % related))
    runs = []
    for _ in range(2):          # the first run is the warm-up
        with open(queries, "rb") as qf, open(out, "wb") as of:
            code, wall, rss = measure(args, cmd, label, "nsearch", stdin=qf, stdout=of,
                                      stderr=subprocess.DEVNULL)
        if code != 0:
            die("%s: %s exited with %d" % (label, " ".join(cmd), code))
        runs.append(wall)
    took, hits, totals, qids, errors = [], [], [], [], 0
    with open(out, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "error" in d or "took_ms" not in d:
                errors += 1
                continue
            took.append(float(d["took_ms"]))
            hits.append(len(d.get("hits") or []))
            totals.append(d.get("total"))
            qids.append(d.get("qid"))
    n = len(took) + errors
    return {"command": cmd, "queries": n, "errors": errors, "wall_s": runs[1],
            "warmup_wall_s": runs[0], "peak_rss_kib": rss, "took_ms": took, "hits": hits,
            "totals": totals, "qids": qids}


def fts5_build(args, label, source):
    db = os.path.join(args.dir, "%s.fts5.db" % label)
    out = os.path.join(args.dir, "%s.fts5-build.json" % label)
    cmd = [sys.executable, os.path.join(HERE, "fts5_bench.py"), "build", source, db]
    log("%s: %s" % (label, " ".join(cmd)))
    with open(out, "w") as of:
        code, wall, rss = measure(args, cmd, label, "fts5-build",
                                  stdin=subprocess.DEVNULL, stdout=of)
    if code != 0:
        die("%s: fts5_bench.py build exited with %d" % (label, code))
    with open(out, encoding="utf-8") as f:
        d = json.load(f)
    d.update({"db": db, "command": cmd, "build_s": wall, "build_s_inside": d["build_s"],
              "peak_rss_kib": rss, "index_bytes": os.path.getsize(db)})
    d.update(rss_method(args))
    return d


def fts5_queries(args, label, db, queries):
    out = os.path.join(args.dir, "%s.fts5-query.json" % label)
    cmd = [sys.executable, os.path.join(HERE, "fts5_bench.py"), "query", db, queries,
           "--limit", "10", "--warmup", str(args.warmup), "--count-phrases"]
    with open(out, "w") as of:
        code, _wall, rss = measure(args, cmd, label, "fts5-query",
                                   stdin=subprocess.DEVNULL, stdout=of)
    if code != 0:
        die("%s: fts5_bench.py query exited with %d" % (label, code))
    with open(out, encoding="utf-8") as f:
        d = json.load(f)
    d.update({"command": cmd, "peak_rss_kib": rss})
    return d


# ---------------------------------------------------------------- report

def latency(took, hits, n, seconds):
    return {"p50_ms": percentile(took, 50), "p95_ms": percentile(took, 95),
            "p99_ms": percentile(took, 99),
            "mean_ms": sum(took) / len(took) if took else None,
            "queries_per_s": n / seconds if seconds > 0 else None,
            "queries_per_s_in_process": len(took) / (sum(took) / 1000.0) if took and sum(took) else None,
            "with_hits_pct": 100.0 * sum(1 for h in hits if h) / len(hits) if hits else None}


def phrase_texts(queries):
    """qid -> whether the query of that line has a phrase ("..."), in file
    order as a list too (FTS5's results come in file order)."""
    flags = []
    with open(queries, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.strip():
                qid, _, text = line.rpartition("\t")
                flags.append((qid, '"' in text))
    return flags


def split_phrases(took, hits, totals, is_phrase, limit=10):
    """p50/p99 of phrase queries and of the rest, and the share of short
    pages: a first page with fewer hits than min(limit, total), where the
    total is the engine's own count (None: not counted, not judged)."""
    ph = [i for i in range(len(took)) if is_phrase[i]]
    rest = [i for i in range(len(took)) if not is_phrase[i]]
    judged = [i for i in ph if totals[i] is not None]
    short = [i for i in judged if hits[i] < min(limit, totals[i])]
    return {"phrase_queries": len(ph),
            "phrase_p50_ms": percentile([took[i] for i in ph], 50),
            "phrase_p99_ms": percentile([took[i] for i in ph], 99),
            "phrase_max_ms": max([took[i] for i in ph]) if ph else None,
            "rest_p50_ms": percentile([took[i] for i in rest], 50),
            "rest_p99_ms": percentile([took[i] for i in rest], 99),
            "phrase_pages_judged": len(judged),
            "phrase_short_pages": len(short),
            "phrase_short_pct": 100.0 * len(short) / len(judged) if judged else None}


def bench_corpus(args, name):
    if name == "syn":
        source = synth_corpus(args)
        label = ("syn%dM" % (args.n // 1000000) if args.n % 1000000 == 0 else
                 "syn%dk" % (args.n // 1000) if args.n % 1000 == 0 else "syn%d" % args.n)
    else:
        label = name
        source = os.path.join(args.shared, "corpora", REAL[name], "articles.jsonl.gz")
        if not os.path.isfile(source):
            die("%s not found (set SHARED or --shared)" % source)
    articles, raw = source_stats(args, label, source)
    queries, qsha = query_file(args, label, source, articles)
    log("%s: %d articles, %.1f MiB of JSON" % (label, articles, raw / MIB))

    ns = nsearch_build(args, label, source)
    log("%s: nsearch built in %.1f s (%.0f articles/s), %.1f MiB"
        % (label, ns["build_s"], articles / ns["build_s"], ns["index_bytes"] / MIB))
    ft = fts5_build(args, label, source)
    log("%s: FTS5 built in %.1f s (%.0f articles/s), %.1f MiB"
        % (label, ft["build_s"], articles / ft["build_s"], ft["index_bytes"] / MIB))

    flags = phrase_texts(queries)
    nq = {}
    for related in (0, 5):
        r = nsearch_queries(args, label, ns["db"], queries, related)
        by_qid = dict(flags)
        r.update(split_phrases(r["took_ms"], r["hits"], r.pop("totals"),
                               [by_qid.get(q, False) for q in r.pop("qids")]))
        r.update(latency(r.pop("took_ms"), r.pop("hits"), r["queries"], r["wall_s"]))
        nq[related] = r
        log("%s: nsearch --related %d: p50 %.2f ms, %.0f queries/s"
            % (label, related, r["p50_ms"], r["queries_per_s"]))
    # Facets (collapsed, the default) and the plain search (neither
    # collapse nor facets): what a results page with filters costs.
    for name, extra in (("facets", ["--facets"]), ("plain", ["--no-collapse"])):
        r = nsearch_queries(args, label, ns["db"], queries, 0, extra, name)
        r.pop("totals"), r.pop("qids")
        r.update(latency(r.pop("took_ms"), r.pop("hits"), r["queries"], r["wall_s"]))
        nq[name] = r
        log("%s: nsearch %s: p50 %.2f ms, %.0f queries/s"
            % (label, " ".join(extra), r["p50_ms"], r["queries_per_s"]))
    fq = fts5_queries(args, label, ft["db"], queries)
    fq.update(split_phrases(fq["took_ms"], fq["hits"], fq.pop("totals"),
                            [p for _, p in flags]))
    fq.update(latency(fq.pop("took_ms"), fq.pop("hits"), fq["queries"], fq["loop_s"]))
    log("%s: FTS5: p50 %.2f ms, %.0f queries/s" % (label, fq["p50_ms"], fq["queries_per_s"]))

    return {"label": label, "source": source, "articles": articles, "raw_bytes": raw,
            "queries_file": queries, "queries_sha256": qsha,
            "nsearch": {"build": ns, "query": nq[0], "query_related5": nq[5],
                        "query_facets": nq["facets"], "query_plain": nq["plain"]},
            "fts5": {"build": ft, "query": fq}}


def rows_for(c):
    """(metric, nsearch, fts5, format) rows of one corpus; None = not measured."""
    a, raw = c["articles"], c["raw_bytes"]
    nb, fb = c["nsearch"]["build"], c["fts5"]["build"]
    nq, fq, nr = c["nsearch"]["query"], c["fts5"]["query"], c["nsearch"]["query_related5"]
    rows = [
        ("articles", a, a, "%d", False),
        ("raw JSON MiB", raw / MIB, raw / MIB, "%.1f", False),
        ("build s", nb["build_s"], fb["build_s"], "%.2f", True),
        ("build articles/s", a / nb["build_s"], a / fb["build_s"], "%.0f", True),
        ("index size MiB", nb["index_bytes"] / MIB, fb["index_bytes"] / MIB, "%.1f", True),
        ("index size / raw JSON", nb["index_bytes"] / raw, fb["index_bytes"] / raw, "%.2f", True),
    ]
    if nb["generations"]:
        rows.append(("index MiB, all generations", nb["index_bytes_all"] / MIB, None, "%.1f", False))
    rows += [
        ("indexer peak RSS MiB", nb["peak_rss_kib"] / 1024.0, fb["peak_rss_kib"] / 1024.0, "%.1f", True),
        ("query p50 ms (snippets)", nq["p50_ms"], fq["p50_ms"], "%.3f", True),
        ("query p95 ms", nq["p95_ms"], fq["p95_ms"], "%.3f", True),
        ("query p99 ms", nq["p99_ms"], fq["p99_ms"], "%.3f", True),
        ("query mean ms", nq["mean_ms"], fq["mean_ms"], "%.3f", True),
        ("queries/s", nq["queries_per_s"], fq["queries_per_s"], "%.0f", True),
        ("queries/s, sum of per-query", nq["queries_per_s_in_process"],
         fq["queries_per_s_in_process"], "%.0f", True),
        ("queries with hits %", nq["with_hits_pct"], fq["with_hits_pct"], "%.1f", True),
        ("phrase queries", nq.get("phrase_queries"), fq.get("phrase_queries"), "%d", False),
        ("phrase p50 ms", nq.get("phrase_p50_ms"), fq.get("phrase_p50_ms"), "%.3f", True),
        ("phrase p99 ms", nq.get("phrase_p99_ms"), fq.get("phrase_p99_ms"), "%.3f", True),
        ("phrase max ms", nq.get("phrase_max_ms"), fq.get("phrase_max_ms"), "%.3f", True),
        ("other queries p50 ms", nq.get("rest_p50_ms"), fq.get("rest_p50_ms"), "%.3f", True),
        ("other queries p99 ms", nq.get("rest_p99_ms"), fq.get("rest_p99_ms"), "%.3f", True),
        ("phrase short pages %", nq.get("phrase_short_pct"), fq.get("phrase_short_pct"),
         "%.1f", False),
        ("query p50 ms +related", nr["p50_ms"], None, "%.3f", False),
        ("query p95 ms +related", nr["p95_ms"], None, "%.3f", False),
        ("query p99 ms +related", nr["p99_ms"], None, "%.3f", False),
        ("queries/s +related", nr["queries_per_s"], None, "%.0f", False),
    ]
    return rows + related_rows(c) + facet_rows(c)


def related_rows(c):
    """Related posts against the search alone: the same batch on a fresh
    handle (a list comes from the cache only when two queries share their
    top hits), p50 and p99 with --related 5 over those with --related 0.
    The target is 2x."""
    nq, nr = c["nsearch"]["query"], c["nsearch"]["query_related5"]
    ratio = lambda a, b: a / b if a is not None and b else None
    return [("related cost p50 x search", ratio(nr["p50_ms"], nq["p50_ms"]), None, "%.2f", False),
            ("related cost p99 x search", ratio(nr["p99_ms"], nq["p99_ms"]), None, "%.2f", False)]


def facet_rows(c):
    """Facets (--facets: section, year, month, language and tag counts over
    up to 1,000 matches, hits collapsed as by default) against the search
    alone, and against the plain search (--no-collapse, no facets).  The
    target is 1.3x the plain search."""
    nq = c["nsearch"]["query"]
    nf, npl = c["nsearch"].get("query_facets"), c["nsearch"].get("query_plain")
    if not nf or not npl:
        return []
    ratio = lambda a, b: a / b if a is not None and b else None
    return [("query p50 ms +facets", nf["p50_ms"], None, "%.3f", False),
            ("query p99 ms +facets", nf["p99_ms"], None, "%.3f", False),
            ("query p50 ms plain", npl["p50_ms"], None, "%.3f", False),
            ("query p99 ms plain", npl["p99_ms"], None, "%.3f", False),
            ("facets cost p50 x search", ratio(nf["p50_ms"], nq["p50_ms"]), None, "%.2f", False),
            ("facets cost p99 x search", ratio(nf["p99_ms"], nq["p99_ms"]), None, "%.2f", False),
            ("facets+collapse p50 x plain", ratio(nf["p50_ms"], npl["p50_ms"]), None, "%.2f", False),
            ("facets+collapse p99 x plain", ratio(nf["p99_ms"], npl["p99_ms"]), None, "%.2f", False)]


def table(corpora):
    out, data = [], []
    width = max([6] + [len(c["label"]) for c in corpora])
    head = "%-*s  %-28s %10s %10s %7s" % (width, "corpus", "metric", "nsearch", "fts5", "ratio")
    out.append(head)
    for c in corpora:
        for metric, ns, ft, fmt, want_ratio in rows_for(c):
            ratio = ns / ft if want_ratio and ns is not None and ft else None
            out.append("%-*s  %-28s %10s %10s %7s" % (
                width, c["label"], metric,
                fmt % ns if ns is not None else "-",
                fmt % ft if ft is not None else "-",
                "%.2f" % ratio if ratio is not None else "-"))
            data.append({"corpus": c["label"], "metric": metric, "nsearch": ns,
                         "fts5": ft, "ratio": ratio})
    return "\n".join(out), data


def git_head():
    """The commit checked out, read from .git without running git."""
    try:
        gitdir = os.path.join(REPO, ".git")
        with open(os.path.join(gitdir, "HEAD"), encoding="utf-8") as f:
            head = f.read().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        p = os.path.join(gitdir, ref)
        if os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                return f.read().strip()
        with open(os.path.join(gitdir, "packed-refs"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[1] == ref:
                    return parts[0]
    except OSError:
        pass
    return None


def machine(args):
    model = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    version = subprocess.run([os.path.join(args.bin, "nsearch"), "--version"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True).stdout.strip()
    return {"nproc": len(os.sched_getaffinity(0)), "cpus": os.cpu_count(),
            "cpu_model": model or platform.processor() or "unknown", "mem_mib": mem,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "kernel": platform.release(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "nsearch": version, "commit": git_head()}


def main(argv):
    env = os.environ
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=env.get("BENCH_CORPORA") or "reuters,syn",
                    help="comma-separated: reuters, bbc, 20newsgroups, time, cacm, syn "
                         "(default reuters,syn)")
    ap.add_argument("--n", type=int, default=int(env.get("BENCH_N") or 100000),
                    help="articles of the synthetic corpus (default $BENCH_N or 100000)")
    ap.add_argument("--dir", default=env.get("BENCH_DIR") or "/tmp/nsearch-bench",
                    help="scratch directory, outside the repository")
    ap.add_argument("--bin", default=env.get("NSEARCH_BIN") or os.path.join(REPO, "bin"))
    ap.add_argument("--shared", default=env.get("SHARED") or os.path.join(REPO, "..", "shared"))
    ap.add_argument("--json", help="where to write every figure (default DIR/bench.json)")
    ap.add_argument("--queries", type=int, default=1000, help="queries per corpus")
    ap.add_argument("--jobs", type=int, default=2, help="nindex --jobs, when it has --rebuild")
    ap.add_argument("--warmup", type=int, default=50, help="FTS5 warm-up queries")
    ap.add_argument("--rss", choices=("auto", "time", "wait4"), default="auto",
                    help="peak RSS from GNU time (/usr/bin/time) or os.wait4; "
                         "auto = GNU time when installed")
    args = ap.parse_args(argv)
    args.gnu_time = args.rss == "time" or (args.rss == "auto" and have_gnu_time())
    if args.rss == "time" and not have_gnu_time():
        die("--rss time: %s is not GNU time (apt-get install time)" % GNU_TIME)

    args.dir = os.path.abspath(args.dir)
    args.bin = os.path.abspath(args.bin)
    args.shared = os.path.abspath(args.shared)
    repo = os.path.realpath(REPO)
    if os.path.realpath(args.dir) == repo or \
            os.path.realpath(args.dir).startswith(repo + os.sep):
        die("BENCH_DIR %s is inside the repository; use a scratch directory" % args.dir)
    if args.n < 1 or args.queries < 1:
        die("--n and --queries must be at least 1")
    for tool in ("nindex", "nsearch"):
        if not os.access(os.path.join(args.bin, tool), os.X_OK):
            die("%s/%s is missing; run make first or set NSEARCH_BIN" % (args.bin, tool))
    names = []
    for name in (x.strip() for x in args.corpora.split(",")):
        if not name:
            continue
        if name not in REAL and name != "syn":
            die("unknown corpus %r (reuters, bbc, 20newsgroups, time, cacm, syn)" % name)
        if name not in names:
            names.append(name)
    os.makedirs(args.dir, exist_ok=True)
    json_path = args.json or os.path.join(args.dir, "bench.json")

    m = machine(args)
    load_start = os.getloadavg()[0]
    results = [bench_corpus(args, name) for name in names]
    m["loadavg_start"] = load_start
    m["loadavg_end"] = os.getloadavg()[0]
    text, rows = table(results)
    mline = ("machine: %d CPUs (nproc), %s, %s MiB RAM, %s; %s, SQLite %s, Python %s; "
             "load average %.2f at start, %.2f at end" % (
                 m["nproc"], m["cpu_model"], m["mem_mib"], m["date"], m["nsearch"],
                 m["sqlite"], m["python"], m["loadavg_start"], m["loadavg_end"]))
    if not args.gnu_time:
        mline += "\n(peak RSS from os.wait4: no GNU time; each figure includes up to " \
                 "~%d MiB of the harness's own memory)" % ((current_rss_kib() or 0) // 1024)
    print(mline)
    print(text)
    doc = {"machine": m,
           "config": {"corpora": names, "synthetic_n": args.n, "synthetic_seed": SYN_SEED,
                      "query_seed": QUERY_SEED, "queries": args.queries, "limit": 10,
                      "nindex_jobs": args.jobs, "fts5_warmup": args.warmup,
                      "rss_method": "gnu-time" if args.gnu_time else "wait4-fork",
                      "dir": args.dir, "bin": args.bin},
           "corpora": {c["label"]: c for c in results},
           "table": rows}
    tmp = json_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, json_path)
    print("figures: %s" % json_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
