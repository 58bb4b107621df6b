#!/bin/sh
# t184-lucene-fields.sh - A field's value as Lucene and Elasticsearch
# write it: a group after a field (section:(crude OR ship), title:(oil
# prices)), a date range in brackets ([A TO B], {A TO B}, '*'), and
# field:* / _exists_:field for the articles that have the field.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "a1", "title": "Oil prices rise", "body": "Crude oil prices rose.",
     "section": "crude", "author": "Kari Nordmann", "date": "1987-03-01"},
    {"id": "a2", "title": "Ship news", "body": "The tanker sailed with gas.",
     "section": "ship", "date": "1987-03-15"},
    {"id": "a3", "title": "Gas output", "body": "Oil and gas output grew.",
     "section": "crude", "tags": ["energy"], "date": "1987-03-31"},
    {"id": "a4", "title": "Grain report", "body": "Wheat crops and oil.",
     "section": "grain", "date": "1987-04-02"},
    {"id": "a5", "title": "Oil note", "body": "Oil stocks fell.",
     "date": ""},
    {"id": "a6", "title": "Prices of grain", "body": "Oil was cheap.",
     "section": "grain", "date": "1987-02-27"},
]
with open(sys.argv[1], "w") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() {
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse -- "$1" \
        2>"$TMP/ids.err" >"$TMP/ids.json"
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/ids.json"
}

# Groups after a field.
check "section:(crude OR ship)" is "$(ids 'section:(crude OR ship)')" "a1,a2,a3"
check "section:(crude OR ship): no warning" is "$(cat "$TMP/ids.err")" ""
check "section:(crude ship)" is "$(ids 'section:(crude ship)')" "a1,a2,a3"
check "oil section:(crude OR ship)" is "$(ids 'oil section:(crude OR ship)')" "a1,a3"
check "tanker OR wheat section:(ship OR grain)" is \
    "$(ids 'tanker OR wheat section:(ship OR grain)')" "a2,a4"
check "section: (crude OR ship), a space after the colon" is \
    "$(ids 'section: (crude OR ship)')" "a1,a2,a3"
check "-section:(crude OR ship)" is "$(ids 'oil -section:(crude OR ship)')" "a4,a5,a6"
check "section:(crude OR -grain) keeps the sign" is \
    "$(ids 'oil section:(crude -grain)')" "a1,a3"
check "SECTION:(CRUDE OR SHIP), in capitals" is \
    "$(ids 'SECTION:(CRUDE OR SHIP)')" "a1,a2,a3"
check "title:(oil prices): either word in the title" is \
    "$(ids 'title:(oil prices)')" "a1,a5,a6"
check "title:(oil AND prices)" is "$(ids 'title:(oil AND prices)')" "a1"
check "TITLE:(OIL PRICES), in capitals" is "$(ids 'TITLE:(OIL PRICES)')" "a1,a5,a6"
check "section:(\"crude\" OR ship), a quoted value" is \
    "$(ids 'section:("crude" OR ship)')" "a1,a2,a3"

# Date ranges in brackets.
check "date:[1987-03-01 TO 1987-03-31]" is \
    "$(ids 'date:[1987-03-01 TO 1987-03-31]')" "a1,a2,a3"
check "date:[...]: no warning" is "$(cat "$TMP/ids.err")" ""
check "date:{1987-03-01 TO 1987-03-31}: ends left out" is \
    "$(ids 'date:{1987-03-01 TO 1987-03-31}')" "a2"
check "date:[1987-03-01 TO 1987-03-31}" is \
    "$(ids 'date:[1987-03-01 TO 1987-03-31}')" "a1,a2"
check "date:{1987-02 TO 1987-04}: March" is \
    "$(ids 'date:{1987-02 TO 1987-04}')" "a1,a2,a3"
check "date:[* TO 1987-03-01]" is "$(ids 'date:[* TO 1987-03-01]')" "a1,a6"
check "date:[1987-03-31 TO *]" is "$(ids 'date:[1987-03-31 TO *]')" "a3,a4"
check "date:[* TO *]: every dated article" is "$(ids 'date:[* TO *]')" "a1,a2,a3,a4,a6"
check "oil date:[1987-03-01 TO 1987-03-31]" is \
    "$(ids 'oil date:[1987-03-01 TO 1987-03-31]')" "a1,a3"
check "date: [1987-03-15 to 1987-04-30], a space, to" is \
    "$(ids 'date: [1987-03-15 to 1987-04-30]')" "a2,a3,a4"
check "date:[01.03.1987 TO 15.03.1987]" is \
    "$(ids 'date:[01.03.1987 TO 15.03.1987]')" "a1,a2"
check "id:[a1 TO a3]: oil searched" is "$(ids 'oil id:[a1 TO a3]')" "a1,a3,a4,a5,a6"
check "id:[a1 TO a3]: the warning" contains "$TMP/ids.err" \
    "id:[a1 TO a3] was left out: a range is read for date: only"

# An article with the field.
check "author:*" is "$(ids 'author:*')" "a1"
check "author:*: no warning" is "$(cat "$TMP/ids.err")" ""
check "_exists_:author" is "$(ids '_exists_:author')" "a1"
check "section:*" is "$(ids 'section:*')" "a1,a2,a3,a4,a6"
check "tag:*" is "$(ids 'tag:*')" "a3"
check "date:*" is "$(ids 'date:*')" "a1,a2,a3,a4,a6"
check "oil -section:*" is "$(ids 'oil -section:*')" "a5"
check "oil OR gas tag:*" is "$(ids 'oil OR gas tag:*')" "a3"
check "category:* (an alias)" is "$(ids 'category:*')" "a1,a2,a3,a4,a6"
check "id:*: every article" is "$(ids 'id:*')" "a1,a2,a3,a4,a5,a6"
check "heading:*: none" is "$(ids 'heading:*')" ""
check "heading:*: the warning" contains "$TMP/ids.err" "no article has a heading"
check "heading:*: not 'no word'" lacks "$TMP/ids.err" "no word to search"
check "_exists_:colour: the warning" is "$(ids 'oil _exists_:colour')" "a1,a3,a4,a5,a6"
check "_exists_:colour: names the fields" contains "$TMP/ids.err" \
    "_exists_:colour names no field"
finish
