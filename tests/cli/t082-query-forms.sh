#!/bin/sh
# t082-query-forms.sh - Queries as people type them: capitalised words,
# queries in capitals, words without their diacritics.  Each form must find
# what the plain form finds; an exact spelling ranks above a folded one.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# ids DB QUERY: the ids of every hit, one per line, sorted.
ids() {
    nsearch --db "$1" --json --related 0 --limit 100 "$2" |
        python3 -c 'import json,sys; print("\n".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# same QUERY PLAIN: QUERY finds exactly the articles PLAIN finds, and some.
same() {
    a=$(ids "$TMP/db" "$1")
    b=$(ids "$TMP/db" "$2")
    [ -n "$b" ] && [ "$a" = "$b" ] || {
        echo "'$1' -> [$a]; '$2' -> [$b]"
        return 1
    }
}

# Capitals never lose matches, in English and Norwegian.
check "Elections = elections" same "Elections" "elections"
check "ELECTIONS = elections" same "ELECTIONS" "elections"
check "Surveillances = surveillances" same "Surveillances" "surveillances"
check "Microsoft Protests = microsoft protests" \
    same "Microsoft Protests" "microsoft protests"
check "Flyktninger = flyktninger" same "Flyktninger" "flyktninger"
check "FLYKTNINGER = flyktninger" same "FLYKTNINGER" "flyktninger"
check "Heatwave stem in a title-case query" same "Heatwaves" "heatwave"

# Capitalised words match other forms of the word: "Elections" finds an
# article that only says "election".
run out err nsearch --db "$TMP/db" --json --related 0 --limit 50 "Elections"
check "capitalised word is stemmed" python3 - "$TMP/out" <<'PY'
import json, sys
ids = [h["id"] for h in json.load(open(sys.argv[1]))["hits"]]
assert "norway-election-labour-wins" in ids, ids
PY

# Without diacritics: the plain and the Nordic spellings both find them.
for pair in "Toyenparken:oyafestivalen-2025" "Skarsgard:sentimental-value-cannes-grand-prix" \
    "Skarsgaard:sentimental-value-cannes-grand-prix" "hetebolge:hetebolge-nord-norge" \
    "Ostlandet:skybrudd-ostlandet" "Oestlandet:skybrudd-ostlandet" \
    "Oyafestivalen:oyafestivalen-2025"; do
    q=${pair%%:*}
    want=${pair#*:}
    check "$q finds $want" sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 --limit 50 '$q' | grep -q '\"id\": *\"$want\"'"
done
check "Toyenparken = Tøyenparken" same "Toyenparken" "Tøyenparken"
check "Skarsgard = Skarsgård" same "Skarsgard" "Skarsgård"

# A query typed entirely in capitals is words, not Boolean operators:
# "AZURE AND LIGHTHOUSE" finds the articles of either word ("and" is a
# word a query does not search by when it has others: t083),
# while the mixed-case "azure AND lighthouse" asks for both.
check "all-caps AND is a word" python3 - "$(ids "$TMP/db" 'AZURE AND LIGHTHOUSE')" \
    "$(ids "$TMP/db" azure)" "$(ids "$TMP/db" lighthouse)" \
    "$(ids "$TMP/db" 'azure AND lighthouse')" <<'PY'
import sys
caps, azure, light, both = (set(a.split()) for a in sys.argv[1:5])
assert azure and light, (azure, light)
assert azure | light <= caps, (caps, azure, light)
assert caps != both
assert both == azure & light, both
PY
check "all-caps NOT is a word" python3 - "$(ids "$TMP/db" 'AZURE NOT LIGHTHOUSE')" \
    "$(ids "$TMP/db" 'azure NOT lighthouse')" "$(ids "$TMP/db" lighthouse)" <<'PY'
import sys
caps, neg, light = (set(a.split()) for a in sys.argv[1:4])
assert light <= caps, (caps, light)
assert not (light & neg), neg
PY

# Field names capitalised or in capitals are the fields, in a query in
# capitals too: "Title:Azure" was a phrase of "title azure" and found
# nothing.
check "Title:Azure = title:azure" same "Title:Azure" "title:azure"
check "TITLE:AZURE = title:azure" same "TITLE:AZURE" "title:azure"
check "Section:Technology = section:technology" \
    same "Section:Technology" "section:technology"
check "SECTION:TECHNOLOGY AZURE = section:technology azure" \
    same "SECTION:TECHNOLOGY AZURE" "section:technology azure"
check "Author:Nordmann = author:nordmann" same "Author:Nordmann" "author:nordmann"
check "DATE:2025-08 = date:2025-08" same "DATE:2025-08" "date:2025-08"
check "Lang:no = lang:no" same "Lang:no" "lang:no"
check "title: narrows" python3 - "$(ids "$TMP/db" 'Title:Azure')" \
    "$(ids "$TMP/db" azure)" <<'PY'
import sys
title, words = (set(a.split()) for a in sys.argv[1:3])
assert title and title < words, (title, words)
PY

# Excluded words alone: every article without them, as NOT alone gives
# (on the command line after "--", where a leading '-' is no option).
every() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 500 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "-lighthouse alone: the articles without it" python3 - \
    "$(every '')" "$(every lighthouse)" "$(every -lighthouse)" \
    "$(every 'NOT lighthouse')" "$(every -LIGHTHOUSE)" <<'PY'
import sys
every, light, neg, not_, caps = (set(a.split()) for a in sys.argv[1:6])
assert light and neg, (light, neg)
assert neg == every - light, (neg, light)
assert not_ == neg and caps == neg
PY

# A hyphenated word excluded, required, or after an operator is its
# phrase, as Xapian reads it: split, "-cut-off" excluded "cut" and
# searched "off", the opposite of what was asked.
for pair in 'azure -cut-off|azure -"cut off"' '-sea-ice|-"sea ice"' \
    'azure NOT cut-off|azure NOT "cut off"' 'azure AND cut-off|azure AND "cut off"' \
    '+cut-off +azure|+"cut off" +azure'; do
    q=${pair%%|*}
    p=${pair#*|}
    check "'$q' = '$p'" is "$(every "$q")" "$(every "$p")"
done
check "azure -cut-off: some left" test -n "$(every 'azure -cut-off')"

# An initialism typed in lower case is read as in capitals, as news
# writes it ("u.s." was the phrase "u s"); quoted, it is the text as
# written, where "a.m." is in lower case.
cat >"$TMP/abbr.jsonl" <<'EOF'
{"id":"us-trade","title":"U.S. trade talks resume","body":"Officials from the U.S. and Japan met to discuss trade.","lang":"en"}
{"id":"uk-rates","title":"U.K. rates hold","body":"The U.K. central bank kept rates where they were.","lang":"en"}
{"id":"us-japan","title":"U.S.-Japan talks","body":"A meeting on chips.","lang":"en"}
{"id":"table","title":"Copra prices","body":"copra u.s. dlrs per tonne, trade steady, u.s. buyers quiet","lang":"en"}
{"id":"library","title":"Library hours","body":"The library opens at 10 a.m. and closes at 6 p.m.","lang":"en"}
{"id":"pan-am","title":"Pan Am fares","body":"Pan Am cut fares on Monday.","lang":"en"}
EOF
check "index initialisms" nindex --quiet --db "$TMP/abbr" "$TMP/abbr.jsonl"
abbr() {
    nsearch --db "$TMP/abbr" --json --related 0 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
check "u.s. = U.S." is "$(abbr 'u.s.')" "$(abbr 'U.S.')"
check "U.S. finds the articles with U.S." python3 - "$(abbr 'U.S.')" <<'PY'
import sys
assert {"us-trade", "us-japan"} <= set(sys.argv[1].split()), sys.argv[1]
PY
check "u.s. trade: the U.S. article first" \
    is "$(abbr 'u.s. trade' | cut -d' ' -f1)" "us-trade"
check "u.k (no last period) = U.K." is "$(abbr 'u.k')" "uk-rates"
check "u.s.-japan = U.S.-Japan" is "$(abbr 'u.s.-japan')" "us-japan"
check "title:u.s. = title:U.S." python3 - "$(abbr 'title:u.s.')" \
    "$(abbr 'title:U.S.')" <<'PY'
import sys
assert sys.argv[1] == sys.argv[2], sys.argv[1:]
assert set(sys.argv[1].split()) == {"us-trade", "us-japan"}, sys.argv[1]
PY
check "quoted a.m.: as written" is "$(abbr '"a.m."')" "library"
check "quoted u.s. dlrs: as written" is "$(abbr '"u.s. dlrs"')" "table"
# A phrase with a lower-case initialism among other words matches it in
# capitals too, as news writes it; as written it still matches.
check "quoted u.s. trade talks = U.S." is "$(abbr '"u.s. trade talks"')" "us-trade"
check "quoted u.s. and japan = U.S." is "$(abbr '"the u.s. and japan"')" "us-trade"
check "title:\"u.s. trade\"" is "$(abbr 'title:"u.s. trade"')" "us-trade"
check "-\"u.s. trade\" excludes the U.S. article" \
    is "$(abbr 'talks -"u.s. trade talks"')" "us-japan"
check "quoted 10 a.m.: as written" is "$(abbr '"opens at 10 a.m."')" "library"
check "quoted u.s. dlrs in capitals: the table" \
    is "$(abbr '"copra u.s. dlrs"')" "table"

# An exact spelling ranks above a folded one, both ways round.  Two
# articles identical but for the spelling of one name.
cat >"$TMP/twins.jsonl" <<'EOF'
{"id":"plain","title":"Festival news from Tromso","body":"The festival in Tromso opens on Friday with music.","lang":"en"}
{"id":"accent","title":"Festival news from Tromsø","body":"The festival in Tromsø opens on Friday with music.","lang":"en"}
{"id":"other","title":"Harbour news","body":"The harbour opens on Friday.","lang":"en"}
{"id":"cafes","title":"Paris cafes","body":"Paris cafes open early on weekdays and stay open late into the evening.","lang":"en"}
{"id":"cafés","title":"Paris cafés","body":"Paris cafés open early.","lang":"en"}
EOF
check "index twins" nindex --quiet --db "$TMP/twins" "$TMP/twins.jsonl"
first() {
    nsearch --db "$TMP/twins" --json --related 0 -- "$1" |
        python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(len(h), h[0]["id"] if h else "")'
}
check "Tromsø: both found, exact first" is "$(first 'Tromsø')" "2 accent"
check "Tromso finds both" is "$(first 'Tromso' | cut -d' ' -f1)" "2"
check "cafes: both found, exact first (the other shorter)" \
    is "$(first 'cafes')" "2 cafes"
check "Tromsoe finds both" is "$(first 'Tromsoe' | cut -d' ' -f1)" "2"
check "TROMSØ festival: exact first" is "$(first 'TROMSØ FESTIVAL')" "2 accent"
# Wildcards fold too: with the diacritic, both spellings, as typed first.
check "tromsø*: both found, exact first" is "$(first 'tromsø*')" "2 accent"
check "tromso*: both found" is "$(first 'tromso*' | cut -d' ' -f1)" "2"
check "café*: both found, exact first" is "$(first 'café*')" "2 cafés"

# A phrase matches its words with and without diacritics, the spelling
# typed first, as outside quotes.
check "phrase without diacritics: both, as typed first" \
    is "$(first '"festival in Tromso"')" "2 plain"
check "phrase without diacritics: a longer article as typed first" \
    is "$(first '"paris cafes"')" "2 cafes"
check "phrase with diacritics: both, as typed first" \
    is "$(first '"festival in Tromsø"')" "2 accent"
check "phrase with diacritics: a longer article as typed first" \
    is "$(first '"paris cafés"')" "2 cafés"
check "title: phrase with diacritics" is "$(first 'title:"from tromsø"')" "2 accent"
check "excluded phrase with diacritics: every spelling" \
    is "$(first 'friday -"in Tromsø"')" "1 other"
check "phrase in capitals without diacritics" \
    is "$(first '"NEWS FROM TROMSO"')" "2 plain"
check "title: phrase without diacritics" \
    is "$(first 'title:"from tromso"')" "2 plain"
check "NEAR without diacritics" is "$(first 'tromso NEAR/3 festival')" "2 plain"
check "Nordic spelling in a phrase" is "$(first '"festival in Tromsoe"')" "1 accent"
check "excluded phrase: every spelling" is "$(first 'friday -"in tromso"')" "1 other"
check "only an excluded phrase: every spelling" \
    is "$(first '-"in tromso"' | cut -d' ' -f1)" "3"

# The same on the Norwegian samples: the phrase without æ, ø, å finds
# what the phrase as written finds, and the snippet marks it.
check "i Toyenparken = i Tøyenparken" same '"i Toyenparken"' '"i Tøyenparken"'
check "Hetebolge i Nord-Norge = Hetebølge i Nord-Norge" \
    same '"Hetebolge i Nord-Norge"' '"Hetebølge i Nord-Norge"'
check "Oyafestivalen samler = Øyafestivalen samler" \
    same '"Oyafestivalen samler"' '"Øyafestivalen samler"'

# The Nordic spellings without diacritics find by the digraph stems, and
# the hit marks the word as the article spells it (Xapian stems
# "Skarsgård" to "skarsgard", and marked nothing of "Skarsgaard").
for q in Skarsgaard Oeyafestivalen Toeyenparken; do
    case $q in
    Skarsgaard) w='Skarsgård' ;;
    Oeyafestivalen) w='Øyafestivalen' ;;
    Toeyenparken) w='Tøyenparken' ;;
    esac
    check "$q marks $w" sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json \
        --related 0 $q | grep -qF '<mark>$w</mark>'"
done

# A phrase matches its words in the possessive too ("Israeli military's":
# one word to Xapian), as the words outside quotes do; the snippet marks
# it.  A possessive typed matches only itself.
printf '%s\n' \
    '{"id":"p1","title":"Budget","body":"The prime minister\u2019s spokesman said no.","lang":"en"}' \
    '{"id":"p2","title":"Budget","body":"The prime minister spoke.","lang":"en"}' \
    '{"id":"p3","title":"Budget","body":"The prime ministers met.","lang":"en"}' >"$TMP/poss.jsonl"
check "index possessives" nindex --quiet --db "$TMP/poss" "$TMP/poss.jsonl"
check '"prime minister" finds "prime minister’s"' \
    is "$(ids "$TMP/poss" '"prime minister"' | tr '\n' ' ')" "p1 p2 "
check '"prime minister'"'"'s" only the possessive' \
    is "$(ids "$TMP/poss" "\"prime minister's\"" | tr '\n' ' ')" "p1 "
