#!/bin/sh
# t083-stop-words.sh - The words a query does not search by when it has
# others (common/stop-words-en.txt; Norwegian: common-words-no.txt): each
# language's own list for its own articles, the list's words with their
# diacritics folded too, and never inside a phrase, with '+', or when a
# query has nothing else.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF2'
{"id":"en1","title":"Election results","body":"The election in the north was won by the Labour party.","lang":"en"}
{"id":"en2","title":"Election day","body":"Voters went to the polls for the election of a mayor in the south.","lang":"en"}
{"id":"en3","title":"Harbour news","body":"The harbour opens on Friday, the man who runs it said.","lang":"en"}
{"id":"en4","title":"US sanctions","body":"The US imposed sanctions on exports.","lang":"en"}
{"id":"en5","title":"Sanctions eased","body":"Sanctions on exports were not eased in March.","lang":"en"}
{"id":"en6","title":"Zoo report","body":"A list of some of a part of one of a report of a board of a body of a group of a staff of a unit of a branch of an office of a head of a bureau of a board of a council of a city of a west of a land of hills of green, of a kind of a sort of a type of a form of a shape of a size of a age of a year of old.\n\nKeepers feed fish at noon. Visitors queue at gates. Children draw pictures. Rain falls most days, and staff sweep paths. Shops sell maps, hats and cold drinks. Buses stop outside at nine and at five.\n\nKeepers say a walrus is well and eats fish each day.","lang":"en"}
{"id":"no1","title":"Valget i byen","body":"Valget på fjellet og i byen ble vunnet av Arbeiderpartiet.","lang":"no"}
{"id":"no2","title":"Hytta på fjellet","body":"Hytta ligger på fjellet, og det er langt til byen.","lang":"no"}
{"id":"no3","title":"Valg i dag","body":"Man stemmer i dag, og valget avgjøres i kveld.","lang":"no"}
EOF2
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ranked QUERY: "id score" of every hit in rank order.
ranked() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 -- "$1" |
        python3 -c 'import json,sys; print(" ".join("%s:%.6f" % (h["id"], h["score"]) for h in json.load(sys.stdin)["hits"]))'
}
# ids QUERY: the ids of the hits, sorted, each followed by a space.
ids() { for h in $(ranked "$1"); do echo "${h%%:*}"; done | sort | tr '\n' ' '; }
# same QUERY PLAIN: the same hits with the same scores, and some.
same() {
    a=$(ranked "$1")
    b=$(ranked "$2")
    [ -n "$b" ] && [ "$a" = "$b" ] || {
        echo "'$1' -> [$a]; '$2' -> [$b]"
        return 1
    }
}
# differ QUERY PLAIN: the hits or their scores differ.
differ() { [ "$(ranked "$1")" != "$(ranked "$2")" ]; }

check "English: the, in dropped" same "the election in the north" "election north"
check "all-caps query: THE, IN dropped" is "$(ids 'THE ELECTION IN THE NORTH')" \
    "$(ids 'election north')"
check "Norwegian: i dropped" same "valget i byen" "valget byen"
check "Norwegian: på dropped" same "hytta på fjellet" "hytta fjellet"
check "Norwegian: pa (på folded) dropped" same "hytta pa fjellet" "hytta fjellet"

# Each language's list for its own articles: "man" is a Norwegian stop
# word and an English noun.
check "man: English articles by it, Norwegian not" is "$(ids 'man sanctions')" \
    "en3 en4 en5 "
check "Norwegian man dropped" is \
    "$(ranked 'man valget' | tr ' ' '\n' | grep '^no' | tr '\n' ' ')" "$(ranked valget) "

# Names and acronyms that look like stop words are searched (US), and so
# are words that change the question (not).
check "US is searched" differ "US sanctions" "sanctions"
check "not is searched" differ "not sanctions" "sanctions"
check "US sanctions: en4 first" is "$(ranked 'US sanctions' | cut -d: -f1)" "en4"

# A query of stop words alone is searched as written.
check "the alone finds its articles" is "$(ids 'the')" "en1 en2 en3 en4 "
check "i alone finds its articles" is "$(ids 'i')" "no1 no3 "

# Inside a phrase the words count.
check "phrase with the" is "$(ids '"won by the Labour"')" "en1 "
check "phrase with a instead" is "$(ids '"won by a Labour"')" ""

# '+' keeps a stop word, as required.
check "+the is required" is "$(ids '+the sanctions')" "en1 en2 en3 en4 "
check "the sanctions: the dropped" is "$(ids 'the sanctions')" "en4 en5 "

# Excluded words stay excluded.  Without its stop words "the -election"
# has only an excluded word left, which Xapian's parser reads as a syntax
# error and parses again without operators, as "election": there the
# stop words are kept, and the query means what it says.
check "the -election: articles with the, none with election" \
    is "$(ids 'the -election')" "en3 en4 "
check "the -phrase: excluded" is "$(ids 'the -"won by the Labour"')" "en2 en3 en4 "
check "the election -war: the dropped, war excluded" \
    is "$(ids 'the election -war')" "en1 en2 "

# Snippets mark what was searched: in an index of several languages the
# other language's parse keeps the words, but a hit's snippet marks only
# what its own language searched.
# marks QUERY ID: the marked words of hit ID's snippet, lower-cased, sorted.
marks() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 -- "$1" |
        python3 -c 'import json,re,sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]:
        print(" ".join(sorted(set(m.lower() for m in re.findall("<mark>(.*?)</mark>", h["snippet_html"])))))' "$2"
}
check "English hit: the, in not marked" is "$(marks 'the election in the north' en1)" "election north"
check "English hit: the alone marked" is "$(marks 'the' en1)" "the"
check "Norwegian hit: man not marked" is "$(marks 'man valget' no3)" "valget"
check "English hit: man marked" is "$(marks 'man harbour' en3)" "harbour man"
check "Norwegian hit: på not marked" is "$(marks 'hytta på fjellet' no2)" "fjellet hytta"
# The passage is chosen by the hit's own words: Xapian chose the one
# with most "of" (the Norwegian parse keeps it), its marks came off, and
# the snippet was the lead with nothing marked.
check "English hit: the passage of its words, not of the stop words" \
    is "$(marks 'of walrus' en6)" "walrus"

finish
