#!/bin/sh
# t179-zdict-takedown.sh - A takedown leaves none of the article's text in
# the index's compression dictionary.  A rebuild stored the last 32 KiB of
# its first articles' JSON as the dictionary, whole articles, which no
# --delete removed: `grep -a` found a deleted article's sentence in the
# live generation for ever.  Now the dictionary holds only pieces several
# articles share; an index with an older dictionary says, when an article
# in it goes, that a rebuild replaces it.
. "$(dirname "$0")/lib.sh"
TEST_BIN=${TEST_BIN:-$top/build/tests}

python3 - "$TMP/src.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(12):
        body = ("The harbour board met on Monday to discuss the budget. "
                "Members of the board said the plan would go ahead. "
                "Item %d of the agenda was the ferry timetable." % i)
        if i == 4:
            body += " Councillor Ingrid Vasquez-Holm resigned after the audit of the pension fund."
        f.write(json.dumps({"id": "a%d" % i, "title": "Harbour board, meeting %d" % i,
                            "body": body, "section": "local"}) + "\n")
    f.write(json.dumps({"id": "z", "title": "Lighthouse keeper retires",
                        "body": "After forty years the lighthouse keeper of the northern cape hands over the lamp."}) + "\n")
    f.write(json.dumps({"id": "y", "title": "Choir wins prize",
                        "body": "The youth choir of the old town took first prize at the spring festival in Bergen."}) + "\n")
PY
person="Vasquez-Holm"
sentence="resigned after the audit of the pension fund"
common="Members of the board said the plan would go ahead"

run out err nindex --db "$TMP/db" --rebuild "$TMP/src.jsonl"
check "rebuild: exit 0" is "$rc" 0
gen="$TMP/db/$(readlink "$TMP/db/current")"
check "the dictionary holds what the articles share" \
    grep -a -q "$common" "$gen/postlist.glass"

run out err nsearch --db "$TMP/db" --json Vasquez
check "search: finds the article" contains "$TMP/out" '"id":"a4"'
check "search: its stored body decompresses" contains "$TMP/out" "$person"

run out err nindex --db "$TMP/db" --delete a4 --keep-deleted 0 --force
check "takedown: exit 0" is "$rc" 0
check "takedown: no warning of the dictionary" lacks "$TMP/err" "dictionary"
xapian-compact -q "$gen" "$TMP/compact" >/dev/null 2>&1
check "compacted: the name is in no file" \
    sh -c "! grep -a -r -q '$person' '$TMP/compact'"
check "compacted: the sentence is in no file" \
    sh -c "! grep -a -r -q '$sentence' '$TMP/compact'"
run out err nsearch --db "$TMP/db" --json ferry
check "others: still found and shown" contains "$TMP/out" "ferry timetable"

# An index whose dictionary is its articles' own text, as an older
# version made it.
nindex --quiet --db "$TMP/old" "$TMP/src.jsonl"
"$TEST_BIN/test_zdict" "$TMP/old" a3 a4 a5 z
run out err nsearch --db "$TMP/old" --json Vasquez
check "older: stored against its dictionary" contains "$TMP/out" "$person"
run out err nindex --db "$TMP/old" --delete y --keep-deleted 0 --force
check "older: an article whose own text is not in it: no warning" \
    lacks "$TMP/err" "dictionary"
run out err nindex --db "$TMP/old" --delete a4 a5 --keep-deleted 0 --force
check "older: exit 0" is "$rc" 0
check "older: says the dictionary holds the text" contains "$TMP/err" \
    "nindex: warning: the index's compression dictionary still holds text of 'a4'; \`nindex --rebuild --keep 1\` replaces it"
check "older: once a run" is "$(grep -c dictionary "$TMP/err")" 1

# A correction that takes the text out.
sed 's/ Councillor Ingrid Vasquez-Holm resigned after the audit of the pension fund\.//' \
    "$TMP/src.jsonl" | grep '"a3"' | sed 's/meeting 3/meeting 3, corrected/; s/discuss the budget/discuss the budget and the harbour dues of the winter season/' \
    > "$TMP/fix.jsonl"
run out err nindex --db "$TMP/old" "$TMP/fix.jsonl"
check "correction: 1 replaced" contains "$TMP/out" "1 replaced"
check "correction: text taken out is said" contains "$TMP/err" \
    "holds text of 'a3'"

# A prune of an article in it.
grep -v '"z"' "$TMP/src.jsonl" > "$TMP/noz.jsonl"
run out err nindex --db "$TMP/old" --prune --force --keep-deleted 0 "$TMP/noz.jsonl"
check "prune: exit 0" is "$rc" 0
check "prune: said for the article pruned" contains "$TMP/err" \
    "holds text of 'z'"

# A rebuild --keep 1 from sources without the article replaces it.
grep -v '"a4"' "$TMP/src.jsonl" > "$TMP/rest.jsonl"
run out err nindex --db "$TMP/old" --rebuild --keep 1 --force "$TMP/rest.jsonl"
check "rebuilt: exit 0" is "$rc" 0
gen="$TMP/old/$(readlink "$TMP/old/current")"
check "rebuilt: the name is gone from the index's files" \
    sh -c "! grep -a -r -q '$person' '$TMP/old'"
run out err nindex --db "$TMP/old" --delete a6 --keep-deleted 0 --force
check "rebuilt: no warning" lacks "$TMP/err" "dictionary"
finish
