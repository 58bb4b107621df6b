#!/bin/sh
# t100-query-fallbacks.sh - What a query falls back on, and what it says:
# a pasted web address is searched by its words alone (no "https:" field
# name), a '*' inside a word is searched as the warning says, a typo is
# corrected after the unclosed-quote and unknown-field fallbacks too, and
# a stray closing quote opens no phrase.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# ranked QUERY: the ids of every hit in rank order, then the total.
ranked() {
    nsearch --db "$TMP/db" --json --related 0 --limit 100 "$1" 2>/dev/null |
        python3 -c 'import json,sys
d = json.load(sys.stdin)
print(" ".join(h["id"] for h in d["hits"]), d["total"])'
}

# field QUERY NAME: the results' NAME ("" when absent).
field() {
    nsearch --db "$TMP/db" --json --related 0 "$1" 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$2"
}

# same QUERY PLAIN: QUERY ranks exactly the hits PLAIN ranks, and some.
same() {
    a=$(ranked "$1")
    b=$(ranked "$2")
    [ "${b% *}" != "" ] && [ "$a" = "$b" ] || {
        echo "'$1' -> [$a]; '$2' -> [$b]"
        return 1
    }
}

# A pasted address: "https:" was taken for a field name no article has,
# and the words apart ("https //news.example.org/.../afghan-refugee-...")
# joined the slug's first word to the host; those results replaced the
# address's own.
addr='https://news.example.org/2025/06/02/afghan-refugee-killed-bergen'
check "address: the words of its slug" same "$addr" 'afghan refugee killed bergen'
check "address: no field-name warning" is "$(field "$addr" warning)" ""
check "address: its title marks the slug's first word" \
    is "$(field "$addr" hits | grep -c '<mark>Afghan</mark>')" 1
check "address on another host: the same" \
    same 'https://example.com/azure-surveillance-investigation' \
    'azure surveillance investigation'
check "address beside a word: the same" \
    same "bergen $addr" 'bergen afghan refugee killed bergen'
# A number alone in a slug ("oyafestivalen-2025") is left out as one
# alone in the path is: it listed every article of 2025 beside the one.
check "a year in the slug is left out" \
    same 'https://news.example.org/2025/08/08/oyafestivalen-2025' 'oyafestivalen'
check "a year in the slug: one article" \
    is "$(ranked 'https://news.example.org/2025/08/08/oyafestivalen-2025' | cut -d' ' -f2)" 1

# A '*' inside a word: the warning said "sur* ance", but Xapian's parser
# searched "ance" alone and found nothing (on a large archive "chel*sea"
# found what "sea" finds).
check "sur*ance finds what sur* ance finds" same 'sur*ance' 'sur* ance'
field 'sur*ance' warning >"$TMP/w"
check "sur*ance: the warning" contains "$TMP/w" "sur*ance was searched as sur* ance"
check "title:micro*soft: the field goes with both words" \
    same 'title:micro*soft' 'title:micro* title:soft'
field '"sur*ance"' warning >"$TMP/w"
check "inside quotes: a phrase, said so" contains "$TMP/w" \
    "sur*ance: a '*' works only at the end of a word, and not inside quotes"
check "inside quotes: no claim of a search not run" lacks "$TMP/w" "searched as"

# "Did you mean" after a fallback: an unclosed quote or an unknown field
# name searched the words and returned before the suggestion.
# The corrected phrase, which the archive has, is offered closed: open,
# it read as a typo of its own and fell back to the words again.
check "unclosed quote: a typo is corrected, the quote closed" \
    is "$(field '"external reveiw' suggestion)" '"external review"'
check "unclosed quote beside a word: corrected" \
    is "$(field 'azure "external reveiw' suggestion)" 'azure "external review"'
check "the suggestion, searched, is the phrase: no fallback" \
    is "$(field '"external review"' warning)" ""
check "closed in the typed style: “ ”" \
    is "$(field '“external reveiw' suggestion)" '“external review”'
check "closed in the typed style: « »" \
    is "$(field '«external reveiw' suggestion)" '«external review»'
check "a corrected phrase no article has stays open" \
    is "$(field '"review externall' suggestion)" '"review external'
check "unclosed quote: the fallback's hits stay" \
    same '"external reveiw' 'external reveiw'
check "unknown field name: a typo is corrected" \
    is "$(field 'url:azure reveiw' suggestion)" 'url:azure review'
check "unknown field name: the fallback's hits stay" \
    same 'url:azure reveiw' 'url azure reveiw'
run out err nsearch --db "$TMP/db" --related 0 --color never -n1 '"external reveiw'
check "text output: Did you mean" contains "$TMP/out" 'Did you mean: "external review"?'

# A stray closing quote opens no phrase: it said "no article has the
# phrase of the unclosed quote", of an empty phrase, beside the right hits.
check "stray closing quote: the words' hits" \
    same 'external review"' 'external review'
check "stray closing quote: no warning" \
    is "$(field 'external review"' warning)" ""
run out err nsearch --db "$TMP/db" --related 0 --color never 'external review"'
check "stray closing quote: nothing on stderr" is "$(cat "$TMP/err")" ""
check "a stray quote on a word that matches nothing: no warning" \
    is "$(field 'zzqxv"' warning)" ""

finish
