#!/bin/sh
# t056-related-future.sh - One article dated far in the future (2105) must
# not empty every related list: the default "now" is the newest date not
# later than the wall clock plus a day, not the newest date there is.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/future.jsonl" <<'JSON'
{"id":"misdated","title":"Misdated note","body":"A note whose date is a typo.","date":"2105-06-01T00:00:00Z"}
JSON
check "index samples and a misdated article" \
    nindex --quiet --db "$TMP/db" "$SAMPLES" "$TMP/future.jsonl"

nsearch --db "$TMP/db" --json --related-to azure-surveillance-investigation >"$TMP/a"
check "related list survives a date in 2105" python3 - "$TMP/a" <<'PY'
import json, sys
rel = json.load(open(sys.argv[1]))["related"]
assert 3 <= len(rel) <= 5, rel
dates = [r["date"] for r in rel]
assert all("2025-08-31T15:00:00Z" <= x <= "2025-09-30T15:00:00Z" for x in dates), dates
assert all(r["age"].endswith("ago") or r["age"] == "just now" for r in rel), rel
PY
nsearch --db "$TMP/db" --json --limit 3 "Azure surveillance" >"$TMP/s"
check "search carries related posts too" python3 -c "
import json; assert len(json.load(open('$TMP/s'))['related']) == 5"
nsearch --db "$TMP/db" --json misdated >"$TMP/m"
check "the misdated article is still found" python3 -c "
import json; assert [h['id'] for h in json.load(open('$TMP/m'))['hits']] == ['misdated']"
# An explicit --now is taken as given: in 2105 nothing of 2025 is recent.
nsearch --db "$TMP/db" --json --now 2105-06-02 \
    --related-to azure-surveillance-investigation >"$TMP/n"
check "--now is taken as given" python3 -c "
import json; assert json.load(open('$TMP/n'))['related'] == []"

finish
