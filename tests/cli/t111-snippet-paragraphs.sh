#!/bin/sh
# t111-snippet-paragraphs.sh - A snippet that runs from a paragraph ending
# without a stop (a heading, a byline) into the next parts them with a dash
# (README "nsearch: searching"); paragraphs that end as sentences, quotes or
# with a dash of their own are left as written.
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
arts = [
    ("heading", "en", "Cloud services cut",
     "The company applied this principle for many years.\n\n"
     "What Was Cut Off\n\nMicrosoft did not list the lighthouse services."),
    ("norsk", "no", "Fyr i nord",
     "Fyret ble tent igjen i går.\n\nSlik gikk det i Tromsø\r\n\r\n"
     "Fyrvokteren sa at lyset brant hele natten."),
    ("quote", "en", "A quoted keeper",
     "\u201cWe kept the lamp lit,\u201d\n\nthe keeper of the lighthouse said."),
    ("dash", "en", "A dashed keeper",
     "Keepers of the coast \u2014\n\nthe lighthouse crews met on Monday."),
    ("lead", "en", "Harbour notes",
     "Harbour Notes\n\nBy Kari Nordmann\n\nThe harbour opened a new quay."),
]
for i, lang, title, body in arts:
    print(json.dumps({"id": i, "title": title, "body": body, "lang": lang,
                      "section": "Coast", "date": "2025-05-01T10:00:00Z"}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

snip() { # snip QUERY: the snippet of the first hit, as JSON prints it
    nsearch --db "$TMP/db" --json --related 0 "$@" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["snippet"])'
}

snip "principle lighthouse" >"$TMP/heading"
check "a heading is parted from the next paragraph by a dash" \
    contains "$TMP/heading" "many years. What Was Cut Off — Microsoft did not"
check "a paragraph ending with a stop gets no dash" \
    lacks "$TMP/heading" "years. —"

snip "lang:no fyret fyrvokteren" >"$TMP/norsk"
check "a heading ending in a letter outside ASCII, CRLF lines" \
    contains "$TMP/norsk" "Slik gikk det i Tromsø — Fyrvokteren"

snip "lamp keeper" >"$TMP/quote"
check "a paragraph ending with a closing quote gets no dash" \
    contains "$TMP/quote" "lit,” the keeper"

snip "coast crews" >"$TMP/dash"
check "a paragraph ending with a dash gets no second one" \
    contains "$TMP/dash" "coast — the lighthouse crews"
check "exactly one dash" \
    is "$(grep -o '—' "$TMP/dash" | wc -l)" 1

# No query word in the body: the snippet is the lead, parted the same way.
snip "section:Coast title:harbour" >"$TMP/lead"
check "the lead parts a heading and a byline" \
    contains "$TMP/lead" "Harbour Notes — By Kari Nordmann — The harbour opened"

# The highlighted form in text output has the dash too.
nsearch --db "$TMP/db" --related 0 --color never "principle lighthouse" \
    >"$TMP/text"
check "text output" contains "$TMP/text" "What Was Cut Off — Microsoft"

# A body of two million blank lines (6 MB, under the 16 MiB limit) costs
# one pass: looking back for the last word at every blank line made it
# quadratic (hours).  The bound is generous; the pass takes milliseconds.
# The blank lines are one space to the snippet, which shows the whole text.
python3 - >"$TMP/blank.jsonl" <<'PY'
import json
body = "Beacon Log" + "\n \n" * 2000000 + "The beacon keeper wrote it down."
print(json.dumps({"id": "blank", "title": "Beacon", "body": body, "lang": "en"}))
PY
check "index a body of blank lines" \
    nindex --quiet --db "$TMP/db2" "$TMP/blank.jsonl"
for q in "beacon keeper" "id:blank"; do
    timeout 120 "$NSEARCH_BIN/nsearch" --db "$TMP/db2" --json --related 0 "$q"
done >"$TMP/blank.json"
check "its snippets in one pass" python3 -c '
import json, sys
words, lead = [json.loads(l) for l in open(sys.argv[1])]
assert words["hits"][0]["snippet"] == \
    "Beacon Log \u2014 The beacon keeper wrote it down.", words
assert lead["hits"][0]["snippet"].startswith("Beacon Log \u2014"), lead
' "$TMP/blank.json"

finish
