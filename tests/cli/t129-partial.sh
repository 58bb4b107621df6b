#!/bin/sh
# t129-partial.sh - Search as you type (--partial, nsearchd partial=1;
# common/query-text.cc partial_text): the last word, with nothing typed
# after it, matches as a prefix too; not after a space, not under three
# letters,
# not an excluded word, the value of a field but a text field's (title:),
# an operator or a word right after NEAR or ADJ; a stop word is searched
# as typed; diacritics fold as
# in wildcards; the word being typed is never corrected by "Did you mean";
# the word is searched as a word too; a word joined by '-' or an
# apostrophe is completed;
# the snippet marks the word completed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

index_samples
check "samples indexed" test -d "$TMP/db"

# res ARGS...: "total|suggestion|first hit's id" of nsearch ARGS.
res() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%s|%s|%s" % (d["total"], d["suggestion"],
                    d["hits"][0]["id"] if d["hits"] else ""))'
}
total() { res "$@" | cut -d'|' -f1; }

check "without --partial: surv is a word of its own" \
    is "$(total --no-suggest surv)" 0
check "--partial: surv finds surveillance" \
    sh -c "[ $(total --partial surv) -gt 0 ]"
check "--partial: surv as surv*" is "$(res --partial surv)" \
    "$(res 'surv*')"
check "--partial: the last word only" \
    is "$(res --partial 'azure surv')" "$(res 'azure surv*')"
check "--partial: an earlier word is whole" \
    is "$(total --partial 'surv azure')" "$(total 'surv azure')"
check "--partial: in capitals" is "$(res --partial SURV)" \
    "$(res --partial surv)"
check "a space after the word: the word is done" \
    is "$(res --partial 'azure surv ')" "$(res 'azure surv')"
check "one letter is not expanded" is "$(res --partial 'azure s')" \
    "$(res 'azure s')"
check "two letters are not" is "$(res --partial 'azure su')" \
    "$(res 'azure su')"
check "three letters are" is "$(res --partial 'sur')" "$(res 'sur*')"
check "an excluded word is not expanded" \
    is "$(res --partial 'azure -surv')" "$(res 'azure -surv')"
check "a text field's value is: title:azu as title:azu*" \
    is "$(res --partial 'title:azu')" "$(res 'title:azu*')"
check "title:azu finds the Azure titles" \
    sh -c "[ $(total --partial 'title:azu') -gt 0 ]"
# title_html marks the word completed in the title (before, no hit's).
check "title:azu marks Azure in each hit's title" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run(sys.argv[1:], capture_output=True).stdout)
assert d["total"] >= 3 and all("<mark>Azure</mark>" in h["title_html"]
                               for h in d["hits"]), d["hits"]' \
    "$NSEARCH_BIN/nsearch" --db "$TMP/db" --json --related 0 --partial title:azu
check "Title:azu, as a phone types it" \
    is "$(res --partial 'Title:azu')" "$(res 'title:azu*')"
check "another field's value is whole: section:wor" \
    is "$(res --partial 'section:wor')" "$(res 'section:wor')"
check "an operator is not expanded" \
    is "$(res --partial 'azure AND')" "$(res 'azure AND')"
# NEAR and ADJ join two plain words only: after them the word is whole,
# or NEAR was the word "near" (21 articles on "near Jerusalem").
check "a word after NEAR is whole" \
    is "$(res --partial 'azure NEAR surv')" "$(res 'azure NEAR surv')"
check "after NEAR, the whole word finds the one article" \
    is "$(res --partial 'azure NEAR surveillance')" \
    "1|None|azure-surveillance-investigation"
run near.out near.err nsearch --db "$TMP/db" --partial 'azure NEAR surveillance'
check "after NEAR: NEAR is not searched as a word" \
    lacks "$TMP/near.err" "searched as a word"
check "a word after NEAR/3 is whole" \
    is "$(res --partial 'azure NEAR/3 surv')" "$(res 'azure NEAR/3 surv')"
check "a word after ADJ is whole" \
    is "$(res --partial 'azure ADJ surveillance')" \
    "$(res 'azure ADJ surveillance')"
check "near in lower case is a word: the next is expanded" \
    is "$(res --partial 'azure near surv')" "$(res 'azure near surv*')"
check "in a query in capitals NEAR is a word: the next is expanded" \
    is "$(res --partial 'AZURE NEAR SURV')" "$(res 'AZURE NEAR SURV*')"
# A stop word typed last is searched as typed: "the*" is every article.
check "a stop word last: what the query without --partial finds" \
    is "$(total --partial 'azure the')" "$(total 'azure the')"