check '"Israeli military" finds the samples that write "military'"'"'s"' \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        --no-collapse --limit 100 '\"israeli military\"' |
        grep -q '\"west-bank-e1-settlement-approval\"'"
run out err nsearch --db "$TMP/poss" --related 0 --color never \
    '"prime minister" spokesman'
check "snippet marks the possessive phrase" contains "$TMP/out" \
    "**prime minister’s**"

# Folding never makes a query too large to run: 50 phrases of two words
# with three spellings each would be 1,100 terms folded in full.
printf '%s\n' '{"id":"three","title":"Tromsø, Tromsö, Tromso","body":"Tromso Tromsø Tromsö.","lang":"en"}' >"$TMP/three.jsonl"
check "index three spellings" nindex --quiet --db "$TMP/three" "$TMP/three.jsonl"
q=$(python3 -c 'print(" ".join(["\"tromso tromso\""] * 50))')
nsearch --db "$TMP/three" --json --related 0 -- "$q" >"$TMP/many" 2>"$TMP/many.err"
check "50 phrases to fold stay within the query limit" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [h["id"] for h in d["hits"]] == ["three"], d
' "$TMP/many"
run out err nsearch --db "$TMP/db" --related 0 --color never '"i Toyenparken"'
check "snippet marks the phrase as spelled" contains "$TMP/out" "**i Tøyenparken**"

