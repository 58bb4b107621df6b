#!/usr/bin/env python3
"""socket_bench.py - Throughput and latency of nsearchd over its Unix socket.

A benchmark, not a test: it starts bin/nsearchd on a temporary socket,
runs 1, 2 and 8 concurrent clients (threads, each with one kept-alive
http.client connection over AF_UNIX) through the queries, and prints
requests/s and client-side p50/p99 for each level, next to the in-process
search time of `nsearch --batch` (its took_ms p50) on the same queries.

    tests/bench/socket_bench.py --db /tmp/r/db [--queries FILE]
        [--bin bin] [--requests 2000] [--clients 1,2,8] [--threads 2]

FILE has one query per line, "qid<TAB>query" or "query" (the format of
nsearch --batch).  Without it a fixed list of newswire queries is used.
Python's GIL limits the clients to roughly one core; at 8 clients the
figure is a lower bound on what the server can do.
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

DEFAULT_QUERIES = [
    "oil prices", "crude oil output", "opec production quota", "coffee quota",
    "grain exports", "wheat sales to the soviet union", "trade deficit",
    "interest rates", "bank rate cut", "federal reserve", "dollar yen",
    "money supply", "gold price", "tin council", "sugar crop",
    "cocoa buffer stock", "earnings per share", "quarterly dividend",
    "merger agreement", "takeover bid", "acquisition talks",
    "debt rescheduling brazil", "bond issue", "inflation rate",
    "unemployment", "gnp growth", "japan trade surplus", "tariffs",
    "semiconductor", "computer sales", "airline", "steel industry",
    "natural gas pipeline", "shipping strike", "soybean crop",
    "corn exports", "cattle", "copper mine", "silver", "stock exchange",
]


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=30):
        super().__init__("localhost", timeout=timeout)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.unix_path)


def read_queries(path):
    if not path:
        return list(DEFAULT_QUERIES)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line:
                out.append(line.split("\t", 1)[-1])
    return out


def percentile(values, p):
    """Nearest rank, as nsearchd's /v1/stats computes it."""
    s = sorted(values)
    return s[max(0, -(-len(s) * p // 100) - 1)] if s else 0.0


def wait_ready(sock, proc, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit("nsearchd exited with %d" % proc.returncode)
        try:
            c = UnixHTTPConnection(sock, timeout=1)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("nsearchd did not answer /health within %d s" % seconds)


def run_level(sock, urls, clients, total):
    """TOTAL requests shared by CLIENTS threads.  Returns (requests/s,
    latencies in ms, failures)."""
    lat = [[] for _ in range(clients)]
    fails = [0] * clients
    per = total // clients

    def client(n):
        c = UnixHTTPConnection(sock)
        for i in range(per):
            url = urls[(n * per + i) % len(urls)]
            t0 = time.perf_counter()
            try:
                c.request("GET", url)
                r = c.getresponse()
                r.read()
                ok = r.status == 200
            except OSError:
                ok = False
                c.close()
            lat[n].append((time.perf_counter() - t0) * 1000.0)
            fails[n] += not ok
        c.close()

    threads = [threading.Thread(target=client, args=(n,))
               for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    flat = [x for l in lat for x in l]
    return len(flat) / elapsed, flat, sum(fails)


def batch_took(nsearch, db, queries):
    """took_ms of every query run in-process by nsearch --batch."""
    text = "".join("%d\t%s\n" % (i, q) for i, q in enumerate(queries))
    p = subprocess.run([nsearch, "--db", db, "--batch"], input=text,
                       capture_output=True, text=True)
    took = []
    for line in p.stdout.splitlines():
        d = json.loads(line)
        if "took_ms" in d:
            took.append(d["took_ms"])
    return took


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="bin")
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", default="1,2,8")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=10)
    args = ap.parse_args()

    queries = read_queries(args.queries)
    urls = ["/v1/search?" + urllib.parse.urlencode(
        {"q": q, "limit": args.limit}) for q in queries]
    tmp = tempfile.mkdtemp(prefix="nsearchd-bench-")
    sock = os.path.join(tmp, "s.sock")
    proc = subprocess.Popen(
        [os.path.join(args.bin, "nsearchd"), "--db", args.db, "--socket",
         sock, "--threads", str(args.threads)],
        stderr=subprocess.DEVNULL)
    try:
        wait_ready(sock, proc)
        # Warm up every worker's handle and the page cache.
        run_level(sock, urls, max(args.threads, 2), 2 * len(urls))
        print("nsearchd --threads %d, %d queries, %d requests a level, "
              "limit %d" % (args.threads, len(queries), args.requests,
                            args.limit))
        print("%-8s %10s %9s %9s %7s" % ("clients", "req/s", "p50 ms",
                                         "p99 ms", "failed"))
        for c in [int(x) for x in args.clients.split(",")]:
            rps, lat, fails = run_level(sock, urls, c, args.requests)
            print("%-8d %10.0f %9.3f %9.3f %7d" % (
                c, rps, percentile(lat, 50), percentile(lat, 99), fails))
        c = UnixHTTPConnection(sock)
        c.request("GET", "/v1/stats")
        stats = json.loads(c.getresponse().read())
        print("server-side (last 1024 requests): p50 %.3f ms, p99 %.3f ms" % (
            stats["latency_ms"]["p50"], stats["latency_ms"]["p99"]))
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        try:
            os.rmdir(tmp)
        except OSError:
            pass
    took = batch_took(os.path.join(args.bin, "nsearch"), args.db,
                      queries * 3)
    if took:
        print("nsearch --batch in-process took_ms: p50 %.3f ms, p99 %.3f ms "
              "(%d searches)" % (statistics.median(took),
                                 percentile(took, 99), len(took)))


if __name__ == "__main__":
    main()
