#!/usr/bin/env python3
# Evaluate the "related recent posts" feature of nsearch against an SQLite
# FTS5 baseline, on Reuters-21578 (topic tags, dates) and BBC (sections, no
# dates).
#
# Usage:
#   related_eval.py [--corpus reuters|bbc|all] [--seeds N] [--nsearch-bin DIR]
#                   [--rng-seed N] [--json FILE] [--keep] [--only-baseline]
#
# For each corpus the script:
#   1. writes a copy of the articles without "section" and "tags" (the labels
#      being scored) into a temporary directory and indexes it with
#      "nindex --quiet --db TMP/db COPY" (exit status 0 or 3 is accepted:
#      Reuters has one empty record, reuters-12793, which nindex skips);
#   2. picks N seed articles (default 300) with random.Random(20261129), or
#      random.Random(N) with --rng-seed N (another fixed seed set, to check
#      that a setting holds on seeds it was not chosen on), from
#      the candidates sorted by id: on Reuters an article qualifies when it has
#      at least one tag, a date and a non-empty body; on BBC every article with
#      some text qualifies;
#   3. asks nsearch, one process per seed, for the related posts of the seed:
#        nsearch --db DB --related-to ID --now SEED_DATE+15d --recent-days 30
#                --related 5 --json                                  (Reuters)
#        nsearch --db DB --related-to ID --recent-days 0 --related 5 --json
#                                                          (BBC: no window)
#      and reads the "related" list of the JSON object it prints;
#   4. builds the baseline a site would build on SQLite FTS5: an FTS5 table
#      (title, body; tokenize porter unicode61) over the same unlabelled copy,
#      with id and date in a side table; for each seed the seed's title words
#      (quoted, OR-ed) are matched within the same window, the seed itself is
#      excluded, the best 5 by bm25(articles, 3.0, 1.0) are kept and then
#      shown newest first;
#   5. scores both engines with the same metrics:
#        precision   share of returned posts that share a tag (Reuters) or the
#                    section (BBC) with the seed; micro = over all posts,
#                    macro = mean over the seeds with at least one post;
#        coverage    share of seeds with at least one post; mean_len = mean
#                    list length over all seeds;
#        window_viol posts dated after now or more than 30 days before now,
#                    posts without a date, and the seed itself (Reuters only;
#                    "-" for BBC, which has no dates);
#        dup_pairs   pairs within each list plus the seed with the same
#                    normalized title, the same normalized body, or a 5-word
#                    shingle Jaccard similarity of the bodies of at least 0.8;
#        p50/p99     wall time per seed: the whole nsearch process (start-up
#                    and index opening included), or the SQL query and the
#                    final sort for FTS5 (in process, so not directly
#                    comparable); "took_ms" from the nsearch JSON is reported
#                    as well when it is present.
#
# The table goes to stdout, progress (every 50 seeds) and timing to stderr.
# --json FILE also writes every figure as JSON. With --keep the temporary
# directory is kept; it then holds the unlabelled copies, the indexes and one
# run file per corpus and engine (run-CORPUS-ENGINE.jsonl, one line per seed).
# --only-baseline skips indexing and nsearch and runs the FTS5 baseline only.
#
# Environment: SHARED is the shared data directory (default: <repo>/../shared,
# the repository being two levels above this script).
#
# Exit status: 0 on success; 1 when a step failed (nindex failed, or some
# nsearch call failed or printed something that is not the expected JSON; the
# table is still printed); 2 for bad usage, missing data or binaries, or an
# nsearch that rejects the --related-to interface.
#
# Python 3 standard library only; sqlite3 must have FTS5.

import argparse
import gzip
import json
import math
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

