#!/bin/sh
# t237-byline-pairs.sh - A reporter's page (author:"Kari Nordmann",
# nsearchd's author=) is answered by byline pair terms (common/
# byline-pairs.cc): the AND of the name's words filtered by the term of
# the two words side by side, with an exact total and no byline read.
# It was the AND of the words with every candidate's byline checked, and
# a total that was Xapian's estimate (thousands too many when most
# articles with a Kari and a Nordmann are by someone else).  The terms
# must say exactly what the check says, through updates, replacements,
# deletions and rebuilds, and an index without them must still be exact.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# A fifth of the articles by Kari Nordmann, the rest by bylines that have
# a Kari and a Nordmann that are not hers, and a few longer names.
python3 - "$TMP/a.jsonl" <<'PY'
import json, random, sys
r = random.Random(3)
others = ["Kari Hansen, Per Nordmann", "Nordmann Kari", "Kari Nordmannsen",
          "Ola Nordmann and Kari Berg", "Anne Kari Olsen", "Jon Nordmann",
          "Kari Nordmann Olsen", "Ola Berg"]
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        a = "Kari Nordmann" if i % 5 == 0 else r.choice(others)
        f.write(json.dumps({"id": "a%d" % i, "title": "Story %d" % i,
            "body": "harbour ferry council %d" % i, "author": a,
            "date": "20%02d-%02d-10T10:00:00Z" % (10 + i % 15, 1 + i % 12)}) + "\n")
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
db=$TMP/db/current
[ -e "$db" ] || db=$TMP/db

# brute FILE NAME: how many articles of FILE (JSON Lines, the last
# record of an id counting) have the words of NAME side by side in their
# byline, read as words; a name of one word: have it.
brute() {
    python3 - "$1" "$2" <<'PY'
import json, re, sys
words = lambda s: re.findall(r"\w+", s.lower())
name = words(sys.argv[2])
arts = {}
for line in open(sys.argv[1]):
    a = json.loads(line)
    arts[a["id"]] = words(a.get("author", ""))
print(sum(any(w[i:i + len(name)] == name for i in range(len(w)))
          for w in arts.values()))
PY
}
# total QUERY [OPTIONS]: nsearch's total for QUERY, and "exact" or
# "estimate", on a reporter's page: newest first, ten hits.
total() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 --sort date --limit 10 "$@" "$q" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], "exact" if d["total_exact"] else "estimate")'
}
# terms ID: the terms of article ID on one line, a space before and
# after each (a byline pair term has one inside it).
terms() {
    did=$(xapian-delve -t "Q$1" "$db" 2>/dev/null | sed -n 's/.*: *\([0-9][0-9]*\).*/\1/p' | head -n 1)
    xapian-delve -r "$did" "$db" 2>/dev/null | sed -n 's/^Term List[^:]*:\(.*\)$/\1 /p'
}

n=$(brute "$TMP/a.jsonl" "Kari Nordmann")
check "a new index says it has byline pair terms" \
    sh -c "xapian-metadata get '$db' nsearch.pairs | grep -q ' bylines\$'"
terms a0 >"$TMP/a0.terms"
check "Kari Nordmann's article has the pair term" contains "$TMP/a0.terms" ' XBkari nordmann '
check "... and no other" is "$(grep -o ' XB' "$TMP/a0.terms" | wc -l)" 1
check "author:\"Kari Nordmann\": her articles, an exact total" \
    is "$(total 'author:"Kari Nordmann"')" "$n exact"
check "... with --facets, the same" \
    is "$(total 'author:"Kari Nordmann"' --facets)" "$n exact"
check "author:\"Nordmann Kari\": only that order" \
    is "$(total 'author:"Nordmann Kari"')" "$(brute "$TMP/a.jsonl" "Nordmann Kari") exact"
check "author:\"Per Nordmann\": the co-author" \
    is "$(total 'author:"Per Nordmann"')" "$(brute "$TMP/a.jsonl" "Per Nordmann") exact"
# The check reads a byline as one run of words, so two names side by side
# are a phrase too: the pair terms say the same.
check "author:\"Hansen Per\": across two names, as the check reads it" \
    is "$(total 'author:"Hansen Per"')" "$(brute "$TMP/a.jsonl" "Hansen Per") exact"
check "author:\"Kari Nordmann Olsen\": three words, narrowed and checked" \
    is "$(total 'author:"Kari Nordmann Olsen"' --limit 1000 | cut -d' ' -f1)" \
    "$(brute "$TMP/a.jsonl" "Kari Nordmann Olsen")"

