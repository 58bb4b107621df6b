#!/bin/sh
# t270-line-break-words.sh - A word hyphenated across a line break, as
# OCR'd pages and hard-wrapped wire copy have it ("interna-\ntional", with
# "\r\n", with U+00AC, with a soft hyphen, in JSON Lines, a .txt, a .md and
# HTML's "-<br>"), is found by the whole word and by phrases across it, and
# shown whole in its snippet (common/line-breaks.cc); one whose line break
# became a space ("interna- tional") is found by the word too (write.cc
# joined_words); a capital after the break is not joined.
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/src"
python3 - "$TMP/src/a.jsonl" <<'PY'
import json, sys
cases = {"mid": "interna-tional", "nl": "interna-\ntional",
         "crlf": "interna-\r\ntional", "shy": "interna\u00ad\ntional",
         "not": "interna\u00ac\ntional", "spaced": "interna- \n  tional",
         "sp": "interna- tional"}
with open(sys.argv[1], "w") as f:
    for k, v in cases.items():
        f.write(json.dumps({"id": k, "title": "Story " + k,
                            "date": "1923-01-08",
                            "body": "The " + v + " conference on fi-\nnance "
                                    "met in Geneva."}) + "\n")
    f.write(json.dumps({"id": "name", "title": "Story name",
                        "date": "1923-01-09",
                        "body": "The Anglo-\nSaxon chronicle was read."})
            + "\n")
PY
printf 'Wire copy\n\nDelegates at the interna-\ntional conference on fi-\nnance agreed on a well-\nknown plan.\n' >"$TMP/src/wire.txt"
printf '# Wire page\n\nDelegates at the interna-\ntional conference on fi-\nnance agreed.\n' >"$TMP/src/wire.md"
printf '<html><head><title>Scanned page</title></head><body><article><p>Delegates at the interna-<br>tional conference on fi-<br>\nnance agreed on a plan for the year ahead.</p></article></body></html>\n' >"$TMP/src/page.html"
check "index" nindex --quiet --db "$TMP/db" "$TMP/src"

# set_of QUERY: the ids of its hits, sorted.
set_of() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 \
        --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
all="crlf mid nl not page.html shy sp spaced wire.md wire.txt"
check "international: every form" is "$(set_of international)" "$all"
check "finance: every form" is "$(set_of finance)" "$all"
# A phrase across the join: the mid-line forms are two words in the text
# ("interna-tional" as written, "interna- tional" maybe a suspended hyphen).
check "phrase across the join" \
    is "$(set_of '"international conference"')" \
    "crlf nl not page.html shy spaced wire.md wire.txt"
check "phrase on finance" \
    is "$(set_of '"on finance met"')" "crlf mid nl not shy sp spaced"
# The halves of a word broken at its own hyphen stay found.
check "well known: the halves" is "$(set_of known)" "wire.txt"
check "wellknown: joined" is "$(set_of wellknown)" "wire.txt"
# "Anglo-\nSaxon": a capital after the break is not the rest of a word.
check "capital after the break: not joined" is "$(set_of anglosaxon)" ""
check "capital after the break: words" is "$(set_of saxon)" "name"

# The snippet reads the word whole, and marks it.
has_text() { case "$1" in *"$2"*) return 0 ;; esac; return 1; }
snippet() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 \
        --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(h["snippet_html"] for h in json.load(sys.stdin)["hits"] if h["id"] == sys.argv[1]))' "$2"
}
check "snippet: joined and marked" has_text "$(snippet international nl)" \
    "The <mark>international</mark> conference on finance met"
check "snippet of HTML" has_text "$(snippet international page.html)" \
    "the <mark>international</mark> conference on finance agreed"

finish
