#!/bin/sh
# t085-pasted-text.sh - Text as news pages and Nordic keyboards give it:
# soft hyphens (&shy;) inside words, in articles of every input form and in
# a query copied from a page, guillemets and low quotes for phrases,
# decomposed letters (NFD: "a" and a combining ring for "å"), and the
# marks typed for an apostrophe inside a word.
. "$(dirname "$0")/lib.sh"

# One article of each form with soft hyphens in its title, a heading and
# its text: JSON ("\u00ad"), Markdown and HTML ("&shy;").
printf '%s\n' '{"id":"json","title":"Sky\u00adtjenesten brukt til over\u00advaking","body":"Microsoft sin sky\u00adtjeneste lagret telefon\u00adsamtaler.","headings":["Bak\u00adgrunn"],"section":"Tek\u00adnologi","tags":["sky\u00adtjenester"],"lang":"no"}' >"$TMP/a.jsonl"
printf -- '---\nid: md\ntitle: Archive&shy;wide review\n---\n# Back&shy;ground\n\nThe review covered sur&shy;veillance of calls.\n' >"$TMP/b.md"
printf '<html><head><title>Sur&shy;veillance page</title></head><body><article><h1>Sur&shy;veillance page</h1><p>The tele&shy;phone calls were stored for a long time by the service.</p></article></body></html>\n' >"$TMP/c.html"
check "index three forms" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" "$TMP/b.md" "$TMP/c.html"

# hits QUERY: the ids of the hits, sorted.
hits() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "a word with a soft hyphen, JSON: skytjenesten" is "$(hits skytjenesten)" "json"
check "JSON body: telefonsamtaler" is "$(hits telefonsamtaler)" "json"
check "JSON heading: bakgrunn" is "$(hits bakgrunn)" "json"
check "section label: section:teknologi" is "$(hits section:teknologi)" "json"
check "tag label: tag:skytjenester" is "$(hits tag:skytjenester)" "json"
check "Markdown title and text" is "$(hits 'archivewide')" "md"
check "Markdown heading" is "$(hits background)" "md"
check "HTML title and text" is "$(hits telephone)" "c.html"
check "surveillance: Markdown and HTML" is "$(hits surveillance)" "c.html md"
check "a phrase across the word" is "$(hits '"surveillance of calls"')" "md"
check "no fragment of a word is a term" is "$(hits 'veillance OR tjenesten OR phone')" ""

# What is stored and shown has no soft hyphen either.
nsearch --db "$TMP/db" --json --related 0 --limit 50 "" >"$TMP/all.json"
check "stored text without soft hyphens" python3 - "$TMP/all.json" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))["hits"]
assert len(hits) == 3, hits
for h in hits:
    assert "\u00ad" not in json.dumps(h, ensure_ascii=False), h
PY

# A query copied from a page with its soft hyphens finds the whole word,
# as a word and in a phrase.
shy=$(printf 'sur\302\255veillance')
check "query with a soft hyphen" is "$(hits "$shy")" "c.html md"
check "phrase with a soft hyphen" is "$(hits "\"$shy of calls\"")" "md"

# Guillemets (Norwegian quotation marks) and the low quote make a phrase.
printf '%s\n' \
    '{"id":"phrase","title":"Ekstern gjennomgang","body":"Selskapet bestilte en ekstern gjennomgang av avtalen.","lang":"no"}' \
    '{"id":"apart","title":"Gjennomgang","body":"En gjennomgang av saken, og en ekstern revisor.","lang":"no"}' >"$TMP/q.jsonl"
