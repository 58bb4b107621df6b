#!/bin/sh
# t505-nsearchd-filters.sh - /v1/search's section, lang, tag, author, from and to are
# filters of the search itself: any value works (quotes, brackets, AND,
# non-ASCII), q cannot undo them, section, lang and tag may be repeated
# (any of them; no other parameter may), and the answer echoes q and the
# filters as the client gave them.  recent_days is nsearch --recent-days:
# 0 gives an archive without dates related posts, as on the command line
# (the parameter was unknown and ignored, and the list always empty).
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

# Sections with awkward names, each on one article about oil, plus plenty
# of oil elsewhere so a filter that leaks shows.
cat >"$TMP/a.jsonl" <<'JSON'
{"id":"q1","title":"Oil one","body":"oil prices","section":"Say \"Cheese\"","tags":["energy"],"author":"Kari Nordmann","date":"2025-01-10T00:00:00Z"}
{"id":"q2","title":"Oil two","body":"oil prices","section":"(World) AND [Money]","tags":["Energy","OPEC (cartel)"],"author":"Ola \"Bud\" Nordmann","date":"2025-02-10T00:00:00Z"}
{"id":"q3","title":"Oil three","body":"oil prices","section":"Økonomi","lang":"no","date":"2025-03-10T00:00:00Z"}
{"id":"q4","title":"Oil four","body":"oil prices","section":"NOT","date":"2025-04-10T00:00:00Z"}
{"id":"q5","title":"Oil five","body":"oil prices","section":"acq","date":"2025-05-10T00:00:00Z"}
{"id":"q6","title":"Oil six","body":"oil prices","section":"other","tags":["OPEC (cartel)"],"author":"Kari Olsen","date":"2025-06-10T00:00:00Z"}
{"id":"q7","title":"Gas seven","body":"gas prices","section":"other","date":"2025-07-10T00:00:00Z"}
JSON
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# ids FILE: the hit ids of an answer, sorted, comma-separated.
ids() {
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/$1"
}