# The same through nsearchd's author=, a reporter's page.
check "server starts" start_server
get p.json '/v1/search?author=Kari%20Nordmann&sort=date&limit=10&related=0'
check "author=Kari Nordmann: an exact total" \
    json p.json "d['total'] == $n and d['total_exact'] and len(d['hits']) == 10"
check "... every hit hers" \
    json p.json "all(h['author'] in ('Kari Nordmann', 'Kari Nordmann Olsen') for h in d['hits'])"
get p.json '/v1/search?author=Nordmann%20Kari&sort=date&related=0'
check "author=Nordmann Kari: not her" \
    json p.json "d['total'] == $(brute "$TMP/a.jsonl" "Nordmann Kari") and {h['author'] for h in d['hits']} == {'Nordmann Kari'}"
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# Updates: a replaced byline loses its old pair terms and gets the new
# ones, a deleted article takes its own with it, a new one brings them.
cat >"$TMP/b.jsonl" <<'J'
{"id":"a0","title":"Story 0","body":"harbour ferry council 0","author":"Kari Hansen, Per Nordmann","date":"2010-01-10T10:00:00Z"}
{"id":"a1","title":"Story 1","body":"harbour ferry council 1","author":"Kari Nordmann","date":"2011-02-10T10:00:00Z"}
{"id":"new1","title":"A new story","body":"harbour","author":"By Kari Nordmann","date":"2026-01-10T10:00:00Z"}
J
check "update indexed" nindex --quiet --db "$TMP/db" "$TMP/b.jsonl"
check "deleted" nindex --quiet --db "$TMP/db" --delete a5 a10
cat "$TMP/a.jsonl" "$TMP/b.jsonl" | grep -v '"id": "a5"\|"id": "a10"' >"$TMP/all.jsonl"
n2=$(brute "$TMP/all.jsonl" "Kari Nordmann")
terms a0 >"$TMP/a0.terms"
check "replaced: a0 lost its old pair term" lacks "$TMP/a0.terms" ' XBkari nordmann '
check "... and has the new byline's" contains "$TMP/a0.terms" ' XBper nordmann '
check "... all three" is "$(grep -o ' XB' "$TMP/a0.terms" | wc -l)" 3
check "still marked after the update" \
    sh -c "xapian-metadata get '$db' nsearch.pairs | grep -q ' bylines\$'"
check "after update, replace and delete: exact" \
    is "$(total 'author:"Kari Nordmann"')" "$n2 exact"
check "... the new article first, newest first" \
    is "$(nsearch --db "$TMP/db" --json --related 0 --sort date --limit 1 'author:"Kari Nordmann"' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')" new1

# A rebuild keeps them and its mark.
check "rebuilt" nindex --quiet --db "$TMP/db" --rebuild "$TMP/all.jsonl"
db=$TMP/db/current
[ -e "$db" ] || db=$TMP/db
check "a rebuilt index is marked" \
    sh -c "xapian-metadata get '$db' nsearch.pairs | grep -q ' bylines\$'"
check "after the rebuild: exact" \
    is "$(total 'author:"Kari Nordmann"')" "$n2 exact"

# An index built before byline pairs: its fingerprint without " bylines".
# Its articles are checked on their bylines, and stay exact; a writer
# keeps it unmarked (its older articles lack the terms).
old=$(xapian-metadata get "$db" nsearch.pairs | sed 's/ bylines$//')
xapian-metadata set "$db" nsearch.pairs "$old"
check "an older index: still exact, by the check" \
    is "$(total 'author:"Kari Nordmann"' --limit 3000 | cut -d' ' -f1)" "$n2"
check "... not Nordmann Kari" \
    is "$(total 'author:"Nordmann Kari"' --limit 3000 | cut -d' ' -f1)" \
    "$(brute "$TMP/all.jsonl" "Nordmann Kari")"
printf '%s\n' '{"id":"new2","title":"Another","body":"ferry","author":"Kari Nordmann","date":"2026-02-10T10:00:00Z"}' >"$TMP/c.jsonl"
check "an older index updated" nindex --quiet --db "$TMP/db" "$TMP/c.jsonl"
check "... keeps the pair terms' fingerprint, without bylines" \
    is "$(xapian-metadata get "$db" nsearch.pairs)" "$old"
check "... and is exact" \
    is "$(total 'author:"Kari Nordmann"' --limit 3000 | cut -d' ' -f1)" "$((n2 + 1))"
finish