# The fixed seed of the random choice of seed articles, as the issue asks.
RNG_SEED = 20261129
# "now" is the seed's date plus this many days, and the window reaches this
# many days back from "now".
NOW_AFTER_SEED_DAYS = 15
WINDOW_DAYS = 30
# The number of related posts asked for.
LIST_LEN = 5
# Near-duplicate test: shingles of this many words, and this Jaccard similarity.
SHINGLE_WORDS = 5
JACCARD_DUP = 0.8
# Title and body weights of the FTS5 baseline's bm25().
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
# Progress goes to stderr after every this many seeds.
PROGRESS_EVERY = 50
# One nsearch process that takes longer than this is counted as failed.
NSEARCH_TIMEOUT_S = 120

# A word is a run of Unicode letters and digits: \w without the underscore.
WORD_RE = re.compile(r"[^\W_]+")

DAY_S = 86400


class UsageError(Exception):
    """Raised for bad usage, missing data or an nsearch without the interface (exit 2)."""


class StepError(Exception):
    """Raised when a step such as indexing fails (exit 1)."""


def log(msg):
    """Write one progress line to stderr."""
    print("related_eval: " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------

# What each corpus is scored on. "windowed" corpora have dates, and recency is
# evaluated on them; the others are evaluated without a window.
CORPORA = {
    "reuters": {
        "dir": "reuters21578",
        "copy": "reuters-notags.jsonl",
        "windowed": True,
    },
    "bbc": {
        "dir": "bbc",
        "copy": "bbc-nosection.jsonl",
        "windowed": False,
    },
}

# The keys left out of the copy that is indexed: these are the labels scored.
LABEL_KEYS = ("section", "tags")


def load_corpus(path):
    """Return the articles of a gzip JSON-lines file as a list of dicts, in file order."""
    articles = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    art = json.loads(line)
                    art["id"] = str(art["id"])
                except (ValueError, KeyError, TypeError) as e:
                    raise UsageError("%s:%d: bad article: %s" % (path, lineno, e))
                articles.append(art)
    except OSError as e:
        raise UsageError("cannot read %s: %s" % (path, e.strerror or e))
    return articles


def write_unlabelled(articles, path):
    """Write the articles without their label keys as JSON lines (uncompressed)."""
    with open(path, "w", encoding="utf-8") as f:
        for art in articles:
            copy = {k: v for k, v in art.items() if k not in LABEL_KEYS}
            f.write(json.dumps(copy, ensure_ascii=False) + "\n")


def labels_of(art, windowed):
    """The labels that decide whether two articles are on the same story.

    Reuters (windowed) uses the topic tags; BBC uses the section."""
    if windowed:
        return frozenset(art.get("tags") or ())
    section = art.get("section")
    return frozenset([section]) if section else frozenset()


def choose_seeds(articles, n, windowed, rng_seed=RNG_SEED):
    """Pick n seed articles deterministically: sort the candidates by id, then sample."""
    if windowed:
        cands = [a for a in articles
                 if a.get("tags") and parse_date(a.get("date")) is not None
                 and (a.get("body") or "").strip()]
    else:
        cands = [a for a in articles
                 if (a.get("title") or "").strip() or (a.get("body") or "").strip()]
    cands.sort(key=lambda a: a["id"])
    if n > len(cands):
        raise UsageError("--seeds %d is more than the %d candidate seed articles" % (n, len(cands)))
    return random.Random(rng_seed).sample(cands, n)


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

def parse_date(value):
    """Return a date as epoch seconds (UTC), or None when it is missing or unreadable.

    Accepts the corpus form YYYY-MM-DDTHH:MM:SSZ, any other ISO 8601 form
    that datetime.fromisoformat() reads (a date without a zone is taken as
    UTC), and epoch seconds given as a number."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if s.endswith("Z") or s.endswith("z"):
        s = s[:-1] + "+00:00"
    try:
        d = datetime.fromisoformat(s)
    except ValueError:
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return int(d.timestamp())


def format_date(epoch):
    """Format epoch seconds as YYYY-MM-DDTHH:MM:SSZ."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------
# Near-duplicates
# ---------------------------------------------------------------------------

def norm_text(text):
    """Lower-case the text and collapse every run of non-alphanumerics into one space."""
    return " ".join(WORD_RE.findall((text or "").lower()))


class DupInfo:
    """What the near-duplicate test needs of one article, computed once."""

    __slots__ = ("title", "body", "shingles")

    def __init__(self, art):
        self.title = norm_text(art.get("title"))
        words = WORD_RE.findall((art.get("body") or "").lower())
        self.body = " ".join(words)
        if len(words) >= SHINGLE_WORDS:
            self.shingles = frozenset(tuple(words[i:i + SHINGLE_WORDS])
                                      for i in range(len(words) - SHINGLE_WORDS + 1))
        elif words:
            # A body shorter than one shingle is one shingle of all its words.
            self.shingles = frozenset([tuple(words)])
        else:
            self.shingles = frozenset()


def dup_kind(a, b):
    """Return why two articles are near-duplicates ("title", "body", "shingle"), or None.

    Empty titles and bodies never make a pair: an empty text is missing,
    not a copy."""
    if a.title and a.title == b.title:
        return "title"
    if a.body and a.body == b.body:
        return "body"
    if a.shingles and b.shingles:
        inter = len(a.shingles & b.shingles)
        if inter:
            union = len(a.shingles) + len(b.shingles) - inter
            if inter / union >= JACCARD_DUP:
                return "shingle"
    return None


# ---------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------

def seed_now(seed):
    """The "now" of a Reuters seed: its date plus 15 days, in epoch seconds."""
    return parse_date(seed["date"]) + NOW_AFTER_SEED_DAYS * DAY_S


def help_mentions(bin_path, flag):
    """True when "BIN --help" mentions FLAG (used only for a clearer message)."""
    try:
        p = subprocess.run([bin_path, "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return flag in (p.stdout + p.stderr)


def run_nsearch(nsearch, db, seed, windowed):
    """Run one nsearch process for one seed and return its run record.

    The record is {"seed", "now", "posts": [{"id", "date"}...], "ms",
    "took_ms", "error"}; "error" is None on success. An exit status of 2
    (usage error) raises UsageError at once: nsearch does not take the
    interface, and going on would only repeat the failure."""
    cmd = [nsearch, "--db", db, "--related-to", seed["id"]]
    rec = {"seed": seed["id"], "now": None, "posts": [], "ms": None, "took_ms": None,
           "error": None}
    if windowed:
        now = seed_now(seed)
        rec["now"] = format_date(now)
        cmd += ["--now", rec["now"], "--recent-days", str(WINDOW_DAYS)]
    else:
        # 0 days means no recency window.
        cmd += ["--recent-days", "0"]
    cmd += ["--related", str(LIST_LEN), "--json"]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=NSEARCH_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        rec["ms"] = (time.perf_counter() - t0) * 1000.0
        rec["error"] = "timed out after %d s" % NSEARCH_TIMEOUT_S
        return rec
    except OSError as e:
        raise UsageError("cannot run %s: %s" % (nsearch, e.strerror or e))
    rec["ms"] = (time.perf_counter() - t0) * 1000.0
    if p.returncode == 2:
        raise UsageError("nsearch rejected the command (exit status 2), so it does not take "
                         "--related-to yet; use --only-baseline.\n  command: %s\n  stderr: %s"
                         % (" ".join(cmd), p.stderr.strip()[:500]))
    if p.returncode != 0:
        rec["error"] = "exit status %d: %s" % (p.returncode, p.stderr.strip()[:300])
        return rec
    try:
        obj = json.loads(p.stdout)
    except ValueError:
        # Accept one JSON object on the first non-empty line followed by other output.
        lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
        try:
            obj = json.loads(lines[0]) if lines else None
        except ValueError:
            obj = None
    if not isinstance(obj, dict) or not isinstance(obj.get("related"), list):
        rec["error"] = "no JSON object with a \"related\" list on stdout: %r" % p.stdout[:200]
        return rec
    if isinstance(obj.get("took_ms"), (int, float)):
        rec["took_ms"] = float(obj["took_ms"])
    for item in obj["related"]:
        if not isinstance(item, dict) or "id" not in item:
            rec["error"] = "a \"related\" entry without an id: %r" % (item,)
            rec["posts"] = []
            return rec
        rec["posts"].append({"id": str(item["id"]), "date": item.get("date")})
    return rec


class Fts5Baseline:
    """The related-posts baseline on SQLite FTS5, over the unlabelled copy.

    The FTS5 table has the columns title and body only, so that
    bm25(articles, 3.0, 1.0) weights the title 3 and the body 1; the id and
    the date (epoch seconds, NULL when missing) are in a side table keyed by
    the same rowid."""

    def __init__(self, articles):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, "
                        "tokenize='porter unicode61')")
        self.db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, ts INTEGER)")
        self.rowid = {}
        rows, meta = [], []
        for i, art in enumerate(articles, 1):
            self.rowid[art["id"]] = i
            rows.append((i, art.get("title") or "", art.get("body") or ""))
            meta.append((i, art["id"], parse_date(art.get("date"))))
        self.db.executemany("INSERT INTO articles(rowid, title, body) VALUES (?, ?, ?)", rows)
        self.db.executemany("INSERT INTO meta(rowid, id, ts) VALUES (?, ?, ?)", meta)
        self.db.execute("CREATE INDEX meta_ts ON meta(ts)")
        self.db.commit()

    @staticmethod
    def title_query(title):
        """The seed's title words, lower-cased, deduplicated and quoted, as an OR query."""
        words = []
        for w in WORD_RE.findall((title or "").lower()):
            if w not in words:
                words.append(w)
        if not words:
            return None
        return " OR ".join('"%s"' % w.replace('"', '""') for w in words)

    def related(self, seed, windowed):
        """Return the run record of one seed (the same shape as run_nsearch())."""
        rec = {"seed": seed["id"], "now": None, "posts": [], "ms": None, "took_ms": None,
               "error": None}
        query = self.title_query(seed.get("title"))
        t0 = time.perf_counter()
        if query is not None:
            weights = "bm25(articles, %r, %r)" % (TITLE_WEIGHT, BODY_WEIGHT)
            sql = ("SELECT m.id, m.ts FROM articles JOIN meta AS m ON m.rowid = articles.rowid "
                   "WHERE articles MATCH ? AND m.rowid != ?")
            params = [query, self.rowid[seed["id"]]]
            if windowed:
                now = seed_now(seed)
                rec["now"] = format_date(now)
                sql += " AND m.ts >= ? AND m.ts <= ?"
                params += [now - WINDOW_DAYS * DAY_S, now]
            # Ties in score are broken by id, so that the run is reproducible.
            sql += " ORDER BY %s, m.id LIMIT %d" % (weights, LIST_LEN)
            hits = self.db.execute(sql, params).fetchall()
            if windowed:
                # Shown newest first; the same date is shown by id.
                hits.sort(key=lambda h: (-h[1], h[0]))
            rec["posts"] = [{"id": h[0], "date": format_date(h[1]) if h[1] is not None else None}
                            for h in hits]
        rec["ms"] = (time.perf_counter() - t0) * 1000.0
        return rec


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def percentile(values, p):
    """Nearest-rank percentile of a list of numbers, or None for an empty list."""
    if not values:
        return None
    s = sorted(values)
    k = max(1, math.ceil(p / 100.0 * len(s)))
    return s[k - 1]


def score(runs, seeds, by_id, dup_info, windowed):
    """Compute every figure of one engine on one corpus from its run records."""
    posts_total = 0
    posts_precise = 0
    per_seed_precision = []
    covered = 0
    window_viol = 0
    seed_returned = 0
    unknown_ids = 0
    order_viol = 0
    dups = {"title": 0, "body": 0, "shingle": 0}
    dup_with_seed = 0
    errors = 0
    for seed, rec in zip(seeds, runs):
        if rec["error"] is not None:
            errors += 1
        posts = rec["posts"]
        if posts:
            covered += 1
        seed_labels = labels_of(seed, windowed)
        now = seed_now(seed) if windowed else None
        precise = 0
        dates = []
        for post in posts:
            art = by_id.get(post["id"])
            if art is None:
                unknown_ids += 1
            elif labels_of(art, windowed) & seed_labels:
                precise += 1
            if windowed:
                # The corpus date is the truth; the date nsearch prints is only
                # used for an id that is not in the corpus.
                d = parse_date(art.get("date")) if art is not None else parse_date(post["date"])
                dates.append(d)
                if (post["id"] == seed["id"] or d is None
                        or d > now or d < now - WINDOW_DAYS * DAY_S):
                    window_viol += 1
            if post["id"] == seed["id"]:
                seed_returned += 1
        # A list must be newest first; a list with an undated post is not judged.
        if windowed and None not in dates:
            if any(dates[i] < dates[i + 1] for i in range(len(dates) - 1)):
                order_viol += 1
        posts_total += len(posts)
        posts_precise += precise
        if posts:
            per_seed_precision.append(precise / len(posts))
        # Near-duplicate pairs among the seed and its list. An unknown id has
        # no text and cannot be tested.
        group = [dup_info[seed["id"]]] + [dup_info[p["id"]] for p in posts if p["id"] in dup_info]
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                kind = dup_kind(group[i], group[j])
                if kind is not None:
                    dups[kind] += 1
                    if i == 0:
                        dup_with_seed += 1
    ms = [r["ms"] for r in runs if r["ms"] is not None]
    took = [r["took_ms"] for r in runs if r["took_ms"] is not None]
    n = len(seeds)
    return {
        "seeds": n,
        "posts": posts_total,
        "precision_micro": posts_precise / posts_total if posts_total else None,
        "precision_macro": (sum(per_seed_precision) / len(per_seed_precision)
                            if per_seed_precision else None),
        "coverage": covered / n if n else None,
        "mean_len": posts_total / n if n else None,
        "window_viol": window_viol if windowed else None,
        "seed_returned": seed_returned,
        "order_viol": order_viol if windowed else None,
        "unknown_ids": unknown_ids,
        "dup_pairs": sum(dups.values()),
        "dup_title_pairs": dups["title"],
        "dup_body_pairs": dups["body"],
        "dup_shingle_pairs": dups["shingle"],
        "dup_pairs_with_seed": dup_with_seed,
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "took_p50_ms": percentile(took, 50),
        "took_p99_ms": percentile(took, 99),
        "errors": errors,
    }


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def run_engine(name, corpus, seeds, runner, run_path):
    """Run one engine over all seeds, with progress, and save the run records."""
    runs = []
    t0 = time.perf_counter()
    with open(run_path, "w", encoding="utf-8") as f:
        for i, seed in enumerate(seeds, 1):
            rec = runner(seed)
            if rec["error"] is not None:
                log("%s %s: seed %s: %s" % (corpus, name, seed["id"], rec["error"]))
            runs.append(rec)
            f.write(json.dumps(rec) + "\n")
            if i % PROGRESS_EVERY == 0 or i == len(seeds):
                log("%s %s: %d/%d seeds, %.1f s" % (corpus, name, i, len(seeds),
                                                     time.perf_counter() - t0))
    return runs, time.perf_counter() - t0


def index_copy(nindex, db, copy):
    """Index the unlabelled copy with nindex; exit status 0 or 3 is accepted."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run([nindex, "--quiet", "--db", db, copy], capture_output=True, text=True)
    except OSError as e:
        raise UsageError("cannot run %s: %s" % (nindex, e.strerror or e))
    secs = time.perf_counter() - t0
    if p.returncode not in (0, 3):
        raise StepError("nindex failed with exit status %d: %s"
                        % (p.returncode, p.stderr.strip()[:500]))
    skipped = [ln for ln in p.stderr.splitlines() if ln.strip()]
    if p.returncode == 3:
        log("nindex skipped some records (exit status 3, expected for reuters-12793): %s"
            % "; ".join(skipped[:5]))
    return secs


def evaluate_corpus(name, args, shared, tmp):
    """Evaluate one corpus with the selected engines; return {engine: figures}."""
    spec = CORPORA[name]
    windowed = spec["windowed"]
    src = os.path.join(shared, "corpora", spec["dir"], "articles.jsonl.gz")
    if not os.path.isfile(src):
        raise UsageError("%s is missing (set SHARED if the data lives elsewhere)" % src)
    t0 = time.perf_counter()
    articles = load_corpus(src)
    by_id = {a["id"]: a for a in articles}
    seeds = choose_seeds(articles, args.seeds, windowed, args.rng_seed)
    log("%s: %d articles, %d seeds (first: %s)" % (name, len(articles), len(seeds),
                                                  ", ".join(s["id"] for s in seeds[:3])))
    copy = os.path.join(tmp, spec["copy"])
    write_unlabelled(articles, copy)
    # The near-duplicate test reads the full text from the original articles.
    dup_info = {a["id"]: DupInfo(a) for a in articles}
    results = {}
    timing = {"load_s": time.perf_counter() - t0}

    if not args.only_baseline:
        db = os.path.join(tmp, name + "-db")
        log("%s: indexing %s" % (name, copy))
        timing["index_s"] = index_copy(os.path.join(args.nsearch_bin, "nindex"), db, copy)
        log("%s: indexed in %.1f s" % (name, timing["index_s"]))
        nsearch = os.path.join(args.nsearch_bin, "nsearch")
        runs, secs = run_engine("nsearch", name, seeds,
                                lambda s: run_nsearch(nsearch, db, s, windowed),
                                os.path.join(tmp, "run-%s-nsearch.jsonl" % name))
        timing["nsearch_s"] = secs
        results["nsearch"] = score(runs, seeds, by_id, dup_info, windowed)

    t1 = time.perf_counter()
    # The baseline indexes the same unlabelled copy that nindex indexed.
    unlabelled = [{k: v for k, v in a.items() if k not in LABEL_KEYS} for a in articles]
    fts = Fts5Baseline(unlabelled)
    timing["fts5_build_s"] = time.perf_counter() - t1
    log("%s: FTS5 table built in %.1f s" % (name, timing["fts5_build_s"]))
    runs, secs = run_engine("fts5", name, seeds, lambda s: fts.related(s, windowed),
                            os.path.join(tmp, "run-%s-fts5.jsonl" % name))
    timing["fts5_s"] = secs
    results["fts5"] = score(runs, seeds, by_id, dup_info, windowed)
    fts.db.close()
    return results, timing


def fmt(value, digits):
    """Format a figure for the table: "-" for None, else with DIGITS decimals."""
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return "%.*f" % (digits, value)


COLUMNS = [
    # (header, key, decimals)
    ("seeds", "seeds", 0),
    ("precision(micro)", "precision_micro", 3),
    ("precision(macro)", "precision_macro", 3),
    ("coverage", "coverage", 3),
    ("mean_len", "mean_len", 2),
    ("window_viol", "window_viol", 0),
    ("dup_pairs", "dup_pairs", 0),
    ("p50_ms", "p50_ms", 1),
    ("p99_ms", "p99_ms", 1),
    ("dup_title", "dup_title_pairs", 0),
    ("took_p50_ms", "took_p50_ms", 2),
    ("errors", "errors", 0),
]


def print_table(rows):
    """Print the results table (rows of (corpus, engine, figures)) to stdout."""
    header = ["corpus", "engine"] + [c[0] for c in COLUMNS]
    table = [header]
    for corpus, engine, fig in rows:
        table.append([corpus, engine] + [fmt(fig[key], d) for _, key, d in COLUMNS])
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        print(" ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    sys.stdout.flush()


def main(argv):
    script_dir = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(script_dir))
    ap = argparse.ArgumentParser(
        description="Evaluate nsearch's related recent posts against an SQLite FTS5 baseline.")
    ap.add_argument("--corpus", choices=["reuters", "bbc", "all"], default="all",
                    help="corpus to evaluate (default: all)")
    ap.add_argument("--seeds", type=int, default=300, help="seed articles per corpus (default 300)")
    ap.add_argument("--nsearch-bin", default=os.path.join(repo, "bin"),
                    help="directory holding nindex and nsearch (default: <repo>/bin)")
    ap.add_argument("--rng-seed", type=int, default=RNG_SEED,
                    help="seed of the random choice of seed articles (default %d)" % RNG_SEED)
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--only-baseline", action="store_true",
                    help="run the FTS5 baseline only (no nindex, no nsearch)")
    args = ap.parse_args(argv)
    if args.seeds < 1:
        ap.error("--seeds must be at least 1")
    shared = os.environ.get("SHARED") or os.path.join(repo, "..", "shared")
    corpora = ["reuters", "bbc"] if args.corpus == "all" else [args.corpus]

    try:
        if not args.only_baseline:
            for tool in ("nindex", "nsearch"):
                path = os.path.join(args.nsearch_bin, tool)
                if not os.access(path, os.X_OK):
                    raise UsageError("%s is missing or not executable (build with make, or "
                                     "pass --nsearch-bin DIR)" % path)
            if not help_mentions(os.path.join(args.nsearch_bin, "nsearch"), "--related-to"):
                log("warning: 'nsearch --help' does not list --related-to; trying anyway "
                    "(use --only-baseline to skip nsearch)")
        tmp = tempfile.mkdtemp(prefix="nsearch-related.")
    except UsageError as e:
        log("error: %s" % e)
        return 2

    started = time.perf_counter()
    rows = []
    report = {
        "config": {
            "seeds": args.seeds, "rng_seed": args.rng_seed, "list_len": LIST_LEN,
            "window_days": WINDOW_DAYS, "now_after_seed_days": NOW_AFTER_SEED_DAYS,
            "shingle_words": SHINGLE_WORDS, "jaccard_dup": JACCARD_DUP,
            "fts5_bm25_weights": [TITLE_WEIGHT, BODY_WEIGHT],
            "only_baseline": args.only_baseline, "nsearch_bin": args.nsearch_bin,
            "shared": os.path.abspath(shared),
        },
        "results": [],
        "timing": {},
    }
    status = 0
    try:
        for name in corpora:
            results, timing = evaluate_corpus(name, args, shared, tmp)
            report["timing"][name] = timing
            for engine, fig in results.items():
                rows.append((name, engine, fig))
                report["results"].append(dict({"corpus": name, "engine": engine}, **fig))
                if fig["errors"]:
                    status = 1
    except UsageError as e:
        log("error: %s" % e)
        status = 2
    except StepError as e:
        log("error: %s" % e)
        status = 1
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    finally:
        if args.keep:
            log("kept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    report["timing"]["total_s"] = time.perf_counter() - started
    if rows:
        print_table(rows)
        for corpus, engine, fig in rows:
            log("%s %s: %d posts, seed returned %d, out of order %s, unknown ids %d, "
                "dup pairs %d (title %d, body %d, shingle %d; %d with the seed)"
                % (corpus, engine, fig["posts"], fig["seed_returned"], fmt(fig["order_viol"], 0),
                   fig["unknown_ids"], fig["dup_pairs"], fig["dup_title_pairs"],
                   fig["dup_body_pairs"], fig["dup_shingle_pairs"], fig["dup_pairs_with_seed"]))
    if args.json and rows:
        try:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2)
                f.write("\n")
        except OSError as e:
            log("error: cannot write %s: %s" % (args.json, e.strerror or e))
            status = status or 1
    log("done in %.1f s" % report["timing"]["total_s"])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
