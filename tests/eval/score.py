#!/usr/bin/env python3
# Score a ranked run against binary TREC relevance judgements: MAP and nDCG@10.
#
# Usage:
#   score.py QRELS RUN.jsonl [--name NAME] [--min-map X] [--min-ndcg X] [--json]
#   score.py --selftest
#
# QRELS is a TREC qrels file ("qid 0 docid rel"; rel > 0 means relevant).
# RUN.jsonl has one JSON object per line with "qid" and "hits": [{"id": ...}, ...]
# in rank order; other keys are ignored, and a line whose object has an
# "error" key counts as an empty result list. This is the output shape of both
# `nsearch --batch --json` and tests/eval/fts5_run.py.
#
# Only queries with at least one relevant document are scored (as trec_eval
# does). A judged query that is missing from the run scores 0. MAP uses the
# whole returned list: AP = (sum of precision at each relevant hit) / R.
# nDCG@10 uses binary gains, a log2(rank + 1) discount and an ideal ranking
# of min(R, 10) relevant documents. A document id repeated within one result
# list counts only at its first rank.
#
# Output is one line, `NAME: MAP 0.xxxx nDCG@10 0.xxxx over N queries`, or a
# JSON object with --json. With --min-map / --min-ndcg the exit status is 1
# (and a message goes to stderr) when a figure is below its floor. Bad usage
# or an unreadable or malformed file gives exit status 2.

import argparse
import json
import math
import os
import sys


class InputError(Exception):
    """Raised when an input file cannot be read or parsed."""


def qid_sort_key(qid):
    """Sort numeric query ids numerically and all others after them by text."""
    return (0, int(qid), qid) if qid.isdigit() else (1, 0, qid)


def read_qrels(path):
    """Return {qid: set of relevant docids} for the qids with at least one relevant document."""
    relevant = {}
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                fields = line.split()
                if not fields:
                    continue
                if len(fields) != 4:
                    raise InputError("%s:%d: expected 'qid iter docid rel', got %r"
                                     % (path, lineno, line.rstrip("\n")))
                qid, _, docid, rel = fields
                try:
                    rel = float(rel)
                except ValueError:
                    raise InputError("%s:%d: relevance %r is not a number" % (path, lineno, rel))
                if rel > 0:
                    relevant.setdefault(qid, set()).add(docid)
    except OSError as e:
        raise InputError("cannot read qrels %s: %s" % (path, e.strerror or e))
    return relevant


def read_run(path):
    """Return {qid: [docid, ...]} in rank order from a JSON-lines run file."""
    run = {}
    try:
        f = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as e:
        raise InputError("cannot read run %s: %s" % (path, e.strerror or e))
    with f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise InputError("%s:%d: not valid JSON: %s" % (path, lineno, e))
            if not isinstance(obj, dict) or "qid" not in obj:
                raise InputError("%s:%d: expected an object with a \"qid\" key" % (path, lineno))
            qid = str(obj["qid"])
            if qid in run:
                raise InputError("%s:%d: query %s appears more than once" % (path, lineno, qid))
            if "error" in obj:
                run[qid] = []
                continue
            hits = obj.get("hits", [])
            if not isinstance(hits, list):
                raise InputError("%s:%d: \"hits\" is not a list" % (path, lineno))
            ids = []
            for hit in hits:
                if not isinstance(hit, dict) or "id" not in hit:
                    raise InputError("%s:%d: a hit has no \"id\"" % (path, lineno))
                ids.append(str(hit["id"]))
            run[qid] = ids
    return run


def average_precision(ranked, relevant):
    """Average precision of one ranked list; repeated ids count only once."""
    seen = set()
    found = 0
    total = 0.0
    rank = 0
    for docid in ranked:
        if docid in seen:
            continue
        seen.add(docid)
        rank += 1
        if docid in relevant:
            found += 1
            total += found / rank
    return total / len(relevant) if relevant else 0.0


def ndcg_at(ranked, relevant, depth=10):
    """nDCG at the given depth with binary gains and a log2(rank + 1) discount."""
    seen = set()
    dcg = 0.0
    rank = 0
    for docid in ranked:
        if rank >= depth:
            break
        if docid in seen:
            continue
        seen.add(docid)
        rank += 1
        if docid in relevant:
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(len(relevant), depth) + 1))
    return dcg / ideal if ideal > 0 else 0.0


def evaluate(qrels, run):
    """Return (MAP, nDCG@10, number of queries, per-query figures) over the judged queries."""
    per_query = {}
    for qid in sorted(qrels, key=qid_sort_key):
        ranked = run.get(qid, [])
        per_query[qid] = {
            "ap": average_precision(ranked, qrels[qid]),
            "ndcg@10": ndcg_at(ranked, qrels[qid], 10),
            "relevant": len(qrels[qid]),
            "returned": len(ranked),
        }
    n = len(per_query)
    if n == 0:
        return 0.0, 0.0, 0, per_query
    mean_ap = sum(q["ap"] for q in per_query.values()) / n
    mean_ndcg = sum(q["ndcg@10"] for q in per_query.values()) / n
    return mean_ap, mean_ndcg, n, per_query


