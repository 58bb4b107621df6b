#!/bin/sh
# t176-lucene-syntax.sh - The operators that users of Lucene,
# Elasticsearch, Solr and FTS5 type.  Each was read as punctuation and
# the query ran as some other search with nothing said: "!gas" found the
# articles WITH gas, "oil && gas" was "oil OR gas", the numbers of
# "crude oil"~3, crude^2 and oil~2 were searched as words, "colo?r" was
# "colo r", "AT\&T" was "at t", "*:*" found nothing, and a field name
# with '_' or '.' ("body_text:oil") matched nothing without the remark
# an unknown name gets.  Now each is read as Lucene means it, or
# searched without it with a warning saying so.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    ("g1", "Pipeline news", "The pipeline carries natural gas to the coast."),
    ("o1", "Field report", "The field produces crude oil every day."),
    ("og", "Reserves rise", "Oil and gas reserves rose this year."),
    ("c4", "Market prices", "Crude prices for heavy oil fell sharply."),
    ("w1", "Film review", "A film in colour about a woman who sails."),
    ("w2", "Women at work", "Women in the colouring trade spoke out."),
    ("tt", "Telecom deal", "AT&T buys a small firm."),
    ("tj", "Road works", "They met at T junction near the bridge, r 9."),
    ("n3", "Table notes", "Table 3 and table 2 list the figures."),
    ("ti", "Title race", "The title went down to the last match."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in docs:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() {
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse -- "$1" \
        2>"$TMP/ids.err" >"$TMP/ids.json"
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/ids.json"
}
said() { contains "$TMP/ids.err" "$1"; }
quiet() { lacks "$TMP/ids.err" "warning"; }

# 1. ! is NOT, && is AND, || is OR.
all="c4,g1,n3,o1,og,ti,tj,tt,w1,w2"
check "!gas: the articles without gas" is "$(ids '!gas')" \
    "c4,n3,o1,ti,tj,tt,w1,w2"
check "oil !gas" is "$(ids 'oil !gas')" "c4,o1"
check "oil AND !gas" is "$(ids 'oil AND !gas')" "c4,o1"
check "oil ! gas: a lone ! is NOT" is "$(ids 'oil ! gas')" "c4,o1"
check "oil && gas: both" is "$(ids 'oil && gas')" "og"
check "oil&&gas without spaces" is "$(ids 'oil&&gas')" "og"
check "oil || gas: either" is "$(ids 'oil || gas')" "c4,g1,o1,og"
check "oil || gas: nothing said" quiet

# 2. Suffixes: slop, boost, fuzzy; never the number.
check '"crude oil"~3: within 3 more words' is "$(ids '"crude oil"~3')" "c4,o1"
check '"crude oil"~2: c4 has 3 words between' is "$(ids '"crude oil"~2')" "o1"
check '"crude oil"~0: the phrase' is "$(ids '"crude oil"~0')" "o1"
check '"oil crude"~3: any order' is "$(ids '"oil crude"~3')" "c4,o1"
check '"crude oil"~3: nothing said' quiet
check 'title:"field report"~1' is "$(ids 'title:"report field"~1')" "o1"
check '-"crude oil"~3 excludes' is "$(ids 'oil -"crude oil"~3')" "og"
check '"CRUDE OIL"~3 in capitals: the phrase' is "$(ids '"CRUDE OIL"~3')" "o1"
check '... and says so' said "searched as the phrase"
check "crude^2 oil: as crude oil" is "$(ids 'crude^2 oil')" "$(ids 'crude oil')"
check "crude^2 oil: not the 2" is "$(ids 'crude^2 oil')" "c4,o1,og"
check "crude^2 oil: the warning" said "a boost (word^2) is not read here; searched without it"
check "title:RACE^3" is "$(ids 'title:RACE^3')" "ti"
check '"crude oil"^2' is "$(ids '"crude oil"^2')" "o1"
check "oil AND gas^2" is "$(ids 'oil AND gas^2')" "og"
check "oil~2: the word" is "$(ids 'oil~2')" "c4,o1,og"
check "oil~2: the warning" said "fuzzy matching (word~) is not supported"
check "oil~: the word" is "$(ids 'oil~')" "c4,o1,og"
check "oil~0.8: the word" is "$(ids 'oil~0.8')" "c4,o1,og"

# 3. ? inside a word is one character.
check "colo?r: as colour (and its stem's colouring)" is "$(ids 'colo?r')" "w1,w2"
check "colo?r: not the word r" is "$(ids 'colo?r')" "$(ids 'colour')"
check "wom?n: woman and women" is "$(ids 'wom?n')" "w1,w2"
check "wom?n: no Did you mean" is "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["suggestion"])' "$TMP/ids.json")" "None"
check "title:wom?n" is "$(ids 'title:wom?n')" "w2"
check "colour* -w?men: women excluded" is "$(ids 'colour* -w?men')" "w1"
check "wom?n AND film" is "$(ids 'wom?n AND film')" "w1"
check "WOM?N in capitals" is "$(ids 'WOM?N')" "w1,w2"
check "xyz?q: nothing, and why" is "$(ids 'xyz?q oil')" "c4,o1,og"
check "... the warning" said "'xyz?q' matches no word in the archive"
check "oil? at the end: punctuation" is "$(ids 'oil?')" "c4,o1,og"

# 4. Backslash escapes.
check "AT\\&T is AT&T" is "$(ids 'AT\&T')" "$(ids 'AT&T')"
check "AT\\&T: the article" is "$(ids 'AT\&T')" "tt"
check "title\\:race: words, not the field" is "$(ids 'title\:race')" "ti"
check "title\\:pipeline: words" is "$(ids 'title\:pipeline')" "g1,ti"
check "\\!gas: not NOT" is "$(ids '\!gas')" "g1,og"
check "oil \\&\\& gas: no AND" is "$(ids 'oil \&\& gas')" "c4,g1,o1,og"

# 5. *:* and FIELD:*.
check "*:*: every article" is "$(ids '*:*')" "$all"
check "*:*: nothing said" quiet
check "title:*: every article has a title" is "$(ids 'title:*')" "$all"
check "title:*: nothing said" quiet
check "tag:* gas: no article has a tag" is "$(ids 'tag:* gas')" ""

# 6. Field names with '_' and '.': the unknown name's fallback.
for q in body_text:oil title.raw:oil _source:oil meta.title:oil; do
    check "$q: as plain words" is "$(ids "$q")" "c4,o1,og"
    check "$q: the warning" said "'${q%%:*}:' is not a field name"
done

# Over HTTP too.
check "nsearchd starts" start_server
get r.json "/v1/search?q=%21gas&limit=100"
check "HTTP !gas: without gas" json r.json \
    'd["total"] == 8 and "g1" not in [h["id"] for h in d["hits"]]'
get r.json "/v1/search?q=oil%20%26%26%20gas"
check "HTTP oil && gas" json r.json 'd["total"] == 1'
finish
