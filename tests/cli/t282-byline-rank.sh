#!/bin/sh
# t282-byline-rank.sh - A byline says who wrote a piece, not what it is
# about: it is in the default field with wdf 0 (common/index-fields.cc
# index_fields), so that a query for a name finds the pieces signed with
# it but ranks the piece about the person first.  Counted like a body
# word, 30 two-line briefs signed "Ola Hansen" ranked above a profile that
# names him three times, BM25's length normalisation favouring the short.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, random, sys
random.seed(1)
words = ("storm quota ferry council harbour fish price quay boat winter "
         "school road budget election hospital bridge tunnel museum").split()
def para(n):
    return " ".join(random.choice(words) for _ in range(n)) + ". "
out = open(sys.argv[1], "w")
def art(**a):
    out.write(json.dumps(a) + "\n")
art(id="profile", title="The harbour master of Tromsø", author="Kari Nordmann",
    date="2025-01-01T00:00:00Z", section="Culture",
    body="Ola Hansen has run the harbour office for twenty years. " + para(120)
    + "Colleagues say Hansen knows every boat by name. " + para(150)
    + "This week follows Ola Hansen through the storms. " + para(100))
for i in range(30):
    art(id="brief%02d" % i, title="Council meeting %d" % i, author="Ola Hansen",
        date="2025-01-%02dT00:00:00Z" % (i % 28 + 1), section="Local",
        body="The council met on Tuesday and approved item %d." % i)
art(id="mention", title="Council meeting 99", author="Per Olsen",
    date="2025-01-15T00:00:00Z", section="Local",
    body="The council met on Tuesday and thanked Hansen for item 99.")
for i in range(100):
    art(id="other%03d" % i, title="News %d" % i, body=para(60),
        author=random.choice(["Per Olsen", "Anne Berg", "Kari Nordmann"]),
        date="2025-02-%02dT00:00:00Z" % (i % 28 + 1), section="News")
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY [OPTIONS]: the ids of the hits in rank order, then "|" and
# the total.
ids() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 "$@" "$q" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(h["id"] for h in d["hits"]) + "|" + str(d["total"]))'
}
briefs=$(seq -f 'brief%02g' 0 29 | tr '\n' ' ')

# above ID QUERY [OPTIONS]: does ID rank above every brief (the first
# of ID and the briefs in the hits is ID)?
above() {
    id=$1
    shift
    ids "$@" | cut -d'|' -f1 | tr ' ' '\n' | grep -n -e "^$id\$" -e '^brief' |
        head -1 | grep -q ":$id\$"
}

ids 'Ola Hansen' >"$TMP/name"
check "the profile ranks above the briefs he signed" above profile 'Ola Hansen'
check "for his surname too" above profile hansen
check "so it does sorted recent" above profile 'Ola Hansen' --sort recent
# A brief that says the name once in its text is about him more than one
# only signed with it.
check "a brief naming him ranks above those he signed" \
    above mention 'Ola Hansen'
check "every brief he signed is still found" \
    is "$(tr ' |' '\n\n' <"$TMP/name" | grep -c '^brief')" 30
check "and nothing else: the total" is "$(cut -d'|' -f2 "$TMP/name")" 32
check "author: finds all his briefs, and only them" \
    is "$(ids 'author:"Ola Hansen"' --sort date | cut -d'|' -f1 |
        tr ' ' '\n' | sort | tr '\n' ' ')" "$briefs"
check "author:hansen the same" is "$(ids author:hansen | cut -d'|' -f2)" 30

finish
