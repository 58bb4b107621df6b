#!/bin/sh
# t158-lang-names.sh - A language is read the same way wherever it is
# named: nsearchd's lang= takes the names an article's lang and the
# query's lang: take ("Bokmål", "Norsk bokmål", "Norsk nynorsk"), where it
# answered 400 "lang must be a language code"; a name in the Nordic
# spelling ("Bokmaal", "Norsk bokmaal") is the language it spells, where
# it was an unknown language indexed without stemming and a facet value
# of its own; and a lang: filter that no article's language answers says
# so, where it answered "No matches" without a word.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

mkdir "$TMP/src"
cat >"$TMP/src/a.jsonl" <<'JSON'
{"id":"nb1","title":"Kommunen","body":"Valgene i kommunen ble utsatt.","lang":"nb","date":"2025-01-10T00:00:00Z"}
{"id":"nb2","title":"Fylket","body":"Valgene i fylket ble avlyst.","lang":"Norsk bokmaal","date":"2025-01-11T00:00:00Z"}
{"id":"nn1","title":"Bygda","body":"Vala i bygda vart utsette.","lang":"nn","date":"2025-01-12T00:00:00Z"}
{"id":"en1","title":"Town","body":"The elections in town were postponed.","lang":"en","date":"2025-01-13T00:00:00Z"}
JSON
printf -- '---\ntitle: Budsjett\nlang: Bokmaal\ndate: 2025-01-14\n---\nRegjeringen la fram budsjettene.\n' \
    >"$TMP/src/b.md"

run out err nindex --db "$TMP/db" "$TMP/src/a.jsonl" "$TMP/src/b.md"
check "index: exit 0" is "$rc" 0
check "index: Bokmaal is no unknown language" lacks "$TMP/err" "unknown language"

# ids FILE: the hit ids of an answer, sorted, comma-separated.
ids() {
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/$1"
}

# Stemmed as Norwegian: the singular finds the plural of each spelling.
run r.json err nsearch --db "$TMP/db" --json --limit 100 valg
check "valg finds the Bokmaal record's valgene" is "$(ids r.json)" "nb1,nb2"
run r.json err nsearch --db "$TMP/db" --json --limit 100 budsjett
check "budsjett finds the Markdown Bokmaal's budsjettene" is "$(ids r.json)" "b.md"
# One facet value for nb, Norsk bokmaal and Bokmaal.
run f.json err nsearch --db "$TMP/db" --json --facets=lang --limit 100 ''
check "one lang facet value per language" json f.json \
    'sorted((v["value"], v["count"]) for v in d["facets"]["lang"]) == [("en", 1), ("nn", 1), ("no", 3)]'
run r.json err nsearch --db "$TMP/db" --json --limit 100 'lang:Bokmaal'
check "lang:Bokmaal is lang:no" is "$(ids r.json)" "b.md,nb1,nb2"

# lang: naming a language no article is in: nothing, and a warning.
run r.json err nsearch --db "$TMP/db" --json 'lang:klingon valg'
check "lang:klingon: exit 0" is "$rc" 0
check "lang:klingon: no hits" json r.json 'd["total"] == 0'
check "lang:klingon: the warning names the archive's languages" json r.json \
    'd.get("warning") == "lang:klingon matches no article: the archive'"'"'s languages are en, nn, no"'
run out err nsearch --db "$TMP/db" 'lang:klingon valg'
check "lang:klingon: the warning on stderr" contains "$TMP/err" \
    "nsearch: warning: lang:klingon matches no article"
# lang: with no letter names no language: dropped, as a date: that is no date.
run r.json err nsearch --db "$TMP/db" --json --limit 100 'lang:"--" valg'
check 'lang:"--": the filter is dropped' is "$(ids r.json)" "nb1,nb2"
check 'lang:"--": the warning says so' json r.json \
    '"lang:-- names no language; the lang filter was ignored" in d.get("warning", "")'
run r.json err nsearch --db "$TMP/db" --json 'lang:no valg'
check "lang:no: no warning" json r.json '"warning" not in d'

