#!/bin/sh
# t340-nsearchd-array-params.sh - A parameter named as a script writes an
# array's, "section[]" (axios, jQuery, Node's qs) or "section[0]" (PHP's
# http_build_query), is the parameter itself: the filters hold, repeated
# as section=a&section=b are, and a single parameter so written is read
# (and counted once, so q[]=a&q=b is the 400 that q=a&q=b is).  They were
# unknown names, ignored: every story answered as if no filter was given.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'JSON'
{"id":"c1","title":"Crude one","body":"oil prices rise","section":"crude","tags":["energy"],"date":"2025-01-10T00:00:00Z"}
{"id":"s1","title":"Ship one","body":"oil tanker ship","section":"ship","tags":["shipping"],"date":"2025-02-10T00:00:00Z"}
{"id":"o1","title":"Other one","body":"oil elsewhere","section":"other","date":"2025-03-10T00:00:00Z"}
{"id":"o2","title":"Other two","body":"oil again","section":"other","lang":"no","date":"2025-04-10T00:00:00Z"}
{"id":"g1","title":"Gas one","body":"gas prices","section":"other","date":"2025-05-10T00:00:00Z"}
JSON
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# ids FILE: the hit ids of an answer, sorted, comma-separated.
ids() {
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/$1"
}

# axios, jQuery and qs: section[]=crude&section[]=ship.
get r.json '/v1/search?q=oil&section%5B%5D=crude&section%5B%5D=ship&limit=100'
check "section[] twice: crude and ship only" is "$(ids r.json)" "c1,s1"
check "section[] echoed as section" json r.json \
    'd["filters"] == {"section": ["crude", "ship"]} and d["total"] == 2'

# PHP's http_build_query: section[0]=crude&section[1]=ship.
get r.json '/v1/search?q=oil&section%5B0%5D=crude&section%5B1%5D=ship&limit=100'
check "section[0], section[1]: crude and ship only" is "$(ids r.json)" "c1,s1"

# Unencoded brackets, as a hand-written URL has them.
get r.json '/v1/search?q=oil&tag[]=energy&limit=100'
check "tag[]: the tagged article only" is "$(ids r.json)" "c1"
get r.json '/v1/search?q=oil&lang%5B%5D=no&limit=100'
check "lang[]: the Norwegian article only" is "$(ids r.json)" "o2"

# A single parameter so written is read too.
get r.json '/v1/search?q%5B%5D=gas&limit%5B%5D=1'
check "q[]: searched" json r.json \
    'd["query"] == "gas" and [h["id"] for h in d["hits"]] == ["g1"]'
get r.json '/v1/search?q=oil&limit%5B0%5D=1'
check "limit[0]: one hit a page" json r.json \
    'd["limit"] == 1 and len(d["hits"]) == 1 and d["has_more"]'
get r.json '/v1/search?q=oil&from%5B%5D=2025-03-01&limit=100'
check "from[]: the dates hold" is "$(ids r.json)" "o1,o2"

# Counted once: q[] and q are q given twice.
get r.json '/v1/search?q%5B%5D=oil&q=gas'
check "q[] and q: 400" is "$code" 400
check "q[] and q: bad_parameter naming q" json r.json \
    'd == {"error": {"code": "bad_parameter", "message": "parameter '"'q'"' is given more than once (only section, lang and tag may be repeated)"}}'

finish
