#!/bin/sh
# t167-elision.sh - A French, Italian or Catalan word after an elided
# article ("L'Europe", "dell'Italia", "d'Andorra") is the word: it was
# indexed as "l'europe", and "Europe", "Italia" and "Andorra" said "No
# matches"; only the token typed whole found it.  Now the article is left
# out at both ends, with "'" or "\u2019", in any case; phrases across it
# hold, the snippet and the title mark the word, the spelling dictionary
# has it, and an English "O'Brien" stays one word.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'JSON'
{"id":"fr1","title":"L'Europe face à la crise énergétique","body":"L'Union européenne cherche d'autres sources d'énergie. D'un côté, l'Allemagne investit; de l'autre, la France mise sur le nucléaire. C'est l'hiver le plus froid depuis dix ans.","lang":"fr"}
{"id":"fr3","title":"Sommet","body":"Le sommet se tient en Europe.","lang":"fr"}
{"id":"fr2","title":"L’Assemblée vote","body":"L’Assemblée nationale débat de l’immigration jusqu’aujourd’hui. Aujourd'hui, QU'ILS votent.","lang":"fr"}
{"id":"it1","title":"Il bilancio dell’Unione","body":"Il governo dell’Italia investe all'estero e nell'industria.","lang":"it"}
{"id":"ca1","title":"El pressupost d'Andorra","body":"L'Ajuntament de Barcelona parla de l'hospital.","lang":"ca"}
{"id":"en1","title":"O'Brien meets d'Artagnan","body":"An English story about O'Brien and d'Artagnan in l'Orangerie.","lang":"en"}
JSON
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# ids QUERY: the ids of the hits of QUERY, sorted, comma-separated.
ids() {
    nsearch --db "$TMP/db" --json --no-collapse --related 0 "$1" |
        python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
for w in Allemagne énergie hiver autres; do
    check "fr: $w finds L'... " is "$(ids "$w")" fr1
done
for w in Europe europe EUROPE; do
    check "fr: $w finds L'Europe and Europe" is "$(ids "$w")" fr1,fr3
done
for w in Assemblée immigration ils; do
    check "fr, U+2019: $w" is "$(ids "$w")" fr2
done
check "fr: the word after jusqu\u2019 (aujourd'hui stays whole)" \
    is "$(ids "aujourd'hui")" fr2
check "fr: aujourd'hui is no article and a word" is "$(ids aujourd)" ""
for w in Italia estero industria; do
    check "it: $w" is "$(ids "$w")" it1
done
for w in Andorra Ajuntament hospital; do
    check "ca: $w" is "$(ids "$w")" ca1
done

# The elided form typed still finds it: the query is read as the text is.
check "typed: l'Europe finds Europe too" is "$(ids "l'Europe")" fr1,fr3
check "typed: L’Europe" is "$(ids "L’Europe")" fr1,fr3
check "typed: d'énergie" is "$(ids "d'énergie")" fr1
check "typed: title:l'europe" is "$(ids "title:l'europe")" fr1
check "typed: -l'Europe excludes" is "$(ids "sommet -l'Europe")" ""
check "typed: dell'Italia" is "$(ids "dell'Italia")" it1

# Phrases across an elided article, typed either way.
check "phrase: \"de l'autre\"" is "$(ids '"de l'"'"'autre"')" fr1
check "phrase: \"de l’autre\"" is "$(ids '"de l’autre"')" fr1
check "phrase: \"Union européenne\"" is "$(ids '"Union européenne"')" fr1
check "phrase: \"governo dell'Italia\"" is "$(ids '"governo dell'"'"'Italia"')" it1
check "phrase: \"governo Italia\"" is "$(ids '"governo Italia"')" it1
check "phrase: still in order (\"Italia governo\")" is "$(ids '"Italia governo"')" ""

# English is not touched: O'Brien is one word, as Xapian reads it.
check "en: O'Brien" is "$(ids "O'Brien")" en1
check "en: Brien alone finds nothing" is "$(ids Brien)" ""
check "en: Artagnan alone finds nothing" is "$(ids Artagnan)" ""
check "en: Orangerie alone finds nothing" is "$(ids Orangerie)" ""

# The word is marked, the article and its apostrophe shown as written.
run out err nsearch --db "$TMP/db" --json Assemblée
check "mark: title, U+2019" contains "$TMP/out" '"title_html":"L’<mark>Assemblée</mark> vote"'
check "mark: snippet, U+2019" contains "$TMP/out" '"snippet_html":"L’<mark>Assemblée</mark> nationale'
check "mark: plain snippet as written" contains "$TMP/out" '"snippet":"L’Assemblée nationale débat de l’immigration'
run out err nsearch --db "$TMP/db" --json Europe
check "mark: title, apostrophe" contains "$TMP/out" '"title_html":"L&#x27;<mark>Europe</mark> face'
run out err nsearch --db "$TMP/db" --json Allemagne
check "mark: snippet, apostrophe" contains "$TMP/out" 'l&#x27;<mark>Allemagne</mark> investit'
run out err nsearch --db "$TMP/db" --json "l'hiver"
check "mark: a query typed with the article" contains "$TMP/out" 'l&#x27;<mark>hiver</mark> le plus'
run out err nsearch --db "$TMP/db" --json Italia
check "mark: Italian" contains "$TMP/out" 'dell’<mark>Italia</mark> investe'

# The spelling dictionary has the word, not the token.
run out err nsearch --db "$TMP/db" Allemagen
check "spelling: the word is suggested" contains "$TMP/out" 'showing the results for "Allemagne"'

# A rebuild's check that its first article is found holds for a title
# with an elided article.
run out err nindex --db "$TMP/db" --rebuild "$TMP/a.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: Europe still found" is "$(ids Europe)" fr1,fr3
finish
