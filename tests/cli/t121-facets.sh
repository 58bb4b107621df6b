#!/bin/sh
# t121-facets.sh - --facets on the samples: each count equals the total of
# the same query narrowed to that value (collapsed and not), the list
# forms of the option, text and JSON output, and bad lists refused.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples
q() { nsearch --db "$TMP/db" --related 0 --snippet-len 0 "$@"; }

# Every value of every facet against a direct count: the query with a
# filter on that value, in the query language.
for query in "azure surveillance" "penguin OR ice OR cloud" ""; do
    for c in "" "--no-collapse"; do
        q --json --limit 0 $c --facets "$query" >"$TMP/f.json"
        check "counts = filtered totals: '$query' $c" python3 - "$TMP/f.json" \
            "$NSEARCH_BIN/nsearch" "$TMP/db" "$query" "$c" <<'PY'
import json, subprocess, sys
path, prog, db, query, c = sys.argv[1:]
d = json.load(open(path))
f = d["facets"]
assert f["exact"] and f["counts"] == ("articles" if c else "stories"), f
assert set(f) >= {"section", "year", "month", "lang", "tag"}, list(f)
field = {"section": "section", "tag": "tag", "lang": "lang",
         "month": "date", "year": "date"}
n = 0
for facet, key in field.items():
    assert f[facet], facet
    for v in f[facet]:
        narrowed = (("(%s) " % query) if query else "") + '%s:"%s"' % (key, v["value"])
        out = subprocess.run([prog, "--db", db, "--json", "--limit", "0",
                              "--related", "0", "--no-suggest"] +
                             ([c] if c else []) + [narrowed],
                             capture_output=True, text=True, check=True).stdout
        total = json.loads(out)["total"]
        assert total == v["count"], (facet, v, total)
        n += 1
assert n >= 10, n
PY
    done
done

q --json --facets section,month "azure surveillance" >"$TMP/two"
check "--facets LIST (a separate word): only those" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["query"] == "azure surveillance", d["query"]
assert set(d["facets"]) == {"exact", "counted", "counts", "section", "month"}, d["facets"]
assert sum(v["count"] for v in d["facets"]["section"]) == d["total"]
' "$TMP/two"
q --json --facets=tag azure >"$TMP/tag"
check "--facets=LIST" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d["facets"]) == {"exact", "counted", "counts", "tag"}, d["facets"]
assert d["facets"]["tag"][0]["value"] == "microsoft", d["facets"]["tag"][:3]
' "$TMP/tag"
q --json azure >"$TMP/none"
check "no --facets: no facets key" python3 -c '
import json, sys
assert "facets" not in json.load(open(sys.argv[1]))' "$TMP/none"

run out err q --facets "azure surveillance"
check "text: the heading" contains "$TMP/out" \
    "Facets (exact, over 17 matching articles; counting stories)"
check "text: sections with counts" contains "$TMP/out" "  section: Technology ("
check "text: months" contains "$TMP/out" "  month: 2025-09 ("
check "text: tags" contains "$TMP/out" "  tag: microsoft ("

run out err q --facets=colour azure
check "an unknown facet: exit 2" is "$rc" 2
check "an unknown facet: says which are known" contains "$TMP/err" \
    "--facets takes names from section, decade, year, month, lang, tag, author and all"
run out err q --facets=section, azure
check "an empty name: exit 2" is "$rc" 2

finish