check "a stop word last: and, as and" \
    is "$(total --partial 'azure and')" "$(total 'azure and')"
check "a stop word last: in capitals" \
    is "$(total --partial 'AZURE THE')" "$(total 'AZURE THE')"
check "a Norwegian stop word last: det" \
    is "$(total --partial 'oslo det')" "$(total 'oslo det')"
check "a Norwegian stop word last: som" \
    is "$(total --partial 'oslo som')" "$(total 'oslo som')"
check "a stop word last: as without --partial, hits in the same order" \
    is "$(res --partial 'azure the')" "$(res 'azure the')"
check "a longer prefix is expanded: azure ther as azure ther*" \
    is "$(res --partial 'azure ther')" "$(res 'azure ther*')"
check "a wildcard typed stays one" is "$(res --partial 'surv*')" \
    "$(res 'surv*')"
check "diacritics fold: oyafest finds Øyafestivalen" \
    sh -c "[ $(total --partial oyafest) -gt 0 ]"
check "diacritics: øyafest as oyafest" \
    is "$(res --partial øyafest)" "$(res --partial oyafest)"
check "without --partial a prefix is corrected" \
    sh -c "[ '$(res flyktn | cut -d'|' -f2)' != None ]"
check "with --partial the word typed is not" \
    is "$(res --partial flyktn | cut -d'|' -f2)" None
check "with --partial an earlier typo still is, in the words typed" \
    is "$(res --partial 'surv azure' | cut -d'|' -f2)" "sure azure"
check "the snippet marks the word completed" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        --partial 'azure surv' | grep -qF '<mark>surveillance</mark>'"

# --- nsearchd: partial=1 ------------------------------------------------
check "server starts" start_server
get p.json '/v1/search?q=azure%20surv&partial=1&related=0'
check "partial=1: 200" is "$code" 200
check "partial=1: the total of --partial" \
    is "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["total"])' "$TMP/p.json")" \
    "$(total --partial 'azure surv')"
get n.json '/v1/search?q=azure%20surv&related=0'
check "no partial: the total without" \
    is "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["total"])' "$TMP/n.json")" \
    "$(total 'azure surv')"
get ti.json '/v1/search?q=title%3Aazu&partial=1&related=0'
check "partial=1: title:azu marks Azure in each hit's title" json ti.json \
    'd["total"] >= 3 and all("<mark>Azure</mark>" in h["title_html"] for h in d["hits"])'
get b.json '/v1/search?q=surv&partial=2'
check "partial=2: 400" is "$code" 400
check "partial=2: names the parameter" contains "$TMP/b.json" partial
get t.json '/v1/search?q=surv&partial=1&partial=1'
check "partial twice: 400" is "$code" 400

# Typed without its diacritics, the word finds its article at every
# length: the prefix while it is one, and the word once the folded stem is
# shorter than what is typed (toyenparke, toyenparken: before, nothing).
want=$(res toyenparken | cut -d'|' -f3)
check "toyenparken finds Tøyenparken" test -n "$want"
lost=""
for p in toye toyenpar toyenpark toyenparke toyenparken; do
    [ "$(res --partial $p | cut -d'|' -f3)" = "$want" ] || lost="$lost $p"
done
check "typed letter by letter without ø: found all the way" is "$lost" ""
# Each length of the word typed without its ø marks the word in the hit's
# snippet and title (Xapian marks a wildcard by the words as written:
# "toye" is no prefix of "tøyenparken", only of its folded stem).
unmarked=""
for p in toye toyenpar toyenpark toyenparke; do
    nsearch --db "$TMP/db" --json --related 0 --partial "$p" 2>/dev/null |
        python3 -c 'import json, sys
h = json.load(sys.stdin)["hits"][0]
sys.exit(not ("<mark>Tøyenparken</mark>" in h["snippet_html"] and
              "<mark>Tøyenparken</mark>" in h["title_html"]))' ||
        unmarked="$unmarked $p"
done
check "typed without ø: Tøyenparken marked at each length" is "$unmarked" ""
check "a wildcard: oyafest* marks Øyafestivalen" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        'oyafest*' | grep -qF '<mark>Øyafestivalen</mark>'"
# Typed with a digraph (oe for ø), a wildcard finds its article by the
# digraph stems, and marked nothing: the hit showed its lead.
unmarked=""
for q in 'oeyafest*:Øyafestivalen' 'toeyenpark*:Tøyenparken' 'stoer*:Støre' \
         '--partial stoer:Støre' '--partial oeyaf:Øyafestivalen'; do
    nsearch --db "$TMP/db" --json --related 0 ${q%:*} 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
