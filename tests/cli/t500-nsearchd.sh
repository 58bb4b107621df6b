#!/bin/sh
# t500-nsearchd.sh - nsearchd answers the same JSON as `nsearch --json`,
# serves articles, related posts, /health and /v1/stats, and refuses what
# is not a GET.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

index_samples
check "server starts and answers /health" start_server --access-log
n_requests=1

# 1. The search is the CLI's JSON, took_ms aside ("related" is the
# library's business and may legitimately differ in options).
get search.json '/v1/search?q=Azure%20surveillance'
n_requests=$((n_requests + 1))
check "search: status 200" is "$code" 200
nsearch --db "$TMP/db" --json "Azure surveillance" >"$TMP/cli.json"
check "search: same JSON as nsearch --json" python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for d in (a, b):
    d.pop("took_ms", None)
    d.pop("related", None)
if a.pop("filters", None) != {}:
    sys.exit(1)
sys.exit(0 if a == b else 1)' "$TMP/search.json" "$TMP/cli.json"
check "search: first hit" json search.json \
    'd["hits"][0]["id"] == "azure-surveillance-investigation"'
check "search: related is a list" json search.json \
    'isinstance(d["related"], list)'
check "search: Content-Type is JSON" sh -c "curl -sS --max-time 5 \
    --unix-socket '$SOCK' -D - -o /dev/null 'http://localhost/v1/search?q=a' |
    grep -qi '^content-type: application/json'"
n_requests=$((n_requests + 1))

# Parameters: paging, sorting, filters.
get p3.json '/v1/search?q=azure&limit=3'
get p2.json '/v1/search?q=azure&limit=2&offset=1'
n_requests=$((n_requests + 2))
check "paging: offset 1 continues the list" python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
sys.exit(0 if [h["id"] for h in a["hits"][1:3]] ==
         [h["id"] for h in b["hits"]] and b["hits"][0]["rank"] == 2 else 1)' \
    "$TMP/p3.json" "$TMP/p2.json"
get all.json '/v1/search?sort=date&limit=100'
n_requests=$((n_requests + 1))
check "no q: every article" json all.json 'len(d["hits"]) == d["total"] > 50'
check "sort=date: newest first" json all.json \
    '[h["date"] or "" for h in d["hits"]] ==
     sorted([h["date"] or "" for h in d["hits"]], reverse=True)'
get old.json '/v1/search?sort=oldest&limit=100'
n_requests=$((n_requests + 1))
check "sort=oldest: oldest first, undated last" json old.json \
    '[h["date"] or "~" for h in d["hits"]] ==
     sorted([h["date"] or "~" for h in d["hits"]]) and d["hits"][0]["date"]'
get zero.json '/v1/search?q=azure&limit=0'
check "limit=0: no hits, a total" json zero.json \
    'd["hits"] == [] and d["total"] > 0'
get sec.json '/v1/search?q=azure&section=Technology&limit=100'
check "section filter" json sec.json \
    'd["hits"] and all(h["section"] == "Technology" for h in d["hits"])'
get lang.json '/v1/search?lang=no&limit=100'
check "lang filter" json lang.json \
    'd["hits"] and all(h["lang"] == "no" for h in d["hits"])'
get dates.json '/v1/search?from=2025-09-01&to=2025-09-30&limit=100'
check "date range" json dates.json \
    'd["hits"] and all("2025-09-01" <= h["date"][:10] <= "2025-09-30"
                       for h in d["hits"])'
get open.json '/v1/search?q=azure&from=2025-09-01&limit=100'
check "open-ended date range" json open.json \
    'd["hits"] and all(h["date"][:10] >= "2025-09-01" for h in d["hits"])'
get quote.json '/v1/search?q=%22azure%20cloud&section=World&limit=100'
check "an unclosed phrase does not swallow the filter" json quote.json \
    'all(h["section"] == "World" for h in d["hits"])'
get plus.json '/v1/search?q=azure+surveillance'
check "'+' is a space" json plus.json 'd["query"] == "azure surveillance"'
n_requests=$((n_requests + 7))

