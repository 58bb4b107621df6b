#!/bin/sh
# t336-json-cms-key-names.sh - README "JSON Lines": the names CMS exports
# give the fields ("headline", "content", "text", "byline", "published",
# "published_at", "modified", "category", "keywords", "link",
# "language"...) are read as nindex's own, in JSON Lines and in a JSON
# array; the record's own key wins, an alias of the wrong kind (a
# WordPress REST "content" object) is not read, and "published": false
# still keeps a record out.  Before, each was ignored without a word: a
# record with "headline" and "content" was refused as "missing title and
# body", and one with "title" lost its byline, date and tags.
. "$(dirname "$0")/lib.sh"
J=$TMP/export.jsonl
cat >"$J" <<'JSON'
{"id":"c1","headline":"Harbour seals return","content":"<p>Seals came back to the fjord.</p>","byline":"Kari Nordmann","published":"2025-08-20T07:00:00Z","category":"Nature"}
{"id":"c2","title":"Ferry strike","body":"The ferry crews struck.","byline":"By Ola Nordmann","published_at":"2025-08-21","modified":"2025-08-22T10:00:00Z","keywords":["ferry","strike"],"link":"https://x.example/2","language":"nb"}
{"id":"c3","title":"Own title","headline":"Alias headline","body":"Body three of the pier.","author":"Real Author","byline":"Alias Byline","date":"2024-01-01","published":"2025-01-01"}
{"id":"c4","title":"Rest shape","content":{"rendered":"<p>object</p>"},"text":"Plain text of the quay.","published":true}
{"id":"c5","headline":"Withdrawn story","content":"Not out.","published":false}
JSON
cat >"$TMP/array.json" <<'JSON'
[{"id": "a1", "headline": "Bridge opens", "text": "The bridge opened at noon.",
  "authors": ["Per Berg", "Ali Khan"], "datePublished": "2025-09-01"}]
JSON
run out err nindex --db "$TMP/db" "$J" "$TMP/array.json"
check "exit 0" is "$rc" 0
check "five added, one withdrawn ignored" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 1 ignored"
field() { # ID FIELD: the stored field, as --show --json gives it
    nsearch --db "$TMP/db" --json --show "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get(sys.argv[1]))' "$2"
}
ids() {
    nsearch --db "$TMP/db" --json "$@" |
        python3 -c 'import json, sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "headline is the title" is "$(field c1 title)" "Harbour seals return"
check "HTML content is the body, as text" is "$(field c1 body)" \
    "Seals came back to the fjord."
check "byline is the author" is "$(ids 'author:"Kari Nordmann"')" c1
check "published is the date" is "$(field c1 date)" "2025-08-20T07:00:00Z"
check "category is the section" is "$(ids section:nature)" c1
check "published_at, its By taken off the byline" is \
    "$(field c2 date)|$(field c2 author)" "2025-08-21T00:00:00Z|Ola Nordmann"
check "modified is the update time" is "$(field c2 updated)" \
    "2025-08-22T10:00:00Z"
check "keywords are the tags" is "$(ids tag:strike)" c2
check "link and language" is "$(field c2 url)|$(field c2 lang)" \
    "https://x.example/2|no"
check "the record's own keys win" is \
    "$(field c3 title)|$(field c3 author)|$(field c3 date)" \
    "Own title|Real Author|2024-01-01T00:00:00Z"
check "a content object is no body; text is" is "$(field c4 body)" \
    "Plain text of the quay."
check "published: true is no date" is "$(field c4 date)" None
check "published: false still keeps it out" contains "$TMP/err" \
    "export.jsonl:5: ignored: not published (published: false)"
check "JSON array: headline, text, authors, datePublished" is \
    "$(field a1 title)|$(field a1 body)|$(field a1 author)|$(field a1 date)" \
    "Bridge opens|The bridge opened at noon.|Per Berg, Ali Khan|2025-09-01T00:00:00Z"
check "a byline from a list of authors is searched" is \
    "$(ids 'author:"Ali Khan"')" a1
finish