check "index phrase articles" nindex --quiet --db "$TMP/db" "$TMP/q.jsonl"
check "words: both" is "$(hits 'ekstern gjennomgang')" "apart phrase"
check "straight quotes: the phrase" is "$(hits '"ekstern gjennomgang"')" "phrase"
check "guillemets: the phrase" is "$(hits '«ekstern gjennomgang»')" "phrase"
check "low and high quotes: the phrase" is "$(hits '„ekstern gjennomgang“')" "phrase"
check "guillemets in a longer query" is "$(hits 'avtalen «ekstern gjennomgang»')" "phrase"
# An unclosed guillemet whose phrase matches nothing falls back to the
# words, as an unclosed '"' does.
nsearch --db "$TMP/db" --json --related 0 -- '«gjennomgang ekstern' >"$TMP/open.json"
check "unclosed guillemet: the words, with a warning" python3 - "$TMP/open.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(h["id"] for h in d["hits"]) == ["apart", "phrase"], d["hits"]
assert "unclosed quote" in (d.get("warning") or ""), d.get("warning")
PY
# With hits for the other words too: 'avtalen «gjennomgang ekstern'
# showed avtalen's hits alone, and said nothing of the phrase.  A phrase
# some article has stays the phrase.
nsearch --db "$TMP/db" --json --related 0 -- 'avtalen «gjennomgang ekstern' >"$TMP/open2.json"
check "unclosed quote beside a word that matches: the words, with a warning" \
    python3 - "$TMP/open2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(h["id"] for h in d["hits"]) == ["apart", "phrase"], d["hits"]
assert "unclosed quote" in (d.get("warning") or ""), d.get("warning")
PY
nsearch --db "$TMP/db" --json --related 0 -- 'saken «ekstern gjennomgang' >"$TMP/open3.json"
check "unclosed quote whose phrase an article has: the phrase, no warning" \
    python3 - "$TMP/open3.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert sorted(h["id"] for h in d["hits"]) == ["apart", "phrase"], d["hits"]
assert not d.get("warning"), d.get("warning")
PY

# A quote with a quotation inside it in another style is one phrase: its
# closing mark is the one that pairs with its opening one, and the marks
# of other styles inside are punctuation.  Every mark was read as '"',
# so the inner one closed the phrase: two phrases and loose words, which
# matched an article that has them apart.
printf '%s\n' \
    '{"id":"inner","title":"Brown","body":"Mr Brown'"'"'s article was \"a warning shot\" to Mr Blair not to cut him out.","lang":"en"}' \
    '{"id":"scattered","title":"Blair","body":"Mr Brown'"'"'s article was read by all: a shot, a warning, went to Mr Blair.","lang":"en"}' \
    '{"id":"nei","title":"Nei","body":"Han sa «nei» til forslaget fra regjeringen.","lang":"no"}' \
    '{"id":"nei2","title":"Nei to","body":"Han sa ja. Nei, nei til forslaget, sa hun.","lang":"no"}' \
    >"$TMP/inner.jsonl"