# 2. Articles, related posts, errors.
get art.json /v1/articles/azure-surveillance-investigation
check "article: 200" is "$code" 200
check "article: stored JSON" json art.json \
    'd["id"] == "azure-surveillance-investigation" and "Azure" in d["title"]
     and len(d["body"]) > 100'
get missing.json /v1/articles/no-such-article
check "unknown article: 404" is "$code" 404
check "unknown article: JSON error" json missing.json \
    'd["error"]["code"] == "not_found" and d["error"]["message"]'
get rel.json /v1/related/azure-surveillance-investigation
check "related: 200" is "$code" 200
check "related: no hits, a related list" json rel.json \
    'd["hits"] == [] and isinstance(d["related"], list) and
     all(r["id"] != "azure-surveillance-investigation" for r in d["related"])'
check "related: the shape of a search with none run" json rel.json \
    'd["query"] == "" and d["total"] == 0 and d["total_exact"] is True and
     d["limit"] == 0 and d["has_more"] is False'
nsearch --db "$TMP/db" --json --related-to azure-surveillance-investigation \
    >"$TMP/relcli.json"
check "related: the JSON of nsearch --related-to" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
a.pop("took_ms"); b.pop("took_ms")
sys.exit(0 if a == b else "%r != %r" % (a, b))' "$TMP/rel.json" "$TMP/relcli.json"
get rel0.json '/v1/related/azure-surveillance-investigation?related=0'
check "related=0: empty list" json rel0.json 'd["related"] == []'
get relmissing.json /v1/related/no-such-article
check "related of an unknown article: 404" is "$code" 404
get nowhere.json /v2/nothing
check "unknown path: 404" is "$code" 404
check "unknown path: JSON error" json nowhere.json \
    'd["error"]["code"] == "not_found"'
n_requests=$((n_requests + 6))

code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -X POST -D "$TMP/post.h" \
    -o "$TMP/post.json" -w '%{http_code}' 'http://localhost/v1/search?q=a')
check "POST: 405" is "$code" 405
check "POST: Allow header" grep -qi '^allow: GET, HEAD' "$TMP/post.h"
check "POST: JSON error" json post.json \
    'd["error"]["code"] == "method_not_allowed"'
code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -X DELETE -o /dev/null \
    -w '%{http_code}' http://localhost/v1/articles/x)
check "DELETE: 405" is "$code" 405
code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -I -o "$TMP/head.h" \
    -w '%{http_code}' 'http://localhost/v1/search?q=azure')
check "HEAD: answered like GET" is "$code" 200
n_requests=$((n_requests + 3))

get health.json /health
check "health: 200" is "$code" 200
check "health: ok and the article count" json health.json \
    'd == {"status": "ok", "articles": 84}'
n_requests=$((n_requests + 1))
# Counted: the requests ended before it, not itself (as /metrics).
get stats.json /v1/stats
check "stats: 200" is "$code" 200
check "stats: counts every request" json stats.json \
    "d['requests'] >= $n_requests and d['errors'] >= 5"
n_requests=$((n_requests + 1))
check "stats: fields" json stats.json \
    'd["articles"] == 84 and d["threads"] == 2 and d["uptime_s"] >= 0 and
     d["index"]["path"].endswith("/db") and d["index"]["built"] and
     (d["index"]["generation"] is None or
      d["index"]["generation"].startswith("gen-")) and
     d["latency_ms"]["p50"] <= d["latency_ms"]["p99"]'

# Keep-alive: two requests on one connection.
curl -sS --max-time 5 --unix-socket "$SOCK" -v -o /dev/null -o /dev/null \
    http://localhost/health http://localhost/health 2>"$TMP/keep.err"
check "keep-alive: connection reused" contains "$TMP/keep.err" "Re-using"

# SIGHUP reopens the index and the server goes on.
kill -HUP $server_pid
sleep 0.2
get afterhup.json '/v1/search?q=azure'
check "after SIGHUP: still answers" is "$code" 200
get stats2.json /v1/stats
check "after SIGHUP: reloads counted" json stats2.json \
    'd["index"]["reloads"] == 1'

