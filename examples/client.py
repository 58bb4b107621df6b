#!/usr/bin/env python3
"""client.py - Query nsearchd over its Unix socket with the standard library.

    examples/client.py /run/nsearchd/nsearchd.sock azure surveillance
"""
import http.client
import json
import socket
import sys
import urllib.parse


class UnixHTTPConnection(http.client.HTTPConnection):
    """http.client over AF_UNIX: only connect() differs."""

    def __init__(self, path, timeout=10):
        super().__init__("localhost", timeout=timeout)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.unix_path)


def search(sock_path, query, **params):
    conn = UnixHTTPConnection(sock_path)
    conn.request("GET", "/v1/search?" +
                 urllib.parse.urlencode({"q": query, **params}))
    resp = conn.getresponse()
    body = json.loads(resp.read())
    conn.close()
    if resp.status != 200:
        raise RuntimeError("%d %s: %s" % (resp.status, body["error"]["code"],
                                          body["error"]["message"]))
    return body


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: client.py SOCKET QUERY...")
    results = search(sys.argv[1], " ".join(sys.argv[2:]), limit=5)
    print("%d matches" % results["total"])
    for hit in results["hits"]:
        print("%2d. %s  (%s)" % (hit["rank"], hit["title"], hit["id"]))
    for rel in results["related"]:
        print("    related: %s, %s" % (rel["title"], rel["age"]))
