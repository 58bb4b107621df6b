#!/bin/sh
# t010-search.sh - nsearch on the sample archive: ranking, snippets, text
# and JSON output, paging, sorting, filters, exit codes.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

run out err nsearch --db "$TMP/db" --color never "Azure surveillance"
check "search exits 0" is "$rc" 0
check "stderr is empty" is "$(cat "$TMP/err")" ""
check "Azure investigation ranks first" \
    is "$(sed -n 3p "$TMP/out")" \
    " 1. Microsoft's Azure cloud used for mass surveillance of Palestinians, investigation finds"
check "snippet highlights matches" contains "$TMP/out" "**surveillance**"
check "date, section, byline, url and id shown" contains "$TMP/out" \
    "2025-08-06 | Technology | Kari Nordmann | https://news.example.org/2025/08/06/azure-surveillance-investigation | id azure-surveillance-investigation"

run out err nsearch --db "$TMP/db" --color always "Azure surveillance"
check "bold on request" contains "$TMP/out" "$(printf '\033[1m')Azure"

run json err nsearch --db "$TMP/db" --json "Azure surveillance"
check "json exits 0" is "$rc" 0
check "json shape" python3 - "$TMP/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["query"] == "Azure surveillance"
assert isinstance(d["took_ms"], float) and d["took_ms"] >= 0
assert d["total"] >= len(d["hits"]) == 10
h = d["hits"][0]
assert h["id"] == "azure-surveillance-investigation", h["id"]
assert h["rank"] == 1 and h["score"] > 0
assert set(h) >= {"id", "title", "date", "section", "url", "score", "snippet", "snippet_html"}
assert "<mark>" in h["snippet_html"] and "<mark>" not in h["snippet"]
assert isinstance(d["related"], list)
assert all(len(x["snippet"]) < 400 for x in d["hits"])
PY

# Paging: --offset 2 --limit 3 gives ranks 3-5 of the full list.
nsearch --db "$TMP/db" --json --limit 5 "Azure surveillance" >"$TMP/p0"
nsearch --db "$TMP/db" --json --offset 2 --limit 3 "Azure surveillance" >"$TMP/p1"
check "paging" python3 - "$TMP/p0" "$TMP/p1" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["hits"]
b = json.load(open(sys.argv[2]))["hits"]
assert [h["id"] for h in a[2:5]] == [h["id"] for h in b], (a, b)
assert [h["rank"] for h in b] == [3, 4, 5]
PY

# Sort by date: newest first.
nsearch --db "$TMP/db" --json --sort date --limit 20 "Azure" >"$TMP/d"
check "sort by date" python3 - "$TMP/d" <<'PY'
import json, sys
dates = [h["date"] for h in json.load(open(sys.argv[1]))["hits"] if h["date"]]
assert len(dates) > 5 and dates == sorted(dates, reverse=True), dates
PY

# Oldest first, for reading a story from its start; undated articles
# last either way (an empty value would sort first), and a phrase page
# (checked on the text) in the same order.  The same articles as newest
# first (every copy listed: collapsed, a story is shown by its first
# version instead of its last).
for q in "" "Azure" '"external review"'; do
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse --sort oldest "$q" >"$TMP/o"
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse --sort date "$q" >"$TMP/n"
    check "oldest first: '$q'" python3 - "$TMP/o" "$TMP/n" <<'PY'
import json, sys
o, n = (json.load(open(f)) for f in sys.argv[1:3])
dates = [h["date"] for h in o["hits"]]
dated = [d for d in dates if d]
assert len(dated) > 5 and dated == sorted(dated), dates
assert dates == dated + [None] * (len(dates) - len(dated)), dates
assert o["total"] == n["total"]
assert sorted(h["id"] for h in o["hits"]) == sorted(h["id"] for h in n["hits"])
PY
done
nsearch --db "$TMP/db" --json --limit 100 --sort oldest "" >"$TMP/o.all"
check "undated articles come last, after every dated one" python3 -c '
import json, sys
d = [h["date"] for h in json.load(open(sys.argv[1]))["hits"]]
assert None in d and d.index(None) > 5 and all(x is None for x in d[d.index(None):]), d' "$TMP/o.all"
run out err nsearch --db "$TMP/db" --sort oldest-first x
check "an unknown order is a usage error" is "$rc" 2
check "which names oldest" contains "$TMP/err" "relevance, date, oldest or recent"

