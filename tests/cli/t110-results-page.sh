#!/bin/sh
# t110-results-page.sh - a results page a reader can trust: stable totals
# across pages, no empty page inside the total, offset/limit/has_more in
# JSON, the text past the end; the lead as the snippet when no text word
# matched; date: years, months and ranges of them, and a warning for a
# date that cannot be read.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# Pages 1..N of a query concatenate to exactly `total` hits, with no
# repeats, and every page reports the same total.
for q in "Azure surveillance" "azure" "climate OR water" '"mass surveillance"' \
    "section:technology"; do
    : >"$TMP/pages"
    off=0
    while [ "$off" -le 60 ]; do
        nsearch --db "$TMP/db" --json --limit 4 --offset "$off" "$q" \
            >>"$TMP/pages"
        echo >>"$TMP/pages"
        off=$((off + 4))
    done
    check "pages of '$q' add up to the total" python3 - "$TMP/pages" <<'PY'
import json, sys
pages = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
totals = {p["total"] for p in pages}
assert len(totals) == 1, totals
total = totals.pop()
assert total > 0
ids = [h["id"] for p in pages for h in p["hits"]]
assert len(ids) == total, (len(ids), total)
assert len(set(ids)) == len(ids), "repeats"
for p in pages:
    assert p["limit"] == 4 and p["total_exact"] is True
    n = len(p["hits"])
    # no empty page inside the total, has_more exactly when hits remain
    assert (n == 0) == (p["offset"] >= total), (p["offset"], n, total)
    assert p["has_more"] == (p["offset"] + n < total), p
    assert [h["rank"] for h in p["hits"]] == list(range(p["offset"] + 1, p["offset"] + n + 1))
PY
done

run out err nsearch --db "$TMP/db" --json --offset 0 --limit 3 "Azure surveillance"
check "json echoes offset, limit, has_more" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["offset"] == 0 and d["limit"] == 3 and d["has_more"] is True, d
PY

total=$(nsearch --db "$TMP/db" --json azure |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
run out err nsearch --db "$TMP/db" --offset "$total" azure
check "past the end exits 0" is "$rc" 0
check "past the end says how many in all" \
    is "$(cat "$TMP/out")" "No more results: $total in all."
run out err nsearch --db "$TMP/db" --offset 5 zzqqxnothing
check "no match at all is still No matches" \
    is "$(cat "$TMP/out")" 'No matches for "zzqqxnothing".'
run out err nsearch --db "$TMP/db" --offset 10 --limit 5 azure
check "an exact total has no About" lacks "$TMP/out" "About"
check "text shows the page's ranks" contains "$TMP/out" "$total matches; showing 11-15"

# Date filters: each count is checked against the dates of every article.
nsearch --db "$TMP/db" --json --limit 10000 --related 0 "" >"$TMP/all"
for spec in "2025" "2025-09" "2025-06..2025-08" "2025-09-01..2025-09-15" \
    "..2025-08" "2025-09.." "2025-09-15" "20250915..20250930"; do
    nsearch --db "$TMP/db" --json --limit 10000 "date:$spec" >"$TMP/dq"
    check "date:$spec counts its articles" python3 - "$TMP/all" "$TMP/dq" "$spec" <<'PY'
import json, sys
every = json.load(open(sys.argv[1]))["hits"]
got = json.load(open(sys.argv[2]))
spec = sys.argv[3]
def key(s):
    s = s.replace("-", "")
    return s
a, _, b = spec.partition("..") if ".." in spec else (spec, None, spec)
lo, hi = key(a), key(b) if b is not None else ""
def inside(d):
    day = d[:10].replace("-", "")
    return (not lo or day[:len(lo)] >= lo) and (not hi or day[:len(hi)] <= hi)
want = sorted(h["id"] for h in every if h["date"] and inside(h["date"]))
assert want, spec
assert sorted(h["id"] for h in got["hits"]) == want, (spec, len(want), got["total"])
assert got["total"] == len(want) and "warning" not in got
PY
done
for spec in "september" "2025-09-31.." "2025-13" "2025-02-30..2025-03-01" "..x"; do
    run dq err nsearch --db "$TMP/db" --json --limit 10000 "date:$spec"
    check "date:$spec: exit 0" is "$rc" 0
    check "date:$spec: a warning on stderr" contains "$TMP/err" "date:$spec is not a date"
    check "date:$spec: the filter is dropped, with a warning" python3 - "$TMP/all" "$TMP/dq" "$spec" <<'PY'
import json, sys
every = json.load(open(sys.argv[1]))["hits"]
got = json.load(open(sys.argv[2]))
assert got["total"] == len(every) > 0, got["total"]
assert "date:%s is not a date" % sys.argv[3] in got["warning"], got.get("warning")
PY
done
# A range written backwards is searched the right way round, and says so.
for pair in "2025-08..2025-06 2025-06..2025-08" \
    "2025-09-15..2025-09-01 2025-09-01..2025-09-15" "2025..2024 2024..2025"; do
    set -- $pair
    nsearch --db "$TMP/db" --json --limit 10000 --related 0 "date:$2" >"$TMP/fw"
    run bw err nsearch --db "$TMP/db" --json --limit 10000 --related 0 "date:$1"
    check "date:$1: the hits of date:$2, with a warning" python3 - \
        "$TMP/fw" "$TMP/bw" "$1" "$2" <<'PY'
import json, sys
fw, bw = (json.load(open(f)) for f in sys.argv[1:3])
assert fw["total"] > 0 and bw["total"] == fw["total"], (fw["total"], bw["total"])
assert [h["id"] for h in bw["hits"]] == [h["id"] for h in fw["hits"]]
want = "date:%s ends before it starts; searched as date:%s" % tuple(sys.argv[3:5])
assert want in bw["warning"], bw.get("warning")
PY
done
run out err nsearch --db "$TMP/db" --json "azure date:2025-09-31"
check "a bad date beside words: the words' hits" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] > 0 and "warning" in d
assert all("azure" in (h["title"] + h["snippet"]).lower() for h in d["hits"][:3])
PY

# Snippets: with no text word to highlight, the lead of the body.
for q in "title:lighthouse" "section:norway lighthouse" "tag:lighthouse"; do
    nsearch --db "$TMP/db" --json --limit 50 "$q" >"$TMP/sn"
    check "snippet of '$q' is the lead" python3 - "$TMP/sn" "$SAMPLES" <<'PY'
import json, os, sys, re
d = json.load(open(sys.argv[1]))
assert d["hits"], d
for h in d["hits"]:
    if "<mark>" in h["snippet_html"]:
        continue  # a text word matched: the passage around it
    assert h["snippet"].endswith("...") or len(h["snippet"]) < 200, h
    lead = h["snippet"].rstrip(".")[:60]
    # the lead: the first words of the article's body
    found = False
    for root, _, files in os.walk(sys.argv[2]):
        for f in files:
            t = open(os.path.join(root, f), encoding="utf-8", errors="replace").read()
            if h["id"] in t and lead in " ".join(t.split()):
                body = " ".join(t.split("---", 2)[-1].split()) if f.endswith(".md") else None
                if body is None or body.lstrip("# ").find(lead) < 300:
                    found = True
    assert found, (h["id"], lead)
PY
done
nsearch --db "$TMP/db" --json "title:lighthouse" >"$TMP/lh"
check "title:lighthouse snippet starts the body" python3 - "$TMP/lh" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["id"] == "lofoten-lighthouse-restoration", h["id"]
assert h["snippet"].startswith("On a wind-swept skerry off the Lofoten islands"), h["snippet"]
PY

finish
