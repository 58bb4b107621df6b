#!/bin/sh
# t573-nsearchd-request-budget.sh - --request-timeout bounds a search of
# twenty wildcards over HTTP: past it the server answers 503 `timeout`
# without looking up every hit's copies (a match each), a phrase's
# facets are checked within it (their own 2 s budget is the larger), and
# a phrase's count (limit=0) past it is an estimate, answered 200.
# The bounds are loose (a busy machine is slow); the work done is
# checked by tests/unit/test_budget.cc.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# Two copies of each story, every body with "harbour strike".
python3 - >"$TMP/a.jsonl" <<'PY'
import json
filler = " ".join("word%d" % (w % 37) for w in range(150))
for i in range(3000):
    print(json.dumps({"id": "a%d" % i, "title": "Harbour report number %d" % (i // 2),
                      "body": "%s term%d then the harbour strike ended." % (filler, i),
                      "section": "World" if i % 3 else "Business",
                      "date": "2025-09-01T08:00:00Z"}))
PY
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "index builds" is "$rc" 0

wild=$(python3 -c 'print("%20".join(c + "*" for c in "hrntwseabcdfgilmopuk"))')
check "starts with --request-timeout 1" start_server --request-timeout 1
t0=$(date +%s.%N)
get to.json "/v1/search?q=$wild&limit=100&related=0"
t1=$(date +%s.%N)
check "twenty wildcards past the budget: 503 ($code)" is "$code" 503
check "twenty wildcards past the budget: timeout" json to.json \
    'd["error"]["code"] == "timeout"'
check "answered within a few seconds of the budget" \
    python3 -c "import sys; sys.exit(0 if $t1 - $t0 < 5.0 else 1)"
# A count (limit=0) has no page to pass off as the answer: past the
# budget its total is an estimate, 200 with total_exact false.  Checking
# 3,000 articles' text takes far more than 1 ms.
get c.json "/v1/search?q=%22harbour%20strike%22&limit=0&related=0" \
    -D "$TMP/c.h"
check "phrase count past the budget: 200 ($code)" is "$code" 200
check "phrase count past the budget: not to be kept, no ETag" sh -c \
    "grep -qix 'cache-control: no-store.' '$TMP/c.h' && ! grep -qi '^etag' '$TMP/c.h'"
check "phrase count past the budget: an estimate" json c.json \
    'not d["total_exact"] and 0 < d["total"] <= 3000 and d["hits"] == []'
check "phrase count past the budget: says it stopped" json c.json \
    'd.get("timed_out") is True'
get st.json /v1/stats
check "both counted as stopped at the budget" json st.json \
    'd["guard"]["timed_out"] == 2'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# With time to spare, the same searches answer in full: the phrase's
# facets are counted, and hits list their copies.
check "starts with the default budget" start_server
get f.json "/v1/search?q=%22harbour%20strike%22&facets=section&limit=1&related=0"
check "phrase facets: 200 ($code)" is "$code" 200
check "phrase facets: counted" json f.json \
    'd["facets"]["counted"] > 0 and d["facets"]["section"]'
get c.json "/v1/search?q=%22harbour%20strike%22&limit=0&related=0"
check "phrase count in time: every story, exact" json c.json \
    'd["total_exact"] and d["total"] == 1500 and "timed_out" not in d'
get w.json "/v1/search?q=$wild&limit=100&related=0"
check "twenty wildcards in time: 200 ($code)" is "$code" 200
check "twenty wildcards in time: copies listed" json w.json \
    'any(h["also"] for h in d["hits"])'
finish
