#!/bin/sh
# t540-nsearchd-metrics.sh - GET /metrics: the Prometheus text format, read
# by the Prometheus Python client's own parser (Debian's
# python3-prometheus-client), with counters that move after requests:
# requests by route and status, the latency histogram, in-flight
# requests, the index generation and articles, the last reload, errors.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# The parser: the Python that has prometheus_client (Debian's python3,
# which may not be the first python3 on PATH).
PARSER_PY=
for py in /usr/bin/python3 python3; do
    if "$py" -c 'import prometheus_client.parser' 2>/dev/null; then
        PARSER_PY=$py
        break
    fi
done

# sample FILE NAME [LABELS]: the value of one sample of the scrape in
# $TMP/FILE, by the real parser; LABELS is a Python dict (default {}).
# Prints "missing" when there is no such sample.
sample() {
    "$PARSER_PY" - "$TMP/$1" "$2" "${3:-{\}}" <<'PY'
import ast, sys
from prometheus_client.parser import text_string_to_metric_families
text = open(sys.argv[1]).read()
want_name, want_labels = sys.argv[2], ast.literal_eval(sys.argv[3])
for fam in text_string_to_metric_families(text):
    for s in fam.samples:
        if s.name == want_name and s.labels == want_labels:
            v = s.value
            print(int(v) if v == int(v) else v)
            sys.exit(0)
print("missing")
PY
}

index_samples
start_server --threads 2
check "server started" test -n "$server_pid"

get m1 /metrics -D "$TMP/h1"
check "/metrics answers 200" is "$code" 200
check "Content-Type is the Prometheus text format" \
    grep -qi '^content-type: text/plain; version=0.0.4' "$TMP/h1"
check "every sample line is NAME[{LABELS}] VALUE" sh -c \
    "! grep -v '^#' '$TMP/m1' | grep -Ev '^nsearchd_[a-z_]+(\{[^}]*\})? [0-9.e+-]+$'"

if [ -z "$PARSER_PY" ]; then
    echo "skipped: the Prometheus parser checks (no python3 with prometheus_client;"
    echo "         install python3-prometheus-client)"
    finish
    exit $?
fi

check "the parser reads the whole scrape" "$PARSER_PY" -c '
import sys
from prometheus_client.parser import text_string_to_metric_families
fams = {f.name: f.type for f in text_string_to_metric_families(open(sys.argv[1]).read())}
want = {"nsearchd_requests": "counter", "nsearchd_request_duration_seconds": "histogram",
        "nsearchd_requests_in_flight": "gauge", "nsearchd_index_generation": "gauge",
        "nsearchd_index_articles": "gauge", "nsearchd_errors": "counter",
        "nsearchd_index_last_reload_timestamp_seconds": "gauge"}
missing = {k: v for k, v in want.items() if fams.get(k) != v}
sys.exit("missing or mistyped: %r" % missing if missing else 0)' "$TMP/m1"
articles=$(nsearch --db "$TMP/db" --json --limit 0 --related 0 --no-collapse "" |
    python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
check "articles = the index's count" is "$(sample m1 nsearchd_index_articles)" "$articles"
check "generation of the live index" is "$(sample m1 nsearchd_index_generation)" \
    "$(readlink "$TMP/db/current" | sed 's/^gen-0*//')"
check "one request in flight: this scrape" is "$(sample m1 nsearchd_requests_in_flight)" 1
check "the index was loaded: last reload is set" sh -c \
    "test $(sample m1 nsearchd_index_last_reload_timestamp_seconds) -gt 1700000000"
s0=$(sample m1 nsearchd_requests_total "{'route':'search','status':'200'}")
check "no search yet" is "$s0" missing
c0=$(sample m1 nsearchd_request_duration_seconds_count)
e0=$(sample m1 nsearchd_errors_total)

# Three searches, a 404, a 400 and a 405.
get r1 '/v1/search?q=azure'
get r2 '/v1/search?q=surveillance'
get r3 '/v1/search?q=climate'
get r4 /v1/articles/no-such-id
get r5 '/v1/search?limit=abc'
get r6 /v1/search -X POST
get m2 /metrics
check "search 200 counted: 3" is \
    "$(sample m2 nsearchd_requests_total "{'route':'search','status':'200'}")" 3
check "article 404 counted" is \
    "$(sample m2 nsearchd_requests_total "{'route':'article','status':'404'}")" 1
check "search 400 counted" is \
    "$(sample m2 nsearchd_requests_total "{'route':'search','status':'400'}")" 1
check "search 405 counted" is \
    "$(sample m2 nsearchd_requests_total "{'route':'search','status':'405'}")" 1
check "the first scrape is counted by the second" is \
    "$(sample m2 nsearchd_requests_total "{'route':'metrics','status':'200'}")" 1
check "histogram count grew by 7" is \
    "$(sample m2 nsearchd_request_duration_seconds_count)" $((c0 + 7))
check "+Inf bucket = count" is \
    "$(sample m2 nsearchd_request_duration_seconds_bucket "{'le':'+Inf'}")" \
    "$(sample m2 nsearchd_request_duration_seconds_count)"
check "histogram sum is positive" "$PARSER_PY" -c \
    "import sys; sys.exit(0 if float(sys.argv[1]) > 0 else 1)" \
    "$(sample m2 nsearchd_request_duration_seconds_sum)"
check "errors grew by 3 (404, 400, 405)" is "$(sample m2 nsearchd_errors_total)" $((e0 + 3))

# A new generation shows in the scrape once the workers see it.
old=$(sample m2 nsearchd_index_generation)
nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES"
sleep 1.2
get w1 /health
get w2 /health
get m3 /metrics
check "new generation after a rebuild" is "$(sample m3 nsearchd_index_generation)" $((old + 1))
check "last reload moved" sh -c "test $(sample m3 nsearchd_index_last_reload_timestamp_seconds) -ge $(sample m1 nsearchd_index_last_reload_timestamp_seconds)"
kill -HUP "$server_pid"
sleep 0.3
get m4 /metrics
check "SIGHUP counted" is "$(sample m4 nsearchd_reloads_total)" 1

# /v1/stats and /metrics count the same requests: those ended before the
# one that reads them, never itself.  /v1/stats counted itself, one more
# than the scrape just before it.
get m5 /metrics
get s5 /v1/stats
get m6 /metrics
check "/v1/stats requests = ended before it, as /metrics counts them" \
    "$PARSER_PY" - "$TMP/m5" "$TMP/s5" "$TMP/m6" <<'PY'
import json, sys
from prometheus_client.parser import text_string_to_metric_families
def scrape(path):
    req = err = 0
    for fam in text_string_to_metric_families(open(path).read()):
        for s in fam.samples:
            if s.name == "nsearchd_requests_total":
                req += s.value
            elif s.name == "nsearchd_errors_total":
                err = s.value
    return req, err
r5, e5 = scrape(sys.argv[1])
st = json.load(open(sys.argv[2]))
r6, e6 = scrape(sys.argv[3])
# Between: the scrape m5 ended before /v1/stats, and /v1/stats before m6.
assert st["requests"] == r5 + 1, (st["requests"], r5)
assert r6 == st["requests"] + 1, (r6, st["requests"])
assert st["errors"] == e5 == e6, (st["errors"], e5, e6)
PY

kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=
finish