# An unclosed quote is a phrase to the end of the query; when that matches
# nothing, the words are searched, with a warning.  A phrase that matches
# keeps its reading, and so does a closed one that matches nothing.
q='"external review law firm yesterday'
nsearch --db "$TMP/db" --json --related 0 --limit 100 "$q" >"$TMP/unclosed" 2>/dev/null
nsearch --db "$TMP/db" --json --related 0 --limit 100 \
    'external review law firm yesterday' >"$TMP/words"
check "unclosed quote without a match: its words" python3 -c '
import json, sys
u, w = (json.load(open(f)) for f in sys.argv[1:3])
assert u["total"] > 0 and u["total"] == w["total"], (u["total"], w["total"])
assert [h["id"] for h in u["hits"]] == [h["id"] for h in w["hits"]]
assert "unclosed quote" in u.get("warning", ""), u.get("warning")
assert "warning" not in w, w["warning"]
' "$TMP/unclosed" "$TMP/words"
run out err nsearch --db "$TMP/db" --related 0 "$q"
check "unclosed quote: text output warns on stderr" \
    contains "$TMP/err" "unclosed quote"
nsearch --db "$TMP/db" --json --related 0 --limit 100 '"external review' \
    >"$TMP/open-match"
nsearch --db "$TMP/db" --json --related 0 --limit 100 '"external review"' \
    >"$TMP/closed-match"
