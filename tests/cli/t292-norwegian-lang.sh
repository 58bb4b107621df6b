#!/bin/sh
# t292-norwegian-lang.sh - "no", "nor", "norsk" and "Norwegian" name
# Norwegian as a whole (ISO 639 "no" is the macrolanguage over Bokmål and
# Nynorsk, and Norwegians read "norsk" as both): as a filter they match
# both written forms, where they left out every Nynorsk article.  Bokmål
# is stored as "no", so "nb" and "bokmål" match it alone, and "nn" and
# "nynorsk" Nynorsk alone; the facet's "no" counts Bokmål, as lang=nb does.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [("nb%d" % i, "no", "Kommunen kutter i budsjettet %d." % i) for i in range(3)]
arts += [("nn%d" % i, "nn", "Kommunen kuttar i budsjettet %d." % i) for i in range(2)]
arts += [("en0", "en", "The kommune council met.")]
with open(sys.argv[1], "w") as f:
    for aid, lang, body in arts:
        f.write(json.dumps({"id": aid, "lang": lang, "title": "Kommune " + aid,
                            "body": body, "date": "2025-03-01T10:00:00Z"}) + "\n")
PY
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# ids QUERY: the hit ids, sorted, comma-separated.
ids() {
    nsearch --db "$TMP/db" --json --limit 100 --related 0 -- "$1" |
        python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
both=nb0,nb1,nb2,nn0,nn1
for v in no NO nor norsk Norsk Norwegian no-NO '"Norsk (Norge)"'; do
    check "lang:$v finds Bokmål and Nynorsk" is "$(ids "kommune lang:$v")" "$both"
done
for v in nb bokmål Bokmaal '"Norsk bokmål"' nob nb-NO; do
    check "lang:$v finds Bokmål alone" is "$(ids "kommune lang:$v")" nb0,nb1,nb2
done
for v in nn nynorsk '"Norwegian Nynorsk"'; do
    check "lang:$v finds Nynorsk alone" is "$(ids "kommune lang:$v")" nn0,nn1
done
check "-lang:norsk leaves both out" is "$(ids "kommune -lang:norsk")" en0

# The facet's values as stored: "no" is Bokmål, which lang:nb counts.
run f.json err nsearch --db "$TMP/db" --json --facets lang --limit 0 kommune
check "facet: no 3, nn 2, en 1" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
got = {v["value"]: v["count"] for v in d["facets"]["lang"]}
assert got == {"no": 3, "nn": 2, "en": 1}, got' "$TMP/f.json"

# A Norwegian archive of Nynorsk alone: lang:norsk matches it, and is no
# dead filter.
python3 - "$TMP/nn.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "nyn", "lang": "nn", "title": "Bygda",
                        "body": "Kommunen kuttar."}) + "\n")
PY
nindex --quiet --db "$TMP/nndb" "$TMP/nn.jsonl"
run r.json err nsearch --db "$TMP/nndb" --json 'kommune lang:norsk'
check "Nynorsk alone: lang:norsk finds it" json r.json 'd["total"] == 1'
check "Nynorsk alone: lang:norsk warns of nothing" json r.json '"warning" not in d'
run r.json err nsearch --db "$TMP/nndb" --json 'kommune lang:nb'
check "Nynorsk alone: lang:nb is a dead filter" json r.json \
    'd["total"] == 0 and "lang:nb matches no article" in d.get("warning", "")'

check "server starts" start_server
for pair in 'no:nb0,nb1,nb2,nn0,nn1' 'Norwegian:nb0,nb1,nb2,nn0,nn1' \
    'norsk:nb0,nb1,nb2,nn0,nn1' 'nb:nb0,nb1,nb2' 'Bokm%C3%A5l:nb0,nb1,nb2' \
    'nynorsk:nn0,nn1' 'nn:nn0,nn1'; do
    l=${pair%%:*}
    want=${pair#*:}
    get r.json "/v1/search?q=kommune&lang=$l&limit=100&related=0"
    check "lang=$l: 200" is "$code" 200
    check "lang=$l: $want" json r.json \
        '",".join(sorted(h["id"] for h in d["hits"])) == "'"$want"'"'
done
get r.json '/v1/search?q=kommune&lang=nb&lang=nn&limit=100'
check "lang=nb&lang=nn: both" json r.json 'd["total"] == 5'
get r.json '/v1/search?q=kommune%20lang:norsk&limit=100'
check "q=lang:norsk over HTTP: both" json r.json 'd["total"] == 5'
get r.json '/v1/search?q=kommune&lang=nb&facets=lang'
check "lang=nb gives the facet's no count" json r.json \
    'd["total"] == 3 and {v["value"]: v["count"] for v in d["facets"]["lang"]} == {"no": 3}'

finish