check "access log: one line per request" \
    grep -q 'nsearchd\[[0-9]*\]: access: GET /health 200 [0-9.]*ms' \
    "$TMP/server.err"
check "startup line" grep -q \
    "nsearchd\[[0-9]*\]: info: listening on $SOCK (2 threads, index $TMP/db, 84 articles)" \
    "$TMP/server.err"
kill $server_pid
wait $server_pid
rc=$?
server_pid=
check "SIGTERM: exit 0" is "$rc" 0
check "SIGTERM: socket removed" test ! -e "$SOCK"
check "no error lines" lacks "$TMP/server.err" ": error:"

# The slow log: one line per request that took --slow-log MS or more; 0
# logs every request, a bound no request reaches logs none, and the
# access log is not needed for it.
: >"$TMP/server.err"
check "slow log 0: starts" start_server --slow-log 0
get slow.json '/v1/search?q=azure+surveillance&limit=3'
check "slow log 0: answers" is "$code" 200
kill $server_pid
wait $server_pid
server_pid=
check "slow log 0: the search is logged" grep -q \
    'nsearchd\[[0-9]*\]: slow: GET /v1/search?q=azure+surveillance&limit=3 200 [0-9.]*ms' \
    "$TMP/server.err"
check "slow log: no access lines without --access-log" lacks "$TMP/server.err" "access:"
: >"$TMP/server.err"
check "slow log 3600000: starts" start_server --slow-log 3600000
get slow.json '/v1/search?q=azure+surveillance&limit=3'
check "slow log 3600000: answers" is "$code" 200
kill $server_pid
wait $server_pid
server_pid=
check "slow log 3600000: nothing logged" lacks "$TMP/server.err" "slow:"

# One thread is no pool: libmicrohttpd is not given a pool size, which
# it warned about at every start ("Zero size, specified for thread pool
# size, is ignored").
: >"$TMP/server.err"
check "--threads 1: starts" start_server --threads 1
get one.json '/v1/search?q=azure+surveillance&limit=3'
check "--threads 1: answers" is "$code" 200
kill $server_pid
wait $server_pid
server_pid=
check "--threads 1: one thread" contains "$TMP/server.err" "(1 thread, index"
check "--threads 1: no warning from libmicrohttpd" lacks "$TMP/server.err" \
    "libmicrohttpd"
check "--threads 1: no warning at all" lacks "$TMP/server.err" "warning:"

# Options.
run help.out help.err "$NSEARCH_BIN/nsearchd" --help
check "--help: exit 0" is "$rc" 0
check "--help: documents the exit status" contains "$TMP/help.out" "Exit status"
check "--help: every sort the README lists" is \
    "$(tr -s ' \n' ' ' <"$TMP/help.out" | grep -o 'sort (relevance, date, oldest or recent)')" \
    "sort (relevance, date, oldest or recent)"
run bad.out bad.err "$NSEARCH_BIN/nsearchd" --threads 0 --socket "$SOCK"
check "--threads 0: exit 2" is "$rc" 2
check "--threads 0: hint" contains "$TMP/bad.err" "Try 'nsearchd --help'."
run bad.out bad.err "$NSEARCH_BIN/nsearchd" --socket-mode 999 --socket "$SOCK"
check "--socket-mode 999: exit 2" is "$rc" 2
run bad.out bad.err "$NSEARCH_BIN/nsearchd" --bogus
check "unknown option: exit 2" is "$rc" 2
run bad.out bad.err env -u LISTEN_FDS "$NSEARCH_BIN/nsearchd" --db "$TMP/db"
check "no --socket: exit 2" is "$rc" 2
check "no --socket: message" contains "$TMP/bad.err" "no --socket PATH given"
run bad.out bad.err "$NSEARCH_BIN/nsearchd" --slow-log -1 --socket "$SOCK"
check "--slow-log -1: exit 2" is "$rc" 2
finish
