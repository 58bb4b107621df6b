#!/bin/sh
# t190-apostrophe-marks.sh - An article that writes the apostrophe as the
# modifier letter U+02BC ("Kyivʼs"), the left single quote U+2018
# ("O‘Neill") or a backtick ("don`t") is indexed as the query reads those
# marks: with the apostrophe.  Xapian held "kyivʼs" as a word no query
# has and split "o‘neill" and "don`t" in two, so that `Kyiv`, `O'Neill`
# and `don't` found nothing, not even the article's own text pasted.
. "$(dirname "$0")/lib.sh"

printf '%s\n' \
    '{"id":"b3","title":"Modifier","body":"The Hawaiʻi and Oʼahu islands; Kyivʼs mayor.","lang":"en"}' \
    '{"id":"b1","title":"Left quote","body":"Martin O‘Neill spoke about rock ‘n’ roll.","lang":"en"}' \
    '{"id":"b2","title":"Backtick","body":"He said he don`t know Mr O`Brien.","lang":"en"}' \
    '{"id":"m1","title":"Mixed","body":"The Kyivʼs council met the Dublin council; Sean O‘Hara and the Lviv`s envoy spoke.","lang":"en"}' \
    '{"id":"t1","title":"Lvivʼs budget and O‘Hara","body":"Money for the city.","lang":"en"}' \
    '{"id":"q1","title":"Opening","body":"Voters said ‘Brexit’ twice and ‘Remain’ once.","lang":"en"}' \
    >"$TMP/a.jsonl"
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() { nsearch --db "$TMP/db" --json "$1" |
    python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["hits"])))'; }

check "U+02BC: Kyiv finds Kyivʼs" is "$(ids Kyiv)" "b3 m1"
check "U+02BC in a title: Lviv" is "$(ids "Lviv budget")" "m1 t1"
check "U+02BC: the article's own phrase" is "$(ids '"Kyivʼs mayor"')" "b3"
check "U+02BC: typed with an apostrophe" is "$(ids "\"Kyiv's mayor\"")" "b3"
check "U+02BC: a word of its own" is "$(ids "Oʼahu")" "b3"
check "U+2018: O'Neill" is "$(ids "O'Neill")" "b1"
check "U+2018: the article's own text" is "$(ids 'O‘Neill')" "b1"
check "backtick: don't" is "$(ids "don't")" "b2"
check "backtick: a phrase across it" is "$(ids "\"he don't know Mr O'Brien\"")" "b2"
check "backtick: a possessive's phrase" is "$(ids "\"Lviv's envoy\"")" "m1"
check "an opening quote is no apostrophe: Brexit" is "$(ids Brexit)" "q1"
check "an opening quote is no apostrophe: a phrase" is "$(ids '"said Brexit twice"')" "q1"
check "an opening quote joins no words" is "$(ids "said'brexit")" ""

run out err nsearch --db "$TMP/db" Kyiv
check "snippet: marked as written (U+02BC)" contains "$TMP/out" "**Kyivʼs** mayor"
run out err nsearch --db "$TMP/db" "O'Neill"
check "snippet: marked as written (U+2018)" contains "$TMP/out" "Martin **O‘Neill** spoke about rock ‘n’ roll."
run out err nsearch --db "$TMP/db" '"he don`t know"'
check "snippet: phrase marked as written (backtick)" contains "$TMP/out" "He said **he don\`t know** Mr O\`Brien."
run out err nsearch --db "$TMP/db" "O'Hara"
check "snippet: each mark of a mixed text as written" \
    contains "$TMP/out" "The Kyivʼs council met the Dublin council; Sean **O‘Hara** and the Lviv\`s envoy spoke."
 
run out err nsearch --db "$TMP/db" --json "Lviv budget"
check "title: marked as written" contains "$TMP/out" '"title_html":"<mark>Lvivʼs</mark> <mark>budget</mark> and O‘Hara"'

finish
