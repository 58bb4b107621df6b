#!/bin/sh
# t106-editor-dead-ends.sh - Searches an editor met that ended with
# nothing said.  A section, tag or author filter that no article has
# (`section:sports` where the section is "sport") answered "No matches"
# alone, by nsearch and nsearchd alike: now a warning names it and, for a
# section or tag, what the archive has instead.  An operator typed at the
# end by accident ("oil NOT") searched the word "not", where "oil AND"
# dropped its stop word "and": now each such operator is left out, with a
# warning.  "Did you mean" wrote a typed apostrophe (U+2019) as the ASCII
# one ("Mourinhio’s": "Mourinho's"): now it keeps the mark typed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/many.jsonl" "$TMP/few.jsonl" <<'PY'
import json, sys
sections = ["sport", "business", "politics", "tech", "entertainment",
            "health", "science", "world", "education", "travel"]
with open(sys.argv[1], "w") as f:
    for i, s in enumerate(sections):
        f.write(json.dumps({
            "id": "m%d" % i, "title": "Harbour report number %d" % i,
            "body": "The harbour story of the %s desk." % s,
            "section": s, "tags": ["brexit" if i % 2 else "election"],
            "author": "Kari Nordmann" if i % 2 else "Ola Olsen",
            "date": "2025-01-%02dT00:00:00Z" % (i + 1)}) + "\n")
    for i in range(2):
        f.write(json.dumps({
            "id": "n%d" % i, "title": "Ferry service cancelled number %d" % i,
            "body": "The ferry did not sail today.", "section": "travel",
            "date": "2025-01-2%dT00:00:00Z" % i}) + "\n")
    for i in range(4):
        f.write(json.dumps({
            "id": "j%d" % i, "title": "Chelsea win under Jose Mourinho %d" % i,
            "body": "Jose Mourinho's side beat Arsenal again.",
            "section": "sport", "date": "2025-03-0%dT00:00:00Z" % (i + 1)})
            + "\n")
with open(sys.argv[2], "w") as f:
    for i, s in enumerate(["sport", "business", "politics", "tech"]):
        f.write(json.dumps({
            "id": "f%d" % i, "title": "Ferry note number %d" % i,
            "body": "A ferry note of the %s desk." % s, "section": s,
            "date": "2025-02-%02dT00:00:00Z" % (i + 1)}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/many.jsonl"
nindex --quiet --db "$TMP/few" "$TMP/few.jsonl"
ns() { nsearch --db "$TMP/db" "$@"; }

# 1. Filters no article has.
run out err ns section:sports
check "section:sports: still no matches" contains "$TMP/out" 'No matches'
check "section:sports: the warning names it and the nearest section" \
    contains "$TMP/err" \
    "warning: no article has section 'sports' (the nearest sections: sport)"
run out err nsearch --db "$TMP/few" section:sports
check "few sections: all of them are listed" contains "$TMP/err" \
    "no article has section 'sports' (sections: business, politics, sport, tech)"
run out err ns "harbour section:Zzzzzz"
check "no section near: a few sections still listed" contains "$TMP/err" \
    "no article has section 'zzzzzz' (sections: business, education, entertainment, health, politics, ...)"
run out err ns tag:brexitt
check "tag:brexitt: the nearest tag" contains "$TMP/err" \
    "no article has tag 'brexitt' (the nearest tags: brexit)"
run out err ns tag:zzz
check "tag:zzz: said" contains "$TMP/err" "no article has tag 'zzz'"
check "tag:zzz: nothing near, nothing listed" lacks "$TMP/err" "'zzz' ("
run out err ns author:gabbett
check "author:gabbett: said" contains "$TMP/err" \
    "no article has author 'gabbett'"
# A filter some article has, beside a word none of its articles has: the
# filter is no dead end, and nothing is said of it.
run out err ns "zebra section:sport"
check "a section that exists: no warning" lacks "$TMP/err" "no article has"
run out err ns "zebra author:nordmann tag:brexit"
check "an author and tag that exist: no warning" lacks "$TMP/err" \
    "no article has"
run out err ns "harbour section:sport"
check "a filter that matches: no warning" lacks "$TMP/err" "no article has"

# 2. An operator at the end joins nothing: left out, with a warning.
ids() {
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse "$1" 2>"$TMP/ids.err" |
        python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
want=$(ids harbour)
check "harbour alone: the ten harbour articles" \
    is "$want" "m0,m1,m2,m3,m4,m5,m6,m7,m8,m9"
for q in "harbour NOT" "harbour AND NOT" "harbour AND" "harbour OR" \
    "harbour XOR" "harbour NEAR" "harbour NEAR/3" "harbour ADJ/2" \
    "harbour -" "harbour +" "harbour OR NOT "; do
    check "'$q': what harbour finds" is "$(ids "$q")" "$want"
    op=${q#harbour }
    op=${op% }
    check "'$q': the warning says so" contains "$TMP/ids.err" \
        "the $op at the end of the query joins nothing and was left out"
done
check "the warning in JSON" is "$(nsearch --db "$TMP/db" --json 'harbour NOT' 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["warning"])')" \
    "the NOT at the end of the query joins nothing and was left out"
check "an operator between words still joins them" \
    is "$(ids 'harbour NOT sport')" "m1,m2,m3,m4,m5,m6,m7,m8,m9"
check "in capitals the operator is a word, as before" \
    is "$(ids 'HARBOUR NOT')" "$want,n0,n1"
check "... and nothing is said of it" lacks "$TMP/ids.err" "left out"
check "in an unclosed quote it is a word of the phrase" \
    is "$(ids '"did NOT')" "n0,n1"
check "... and nothing is said of it" lacks "$TMP/ids.err" "left out"

# 3. The suggestion keeps the apostrophe as typed.
suggestion() {
    nsearch --db "$TMP/db" --json "$1" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["suggestion"], d["total"])'
}
check "Mourinhio’s: Mourinho’s, its hits" \
    is "$(suggestion "Mourinhio’s")" "Mourinho’s 4"
check "“Mourinhio’s”: both marks kept" \
    is "$(suggestion "“Mourinhio’s”")" "“Mourinho’s” 4"
check "mourinhio’s side: beside another word" \
    is "$(suggestion "mourinhio’s side")" "mourinho’s side 4"
check "Mourinhio´s: the acute accent typed for it kept too" \
    is "$(suggestion "Mourinhio´s")" "Mourinho´s 4"
check "Mourinhio's: the ASCII one as typed" \
    is "$(suggestion "Mourinhio's")" "Mourinho's 4"
run out err ns "Mourinhio’s"
check "the text output too" contains "$TMP/out" \
    "showing the results for \"Mourinho’s\"."

check "nsearchd starts" start_server
get r.json "/v1/search?q=harbour&section=sports"
check "section=sports: the JSON warning" json r.json \
    "d['total'] == 0 and \"no article has section 'sports' (the nearest sections: sport)\" in d['warning']"
get r.json "/v1/search?q=&tag=brexitt"
check "tag=brexitt: the JSON warning" json r.json \
    "\"no article has tag 'brexitt' (the nearest tags: brexit)\" in d['warning']"
get r.json "/v1/search?q=harbour&author=gabbett"
check "author=gabbett: the JSON warning" json r.json \
    "\"no article has author 'gabbett'\" in d['warning']"
get r.json "/v1/search?q=harbour&section=sport"
check "section=sport: no warning" json r.json "'warning' not in d"

finish