# Filters and fields.
nsearch --db "$TMP/db" --json --limit 100 "section:climate" >"$TMP/s"
check "section filter" python3 - "$TMP/s" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
assert hits and all(h["section"] == "Climate" for h in hits)
PY
nsearch --db "$TMP/db" --json --limit 100 "Microsoft date:2025-09-01..2025-09-15" >"$TMP/r"
check "date range" python3 - "$TMP/r" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
assert hits and all("2025-09-01" <= h["date"][:10] <= "2025-09-15" for h in hits), hits
PY
nsearch --db "$TMP/db" --json "Bergen lang:no" >"$TMP/n"
check "Norwegian filter" python3 - "$TMP/n" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
assert hits and all(h["lang"] == "no" for h in hits)
PY
nsearch --db "$TMP/db" --json '"external review"' >"$TMP/ph"
check "phrase" python3 - "$TMP/ph" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
assert hits and all("external review" in h["snippet"].lower() for h in hits[:3]), hits
PY

# A malformed query still searches, with a warning.
run out err nsearch --db "$TMP/db" --json "surveillance AND ("
check "malformed query exits 0" is "$rc" 0
check "malformed query warns" contains "$TMP/err" "searching for the words instead"
check "malformed query finds hits" python3 -c \
    "import json,sys; assert json.load(open('$TMP/out'))['hits']"

# Zero hits is success.
run out err nsearch --db "$TMP/db" --color never zzzqqqxxx
check "zero hits exits 0" is "$rc" 0
check "zero hits says so" contains "$TMP/out" "No matches"

# Batch: one JSON line per query, with qid.
printf '7\tAzure surveillance\npenguins\n\n' | nsearch --db "$TMP/db" --batch --limit 3 >"$TMP/b" 2>/dev/null
check "batch" python3 - "$TMP/b" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["qid"] for l in lines] == ["7", "2", "3"], lines
assert lines[2] == {"qid": "3", "error": "empty query"}, lines
assert lines[0]["hits"][0]["id"] == "azure-surveillance-investigation"
assert len(lines[1]["hits"]) == 3
PY

# Default index location: $NSEARCH_DB, then $XDG_DATA_HOME/nsearch/db.
check "NSEARCH_DB is used" env NSEARCH_DB="$TMP/db" "$NSEARCH_BIN/nsearch" azure
mkdir -p "$TMP/xdg/nsearch"
cp -r "$TMP/db" "$TMP/xdg/nsearch/db"
check "XDG default is used" "$NSEARCH_BIN/nsearch" azure

# Errors and usage.
run out err nsearch --db "$TMP/none" azure
check "no index exits 1" is "$rc" 1
check "no index: nothing created there" test ! -e "$TMP/none"
check "no index says where" contains "$TMP/err" "no index at '$TMP/none'"
check "no index says how to build" contains "$TMP/err" "nindex --db '$TMP/none'"
run out err nsearch --db "$TMP/db" --limit abc azure
check "bad number exits 2" is "$rc" 2
check "bad number hint" contains "$TMP/err" "Try 'nsearch --help'."
check "bad number: nothing on stdout" is "$(cat "$TMP/out")" ""
# The --limit cap (10000) on both sides.
run out err nsearch --db "$TMP/db" --json --limit 10000 azure
check "--limit 10000 accepted" is "$rc" 0
run out err nsearch --db "$TMP/db" --limit 10001 azure
check "--limit 10001 refused (exit 2)" is "$rc" 2
run out err nsearch --db "$TMP/db" --sort size azure
check "bad sort exits 2" is "$rc" 2
run out err nsearch --db "$TMP/db" --bogus azure
check "unknown option exits 2" is "$rc" 2
run out err nsearch --db "$TMP/db"
check "no query exits 2" is "$rc" 2
run out err nsearch --help
check "help exits 0" is "$rc" 0
check "help documents exit codes" contains "$TMP/out" "Exit status:"
run out err nsearch --db "$TMP/db" "$(printf 'bad \377 query')"
check "invalid UTF-8 query is a usage error" is "$rc" 2

# A rejected batch line answers under the qid it gave, so a caller can
# match the error to its query; a qid that is not UTF-8 is the line number.
printf 'q1\taz\000ure\nq2\t\377\n\376\tazure\nq4\tazure\n' |
    nsearch --db "$TMP/db" --batch --limit 1 >"$TMP/bq" 2>/dev/null
check "batch errors keep their qids" python3 - "$TMP/bq" <<'PY'
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
assert [(d["qid"], d.get("error")) for d in got] == [
    ("q1", "NUL byte in query"), ("q2", "invalid UTF-8"), ("3", None),
    ("q4", None)], got
PY

# An empty --db (an unset variable) is a usage error, not the default index.
run out err nsearch --db "" azure
check "nsearch --db '': usage error (2)" is "$rc" 2
check "nsearch --db '': says why" contains "$TMP/err" "--db needs a directory"
run out err nindex --db "" "$TMP/none.jsonl"
check "nindex --db '': usage error (2)" is "$rc" 2
run out err timeout 10 "$NSEARCH_BIN/nsearchd" --db "" --socket "$TMP/empty-db.sock"
check "nsearchd --db '': usage error (2), no server" is "$rc" 2
check "nsearchd --db '': no socket made" test ! -e "$TMP/empty-db.sock"
check "nsearchd usage error: 'Try nsearchd --help'" \
    contains "$TMP/err" "Try 'nsearchd --help'."

