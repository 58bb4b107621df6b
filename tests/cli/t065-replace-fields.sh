#!/bin/sh
# t065-replace-fields.sh - An update replaces an article when any one field
# changed, not only its body: headings, tags, section, author, url, date,
# language and title each, alone, make it "replaced", and the new value is
# what the index then answers (the old one is gone).
. "$(dirname "$0")/lib.sh"

# One Python run writes the base (base.jsonl) and every variant
# (NAME.jsonl: the base with one field changed); the second article never
# changes and is counted "unchanged" every time.
python3 - "$TMP" <<'PY'
import json, os, sys
base = {"id": "fjord-1", "title": "Glacier retreat measured along the fjord",
        "body": "Researchers measured the glacier front again this summer and "
                "found it had retreated further than in any year on record.",
        "section": "Climate", "headings": ["Field Season", "Method"],
        "date": "2025-08-06T09:30:00Z", "author": "Kari Nordmann", "lang": "en",
        "url": "https://news.example.org/fjord-1", "tags": ["glacier", "fjord"]}
other = {"id": "other-1", "title": "Harbour opens",
         "body": "The new harbour opened on Monday.", "date": "2025-08-01", "lang": "en"}
variants = {"base": {},
            "headings": {"headings": ["Field Season", "Calving Front"]},
            "heading-order": {"headings": ["Method", "Field Season"]},
            "tags": {"tags": ["glacier", "svalbard"]},
            "tag-order": {"tags": ["fjord", "glacier"]},
            "section": {"section": "Science"},
            "author": {"author": "Ola Hansen"},
            "url": {"url": "https://news.example.org/2025/fjord-1"},
            "date": {"date": "2025-09-14T08:00:00Z"},
            "lang": {"lang": "no"},
            "title": {"title": "Glacier retreat measured from the air"}}
for name, change in variants.items():
    with open(os.path.join(sys.argv[1], name + ".jsonl"), "w") as f:
        print(json.dumps(dict(base, **change)), file=f)
        print(json.dumps(other), file=f)
PY

run out err nindex --db "$TMP/db" "$TMP/base.jsonl"
check "base indexed" contains "$TMP/out" "2 added, 0 replaced, 0 unchanged"
run out err nindex --db "$TMP/db" "$TMP/base.jsonl"
check "same record again: unchanged" contains "$TMP/out" "0 added, 0 replaced, 2 unchanged"
check "same record again: exit 0" is "$rc" 0

# ids QUERY: the ids nsearch finds for QUERY, space-separated and sorted
# (read from the compact JSON with sed: Python starts slowly on a busy
# machine, and this runs fifty times).
ids() {
    nsearch --db "$TMP/db" --json --related 0 -- "$1" |
        grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' | sort | tr '\n' ' ' |
        sed 's/ $//'
}
# field NAME: the stored string field NAME of fjord-1, as nsearch --json
# shows it.
field() {
    nsearch --db "$TMP/db" --json --related 0 -- 'id:fjord-1' |
        grep -o "\"$1\":\"[^\"]*\"" | sed "s/^\"$1\":\"//; s/\"\$//"
}

# change NAME: restore the base, then re-add the article with only the
# field of variant NAME changed; it must be replaced.
change() {
    name=$1
    nindex --quiet --db "$TMP/db" "$TMP/base.jsonl"
    run out err nindex --db "$TMP/db" "$TMP/$name.jsonl"
    check "$name changed: replaced" contains "$TMP/out" "0 added, 1 replaced, 1 unchanged"
    check "$name changed: exit 0" is "$rc" 0
}

change headings
check "new heading found" is "$(ids 'heading:calving')" "fjord-1"
check "old heading gone" is "$(ids 'heading:method')" ""
change heading-order

change tags
check "new tag found" is "$(ids 'tag:svalbard')" "fjord-1"
check "old tag gone" is "$(ids 'tag:fjord')" ""
change tag-order

change section
check "new section found" is "$(ids 'section:science')" "fjord-1"
check "old section gone" is "$(ids 'section:climate')" ""

change author
check "new author found" is "$(ids 'author:hansen')" "fjord-1"
check "old author gone" is "$(ids 'author:nordmann')" ""

change url
check "new url stored" is "$(field url)" "https://news.example.org/2025/fjord-1"

change date
check "new date found" is "$(ids 'date:2025-09-14..2025-09-14')" "fjord-1"
check "old date gone" is "$(ids 'date:2025-08-06..2025-08-06')" ""
check "new date stored" is "$(field date)" "2025-09-14T08:00:00Z"

change lang
check "new language found" is "$(ids 'lang:no')" "fjord-1"
check "old language gone" is "$(ids 'lang:en')" "other-1"

change title
check "new title found" is "$(ids 'title:air')" "fjord-1"

# Whatever changed, one article with that id remains.
check "still two articles" is "$(ids '')" "fjord-1 other-1"

finish