check "unclosed quote with a match: the phrase" python3 -c '
import json, sys
u, c = (json.load(open(f)) for f in sys.argv[1:3])
assert u["total"] > 0 and u["total"] == c["total"], (u["total"], c["total"])
assert "warning" not in u, u["warning"]
' "$TMP/open-match" "$TMP/closed-match"
# After a field name too: Xapian's parser read title:"external review as
# words (18 samples, where the phrase is in 3 titles).
for f in title author heading; do
    case $f in
    title) v='external review' ;;
    author) v='kari nordmann' ;;
    heading) v='key allegations' ;;
    esac
    check "$f:\"$v unclosed = closed" \
        is "$(ids "$TMP/db" "$f:\"$v" | tr '\n' ' ')" \
        "$(ids "$TMP/db" "$f:\"$v\"" | tr '\n' ' ')"
done
nsearch --db "$TMP/db" --json --related 0 \
    '"external review law firm yesterday"' >"$TMP/closed"
check "closed quote without a match: nothing" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 0 and "warning" not in d, d
' "$TMP/closed"
nsearch --db "$TMP/db" --json --related 0 --limit 100 \
    "$(printf '\342\200\234')external review law firm yesterday" >"$TMP/typo" 2>/dev/null
check "an unclosed typographic quote too" python3 -c '
import json, sys
u, w = (json.load(open(f)) for f in sys.argv[1:3])
assert u["total"] == w["total"] > 0, (u["total"], w["total"])
assert "unclosed quote" in u.get("warning", ""), u
' "$TMP/typo" "$TMP/words"

