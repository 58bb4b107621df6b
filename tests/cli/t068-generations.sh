#!/bin/sh
# t068-generations.sh - Generations after a crash at publish, and the
# rebuild canary: a generation that was never live is removed by the next
# writer, so --rollback goes back to the one that was live; any title
# makes a canary that finds its article.
. "$(dirname "$0")/lib.sh"

# archive FILE N FIRST-TITLE [TITLE-OF-THE-OTHERS]: N articles a0..; the
# first with FIRST-TITLE.
archive() {
    python3 - "$@" <<'PY'
import json, sys
path, n, first = sys.argv[1], int(sys.argv[2]), sys.argv[3]
other = sys.argv[4] if len(sys.argv) > 4 else None
with open(path, "w") as f:
    for i in range(n):
        title = first if i == 0 else (other or "Story %d about harbours" % i)
        f.write(json.dumps({"id": "a%d" % i, "title": title,
                            "body": "ferry council budget %d" % i}) + "\n") 
PY
}
live() { readlink "$TMP/db/current"; }

# --- A crash at publish leaves a never-live generation behind. ------------
archive "$TMP/v1.jsonl" 40 "First version"
archive "$TMP/v2.jsonl" 40 "Second version"
archive "$TMP/v3.jsonl" 40 "Third version"
archive "$TMP/v4.jsonl" 40 "Fourth version"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v1.jsonl"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/v2.jsonl"
was_live=$(live)
NINDEX_CRASH_AT=publish "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" \
    --rebuild "$TMP/v3.jsonl" >/dev/null 2>&1
check "killed at publish (137)" is "$?" 137
check "the live generation is unchanged by the kill" is "$(live)" "$was_live"
run out err nindex --db "$TMP/db" --rebuild "$TMP/v4.jsonl"
check "the next rebuild succeeds" is "$rc" 0
check "the next rebuild is live" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json fourth | grep -q '\"id\":\"a0\"'"
check "the generation that was live is kept" test -d "$TMP/db/$was_live"
check "two generations are kept" is "$(ls -d "$TMP/db"/gen-* | wc -l)" 2
run out err nindex --db "$TMP/db" --rollback
check "rollback succeeds" is "$rc" 0
check "rollback goes back to the generation that was live" \
    is "$(live)" "$was_live"
check "rollback serves the second version" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json second | grep -q '\"id\":\"a0\"'"

# A never-live generation is removed by any next writer, an update too
# (the one rolled back from went the same way when the killed run began).
NINDEX_CRASH_AT=publish "$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" \
    --rebuild "$TMP/v3.jsonl" >/dev/null 2>&1
newest=$(ls -d "$TMP/db"/gen-* | tail -n 1)
check "the kill left a generation newer than the live one" \
    test "$(basename "$newest")" != "$(live)"
nindex --quiet --db "$TMP/db" "$TMP/v2.jsonl"
check "an update removes it" test ! -e "$newest"
check "the live one stays" test -d "$TMP/db/$(live)"

# --- The canary: titles the query language would misread. ----------------
canary() { # NAME FIRST-TITLE [OTHERS]
    rm -rf "$TMP/c"
    archive "$TMP/c.jsonl" 40 "$2" ${3:+"$3"}
    nindex --quiet --db "$TMP/c" --rebuild "$TMP/c.jsonl" >/dev/null 2>&1
    run out err nindex --db "$TMP/c" --rebuild "$TMP/c.jsonl"
    check "canary: $1: rebuild published" is "$rc" 0
}
canary "leading minus" "-40 degrees in Oslo"
canary "NOT" "NOT guilty, jury says"
canary "lone quote" '"'
canary "title word shared with 39 others" "Weather" "Weather"
canary "field-like words" "section:world AND tag:x OR \"open"
canary "wildcards and NEAR" "oil* NEAR/3 price"
# Titles whose words the indexer keeps otherwise, or keeps none of.
canary "a language's name" "C++"
canary "a dash alone" "—"
canary "emoji alone" "🔥🔥"
canary "punctuation and a dash" "!!! — ???"
# The canary still catches an index that cannot find the article by its
# title: the title words are searched, not the id alone.
rm -rf "$TMP/c"
archive "$TMP/c.jsonl" 40 "Zanzibar lighthouse keepers"
run out err env NINDEX_CANARY_ID=a1 "$NSEARCH_BIN/nindex" --db "$TMP/c" \
    --rebuild "$TMP/c.jsonl"
check "canary: another article's title refused (exit 65)" is "$rc" 65

finish
