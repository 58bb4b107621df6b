#!/usr/bin/env python3
"""slow_clients.py - A bounded slowloris for the nsearchd tests.

slow_clients.py SOCKET COUNT SECONDS INTERVAL [UID]

Opens COUNT connections to the Unix socket SOCKET (as UID when given,
which needs root), and on each sends one byte of a request head every
INTERVAL seconds, never finishing it, for SECONDS seconds at most.  Then
prints one JSON object: how many connections were opened, how many the
server answered at once (with the status it gave), and how many it closed
before the end, with the seconds after opening when it did."""
import json
import os
import select
import socket
import sys
import time

path, count, seconds, interval = sys.argv[1], int(sys.argv[2]), \
    float(sys.argv[3]), float(sys.argv[4])
if len(sys.argv) > 5:
    os.setgid(int(sys.argv[5]))
    os.setuid(int(sys.argv[5]))

HEAD = b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 10000
start = time.monotonic()
conns = []
for i in range(count):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        continue
    s.setblocking(False)
    conns.append({"s": s, "opened": time.monotonic(), "sent": 0,
                  "closed": None, "status": None, "buf": b""})

result = {"opened": len(conns)}
next_send = time.monotonic()
while time.monotonic() - start < seconds:
    live = [c for c in conns if c["closed"] is None]
    if not live:
        break
    now = time.monotonic()
    if now >= next_send:
        for c in live:
            try:
                c["s"].send(HEAD[c["sent"]:c["sent"] + 1])
                c["sent"] += 1
            except OSError:
                pass
        next_send = now + interval
    r, _, _ = select.select([c["s"] for c in live], [], [], 0.05)
    for c in live:
        if c["s"] not in r:
            continue
        try:
            data = c["s"].recv(4096)
        except OSError:
            data = b""
        if data:
            c["buf"] += data
            continue
        c["closed"] = time.monotonic() - c["opened"]
        if c["buf"].startswith(b"HTTP/1.1 "):
            c["status"] = int(c["buf"][9:12])

result["answered"] = {}
for c in conns:
    if c["status"] is not None:
        key = str(c["status"])
        result["answered"][key] = result["answered"].get(key, 0) + 1
closed = [c["closed"] for c in conns if c["closed"] is not None
          and c["status"] is None]
result["cut"] = len(closed)
result["cut_after_max"] = max(closed) if closed else None
result["still_open"] = sum(1 for c in conns if c["closed"] is None)
print(json.dumps(result))