# NEAR beside a wildcard or a phrase, or with a window of 0, is the word
# "near": said so, where the query used to run as words with no word.
# So is one at the start, or a second NEAR beside a real one; one at the
# end is left out, as a trailing AND is (t106).
for q in 'azure NEAR surveil*' 'azure NEAR/0 review' '"external review" NEAR azure' \
    'NEAR azure' 'azure NEAR review NEAR/0 cloud'; do
    run near err nsearch --db "$TMP/db" --json --related 0 "$q"
    check "'$q': a warning says NEAR was a word" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert "NEAR was searched as a word" in d.get("warning", ""), d.get("warning")
' "$TMP/near"
    check "'$q': on stderr too" contains "$TMP/err" "NEAR was searched as a word"
done
for q in 'azure NEAR/3' 'azure NEAR review cloud NEAR'; do
    run near err nsearch --db "$TMP/db" --json --related 0 "$q"
    check "'$q': the NEAR at the end is left out" contains "$TMP/err" \
        "at the end of the query joins nothing and was left out"
done
for q in 'azure NEAR review' 'azure NEAR/3 review' 'AZURE NEAR REVIEW' \
    'azure NEAR review NEAR cloud' '"NEAR miss" azure' 'the NEAR review'; do
    run near err nsearch --db "$TMP/db" --json --related 0 "$q"
    check "'$q': no warning" python3 -c '
import json, sys
assert "warning" not in json.load(open(sys.argv[1]))' "$TMP/near"
done

