#!/bin/sh
# t094-wildcard-cut.sh - A wildcard that matches more words than it may
# expand to searches the most frequent of them and says so; one within
# its limit says nothing.  "pre*" in a large archive left out the
# articles of its rarer words without a word of why.
. "$(dirname "$0")/lib.sh"

# 150 words starting "zq" (zq100..zq249), each in 2-3 articles, and one
# rare word (zq999) in a single article; 99 of them start "zq1".
python3 - "$TMP/w.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    n = 0
    for i in range(100, 250):
        for k in range(2 + i % 2):
            n += 1
            f.write(json.dumps({"id": "a%d" % n, "title": "Note %d" % n,
                                "body": "zq%d appears here." % i}) + "\n")
    f.write(json.dumps({"id": "rare", "title": "Rare note",
                        "body": "Only zq999 here."}) + "\n")
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/w.jsonl"

# q QUERY: "total|warning" of the JSON answer.
q() {
    nsearch --db "$TMP/db" --json --related 0 --limit 1 -- "$1" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print("%d|%s" % (d["total"], d.get("warning") or ""))'
}
out=$(q 'zq*')
check "past the limit: warned" is "${out#*|}" \
    "zq* matches more than 100 words; only the 100 most frequent were searched"
check "past the limit: the most frequent 100 words' articles" \
    is "${out%%|*}" "$(python3 -c 'print(sum(2 + i % 2 for i in sorted(range(100, 250), key=lambda i: -(2 + i % 2))[:100]))')"
out=$(q 'zq1*')
check "within the limit: no warning" is "${out#*|}" ""
check "within the limit: every word" is "${out%%|*}" \
    "$(python3 -c 'print(sum(2 + i % 2 for i in range(100, 200)))')"
out=$(q 'zq9*')
check "a rare pattern: no warning, its article" is "$out" "1|"
run out err nsearch --db "$TMP/db" --related 0 'zq*'
check "text: the warning on stderr" contains "$TMP/err" \
    "zq* matches more than 100 words"
check "text: exit 0" is "$rc" 0
out=$(q 'title:zq* OR zq*')
check "title: wildcard within the title's words: only the body's warned" \
    is "${out#*|}" \
    "zq* matches more than 100 words; only the 100 most frequent were searched"
# Search as you type adds the '*' itself: no warning for what was not typed.
python3 -c '
import json
for i in range(120):
    print(json.dumps({"id": "p%d" % i, "title": "Item", "body": "zqa%03d" % i}))' >"$TMP/p.jsonl"
check "index: 120 words starting zqa" nindex --quiet --db "$TMP/pdb" "$TMP/p.jsonl"
nsearch --db "$TMP/pdb" --json --related 0 --partial -- zqa >"$TMP/p.json" 2>"$TMP/p.err"
check "--partial: no warning of its own wildcard" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 100 and not d.get("warning"), d' "$TMP/p.json"
check "--partial: nothing on stderr" is "$(cat "$TMP/p.err")" ""
finish
