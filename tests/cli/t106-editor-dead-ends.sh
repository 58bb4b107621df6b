#!/bin/sh
# t106-editor-dead-ends.sh - Searches an editor met that ended with
# nothing said.  A section, tag or author filter that no article has
# (`section:sports` where the section is "sport") answered "No matches"
# alone, by nsearch and nsearchd alike: now a warning names it and, for a
# section or tag, what the archive has instead.
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