# A name that is no field's, joined to a word ("url:azure"), was a phrase
# of both that matched nothing, silently: with nothing found, the words
# apart are searched, and a warning names it and the fields there are.
# A known field, a name in quotes, digits ("3:1") and a phrase that
# matches as it is ("external:review") get no such warning.
check "url:azure finds what 'url azure' finds" same "url:azure" "url azure"
check "so does Site:Azure" same "Site:Azure" "site azure"
warning() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], d.get("warning", ""))'
}
warning 'url:azure' >"$TMP/w"
check "url:azure: the warning names url:" contains "$TMP/w" "'url:' is not a field name"
check "url:azure: and lists the fields" contains "$TMP/w" "title:, heading:, author:, section:, tag:, lang:, id:, date:"
check "url:azure: and says the words were searched" contains "$TMP/w" "searched as plain words"
w=$(warning 'url:zzqxv foo:zzqxw')
check "nothing either way: 0 hits" is "${w%% *}" "0"
check "nothing either way: both named, no words claimed" is "${w#* }" \
    "'url:', 'foo:' are not field names (the fields: title:, heading:, author:, section:, tag:, lang:, id:, date:)"
for q in 'title:azure' 'Headline:azure' 'byline:whitfield' '"url:azure"' 'ratio 3:1' 'external:review'; do
    warning "$q" >"$TMP/w"
    check "'$q': no field warning" lacks "$TMP/w" "field name"
done
check "external:review is the phrase" same "external:review" '"external review"'
# Beside a word that matches: "url:azure cloud" showed cloud's hits alone
# (the phrase "url azure" is in no article) and said nothing.
check "url:azure cloud finds what 'url azure cloud' finds" \
    same "url:azure cloud" "url azure cloud"
warning 'url:azure cloud' >"$TMP/w"
check "url:azure cloud: the warning" contains "$TMP/w" "'url:' is not a field name"
warning 'external:review azure' >"$TMP/w"
check "external:review azure: a phrase an article has, no warning" \
    lacks "$TMP/w" "field name"
check "external:review azure: the phrase kept" \
    same "external:review azure" '"external review" azure'

# A number of four digits or more is found with and without its thousands
# separators: the samples write "50,000" and "1,200".
check "50000 = 50,000" same "50000" "50,000"
check "1200 = 1,200" same "1200" "1,200"
check "1,200 = 1200" same "1,200" "1200"
# A '-' before a number is its minus sign; NOT excludes a number.
check "NOT 50000 excludes 50,000 too" \
    is "$(ids "$TMP/db" "booker NOT 50000")" \
    "$(ids "$TMP/db" "booker NOT 50,000")"
check "NOT 50000: the 50,000 article is gone" \
    is "$(ids "$TMP/db" "booker NOT 50000" | grep -c booker-prize-shortlist)" 0
# Beside a Boolean operator the two forms are one group the operator joins.
check "booker AND 50000 = booker AND 50,000" same "booker AND 50000" "booker AND 50,000"
check "booker AND NOT 50000 = booker AND NOT 50,000" \
    same "booker AND NOT 50000" "booker AND NOT 50,000"
check "a badly grouped number is left alone" is "$(ids "$TMP/db" "5,0000")" ""
check "a quoted number is as written" is "$(ids "$TMP/db" '"50000"')" ""

# A filter is the whole query's, beside operators too (Xapian's parser
# bound it to the word beside it: "israel OR (israelsk in World)").
check "a OR b section:X = (a OR b) section:X" \
    same "israel OR israelsk section:World" "(israel OR israelsk) section:World"
check "a OR b section:X: the section's only" \
    is "$(ids "$TMP/db" "israel OR israelsk section:World")" \
    "$(ids "$TMP/db" "israel section:World" | sort -u)"
check "a NOT b section:X = (a NOT b) section:X" \
    same "israel NOT gaza section:World" "(israel NOT gaza) section:World"
check "a filter first: section:X a OR b" \
    same "section:World israel OR israelsk" "(israel OR israelsk) section:World"
check "an excluding filter: a OR b -section:X" \
    same "israel OR israelsk -section:World" "(israel OR israelsk) -section:World"
check "a capitalised field name too" \
    same "Israel OR Israelsk Section:World" "(israel OR israelsk) section:World"
# A filter an operator joins is as typed: either.
check "a OR section:X is either" \
    is "$(ids "$TMP/db" "israel OR section:World")" \
    "$( (ids "$TMP/db" israel; ids "$TMP/db" section:World) | sort -u)"

finish
