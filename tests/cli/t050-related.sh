#!/bin/sh
# t050-related.sh - Related recent posts on the sample archive: the same
# story, inside the window, newest first, no near-duplicates, no undated
# articles, nothing for a story with no follow-ups.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# The related list of the Azure investigation: follow-ups only.
nsearch --db "$TMP/db" --json --related-to azure-surveillance-investigation >"$TMP/a"
check "related-to lists Azure follow-ups only" python3 - "$TMP/a" "$SAMPLES" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
rel = d["related"]
assert d["hits"] == [], d["hits"]
assert 3 <= len(rel) <= 5, rel
text = lambda i: open([os.path.join(r, f) for r, _, fs in os.walk(sys.argv[2]) for f in fs if f == i + ".md"][0]).read().lower()
for r in rel:
    t = text(r["id"])
    assert "microsoft" in t and ("azure" in t or "unit 8200" in t), r["id"]
    assert r["id"] != "azure-surveillance-investigation"
PY
check "newest first, all dated, within 30 days of the newest article" python3 - "$TMP/a" <<'PY'
import json, sys
rel = json.load(open(sys.argv[1]))["related"]
dates = [r["date"] for r in rel]
assert all(dates), rel
assert dates == sorted(dates, reverse=True), dates
assert all("2025-08-31T15:00:00Z" <= x <= "2025-09-30T15:00:00Z" for x in dates), dates
assert all(r["age"].endswith("ago") or r["age"] == "just now" for r in rel), rel
PY
check "the wire story filed twice appears at most once" python3 - "$TMP/a" <<'PY'
import json, sys
ids = [r["id"] for r in json.load(open(sys.argv[1]))["related"]]
assert not {"azure-review-wire", "azure-review-wire-update"} <= set(ids), ids
titles = [r["title"].lower() for r in json.load(open(sys.argv[1]))["related"]]
assert len(titles) == len(set(titles)), titles
PY

# From one copy of the wire story, the other copy is a near-duplicate.
nsearch --db "$TMP/db" --json --related-to azure-review-wire >"$TMP/w"
check "near-duplicate of the article itself excluded" python3 -c "
import json; ids = [r['id'] for r in json.load(open('$TMP/w'))['related']]
assert ids and 'azure-review-wire-update' not in ids, ids"

# A story with no follow-ups gets an empty list, in JSON and in text.
nsearch --db "$TMP/db" --json --related-to lofoten-lighthouse-restoration >"$TMP/l"
check "no follow-ups: empty list" python3 -c "
import json; assert json.load(open('$TMP/l'))['related'] == []"
run out err nsearch --db "$TMP/db" --color never --related-to lofoten-lighthouse-restoration
check "no follow-ups: text says so" contains "$TMP/out" "No related recent posts"

# With the search: after the hits, none of them repeated.
nsearch --db "$TMP/db" --json --limit 3 "Azure surveillance" >"$TMP/s"
check "search carries related posts that are not hits" python3 - "$TMP/s" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
hits = {h["id"] for h in d["hits"]}
rel = [r["id"] for r in d["related"]]
assert len(rel) == 5, rel
assert not hits & set(rel), (hits, rel)
assert "lofoten-lighthouse-restoration" not in rel
PY
run out err nsearch --db "$TMP/db" --color never --limit 3 "Azure surveillance"
check "text output has the related heading" contains "$TMP/out" "Related recent posts"
nsearch --db "$TMP/db" --json --related 0 "Azure surveillance" >"$TMP/z"
check "--related 0 turns it off" python3 -c "
import json; assert json.load(open('$TMP/z'))['related'] == []"
nsearch --db "$TMP/db" --json --related 2 --limit 3 "Azure surveillance" >"$TMP/two"
check "--related N caps the list" python3 -c "
import json; assert len(json.load(open('$TMP/two'))['related']) == 2"

# Undated articles are never recent, even with a window covering everything.
nsearch --db "$TMP/db" --json --recent-days 36500 --related 20 --related-to azure-surveillance-investigation >"$TMP/u"
check "undated articles never listed" python3 -c "
import json; r = json.load(open('$TMP/u'))['related']
assert all(x['date'] for x in r) and 'cloud-data-centres-explainer' not in [x['id'] for x in r], r"

# --now moves the window: a month after the investigation, the September
# follow-ups are in the future and must not appear.
nsearch --db "$TMP/db" --json --now 2025-08-20 --related-to azure-surveillance-investigation >"$TMP/n"
check "window ends at --now" python3 -c "
import json; r = json.load(open('$TMP/n'))['related']
assert all('2025-07-21' <= x['date'][:10] <= '2025-08-20' for x in r), r"
# A window with articles but none of the story's (June 20 to July 20):
# empty.
nsearch --db "$TMP/db" --json --now 2025-07-20 --related-to azure-surveillance-investigation >"$TMP/e"
check "window without the story's articles: empty" python3 -c "
import json; assert json.load(open('$TMP/e'))['related'] == []"
# A window before the story holding one earlier telling of it (Microsoft's
# own review, May 16): that one, alone.
nsearch --db "$TMP/db" --json --now 2025-06-01 --related-to azure-surveillance-investigation >"$TMP/e"
check "window before the story: its earlier telling only" python3 -c "
import json; r = json.load(open('$TMP/e'))['related']
assert [x['id'] for x in r] == ['microsoft-review-no-evidence'], r"

# An untitled follow-up is "(no title)" in the list, as in the hits: it
# was a bare "  - " line.
cat >"$TMP/untitled.jsonl" <<'EOF'
{"id":"f1","title":"Ferry strike stops Bergen harbour","body":"Ferry workers in Bergen went on strike on Monday over pay, stopping the harbour ferries to Askøy and Stord. The union said talks with the operator had failed.","date":"2026-11-20T08:00:00Z","lang":"en"}
{"id":"f2","title":"","body":"The Bergen ferry strike went into its third day as the union and the ferry operator met again over pay. Ferries to Askøy and Stord stay in harbour; commuters took buses.","date":"2026-11-22T08:00:00Z","lang":"en"}
{"id":"o3","title":"Election called","body":"The prime minister called an early election for March after the budget vote failed in parliament.","date":"2026-11-19T08:00:00Z","lang":"en"}
EOF
nindex --quiet --db "$TMP/untitled" "$TMP/untitled.jsonl"
run out err nsearch --db "$TMP/untitled" --color never --related-to f1
check "an untitled related post is (no title)" contains "$TMP/out" "  - (no title)"

# Errors.
run out err nsearch --db "$TMP/db" --related-to no-such-article
check "unknown id exits 1" is "$rc" 1
check "unknown id named" contains "$TMP/err" "no article with id 'no-such-article'"
run out err nsearch --db "$TMP/db" --now yesterday --related-to x
check "bad --now exits 2" is "$rc" 2
run out err nsearch --db "$TMP/db" --related-to x "a query"
check "--related-to with a query exits 2" is "$rc" 2

finish
