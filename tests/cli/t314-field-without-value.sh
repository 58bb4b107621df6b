#!/bin/sh
# t314-field-without-value.sh - A field name with no value after it
# ("title:", "oil author:", "(title:)") is left out, with a warning that
# says how to write one.  Xapian's parser searched the name as a word:
# "title:" found the 230 Reuters and BBC News articles with the word
# "title", and "oil title:" only oil articles that say "title".
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "t1", "title": "Title fight in Las Vegas", "body": "The title was at stake."},
    {"id": "o1", "title": "Oil prices rise", "body": "Crude oil rose."},
    {"id": "o2", "title": "Oil title dispute", "body": "Oil title deeds were argued over."},
    {"id": "g1", "title": "Gas output", "body": "Gas fell.", "date": "1987-03-01"},
]
with open(sys.argv[1], "w") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY: the ids QUERY finds, sorted, then "|" and its warning.
ids() {
    nsearch --db "$TMP/db" --json --limit 100 --related 0 -- "$1" \
        2>/dev/null | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(",".join(sorted(h["id"] for h in d["hits"])) + "|" + str(d.get("warning", "")))'
}
said="'title:' has no value after it and was left out: write title:WORD or title:\"a phrase\""

check "oil title:: every oil article, the name no word" \
    is "$(ids 'oil title:')" "o1,o2|$said"
check "oil (title:): the same in brackets" \
    is "$(ids 'oil (title:)')" "o1,o2|$said"
check 'oil title:"": an empty value the same' \
    is "$(ids 'oil title:""')" "o1,o2|$said"
check "title: alone: every article, not those with the word" \
    is "$(ids 'title:' | cut -d'|' -f1)" "g1,o1,o2,t1"
check "oil Author: (any case): left out, said" \
    is "$(ids 'oil Author:')" "o1,o2|'Author:' has no value after it and was left out: write Author:WORD or Author:\"a phrase\""
check "oil date:: left out, said with a date" \
    is "$(ids 'oil date:')" "o1,o2|'date:' has no value after it and was left out: write date:2025 or date:\"March 1987\""
check "title: oil (a space after the colon): still the field" \
    is "$(ids 'title: oil')" "o1,o2|"
check "the text output warns on stderr" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' 'oil title:' 2>&1 >/dev/null | grep -qxF \"nsearch: warning: \$0\"" "$said"
finish