check "index inner quotations" nindex --quiet --db "$TMP/inner" "$TMP/inner.jsonl"
inner() {
    nsearch --db "$TMP/inner" --json --related 0 --limit 50 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "an inner “...” inside \"...\"" \
    is "$(inner '"Mr Brown'"'"'s article was “a warning shot” to Mr Blair"')" "inner"
check "an inner \"...\" inside “...”" \
    is "$(inner '“Mr Brown'"'"'s article was "a warning shot" to Mr Blair”')" "inner"
check "an inner „...“ inside «...»" is "$(inner '«Han sa „nei“ til forslaget»')" "nei"
check "an inner «...» inside „...“" is "$(inner '„Han sa «nei» til forslaget“')" "nei"
check "an inner „...” inside «...»" is "$(inner '«Han sa „nei” til forslaget»')" "nei"
check "»...« (Danish) with an inner „...“" is "$(inner '»Han sa „nei“ til forslaget«')" "nei"
# Marks of two styles that pair with nothing pair as before.
check "\"...” still a phrase" is "$(inner '"til forslaget fra”')" "nei"
check "two phrases of one style" is "$(inner '“Han sa” “til forslaget”')" "nei nei2"

# Decomposed text, as macOS and some editors write it: "Skarsga\u030ard"
# is found as the composed word is, by its Nordic spelling too, with no
# suggestion in between.
printf '%s\n' '{"id":"nfd","title":"Skarsga\u030ard i Cannes","body":"Stellan Skarsga\u030ard fikk applaus i Malmo\u0308 og hos Mu\u0308ller.","lang":"no"}' >"$TMP/nfd.jsonl"
check "index decomposed text" nindex --quiet --db "$TMP/nfd" "$TMP/nfd.jsonl"
for q in "Skarsgård" skarsgard skarsgaard "Malmö" malmoe mueller; do
    nsearch --db "$TMP/nfd" --json --related 0 -- "$q" >"$TMP/nfd.json"
    check "decomposed text: $q finds it, no suggestion" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert [h['id'] for h in d['hits']] == ['nfd'] and d['suggestion'] is None, d" "$TMP/nfd.json"
done
# A web address pasted as the query is searched by the words of its path
# (the slug): "https:" was taken for a field name and nothing was found.
# The host, tracking codes and numbers alone add nothing: an article with
# the host's words and the date's numbers is not found by them.
cat >"$TMP/web.jsonl" <<'EOF'
{"id":"ferry","title":"Ferry timetable changes for the autumn","body":"The ferry leaves later from October.","url":"https://news.example.org/harbour/2025/09/01/ferry-timetable-autumn/","lang":"en"}
{"id":"quay","title":"Quay works begin","body":"Work on the north quay starts in spring.","url":"https://news.example.org/harbour/2025/09/02/quay-works/","lang":"en"}
{"id":"other","title":"Example of a news day in 2025","body":"An example of news: the org chart on 09 01, www.","lang":"en"}
EOF
check "index pages with addresses" nindex --quiet --db "$TMP/web" "$TMP/web.jsonl"
web() {
    nsearch --db "$TMP/web" --json --related 0 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
for q in 'https://news.example.org/2025/09/01/ferry-timetable-autumn/' \
    'https://www.news.example.org/2025/09/01/ferry-timetable-autumn.html?utm_source=share&utm_medium=social#comments' \
    'HTTP://NEWS.EXAMPLE.ORG/2025/09/01/FERRY-TIMETABLE-AUTUMN' \
    'https://news.example.org/2025/09/01/ferry%2Dtimetable%2Dautumn'; do
    check "pasted address: $q" is "$(web "$q")" "ferry"
done
check "pasted address among words" \
    is "$(web 'works https://news.example.org/2025/09/02/quay-works/')" "quay"
check "a quoted address is as written" \
    is "$(web '"https://news.example.org/harbour/"')" ""
# A scheme with nothing after it is the word, not an empty query that
# lists every article.
check "https:// alone lists nothing here" is "$(web 'https://')" ""
check "an address with only its scheme and host" \
    is "$(web 'https://news.example.org/')" "other"
# A space after a field name's colon ("title: harbour", as one writes
# "Title: ..."), and the spaces and invisible characters a copied text
# keeps (no-break, thin; zero-width, which joins as in articles), are
# read as the query meant them.
cat >"$TMP/fields.jsonl" <<'EOF'
{"id":"deed","title":"Title deeds office moves","body":"The land registry moves its harbour office.","section":"Property","lang":"en"}
{"id":"quay","title":"Harbour quay reopens","body":"Ships return.","section":"Harbour","lang":"en"}
{"id":"prices","title":"Oil prices rise","body":"Crude is dearer.","section":"Energy","lang":"en"}
EOF
check "index the field fixtures" nindex --quiet --db "$TMP/fields" "$TMP/fields.jsonl"
fld() {
    nsearch --db "$TMP/fields" --json --related 0 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "title: harbour = title:harbour" is "$(fld 'title: harbour')" "quay"
check "Section:  harbour = section:harbour" is "$(fld 'Section:  harbour')" "quay"
# The names people reach for: the JSON keys and the newsroom's words.
check "category:harbour = section:harbour" is "$(fld 'category:harbour')" "quay"
check "headline:deeds = title:deeds" is "$(fld 'headline:deeds')" "deed"
check "Tags: none = tag:" is "$(fld 'tags:harbour')" "$(fld 'tag:harbour')"
check "a no-break space after a filter value" \
    is "$(fld "$(printf 'quay section:harbour\302\240')")" "quay"
check "a zero-width space inside a word (a page's break point)" \
    is "$(fld "$(printf 'oil pri\342\200\213ces')")" "prices"
check "a narrow no-break space between words" \
    is "$(fld "$(printf 'crude\342\200\257dearer')")" "prices"
# A date range written with spaces around its "..", as in a sentence.
cat >"$TMP/dated.jsonl" <<'EOF'
{"id":"aug","title":"Harbour plan in August","body":"The harbour plan.","date":"2025-08-20","lang":"en"}
{"id":"sep","title":"Harbour plan in September","body":"The harbour plan.","date":"2025-09-10","lang":"en"}
{"id":"oct","title":"Harbour plan in October","body":"The harbour plan.","date":"2025-10-05","lang":"en"}
{"id":"words","title":"Harbour plan","body":"The harbour plan .. for 2025-09 and 2025-10, dated later.","date":"2025-12-01","lang":"en"}
EOF
check "index dated articles" nindex --quiet --db "$TMP/dated" "$TMP/dated.jsonl"
dated() {
    nsearch --db "$TMP/dated" --json --related 0 -- "$1" >"$TMP/dated.json" &&
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(sorted(h["id"] for h in d["hits"])), d.get("warning") or "")' "$TMP/dated.json"
}
for q in 'date:2025-09..2025-10 harbour' 'date:2025-09 .. 2025-10 harbour' \
    'date:2025-09.. 2025-10 harbour' 'Date: 2025-09 ..2025-10 harbour'; do
    check "date range: $q" is "$(dated "$q")" "oct sep "
done
check "an open range with a space, then a word" \
    is "$(dated 'date:2025-09 .. harbour')" "oct sep words "
# A wildcard inside quotes is not dropped silently: the phrase "harbour
# pl" matched nothing; its words are searched, with a warning.
check "a quoted wildcard: the words, with a warning" \
    is "$(dated '"harbour pl*" date:2025-08')" \
    'aug a wildcard is not expanded inside quotes; "harbour pl*" was searched as words'
check "a quoted wildcard in a field: the field for each word" \
    is "$(dated 'title:"in sep*"')" \
    'sep a wildcard is not expanded inside quotes; "in sep*" was searched as words'
check "an excluded quoted wildcard stays a phrase, with a warning" \
    is "$(dated 'harbour -"plan in aug*" date:2025-08')" \
    'aug a wildcard is not expanded inside quotes'
check "a quoted phrase without a wildcard has no warning" \
    is "$(dated '"harbour plan" date:2025-08')" "aug "
# An apostrophe typed with another mark inside a word (the acute accent
# key, a backtick, the modifier letter, the left single quote) is the
# apostrophe: "Trier´s" was "trier" and "s", and found the article about
# "trier" and every article with an "s".
cat >"$TMP/ap.jsonl" <<'EOF'
{"id": "possessive", "title": "Trier's new film", "body": "The director's film opened."}
{"id": "plain", "title": "Trier in Germany", "body": "The city of Trier is old. Its bus is late."}
{"id": "esses", "title": "Buses", "body": "Two s shapes on a sign."}
{"id": "acute", "title": "Von Trier´s prize", "body": "The jury praised von Trier´s film; the cast´s work too."}
EOF
check "index apostrophe articles" nindex --quiet --db "$TMP/ap" "$TMP/ap.jsonl"
aps() {
    nsearch --db "$TMP/ap" --json --related 0 --limit 50 --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
# The possessive stems to "trier": both articles about Trier, no other.
# An article that writes the acute accent is indexed the same way.
check "the apostrophe: the Trier articles" is "$(aps "Trier's")" \
    "acute plain possessive"
for q in "Trier´s" "Trier\`s" "Trierʼs" "Trier‘s" "Trier’s"; do
    check "$q: as Trier's" is "$(aps "$q")" "acute plain possessive"
done
check "written with the accent: cast's is one word" is "$(aps "cast's")" "acute"
check "written with the accent: no word s" is "$(aps '"trier s"')" ""
check "written with the accent: in a phrase" is "$(aps "\"trier's film\"")" "acute"
check "written with the accent: the possessive of a phrase's word" \
    is "$(aps '"trier film"')" "acute"

finish