def selftest():
    """Check the metrics against hand-computed values; return the exit status."""
    failures = 0

    def check(label, got, want):
        nonlocal failures
        ok = abs(got - want) < 1e-9
        print("%s %s: got %.6f, want %.6f" % ("ok  " if ok else "FAIL", label, got, want))
        if not ok:
            failures += 1

    # Query 1 has two relevant documents, found at ranks 1 and 3.
    # Query 2 has one relevant document that is not retrieved at all.
    # Query 3 has no relevant document and must be skipped.
    # Query 4 is judged but missing from the run, so it scores 0.
    # Query 5 has a repeated id, which counts only at its first rank, and an
    # error line for query 6 counts as an empty list.
    qrels = {"1": {"a", "c"}, "2": {"z"}, "4": {"q"}, "5": {"b"}}
    run = {"1": ["a", "b", "c", "d"], "2": ["a", "b"], "3": ["x"], "5": ["a", "a", "b"], "6": []}
    ap1 = (1 / 1 + 2 / 3) / 2
    ndcg1 = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    check("AP of hits at ranks 1 and 3", average_precision(run["1"], qrels["1"]), ap1)
    check("AP = 0.8333 to 4 decimals", round(average_precision(run["1"], qrels["1"]), 4), 0.8333)
    check("nDCG@10 of hits at ranks 1 and 3", ndcg_at(run["1"], qrels["1"]), ndcg1)
    check("AP with no relevant hit", average_precision(run["2"], qrels["2"]), 0.0)
    check("AP with a repeated id", average_precision(run["5"], qrels["5"]), 1 / 2)
    check("nDCG@10 with a repeated id", ndcg_at(run["5"], qrels["5"]), 1 / math.log2(3))
    # A relevant hit at rank 11 counts for AP but not for nDCG@10.
    deep = ["n%d" % i for i in range(10)] + ["r"]
    check("AP of a hit at rank 11", average_precision(deep, {"r"}), 1 / 11)
    check("nDCG@10 of a hit at rank 11", ndcg_at(deep, {"r"}), 0.0)
    # With 12 relevant documents all found first, nDCG@10 is 1 (ideal is 10 ones).
    many = ["m%d" % i for i in range(12)]
    check("nDCG@10 with R > 10", ndcg_at(many, set(many)), 1.0)
    mean_ap, mean_ndcg, n, _ = evaluate(qrels, run)
    check("number of judged queries", n, 4)
    check("MAP over judged queries", mean_ap, (ap1 + 0 + 0 + 0.5) / 4)
    check("mean nDCG@10 over judged queries", mean_ndcg, (ndcg1 + 0 + 0 + 1 / math.log2(3)) / 4)
    print("selftest: %s" % ("passed" if failures == 0 else "%d check(s) failed" % failures))
    return 0 if failures == 0 else 1


def main(argv):
    parser = argparse.ArgumentParser(
        description="Score a JSON-lines run against TREC qrels (MAP and nDCG@10).")
    parser.add_argument("qrels", nargs="?", help="TREC qrels file")
    parser.add_argument("run", nargs="?", help="run file, one JSON object per line ('-' for stdin)")
    parser.add_argument("--name", help="label for the output (default: run file name)")
    parser.add_argument("--min-map", type=float, metavar="X", help="fail if MAP is below X")
    parser.add_argument("--min-ndcg", type=float, metavar="X", help="fail if nDCG@10 is below X")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of a line")
    parser.add_argument("--selftest", action="store_true", help="check the metrics and exit")
    args = parser.parse_args(argv)

    if args.selftest:
        return selftest()
    if args.qrels is None or args.run is None:
        parser.print_usage(sys.stderr)
        print("score.py: error: QRELS and RUN are required", file=sys.stderr)
        return 2

    name = args.name or os.path.basename(args.run)
    try:
        qrels = read_qrels(args.qrels)
        run = read_run(args.run)
    except InputError as e:
        print("score.py: %s" % e, file=sys.stderr)
        return 2
    if not qrels:
        print("score.py: %s has no query with a relevant document" % args.qrels, file=sys.stderr)
        return 2

    mean_ap, mean_ndcg, n, per_query = evaluate(qrels, run)
    if args.json:
        print(json.dumps({
            "name": name,
            "map": round(mean_ap, 6),
            "ndcg@10": round(mean_ndcg, 6),
            "queries": n,
            "per_query": {qid: {"ap": round(q["ap"], 6), "ndcg@10": round(q["ndcg@10"], 6),
                                "relevant": q["relevant"], "returned": q["returned"]}
                          for qid, q in per_query.items()},
        }, sort_keys=False))
    else:
        print("%s: MAP %.4f nDCG@10 %.4f over %d queries" % (name, mean_ap, mean_ndcg, n))

    status = 0
    if args.min_map is not None and mean_ap < args.min_map:
        print("%s: MAP %.4f below floor %.4f" % (name, mean_ap, args.min_map), file=sys.stderr)
        status = 1
    if args.min_ndcg is not None and mean_ndcg < args.min_ndcg:
        print("%s: nDCG@10 %.4f below floor %.4f" % (name, mean_ndcg, args.min_ndcg),
              file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
