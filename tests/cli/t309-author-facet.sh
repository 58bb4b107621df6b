#!/bin/sh
# t309-author-facet.sh - --facets author lists the names of the matches'
# bylines with counts, an article of two names counted under each, and
# spellings author:"..." finds alike (case, diacritics, Nordic letters
# written plain or as digraphs) counted as one: every value, given back as
# author:"VALUE", finds exactly its count.  "all" leaves it out.  An index
# built before the facet says once that it needs nindex --rebuild, and
# counts it after one.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id": "k1", "date": "2025-03-01T08:00:00Z", "title": "Harbour dues rise", "body": "The harbour board met.", "author": "Kari Nordmann"}
{"id": "k2", "date": "2025-03-02T08:00:00Z", "title": "Harbour ferry late", "body": "The harbour ferry was late.", "author": "Kari Nordmann, Per Hansen"}
{"id": "s1", "date": "2025-03-03T08:00:00Z", "title": "Harbour crane", "body": "A harbour crane fell.", "author": "Søren Ødegård"}
{"id": "s2", "date": "2025-03-04T08:00:00Z", "title": "Harbour lights", "body": "The harbour lights failed.", "author": "Soeren Oedegaard"}
{"id": "s3", "date": "2025-03-05T08:00:00Z", "title": "Harbour fish", "body": "Fish returned to the harbour.", "author": "Soren Odegard"}
{"id": "f1", "date": "2025-03-06T08:00:00Z", "title": "Harbour wall", "body": "The harbour wall was mended.", "author": "By François Müller and Per Hansen"}
{"id": "f2", "date": "2025-03-07T08:00:00Z", "title": "Harbour tug", "body": "A new harbour tug.", "author": "FRANCOIS MULLER"}
{"id": "o1", "date": "2025-03-08T08:00:00Z", "lang": "no", "title": "Havna", "body": "Havna harbour er stengt.", "author": "Ola Ødegård & Åse Lønning"}
{"id": "w1", "date": "2025-03-09T08:00:00Z", "title": "Harbour strike", "body": "Harbour workers struck.", "author": "Reporting by Jane Doe; Editing by John Smith"}
{"id": "n1", "date": "2025-03-10T08:00:00Z", "title": "Harbour rain", "body": "Rain over the harbour."}
{"id": "c1", "date": "2025-03-11T08:00:00Z", "title": "Harbour pilots walk out over pay", "body": "Harbour pilots walked out.", "author": "Jane Doe"}
{"id": "c2", "date": "2025-03-11T09:00:00Z", "title": "Harbour pilots walk out over pay", "body": "Harbour pilots walked out today.", "author": "Jane Doe, Kari Nordmann"}
J
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0
check "a new index is marked as having author facet values" is \
    "$(xapian-metadata get "$TMP/db/current" nsearch.authors)" 1

# facets QUERY ARGS...: the JSON of QUERY with the author facet into $TMP/f.json.
facets() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --limit 0 --related 0 --no-suggest \
        --facets author "$@" -- "$q" >"$TMP/f.json"
}

facets harbour --no-collapse
check "each name of a byline is a value, a name in two spellings one" python3 - "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
got = {v["value"]: v["count"] for v in f["author"]}
want = {"Kari Nordmann": 3, "Per Hansen": 2, "Søren Ødegård": 3,
        "François Müller": 2, "Ola Ødegård": 1, "Åse Lønning": 1,
        "Jane Doe": 3}
assert got == want, got
assert f["exact"] and f["counts"] == "articles", f
PY

# Every value clicked back as author:"VALUE" (and as the library's author
# filter, nsearch's --author is not an option: the query language is) finds
# its count, collapsed and not, alone and with the query.
for c in "" "--no-collapse"; do
    for q in "" harbour "harbour -crane"; do
        facets "$q" $c
        check "author:\"VALUE\" finds the count: '$q' $c" python3 - "$TMP/f.json" \
            "$NSEARCH_BIN/nsearch" "$TMP/db" "$q" "$c" <<'PY'
import json, subprocess, sys
path, prog, db, query, c = sys.argv[1:]
f = json.load(open(path))["facets"]
assert f["exact"], f
assert len(f["author"]) >= 6, f["author"]
for v in f["author"]:
    narrowed = (("(%s) AND " % query) if query else "") + 'author:"%s"' % v["value"]
    out = subprocess.run([prog, "--db", db, "--json", "--limit", "0",
                          "--related", "0", "--no-suggest"] +
                         ([c] if c else []) + ["--", narrowed],
                         capture_output=True, text=True, check=True).stdout
    total = json.loads(out)["total"]
    assert total == v["count"], (v, total, narrowed)
PY
    done
done

facets "" 
check "collapsed: the story of two copies counts once under a name both have" python3 - "$TMP/f.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
got = {v["value"]: v["count"] for v in f["author"]}
assert f["counts"] == "stories", f
assert got["Jane Doe"] == 2 and got["Kari Nordmann"] == 3, got
PY

# "all" is every facet but the author's; the name or its plural asks for it.
nsearch --db "$TMP/db" --json --limit 0 --facets harbour >"$TMP/all.json"
check "--facets (all) leaves the author facet out" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
assert "author" not in f and "section" in f and "tag" in f, list(f)' "$TMP/all.json"
nsearch --db "$TMP/db" --json --limit 0 --facets all,authors harbour >"$TMP/both.json"
check "--facets all,authors adds it" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
assert "author" in f and "month" in f, list(f)
assert {"value": "Per Hansen", "count": 2} in f["author"], f["author"]' "$TMP/both.json"
run out err nsearch --db "$TMP/db" --limit 0 --facets author harbour
check "text: an author line, largest first" contains "$TMP/out" "  author: Kari Nordmann (3), Søren Ødegård (3), François Müller (2), Jane Doe (2), Per Hansen (2)"
run out err nsearch --db "$TMP/db" --facets authr harbour
check "a mistyped name is a usage error that names author" is "$rc:$(grep -c 'tag, author and all' "$TMP/err")" 2:1

# An index from before the facet: no nsearch.authors.  The other facets
# count; the author facet says once that it needs a rebuild, not "none".
xapian-metadata set "$TMP/db/current" nsearch.authors ""
run out err nsearch --db "$TMP/db" --json --limit 0 --facets month,author harbour
check "old index: exit 0" is "$rc" 0
check "old index: the author facet unavailable, once, the others counted" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["facets"]
assert "author" not in f and f["month"] == [{"value": "2025-03", "count": 11}], f
assert "nindex --rebuild" in f["unavailable"] and "author" in f["unavailable"], f
assert json.dumps(d).count("nindex --rebuild") == 1, d
assert d["total"] == 11, d["total"]
PY
run out err nsearch --db "$TMP/db" --limit 0 --facets author harbour
check "old index, text: says so once, not (none)" is \
    "$(grep -c 'author: not counted: .*nindex --rebuild' "$TMP/out"):$(grep -c '(none)' "$TMP/out")" 1:0
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" >/dev/null 2>&1
check "an update in place does not mark it" is \
    "$(xapian-metadata get "$TMP/db/current" nsearch.authors)" ""
run out err nindex --quiet --db "$TMP/db" --rebuild "$TMP/a.jsonl"
check "rebuild: exit 0" is "$rc" 0
facets harbour --no-collapse
check "after nindex --rebuild the facet counts" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["facets"]
assert "unavailable" not in f, f
assert {"value": "Per Hansen", "count": 2} in f["author"], f["author"]' "$TMP/f.json"

finish