sys.exit(not any("<mark>%s</mark>" % sys.argv[1] in h["snippet_html"]
                 for h in d["hits"]))' "${q##*:}" || unmarked="$unmarked ${q%:*}"
done
check "a wildcard typed with oe marks the word with ø" is "$unmarked" ""
check "a wildcard too: oyafestivale*" \
    sh -c "[ $(total 'oyafestivale*') -gt 0 ]"
check "a pattern no word starts with finds nothing: zzqxw*" \
    is "$(total --no-suggest 'zzqxw*')" 0

# The word typed is searched as a word as well as a prefix: a prefix
# matches words as written, not their stems, and a word typed out lost
# its other forms ("reviewed" found 1 sample article of 18, "elections"
# 49 of BBC News' 222) until a space was typed.
for w in reviewed protesters; do
    check "--partial: $w typed out finds what $w finds" \
        is "$(total --partial --no-collapse "$w")" "$(total --no-collapse "$w")"
done
check "--partial: after an operator, the prefix alone" \
    is "$(res --partial 'azure AND surv')" "$(res 'azure AND surv*')"

# A word joined to the one before by a hyphen or an apostrophe is
# completed with it, as it is no excluded word, and is not corrected.
cat >"$TMP/j.jsonl" <<'J'
{"id":"j1","title":"O'Sullivan wins the final","body":"Ronnie O'Sullivan won the final again.","date":"2025-01-01T00:00:00Z"}
{"id":"j2","title":"New anti-terrorism law","body":"The anti-terrorism bill passed on Monday.","date":"2025-01-02T00:00:00Z"}
{"id":"j3","title":"Spring weather","body":"Rain and sun in turn.","date":"2025-01-03T00:00:00Z"}
J
check "joined words: indexed" nindex --quiet --db "$TMP/j" "$TMP/j.jsonl"
jres() {
    nsearch --db "$TMP/j" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%s|%s" % (" ".join(sorted(h["id"] for h in d["hits"])), d["suggestion"]))'
}
check "--partial O'Sulli: O'Sullivan" is "$(jres --partial "O'Sulli")" "j1|None"
check "--partial anti-terr: anti-terrorism, not corrected" \
    is "$(jres --partial anti-terr)" "j2|None"
# Three letters counted over the joined word, not its last part: "o'su"
# and "d'ar" were left as typed (no match, then "corrected" to another
# word), and a title: field before a joined word kept it from completing.
check "--partial o'su: three letters, completed" \
    is "$(jres --partial "o'su")" "j1|None"
check "--partial anti-te: completed" is "$(jres --partial anti-te)" "j2|None"
check "--partial title:o'sul: the field's joined word completed" \
    is "$(jres --partial "title:o'sul")" "j1|None"
check "--partial o': one letter, as typed" is "$(jres --partial "o'" | cut -d'|' -f2)" \
    "None"

# The word being typed and its completions weigh as one word: searched
# as two words of an OR, the stem of "minis" ("mini", one article) was
# rarer than all of "minister"'s forms together and outweighed them, and
# "prime minis" put the Mini story above every prime minister's.
python3 - "$TMP/pm.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(30):
        body = "The minister spoke to parliament, part %d. Ministers met." % i
        if i < 10:
            body = "The prime minister spoke to parliament, part %d." % i
        f.write(json.dumps({"id": "m%d" % i, "title": "Budget talks %d" % i,
                            "body": body}) + "\n")
    for i in range(40):
        f.write(json.dumps({"id": "o%d" % i, "title": "Weather %d" % i,
                            "body": "Rain across the region, part %d." % i}) + "\n")
    f.write(json.dumps({"id": "car", "title": "Mini sales rise",
                        "body": "Sales of the Mini rose. Minis are popular; "
                                "the Mini convertible and Mini One sell well."}) + "\n")
PY
nindex --quiet --db "$TMP/pm" "$TMP/pm.jsonl"
pm() {
    nsearch --db "$TMP/pm" --json --related 0 --limit 3 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d["total"], " ".join(h["id"] for h in d["hits"]))'
}
pm_first=$(pm --partial "prime minis" | cut -d' ' -f2)
check "--partial prime minis: a prime minister's story first" \
    sh -c "case '$pm_first' in m[0-9]) true;; *) false;; esac"
check "--partial prime minis: the Mini story still found" \
    is "$(pm --partial "prime minis" | cut -d' ' -f1)" 31
check "--partial minis alone: the Mini story first" \
    is "$(pm --partial minis | cut -d' ' -f2)" car

finish
