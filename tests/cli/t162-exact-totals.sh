#!/bin/sh
# t162-exact-totals.sh - Totals of a bilingual archive past the 1,000
# matches a ranked page counts.  A word or a date: filter is there an OR
# of each language's branch, whose bounds never meet: `said` gave
# different estimates with a page and with --limit 0, and a date filter
# alone an estimate of a count the index knows.  Now a count asked for
# (--limit 0) or a query of filters alone counts up to 25,000 matches
# with their stories, exactly; a page of words estimates its stories,
# the same on every page.
. "$(dirname "$0")/lib.sh"

# 1,200 English and 1,200 Norwegian articles, every two of a language
# one story (the same title), all dated in March 2024 but the last 100
# of each language, which are undated.
python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for lang, title, body in (
            ("en", "Harbour council report number %d",
             "The mayor said the harbour plan %d was ready."),
            ("no", "Havnestyret sin melding nummer %d",
             "Ordføreren said at havneplanen %d var klar.")):
        for i in range(1200):
            a = {"id": "%s%d" % (lang, i), "title": title % (i // 2),
                 "body": body % i, "lang": lang}
            if i < 1100:
                a["date"] = "2024-03-%02dT12:00:00Z" % (1 + i % 28)
            f.write(json.dumps(a) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# total QUERY ARGS...: "TOTAL EXACT" of a JSON search.
total() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 "$@" -- "$q" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], d["total_exact"])'
}

check "the archive has 2400 articles" is "$(count "$TMP/db")" 2400
check "every article: 1200 stories" is "$(total '' -n 0)" "1200 True"

check "said, no collapse, a page: exact" is \
    "$(total said --no-collapse)" "2400 True"
check "said, no collapse, -n 0: the same" is \
    "$(total said --no-collapse -n 0)" "2400 True"
check "said, collapsed, -n 0: its stories, exact" is "$(total said -n 0)" "1200 True"
# A page of words estimates its stories, the same on every page.
p1=$(total said)
check "said, collapsed, a page: an estimate near 1200 ($p1)" python3 -c '
import sys
t, e = sys.argv[1].split()
assert e == "False" and abs(int(t) - 1200) <= 60, sys.argv[1]' "$p1"
check "said, collapsed, page 3: the same as page 1" is \
    "$(total said --offset 20)" "$p1"

check "a date filter alone counts its articles" is \
    "$(total 'date:2024-03' --no-collapse)" "2200 True"
check "... and its stories" is "$(total 'date:2024-03')" "1100 True"
check "an open range: the same" is \
    "$(total 'date:..2024-12-31' --no-collapse)" "2200 True"
check "a language filter: its stories" is "$(total 'lang:en')" "600 True"
check "... and with -n 0" is "$(total 'lang:en' -n 0)" "600 True"

# nsearchd's from/to are the date: filter: the same count, exact.
. "$(dirname "$0")/server.sh"
check "server starts" start_server
http_total() {
    get r.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["total"], d["total_exact"])' "$TMP/r.json"
}
check "to=: the stories of the dated articles, exact" is \
    "$(http_total '/v1/search?to=2024-12-31&related=0')" "1100 True"
check "from= and to=, not collapsed: the articles" is \
    "$(http_total '/v1/search?from=2024-03-01&to=2024-03-31&collapse=0&related=0')" "2200 True"
check "lang=: exact, within the archive" is \
    "$(http_total '/v1/search?lang=no&related=0')" "600 True"

finish