# --limit 0 asks for the count and the facets alone.
run out err nsearch --db "$TMP/db" --limit 0 --facets section azure
check "--limit 0: the count" python3 - "$TMP/out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
assert re.match(r"\d+ matches\n", text), text
assert "No more results" not in text, text
assert "section: Technology" in text, text
PY

# --offset: up to 1,000,000,000, and the error says so.
run out err nsearch --db "$TMP/db" --offset 1000000000 azure
check "--offset 1000000000: past the end, exit 0" is "$rc" 0
run out err nsearch --db "$TMP/db" --offset 1000000001 azure
check "--offset 1000000001: usage error (2)" is "$rc" 2
check "--offset 1000000001: names the limit" \
    contains "$TMP/err" "from 0 to 1000000000"

# A query of "*" alone lists every article, as an empty one does; one with
# no word at all ("-", "()", a lone quote, an emoji) matches nothing and
# says why (a lone '"' used to list every article as "its words").
all=$(nsearch --db "$TMP/db" --json --related 0 --limit 0 "" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
for q in '*' '* *'; do
    run out err nsearch --db "$TMP/db" --json --related 0 --limit 0 -- "$q"
    check "'$q' lists every article" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == int(sys.argv[2]) > 50 and "warning" not in d, d' "$TMP/out" "$all"
done
for q in '-' '()' '""' '"' '+' '“' '😀' '!!!' '!' '||' '&&'; do
    run out err nsearch --db "$TMP/db" --json --related 0 -- "$q"
    check "'$q': no hits, exit 0, a warning says why" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert sys.argv[2] == "0" and d["total"] == 0 and d["hits"] == [], d
assert d["warning"] == "the query has no word to search", d' "$TMP/out" "$rc"
    check "'$q': on stderr too" contains "$TMP/err" "the query has no word to search"
done

# The title with the matched words marked, HTML-escaped, every word kept;
# unmarked for a match in the body alone and for an empty query.
title_html() {
    nsearch --db "$TMP/db" --json --related 0 --limit 1 -- "$1" |
        python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(h[0]["title_html"] if h else "-")'
}
check "title_html marks the query's words" is "$(title_html 'Azure surveillance')" \
    "Microsoft&#x27;s <mark>Azure</mark> cloud used for mass <mark>surveillance</mark> of Palestinians, investigation finds"
check "title_html is escaped" is "$(title_html 'sentimental value')" \
    "Joachim Trier&#x27;s &quot;<mark>Sentimental</mark> <mark>Value</mark>&quot; wins Grand Prix at Cannes"
check "title_html of a phrase marks it" is "$(title_html '"external review" israeli')" \
    "Microsoft says <mark>external review</mark> of <mark>Israeli</mark> military&#x27;s Azure use is still under way"
check "title_html without a match in the title: the title" is "$(title_html encampment)" \
    "Police arrest protesters at Microsoft&#x27;s Redmond campus"
# title: words are marked as words of the default field are (Xapian's
# highlighter reads only those), by their stems and in phrases too.
check "title_html marks a title: word" is "$(title_html 'title:surveillance')" \
    "Microsoft&#x27;s Azure cloud used for mass <mark>surveillance</mark> of Palestinians, investigation finds"
check "title_html marks a title: word by its stem" is "$(title_html '+title:surveillances +title:investigations')" \
    "Microsoft&#x27;s Azure cloud used for mass <mark>surveillance</mark> of Palestinians, <mark>investigation</mark> finds"
check "title_html marks a title: phrase" is "$(title_html 'title:"external review" israeli')" \
    "Microsoft says <mark>external review</mark> of <mark>Israeli</mark> military&#x27;s Azure use is still under way"
# A wildcard is no term of the query Xapian lists: title:surv* marked no
# title, nor did search as you type's title:azu (t129-partial.sh).
check "title_html marks a title: wildcard" is "$(title_html 'title:surv*')" \
    "Microsoft&#x27;s Azure cloud used for mass <mark>surveillance</mark> of Palestinians, investigation finds"
check "title_html marks a title: wildcard and a word" is "$(title_html 'title:sentimen* value')" \
    "Joachim Trier&#x27;s &quot;<mark>Sentimental</mark> <mark>Value</mark>&quot; wins Grand Prix at Cannes"
# (Run here, not in "sh -c", where the test's nsearch is not defined and
# the check passed whatever the output.)
json_titles_unmarked() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["hits"], "no hits"
for h in d["hits"]:
    assert h["title_html"] and "<mark>" not in h["title_html"], h["title_html"]' "$1"
}
nsearch --db "$TMP/db" --json --related 0 --limit 5 '' >"$TMP/empty.json"
check "title_html of an empty query: the title, unmarked" json_titles_unmarked "$TMP/empty.json"

finish