for pair in 'Say%20%22Cheese%22:q1' '(World)%20AND%20%5BMoney%5D:q2' \
    '%C3%98konomi:q3' 'NOT:q4' 'acq:q5'; do
    sec=${pair%:*}
    want=${pair##*:}
    get r.json "/v1/search?q=oil&section=$sec&limit=100"
    check "section=$sec: 200" is "$code" 200
    check "section=$sec: exactly $want" is "$(ids r.json)" "$want"
done

# q cannot widen a filter: a dangling OR or a lone NOT stays inside q.
get r.json '/v1/search?q=oil%20OR&section=acq&limit=100'
check "q=oil OR: only acq" is "$(ids r.json)" "q5"
get r.json '/v1/search?q=NOT&section=acq&limit=100'
check "q=NOT: nothing outside acq" json r.json \
    'all(h["id"] == "q5" for h in d["hits"])'
get r.json '/v1/search?q=oil%20OR&from=2099-01-01&limit=100'
check "q=oil OR, from 2099: nothing" json r.json 'd["total"] == 0 and d["hits"] == []'
get r.json '/v1/search?q=%22oil&section=acq&limit=100'
check "q with an open quote: filter still holds" json r.json \
    'all(h["id"] == "q5" for h in d["hits"])'

# Dates and language.
get r.json '/v1/search?q=prices&from=2025-02-10&to=2025-04-10&limit=100'
check "from..to, ends included" is "$(ids r.json)" "q2,q3,q4"
get r.json '/v1/search?q=prices&lang=no&limit=100'
check "lang=no" is "$(ids r.json)" "q3"
get r.json '/v1/search?section=other&limit=100'
check "filter without q lists the section" is "$(ids r.json)" "q6,q7"

# The answer echoes q and the filters as given.
get r.json '/v1/search?q=oil%20OR&section=Say%20%22Cheese%22&from=2025-01-01&lang=en'
check "echo: query is q" json r.json 'd["query"] == "oil OR"'
check "echo: filters as given" json r.json \
    'd["filters"] == {"section": "Say \"Cheese\"", "from": "2025-01-01", "lang": "en"}'
get r.json '/v1/search?q=oil'
check "echo: no filters" json r.json 'd["filters"] == {}'

# Numbers are written as nsearch --json writes them, rounded to 4 decimals,
# with or without filters: every answer is parsed again to add "filters",
# and that dump once printed them at %.17g (0.23100000000000001).
get f.json '/v1/search?q=oil&section=acq'
check "answers keep the numbers' text" python3 - "$TMP/r.json" "$TMP/f.json" <<'PY'
import re, sys
for f in sys.argv[1:]:
    t = open(f).read()
    nums = re.findall(r'"(?:took_ms|score)":([0-9.e+-]+)', t)
    assert len(nums) >= 2, (f, t)
    for n in nums:
        assert len(n.split(".")[-1]) <= 4, (f, n)
PY

# section, lang and tag may be repeated: any of their values.  Any other
# parameter given twice is refused: "q=a&q=b" was answered for "a".
get m.json '/v1/search?q=oil&section=acq&section=NOT&section=&limit=100'
check "two sections: either" is "$(ids m.json)" "q4,q5"
check "two sections: echoed as a list" json m.json \
    'd["filters"] == {"section": ["acq", "NOT"]}'
get m.json '/v1/search?q=prices&lang=no&lang=en&section=other&limit=100'
check "two languages and a section" is "$(ids m.json)" "q6,q7"
get m.json '/v1/search?q=prices&lang=no&lang=-%20-'
check "a bad language among two: 400" is "$code" 400
check "... says which" json m.json \
    '"- -" in d["error"]["message"]'
get m.json '/v1/search?q=oil&tag=energy&limit=100'
check "tag: any case" is "$(ids m.json)" "q1,q2"
get m.json '/v1/search?q=oil&tag=energy&tag=OPEC%20(cartel)&limit=100'
check "two tags: either" is "$(ids m.json)" "q1,q2,q6"
check "two tags: echoed as a list" json m.json \
    'd["filters"] == {"tag": ["energy", "OPEC (cartel)"]}'
get m.json '/v1/search?q=oil&tag=OPEC%20(cartel)&section=other&limit=100'
check "a tag and a section: both" is "$(ids m.json)" "q6"
get m.json '/v1/search?q=oil&tag=a%01b'
check "a tag with a control character: 400" is "$code" 400
many=$(python3 -c 'print("&".join("section=s%d" % i for i in range(21)))')
get m.json "/v1/search?q=oil&$many"
check "21 sections: 400" is "$code" 400
check "... says how many may be" json m.json \
    '"more than 20" in d["error"]["message"]'
# Unknown parameters (a cache buster, a tracker's) are ignored, even twice.
# author: every word of the name in the byline (a reporter's page), never
# query text; with a section, both; echoed; once only.
get m.json '/v1/search?author=Kari%20Nordmann&limit=100'
check "author: every word of the name" is "$code:$(ids m.json)" "200:q1"
check "author: echoed" json m.json 'd["filters"] == {"author": "Kari Nordmann"}'
get m.json '/v1/search?q=oil&author=nordmann&limit=100'
check "author: one word" is "$(ids m.json)" "q1,q2"
get m.json '/v1/search?q=oil&author=Ola%20%22Bud%22&limit=100'
check "author: quotes are no query syntax" is "$(ids m.json)" "q2"
get m.json '/v1/search?q=oil&author=kari&section=other&limit=100'
check "author and section: both" is "$(ids m.json)" "q6"
get m.json '/v1/search?q=author:olsen&author=nordmann&limit=100'
check "q cannot undo it" is "$code:$(ids m.json)" "200:"
get m.json '/v1/search?q=oil&author=&limit=100'
check "an empty author is not given" is "$(ids m.json)" "q1,q2,q3,q4,q5,q6"
get m.json '/v1/search?q=oil&author=a%01b'
check "an author with a control character: 400" is "$code" 400
check "... saying why" json m.json \
    'd["error"]["message"] == "author contains the control character U+0001"'
# An author with no word in it (a byline of punctuation, a slug gone
# wrong) can match nothing by its words: 400, not every article listed
# as that reporter's under a filter echoed as applied.
for v in '%E2%80%94' '*' '-' '.' '%22%22' '%20'; do
    get m.json "/v1/search?q=oil&author=$v&limit=100"
    check "author=$v (no word): 400 bad_parameter" json m.json \
        '"error" in d and d["error"]["code"] == "bad_parameter" and "has no word" in d["error"]["message"]'
    check "author=$v: status 400" is "$code" 400
done
# A section or tag is matched whole, so "—" is a label like any other:
# no article has it, and none is listed.
get m.json '/v1/search?q=oil&section=%E2%80%94&limit=100'
check "section=—: matched whole, no hits" is "$code:$(ids m.json)" "200:"
get m.json '/v1/search?q=oil&tag=%E2%80%94&limit=100'
check "tag=—: matched whole, no hits" is "$code:$(ids m.json)" "200:"
get m.json '/v1/search?q=oil&section=acq&_=1&utm_source=x&utm_source=y'
check "unknown parameters, one repeated: ignored" is "$code:$(ids m.json)" "200:q5"
# Past the first few distinct parameters too.
late='a1=1&a2=2&a3=3&a4=4&a5=5&a6=6&a7=7&a8=8&a9=9&a10=10&q=oil&q=gas'
for dup in 'q=oil&q=gas' 'limit=1&limit=100' 'author=a&author=b' 'q=oil&from=2025-01-01&from=2025-03-01' "$late"; do
    get m.json "/v1/search?$dup"
    check "$dup: 400" is "$code" 400
    check "$dup: says which parameter" json m.json \
        '"given more than once" in d["error"]["message"] and d["error"]["code"] == "bad_parameter"'
done
# An empty value is "not given", repeated or not: "sort=&sort=date" (a
# form's hidden default before its select) is a sort by date, and
# "q=&q=oil" a search for oil, whichever comes first.
get m.json '/v1/search?q=&q=oil&limit=100'
check "q=&q=oil: 200" is "$code" 200
check "q=&q=oil: a search for oil" is "$(ids m.json)" "q1,q2,q3,q4,q5,q6"
check "q=&q=oil: echoed as oil" json m.json 'd["query"] == "oil"'
get m.json '/v1/search?q=gas&q='
check "q=gas&q=: a search for gas" is "$code:$(ids m.json)" "200:q7"
get m.json '/v1/search?q=oil&sort=&sort=date&limit=2&collapse=0'
check "sort=&sort=date: by date" is "$code:$(python3 -c 'import json,sys; print(",".join(h["id"] for h in json.load(open(sys.argv[1]))["hits"]))' "$TMP/m.json")" "200:q6,q5"
get m.json '/v1/search?q=oil&limit=&limit=1&limit='
check "limit=&limit=1&limit=: 200" is "$code" 200
check "limit=&limit=1&limit=: one hit" json m.json 'd["limit"] == 1 and len(d["hits"]) == 1'

# --- recent_days, as nsearch --recent-days. ------------------------------
# Dated: a window of 40 days before now=2025-07-20 holds q6 (June 10) and
# q7 (July 10), the default 30 only q7.
relids() {
    python3 -c 'import json,sys; print(",".join(sorted(r["id"] for r in json.load(open(sys.argv[1]))["related"])))' "$TMP/$1"
}
get r.json '/v1/related/q5?now=2025-07-20&recent_days=40'
check "recent_days=40: 200" is "$code" 200
nsearch --db "$TMP/db" --json --related-to q5 --now 2025-07-20 \
    --recent-days 40 >"$TMP/cli40.json"
check "recent_days=40: the CLI's list" is "$(relids r.json)" \
    "$(relids cli40.json)"
get r30.json '/v1/related/q5?now=2025-07-20'
check "recent_days: a wider window lists more" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["related"]
b = json.load(open(sys.argv[2]))["related"]
sys.exit(0 if len(a) > len(b) else 1)' "$TMP/r.json" "$TMP/r30.json"
for bad in -1 36501 ten 1.5; do
    get r.json "/v1/related/q5?recent_days=$bad"
    check "related recent_days=$bad: 400" is "$code" 400
    get r.json "/v1/search?q=oil&recent_days=$bad"
    check "search recent_days=$bad: 400" is "$code" 400
done
check "recent_days=ten: says the range" json r.json \
    'd["error"]["message"].startswith("recent_days must be a whole number from 0 to 36500 (days; 0 for no window), not ")'
get r.json '/v1/search?q=oil&recent_days=1&recent_days=2'
check "recent_days twice: 400" is "$code" 400
kill $server_pid
wait $server_pid
server_pid=

# Undated, as the README's first steps: no related posts but with
# recent_days=0, which lists what nsearch --recent-days 0 lists.
cat >"$TMP/u.jsonl" <<'JSON'
{"id": "harbour-1", "title": "Harbour ferry cancelled", "body": "Storm warnings stopped the morning harbour ferry."}
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again after the storm."}
{"id": "harbour-3", "title": "Harbour ferry storm damage", "body": "The storm damaged the harbour ferry pier."}
JSON
check "undated: index" nindex --quiet --db "$TMP/u" "$TMP/u.jsonl"
check "undated: server starts" start_server --db "$TMP/u"
nsearch --db "$TMP/u" --json --related-to harbour-1 --recent-days 0 \
    >"$TMP/cli0.json"
check "undated: the CLI lists related posts" json cli0.json \
    'len(d["related"]) > 0'
get r.json /v1/related/harbour-1
check "undated: none by default" json r.json 'd["related"] == []'
get r.json '/v1/related/harbour-1?recent_days=0'
check "undated: related recent_days=0: 200" is "$code" 200
check "undated: related recent_days=0: the CLI's list" is \
    "$(relids r.json)" "$(relids cli0.json)"
get r.json '/v1/search?q=cancelled&recent_days=0'
check "undated: search recent_days=0: related posts" json r.json \
    'len(d["related"]) > 0 and "harbour-1" not in [r["id"] for r in d["related"]]'

finish
