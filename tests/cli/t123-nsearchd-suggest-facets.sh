#!/bin/sh
# t123-nsearchd-suggest-facets.sh - did you mean, facets and the recent
# sort over the socket with curl: the same JSON as nsearch --json (one
# shape), facets=section,month counted as the section= filter counts,
# sort=recent and half_life, and bad values answered 400.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

check "index samples" index_samples
check "server starts" start_server

# same FILE CLI-ARGS...: the answer in $TMP/FILE equals nsearch --json with
# CLI-ARGS, but for took_ms and the filters the server echoes.
same() {
    f=$1
    shift
    nsearch --db "$TMP/db" --json "$@" >"$TMP/cli.json"
    python3 - "$TMP/$f" "$TMP/cli.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
for d in (a, b):
    d.pop("took_ms")
    d.pop("filters", None)
if a != b:
    print("server:", json.dumps(a)[:400])
    print("cli:   ", json.dumps(b)[:400])
sys.exit(0 if a == b else 1)
PY
}

get typo.json '/v1/search?q=azuer%20survelance&related=0'
check "typo: 200" is "$code" 200
check "typo: suggestion used" json typo.json \
    'd["suggestion"] == "azure surveillance" and d["suggestion_used"] and d["total"] > 0'
get right.json '/v1/search?q=azure%20surveillance&related=0'
check "typo: the corrected query's hits" json typo.json \
    '[h["id"] for h in d["hits"]] == [h["id"] for h in json.load(open("'"$TMP"'/right.json"))["hits"]]'
check "typo: as nsearch --json" same typo.json --related 0 "azuer survelance"
get few.json '/v1/search?q=lighthouse%20survelance&related=0'
check "few: suggested, not used" json few.json \
    'd["suggestion"] == "lighthouse surveillance" and not d["suggestion_used"]'
get off.json '/v1/search?q=Azuer%20survelance&related=0&suggest=0'
check "suggest=0: nothing" json off.json \
    'd["suggestion"] is None and d["total"] == 0'

get f.json '/v1/search?q=azure&related=0&facets=section,month'
check "facets: 200" is "$code" 200
check "facets: only those asked" json f.json \
    'set(d["facets"]) == {"exact", "counted", "counts", "section", "month"}'
check "facets: as nsearch --json" same f.json --related 0 --facets section,month azure
python3 -c 'import json,sys; [print(v["value"], v["count"]) for v in json.load(open(sys.argv[1]))["facets"]["section"]]' \
    "$TMP/f.json" >"$TMP/sections"
n=0
while read -r sec count; do
    get s.json "/v1/search?q=azure&related=0&limit=0&section=$sec"
    check "facet section=$sec: the filtered total" json s.json "d['total'] == $count"
    n=$((n + 1))
done <"$TMP/sections"
check "facets: several sections compared" test "$n" -ge 3
get fa.json '/v1/search?related=0&collapse=0&facets=all&limit=0'
check "facets=all without q: every article counted" json fa.json \
    'd["facets"]["exact"] and d["facets"]["counts"] == "articles" and sum(v["count"] for v in d["facets"]["lang"]) == d["total"]'

get r.json '/v1/search?q=azure%20review&related=0&collapse=0&sort=recent&now=2025-10-01'
check "sort=recent: 200" is "$code" 200
check "sort=recent: the newest relevant first" json r.json \
    'd["hits"][0]["id"] == "azure-cutoff-reactions"'
check "sort=recent: as nsearch --json" same r.json --related 0 --no-collapse \
    --sort recent --now 2025-10-01 "azure review"
get h.json '/v1/search?q=azure%20review&related=0&collapse=0&sort=recent&half_life=3650&now=2025-10-01'
check "half_life=3650: relevance decides" json h.json \
    'd["hits"][0]["id"] == "azure-review-wire"'

for bad in 'sort=newest' 'half_life=0' 'half_life=3651' 'half_life=x' \
    'facets=colour' 'facets=' 'suggest=2'; do
    get e.json "/v1/search?q=azure&$bad"
    case $bad in
    facets=) check "$bad: ignored, as an empty parameter" is "$code" 200 ;;
    *)
        check "$bad: 400" is "$code" 400
        check "$bad: bad_parameter" json e.json 'd["error"]["code"] == "bad_parameter"'
        ;;
    esac
done

finish