check "server starts" start_server
for pair in 'Bokm%C3%A5l:b.md,nb1,nb2' 'Norsk%20bokm%C3%A5l:b.md,nb1,nb2' \
    'Bokmaal:b.md,nb1,nb2' 'Norsk%20nynorsk:nn1' 'nynorsk:nn1' \
    'nb_NO:b.md,nb1,nb2'; do
    l=${pair%:*}
    want=${pair##*:}
    get r.json "/v1/search?lang=$l&limit=100"
    check "lang=$l: 200" is "$code" 200
    check "lang=$l: $want" is "$(ids r.json)" "$want"
done
get r.json '/v1/search?lang=klingon&limit=100'
check "lang=klingon: 200, a language no article is in" is "$code" 200
check "lang=klingon: no hits" json r.json 'd["total"] == 0'
get r.json '/v1/search?lang=-%20-'
check "lang=- -: 400" is "$code" 400
check "lang=- -: the message names it" json r.json \
    'd["error"]["code"] == "bad_parameter" and "not '"'"'- -'"'"'" in d["error"]["message"]'
get r.json '/v1/search?lang=--'
check "lang=--: the message says what a lang is" json r.json \
    'd["error"]["message"] == "lang must be a language code or name such as en, no or Norsk bokmål, not '"'"'--'"'"'"'
long=$(printf '%0201d' 0 | tr 0 a)
get r.json "/v1/search?lang=$long"
check "lang of 201 bytes: 400" is "$code" 400
get r.json "/v1/search?lang=${long%a}&limit=100"
check "lang of 200 bytes: 200, no hits" json r.json 'd["total"] == 0'
get r.json '/v1/search?q=lang:klingon%20valg'
check "q=lang:klingon over HTTP: the warning" json r.json \
    '"lang:klingon matches no article" in d.get("warning", "")'

# A language Xapian has no stemmer for (Japanese, Chinese, Polish,
# Icelandic, Faroese) was said once for every article of it: 50 Japanese
# articles, 50 lines.  Now once a language a run, with its name, the
# place of the first article and the number of them, one warning each;
# --verbose says every article too.
python3 - "$TMP/nostem.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(50):
        f.write(json.dumps({"id": "ja%d" % i, "title": "Kiji %d" % i,
                            "body": "Tokyo kiji %d." % i, "lang": "ja"}) + "\n")
    for code in ["zh", "pl", "is", "fo", "plattduutsch", "Plattdüütsch"]:
        f.write(json.dumps({"id": "x-" + code, "title": "Tokyo",
                            "body": "Tokyo text.", "lang": code}) + "\n")
PY
run out err nindex --db "$TMP/nostem" "$TMP/nostem.jsonl"
check "no stemmer: exit 0" is "$rc" 0
check "no stemmer: every article added" contains "$TMP/out" "56 added"
check "no stemmer: one line a language" is "$(grep -c 'without stemming' "$TMP/err")" 6
check "no stemmer: Japanese once, with its name and count" contains "$TMP/err" \
    "nindex: warning: $TMP/nostem.jsonl:1: no stemmer for language 'ja' (Japanese): indexed without stemming (50 articles)"
check "no stemmer: Chinese" contains "$TMP/err" "no stemmer for language 'zh' (Chinese): indexed without stemming (1 article)"
check "no stemmer: Polish" contains "$TMP/err" "no stemmer for language 'pl' (Polish)"
check "no stemmer: Icelandic" contains "$TMP/err" "no stemmer for language 'is' (Icelandic)"
check "no stemmer: Faroese" contains "$TMP/err" "no stemmer for language 'fo' (Faroese)"
check "no stemmer: a name nobody knows, once for both spellings" contains "$TMP/err" \
    "$TMP/nostem.jsonl:55: unknown language 'plattduutsch', indexed without stemming (2 articles)"
check "no stemmer: one warning a line" contains "$TMP/out" "; 6 warnings"
run out err nindex --db "$TMP/nostem2" --verbose "$TMP/nostem.jsonl"
check "--verbose: every article's line too" \
    is "$(grep -c "no stemmer for language 'ja' (Japanese): indexed without stemming\$" "$TMP/err")" 50
check "--verbose: and the count" contains "$TMP/err" "indexed without stemming (50 articles)"
check "--verbose: still one warning a language" contains "$TMP/out" "; 6 warnings"
run out err nindex --db "$TMP/nostem" --rebuild "$TMP/nostem.jsonl"
check "rebuild: one line a language" is "$(grep -c 'without stemming' "$TMP/err")" 6
check "rebuild: Japanese's count" contains "$TMP/err" "(Japanese): indexed without stemming (50 articles)"

finish
