#!/bin/sh
# t520-nsearchd-concurrency.sh - 8 clients keep nsearchd busy while another
# process adds articles to the index twice (and rebuilds it as a new
# generation, where nindex can): no request fails, and the new
# articles are found within 2 seconds of each commit or publication.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

# found WORD ID: a search for WORD finds article ID, within 2 s.
found() {
    i=0
    while [ $i -lt 20 ]; do
        curl -sS --max-time 5 --unix-socket "$SOCK" -o "$TMP/found.json" \
            "http://localhost/v1/search?q=$1" 2>/dev/null &&
            python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["hits"] and d["hits"][0]["id"] == sys.argv[2] else 1)' \
                "$TMP/found.json" "$2" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# The load: THREADS clients, each on its own kept-alive connection
# (http.client over AF_UNIX), until at least MIN requests are done in all
# and the file STOP exists, or 25 s have passed.  Prints the count of each
# status; anything but 200 is a failure.
cat >"$TMP/load.py" <<'EOF'
import collections, http.client, os, socket, sys, threading, time

path, threads, minimum, stop = sys.argv[1], int(sys.argv[2]), \
    int(sys.argv[3]), sys.argv[4]


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, sock_path):
        super().__init__("localhost", timeout=10)
        self.sock_path = sock_path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.sock_path)


urls = ["/v1/search?q=azure%20surveillance", "/v1/search?q=penguin&limit=20",
        "/v1/search?sort=date&limit=5", "/v1/search?q=oil%20fund&section=Business",
        "/v1/articles/azure-surveillance-investigation", "/health",
        "/v1/related/azure-surveillance-investigation",
        "/v1/search?q=heatwave&from=2025-01-01"]
counts = collections.Counter()
lock = threading.Lock()
done = [0]
deadline = time.time() + 25


def client(n):
    conn = UnixHTTPConnection(path)
    i = n
    while time.time() < deadline:
        with lock:
            if done[0] >= minimum and os.path.exists(stop):
                break
        url = urls[i % len(urls)]
        i += 1
        try:
            conn.request("GET", url)
            r = conn.getresponse()
            r.read()
            status = str(r.status)
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
        except Exception as e:
            status = type(e).__name__
            conn.close()
        with lock:
            counts[status] += 1
            done[0] += 1
    conn.close()


t0 = time.time()
ts = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.time() - t0
for k, v in sorted(counts.items()):
    print("status %s: %d" % (k, v))
print("total: %d in %.1f s (%.0f requests/s)" % (done[0], elapsed,
                                                 done[0] / elapsed))
EOF

cat >"$TMP/extra1.jsonl" <<'EOF'
{"id": "extra-one", "title": "Zorblaxian comet seen over Tromso", "body": "Astronomers in Tromso saw the zorblaxian comet for the first time on Tuesday night.", "section": "Science", "date": "2025-10-01T10:00:00Z", "lang": "en"}
EOF
cat >"$TMP/extra2.jsonl" <<'EOF'
{"id": "extra-two", "title": "Quuxfrobnitz festival opens in Bergen", "body": "The first quuxfrobnitz festival opened in Bergen with music and food.", "section": "Culture", "date": "2025-10-02T10:00:00Z", "lang": "en"}
EOF

cat >"$TMP/extra3.jsonl" <<'EOF'
{"id": "extra-three", "title": "Wibblequark prize goes to Oslo chemist", "body": "The wibblequark prize for chemistry went to a researcher in Oslo.", "section": "Science", "date": "2025-10-03T10:00:00Z", "lang": "en"}
EOF

index_samples
check "server starts" start_server --access-log
python3 "$TMP/load.py" "$SOCK" 8 2000 "$TMP/stop" >"$TMP/load.out" 2>&1 &
load_pid=$!
sleep 1
nindex --quiet --db "$TMP/db" "$TMP/extra1.jsonl"
check "first update: nindex exit 0" is "$?" 0
check "first update: found within 2 s" found zorblaxian extra-one
nindex --quiet --db "$TMP/db" "$TMP/extra2.jsonl"
check "second update: nindex exit 0" is "$?" 0
check "second update: found within 2 s" found quuxfrobnitz extra-two
# A rebuild publishes a new generation beside the live one (if this nindex
# has --rebuild): the workers must switch to it without a failed request.
if nindex --help | grep -q -- --rebuild; then
    nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES" "$TMP/extra1.jsonl" \
        "$TMP/extra2.jsonl" "$TMP/extra3.jsonl"
    check "rebuild: nindex exit 0" is "$?" 0
    check "rebuild: found within 2 s" found wibblequark extra-three
fi
touch "$TMP/stop"
wait $load_pid
load_pid=
cat "$TMP/load.out"
check "load: at least 2000 requests" \
    grep -q '^total: [0-9][0-9][0-9][0-9]' "$TMP/load.out"
check "load: every request answered 200" python3 -c 'import sys
lines = [l for l in open(sys.argv[1]) if l.startswith("status ")]
sys.exit(0 if lines and all(l.startswith("status 200:") for l in lines)
         else 1)' "$TMP/load.out"
check "load: no problem logged" lacks "$TMP/server.err" "warning:"
check "first article still found" found zorblaxian extra-one
curl -sS --max-time 5 --unix-socket "$SOCK" -o "$TMP/health.json" \
    http://localhost/health
check "health counts the new articles" grep -q '"articles":8[67]' \
    "$TMP/health.json"

kill $server_pid
wait $server_pid
rc=$?
server_pid=
check "SIGTERM: exit 0" is "$rc" 0
check "no error lines" lacks "$TMP/server.err" ": error:"
finish
