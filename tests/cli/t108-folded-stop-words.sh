#!/bin/sh
# t108-folded-stop-words.sh - A word typed with a diacritic whose folded
# form is a stop word of another language ("før": "for", "å": "a") is a
# stop word in that language's parse too: the stemmer folds it to the
# stop word, and "før valget" matched nearly every English article by
# "for" (57 of the samples' where "valget" finds 1), with nothing marked.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(12):
        f.write(json.dumps({"id": "en%d" % i, "lang": "en",
                            "title": "Harbour report %d" % i,
                            "body": "A ferry for the island ran late, part %d." % i}) + "\n")
    f.write(json.dumps({"id": "nb1", "lang": "nb", "title": "Før valget",
                        "body": "Partiene samlet seg før valget i Bergen."}) + "\n")
    f.write(json.dumps({"id": "nb2", "lang": "nb", "title": "Strømprisen",
                        "body": "Det er lurt å spare strøm om vinteren."}) + "\n")
    f.write(json.dumps({"id": "nb3", "lang": "nb", "title": "Valget i Oslo",
                        "body": "Valget samlet mange velgere."}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY: the ids found, sorted, separated by spaces.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

check "valget alone" is "$(ids valget)" "nb1 nb3"
check "før valget: no English article by 'for'" is "$(ids "før valget")" \
    "nb1 nb3"
check "å spare strøm: no English article by 'a'" \
    is "$(ids "å spare strøm")" "nb2"
check "FØR VALGET in capitals too" is "$(ids "FØR VALGET")" "nb1 nb3"
# The English words themselves are still stop words of English, and a
# query of stop words alone is still searched.
check "for ferry: the ferry articles" \
    sh -c "[ \$(printf '%s\n' '$(ids "for ferry")' | wc -w) -eq 12 ]"
check "for alone: still searched" \
    sh -c "[ \$(printf '%s\n' '$(ids "for")' | wc -w) -ge 12 ]"
finish
