#!/bin/sh
# t144-json-exports.sh - What archive exports write, read: a language
# named rather than coded ("Norwegian Bokmål", "English (UK)", "eng"),
# JSON with a number or an escape that only a field nindex ignores holds,
# other field names, and dates of a month or a year.  Each of them lost
# the whole article, and a nightly --prune with it.
. "$(dirname "$0")/lib.sh"

# langs DB QUERY: "id=lang" of the hits of QUERY, sorted.
langs() {
    nsearch --db "$1" --json --limit 50 "$2" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] + "=" + h["lang"] for h in json.load(sys.stdin)["hits"])))'
}
# ids DB QUERY...: the ids of the hits, sorted.
ids() {
    db=$1
    shift
    nsearch --db "$db" --json --limit 50 "$@" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# --- 1. Languages as names, with diacritics, brackets, ISO 639-2 codes --
J=$TMP/lang.jsonl
for l in n1:"Norwegian Bokmål" n2:"Bokmål" n3:"English (UK)" n4:"bokmal" \
    n5:"nob" n6:"eng" n7:"Norsk nynorsk" n8:"Plattdüütsch"; do
    printf '{"id":"%s","title":"Budsjett","body":"Budsjettene ble vedtatt.","lang":"%s"}\n' \
        "${l%%:*}" "${l#*:}"
done >"$J"
run out err nindex --db "$TMP/db" "$J"
check "languages: exit 0" is "$rc" 0
check "languages: all eight added" contains "$TMP/out" \
    "8 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "languages: no bad language code" lacks "$TMP/err" "bad language code"
check "languages: stored as codes" is "$(langs "$TMP/db" budsjett)" \
    "n1=no n2=no n3=en n4=no n5=no n6=en n7=nn n8=plattduutsch"
check "languages: Bokmål stemmed as Norwegian" is \
    "$(ids "$TMP/db" budsjettet lang:nb)" "n1 n2 n4 n5"
check "languages: a name not known is named in a warning" contains "$TMP/err" \
    "lang.jsonl:8: unknown language 'plattduutsch', indexed without stemming"

# Front matter and a page's JSON-LD name the language so too; a page whose
# inLanguage names none known takes <html lang>.
mkdir -p "$TMP/site"
printf -- '---\nid: m1\ntitle: Budsjett\nlanguage: Norsk bokmål\n---\n\nBudsjettene ble vedtatt.\n' \
    >"$TMP/site/m1.md"
page() {
    printf '<!DOCTYPE html><html lang="nb"><head><title>Budsjett</title><script type="application/ld+json">{"@type":"NewsArticle","identifier":"%s","headline":"Budsjett","articleBody":"Budsjettene ble vedtatt i dag.","inLanguage":"%s"}</script></head><body></body></html>\n' \
        "$1" "$2" >"$TMP/site/$1.html"
}
page h1 "Norsk bokmål"
page h2 "Nordic (regional)"
run out err nindex --db "$TMP/db2" "$TMP/site"
check "site: exit 0" is "$rc" 0
check "site: nothing skipped" contains "$TMP/out" "0 skipped"
check "site: Markdown and pages stored as Norwegian" is \
    "$(langs "$TMP/db2" budsjett | tr ' ' '\n' | sed 's/^.*=//' | sort -u)" no
check "site: all three" is "$(ids "$TMP/db2" budsjett lang:no | wc -w)" 3

# --- 2. Valid JSON that only a field nindex ignores makes hard to read ----
J=$TMP/big.jsonl
printf '%s\n' \
    '{"id":"s1","title":"Headline","body":"Ferry text.","simhash":18446744073709551615}' \
    '{"id":"s2","title":"Fest","body":"Ferry text.","excerpt":"Fest \ud83c"}' \
    '{"id":"s3","title":"Fest","body":"Ferry text.","score":1e400}' \
    '{"id":"s4","title":"Fest \ud83c","body":"Ferry text."}' \
    '{"id":18446744073709551616,"title":"Big id","body":"Ferry text."}' \
    '{"id":"s6","title":"Fest","body":"Ferry text.",}' >"$J"
run out err nindex --db "$TMP/db3" "$J"
check "big numbers: the bad line alone skipped" contains "$TMP/out" \
    "5 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
check "big numbers: all but the malformed line found" \
    is "$(ids "$TMP/db3" ferry)" "18446744073709551616 s1 s2 s3 s4"
check "big numbers: no too big integer" lacks "$TMP/err" "too big integer"
check "surrogates: no invalid Unicode" lacks "$TMP/err" "invalid Unicode"
check "surrogates: a field read is warned about" contains "$TMP/err" \
    "big.jsonl:4: field 'title': '\\ud83c' is half a UTF-16 pair; read as U+FFFD"
check "a trailing comma is still malformed" contains "$TMP/err" \
    "big.jsonl:6: malformed JSON"

# --- 3. Other field names: said once in full, and what nindex reads ------
J=$TMP/other.jsonl
i=0
while [ $i -lt 50 ]; do
    printf '{"guid":"x%d","headline":"Ferry back","content":"The ferry is back."}\n' $i
    i=$((i + 1))
done >"$J"
printf '%s\n' '{"id":"ok","title":"Ferry back","body":"The ferry is back."}' >>"$J"
printf '{"db":[{"data":{"posts":[{"uuid":"g1","title":"Ferry","html":"<p>Back.</p>"}]}}]}\n' \
    >"$TMP/ghost.json"
run out err nindex --db "$TMP/db4" "$J" "$TMP/ghost.json"
check "other names: the good record indexed" is "$(ids "$TMP/db4" ferry)" ok
check "other names: each record counted" contains "$TMP/out" "51 skipped"
check "other names: the keys named" contains "$TMP/err" \
    "other.jsonl:1: missing id (the record has guid, headline, content; nindex reads id, title, body,"
check "other names: named once per file" is \
    "$(grep -c 'other.jsonl.*the record has' "$TMP/err")" 1
check "other names: later lines short" contains "$TMP/err" \
    "other.jsonl:50: missing id"
check "a Ghost export: its one key named" contains "$TMP/err" \
    "ghost.json:1: missing id (the record has db; nindex reads"

# --- 4. Dates of a month or a year, and other ISO 8601 forms -------------
J=$TMP/dates.jsonl
for d in d1:1963-11 d2:1854 d3:20250815 "d4:2001-12-14 21:59:43.10 -5" \
    "d5:2025-08-15T10:00:00+02:00[Europe/Oslo]" d6:1963-13; do
    printf '{"id":"%s","title":"Ferry","body":"The ferry.","date":"%s"}\n' \
        "${d%%:*}" "${d#*:}"
done >"$J"
run out err nindex --db "$TMP/db5" "$J"
check "dates: the month 13 kept undated, nothing skipped" contains "$TMP/out" \
    "6 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "dates: stored" is "$(nsearch --db "$TMP/db5" --json ferry |
    python3 -c 'import json, sys
print(" ".join(sorted(h["id"] + "=" + str(h["date"]) for h in json.load(sys.stdin)["hits"])))')" \
    "d1=1963-11-01T00:00:00Z d2=1854-01-01T00:00:00Z d3=2025-08-15T00:00:00Z d4=2001-12-15T02:59:43Z d5=2025-08-15T08:00:00Z d6=None"
check "dates: a month 13 still not read" contains "$TMP/err" \
    "dates.jsonl:6: unparsable date '1963-13': not read"

# --- 5. Ids: Unicode's spaces at an end refused, 3.0 the id 3 -----------
printf '%s\n' '{"id":3.0,"title":"Ferry"}' '{"id":"a1\u00a0","title":"Ferry"}' \
    '{"id":"\u3000a2","title":"Ferry"}' >"$TMP/ids.jsonl"
run out err nindex --db "$TMP/db6" "$TMP/ids.jsonl"
check "ids: 3.0 is 3" is "$(ids "$TMP/db6" ferry)" 3
check "ids: a no-break space at an end refused" contains "$TMP/err" \
    "ids.jsonl:2: id 'a1"

finish
