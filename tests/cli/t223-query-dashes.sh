#!/bin/sh
# t223-query-dashes.sh - Dashes, hyphens, minus signs and decimals in a
# query.
# Dashes pasted inside a query word (U+2010 hyphen,
# U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash, U+2212
# minus) are read as '-', as the indexer reads the hyphens: "G‑7" was
# "g" or "7", and found "Shops open 24/7" beside the G-7 story; an en
# dash between spaces stays punctuation.  The words of title: (heading:,
# author:) are split at hyphens as other words are ("title:e-mail" was
# the phrase, and missed "Email use grows").  A '-' before a digit is a
# minus sign: "-5C" listed every article but the one with -5C.  A decimal
# is found with and without its thousands separators, as whole numbers.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"g7","title":"Finance talks","body":"The G-7 ministers met.","date":"2025-01-02T00:00:00Z"}
{"id":"shops","title":"Late opening","body":"Shops open 24/7.","date":"2025-01-03T00:00:00Z"}
{"id":"mid","title":"Prices","body":"Prices rose by mid-1987, traders said.","date":"2025-01-04T00:00:00Z"}
{"id":"year","title":"Output","body":"Output for 1987 was flat in the middle of it.","date":"2025-01-05T00:00:00Z"}
{"id":"email","title":"Junk e-mail","body":"Junk e-mail grows.","date":"2025-01-06T00:00:00Z"}
{"id":"mail","title":"Post","body":"The mail came late; e and f are letters.","date":"2025-01-07T00:00:00Z"}
{"id":"oil","title":"Oil","body":"Oil rose.","date":"2025-01-08T00:00:00Z"}
{"id":"prices","title":"Bread","body":"Bread prices fell.","date":"2025-01-09T00:00:00Z"}
{"id":"junk","title":"Junk e-mails on relentless rise","body":"Spam grows.","date":"2025-01-10T00:00:00Z"}
{"id":"emailt","title":"Email use grows","body":"More people write.","date":"2025-01-11T00:00:00Z"}
{"id":"website","title":"New website opens","body":"A new place.","date":"2025-01-12T00:00:00Z"}
{"id":"bonds","title":"Markets","body":"Yields moved: bonds -2% on the day.","date":"2025-01-13T00:00:00Z"}
{"id":"calm","title":"Bond market","body":"The bonds were calm.","date":"2025-01-14T00:00:00Z"}
{"id":"teen","title":"Savings","body":"The savings of an 18-year-old.","date":"2025-01-19T00:00:00Z"}
{"id":"cold","title":"Cold snap","body":"Temperatures fell to -5C overnight.","date":"2025-01-15T00:00:00Z"}
{"id":"gdp","title":"Growth","body":"GDP fell -3.2% in the quarter.","date":"2025-01-16T00:00:00Z"}
{"id":"dow","title":"Stocks","body":"The Dow closed at 25,746.56 on Friday.","date":"2025-01-17T00:00:00Z"}
{"id":"points","title":"Index","body":"The index closed at 25746.56 points.","date":"2025-01-18T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids ARGS...: the sorted ids of nsearch ARGS' hits.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-suggest "$@" 2>/dev/null |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

check "G-7: the G-7 story" is "$(ids 'G-7')" g7
for d in '‐' '‑' '‒' '–' '−'; do
    check "G${d}7: as G-7, not g or 7" is "$(ids "G${d}7")" g7
done
check "mid‑1987 (non-breaking hyphen): as mid-1987" \
    is "$(ids 'mid‑1987')" mid
check "mid–1987 (en dash): as mid-1987" is "$(ids 'mid–1987')" mid
check "e‑mail (non-breaking hyphen): as e-mail, joined form too" \
    is "$(ids 'e‑mail')" "$(ids 'e-mail')"
check "an en dash between spaces is punctuation" \
    is "$(ids 'oil – prices')" "$(ids 'oil prices')"
check "\"G‑7\" quoted: the phrase" is "$(ids '"G‑7"')" g7

# The snippet marks the words as the article writes them.
# marks QUERY: the marked words of the first hit's snippet.
marks() {
    nsearch --db "$TMP/db" --json --related 0 --no-suggest -- "$1" |
        python3 -c 'import json, re, sys
h = json.load(sys.stdin)["hits"]
print(" ".join(re.findall("<mark>(.*?)</mark>", h[0]["snippet_html"]))
      if h else "")'
}
check "G‑7: the snippet marks G-7 as G-7 does" \
    is "$(marks 'G‑7')" "$(marks 'G-7')"
check "G‑7: the snippet marks something" test -n "$(marks 'G‑7')"
check "mid–1987: the snippet marks mid-1987 as mid-1987 does" \
    is "$(marks 'mid–1987')" "$(marks 'mid-1987')"

# --- The words of a text field are split at hyphens too ------------------
check "title:e-mail finds titles with e-mails and email" \
    is "$(ids 'title:e-mail')" "email emailt junk"
check "title:e-mail: both parts in the title (not the body's e and mail)" \
    is "$(ids 'title:e-mail' | tr ' ' '\n' | grep -cx mail)" 0
check "title:web-site finds the website title" \
    is "$(ids 'title:web-site')" website
check "id: values keep their hyphens" is "$(ids 'id:e-mail')" ""

# --- A '-' right before a digit is a minus sign ----------------------------
check "bonds -2%: the article with bonds -2% is found, first" \
    is "$(ids 'bonds -2%' | tr ' ' '\n' | grep -c '^bonds$')" 1
check "-5C: the story of -5C, not every other one" is "$(ids -- '-5C')" cold
check "-3.2%: the story of -3.2%" is "$(ids -- '-3.2%')" gdp
check "NOT 2 still excludes a number" is "$(ids 'bonds NOT 2')" calm
check "-\"2\" still excludes a number" is "$(ids 'bonds -"2"')" calm
check "-\"2\" alone lists every article without the number" \
    is "$(ids -- '-"2"' | tr ' ' '\n' | grep -cx bonds)" 0
check "-word still excludes" is "$(ids 'bonds -calm')" bonds
check "-18-year-old, a number joined to words, still excludes" \
    is "$(ids 'savings -18-year-old')" ""

# --- A decimal is found with and without its thousands separators --------
check "25746.56 finds 25,746.56 too" is "$(ids 25746.56)" "dow points"
check "25,746.56 finds 25746.56 too" is "$(ids 25,746.56)" "dow points"
check "closed NOT 25746.56 leaves out both forms" \
    is "$(ids 'closed NOT 25746.56')" ""
check "1.5 is no number of four digits" is "$(ids 1.5)" ""
finish
