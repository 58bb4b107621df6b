#!/bin/sh
# t087-joined-words.sh - A word written with hyphens between letters is
# also indexed joined (common/write.cc joined_words), and a hyphenated
# query word also searches its joined form (common/query-text.cc
# split_hyphens): "email" finds "e-mail" and "e-mail" finds "email", in
# the default field and in title:, in Norwegian by its Norwegian stem, with
# U+2010 and U+2011 hyphens too; words with digits ("COVID-19",
# "25-year-old") are not joined.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "hyph", "title": "E-mail scams rise", "date": "2025-03-01T10:00:00Z", "body": "Spam e-mail grew again this winter."}
{"id": "closed", "title": "Email policy changes", "date": "2025-03-02T10:00:00Z", "body": "The email rules were rewritten."}
{"id": "apart", "title": "Strike at the depot", "date": "2025-03-03T10:00:00Z", "body": "The mail van was late; plan E was used."}
{"id": "cf1", "title": "Cease-fire holds in the north", "date": "2025-03-04T10:00:00Z", "body": "Both sides kept the truce."}
{"id": "cf2", "title": "Ceasefire talks resume", "date": "2025-03-05T10:00:00Z", "body": "Envoys met on Monday."}
{"id": "u2010", "title": "Harbour news", "date": "2025-03-06T10:00:00Z", "body": "The port and the town agreed on co‐operation at last."}
{"id": "u2011", "title": "School news", "date": "2025-03-07T10:00:00Z", "body": "Pupils learnt about x‑ray machines."}
{"id": "no1", "title": "E-posten ble lekket", "lang": "no", "date": "2025-03-08T10:00:00Z", "body": "Kommunen bekrefter at e-posten ble sendt til feil mottaker."}
{"id": "digits", "title": "COVID-19 figures", "date": "2025-03-09T10:00:00Z", "body": "A 25-year-old was among the cases."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY: the ids of the hits, in rank order (no suggestion searched
# instead: "yearold" would be "year old").
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 20 \
        --snippet-len 0 --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
# set_of QUERY: the same ids, sorted.
set_of() { ids "$1" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'; }

check "email finds e-mail" is "$(set_of email)" "closed hyph"
check "Email, capitalised" is "$(set_of Email)" "closed hyph"
# Typed with the hyphen: the joined word and its parts; the two articles
# with the word, in either spelling, above the one with "e" and "mail"
# apart.
check "e-mail finds email, both first" \
    is "$(ids e-mail | cut -d' ' -f1-2 | tr ' ' '\n' | sort | tr '\n' ' ')" "closed hyph "
check "e-mail: the parts apart rank last" is "$(ids e-mail | cut -d' ' -f3)" "apart"
check "ceasefire finds cease-fire" is "$(set_of ceasefire)" "cf1 cf2"
check "cease-fire finds ceasefire" \
    is "$(ids cease-fire | cut -d' ' -f1-2 | tr ' ' '\n' | sort | tr '\n' ' ')" "cf1 cf2 "
check "title:email finds the E-mail title" is "$(set_of title:email)" "closed hyph"
check "a stem of the joined word" is "$(set_of ceasefires)" "cf1 cf2"
check "U+2010 hyphen joined" is "$(set_of cooperation)" "u2010"
check "U+2011 hyphen joined" is "$(set_of xray)" "u2011"
check "Norwegian: epost finds e-posten" is "$(set_of epost)" "no1"
check "Norwegian: eposten too" is "$(set_of eposten)" "no1"
check "digits: COVID-19 is not joined" is "$(set_of covid19)" ""
check "digits: 25-year-old is not joined" is "$(set_of yearold)" ""
check "the parts are still words" is "$(set_of cease)" "cf1"
# Excluded, the phrase and the word joined both go: "email" is the same
# word.
check "policy alone: the email article" is "$(set_of policy)" "closed"
check "policy -e-mail: not it either" is "$(set_of 'policy -e-mail')" ""
check "spam -e-mail: nor the e-mail one" is "$(set_of 'spam -e-mail')" ""
check "a quoted phrase stays as written" is "$(set_of '"e-mail scams"')" "hyph"

# Required by '+', or joined by an operator: the phrase or the word
# joined, as one group.  As typed, "+e-mail" required the phrase alone,
# "NOT e-mail" excluded the phrase alone, and split, "e-mail AND rules"
# joined only "mail" to the other word.
check "+e-mail requires either spelling" \
    is "$(set_of '+e-mail policy')" "closed hyph"
check "AND after: both spellings" is "$(set_of 'e-mail AND rules')" "closed"
check "AND after: not the parts apart" is "$(set_of 'e-mail AND late')" ""
check "AND before: both spellings" is "$(set_of 'rules AND e-mail')" "closed"
check "NOT excludes the joined word too" \
    is "$(set_of 'policy NOT e-mail')" ""
check "OR: either spelling, not the parts" \
    is "$(set_of 'e-mail OR truce')" "cf1 closed hyph"
check "all capitals: operators are words, as before" \
    is "$(set_of 'E-MAIL AND RULES')" "$(set_of 'e-mail and rules')"

# The snippet marks the word where the text has it split: "email" marks
# "e-mail" (before, the hit showed its lead with nothing marked), and
# not "mail" or "E" apart.
marked() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse -- "$1" |
        python3 -c 'import json,re,sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]:
        print(" ".join(re.findall("<mark>(.*?)</mark>", h["snippet_html"])))' "$2"
}
check "email marks e-mail in the snippet" is "$(marked email hyph)" "e-mail"
check "email marks E-mail in the title" \
    is "$(nsearch --db "$TMP/db" --json --related 0 --no-collapse email |
        python3 -c 'import json, sys
print(" ".join(h["title_html"] for h in json.load(sys.stdin)["hits"] if h["id"] == "hyph"))')" \
    "<mark>E-mail</mark> scams rise"
check "e and mail apart: not marked" is "$(marked 'email OR depot' apart)" ""

finish
