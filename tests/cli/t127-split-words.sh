#!/bin/sh
# t127-split-words.sh - "Did you mean" for two words run together, the
# space between them lost (common/spelling.cc split_of): the split is
# suggested, and searched when nothing matches, only when some article
# writes the two words side by side; parts are of three letters or more
# and not both closed-class words; a split is one edit, so it beats a
# correction of two edits, and loses to one of one edit with more
# articles; and only the first three words of a query that match nothing
# are tried.  Each part keeps the case it was typed in.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "pm1", "title": "Prime minister resigns", "date": "2025-03-01T10:00:00Z", "body": "The prime minister said on Monday that she would step down."}
{"id": "pm2", "title": "Visit to Bergen", "date": "2025-03-02T10:00:00Z", "body": "The prime minister met the mayor of Bergen."}
{"id": "pm3", "title": "Budget talks", "date": "2025-03-03T10:00:00Z", "body": "The finance minister and the prime minister agreed a budget."}
{"id": "spot1", "title": "Picnic weather", "date": "2025-03-04T10:00:00Z", "body": "Less rain fell today, and the picnic spot was dry."}
{"id": "spot2", "title": "Lakeside parking", "date": "2025-03-05T10:00:00Z", "body": "A spot by the lake saw less traffic this year."}
{"id": "net1", "title": "Network down", "date": "2025-03-06T10:00:00Z", "body": "The network failed for an hour."}
{"id": "net2", "title": "Phone network", "date": "2025-03-07T10:00:00Z", "body": "A new network of masts is planned."}
{"id": "net3", "title": "Rail network", "date": "2025-03-08T10:00:00Z", "body": "The rail network reopened."}
{"id": "ny1", "title": "Votes counted", "date": "2025-03-09T10:00:00Z", "body": "Voters in New York went to the polls."}
{"id": "ny2", "title": "Subway fares", "date": "2025-03-10T10:00:00Z", "body": "Fares in New York rise in May."}
{"id": "fit1", "title": "Band outfit", "date": "2025-03-11T10:00:00Z", "body": "The outfit played two sets."}
{"id": "fit2", "title": "Stage outfit", "date": "2025-03-12T10:00:00Z", "body": "Her outfit was made of tin foil."}
{"id": "fit3", "title": "Outfit of the year", "date": "2025-03-13T10:00:00Z", "body": "A rival outfit signed the drummer."}
{"id": "fit4", "title": "Tailor", "date": "2025-03-14T10:00:00Z", "body": "A cut out fix kit was sold at the fair."}
{"id": "tv1", "title": "Advert", "date": "2025-03-15T10:00:00Z", "body": "The tv ad ran twice."}
{"id": "tv2", "title": "Advert again", "date": "2025-03-16T10:00:00Z", "body": "Another tv ad aired and the wind rose."}
{"id": "el1", "title": "Polls closed", "date": "2025-03-17T10:00:00Z", "body": "The election was held on Sunday."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# sug QUERY: "suggestion|suggestion_used|ids of the hits" of QUERY.
sug() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 20 \
        --snippet-len 0 "$1" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%s|%s|%s" % (d["suggestion"], d["suggestion_used"],
                    " ".join(sorted(h["id"] for h in d["hits"]))))'
}

check "the words apart: the suggestion, searched" \
    is "$(sug primeminister)" "prime minister|True|$(sug 'prime minister' | cut -d'|' -f3)"
check "the words apart find the three articles" \
    is "$(sug 'prime minister' | cut -d'|' -f3)" "pm1 pm2 pm3"
check "capitalised: the first letter kept" \
    is "$(sug Primeminister | cut -d'|' -f1-2)" "Prime minister|True"
# Each word keeps the case its part was typed in: "PrimeMinister" lost
# the second capital ("Prime minister").
check "each part's capital kept" \
    is "$(sug PrimeMinister | cut -d'|' -f1-2)" "Prime Minister|True"
check "a capital on the second part only" \
    is "$(sug primeMinister | cut -d'|' -f1-2)" "prime Minister|True"
check "two capitals, the same articles" \
    is "$(sug NewYork)" "New York|True|$(sug newyork | cut -d'|' -f3)"
check "inside a phrase" is "$(sug '"primeminister resigns"')" \
    '"prime minister resigns"|True|pm1'
check "beside a word that matches" \
    is "$(sug 'bergen primeminister' | cut -d'|' -f1-2)" "bergen prime minister|False"
# Both words are in the archive, together more often than chance, but
# never side by side: no split.
check "the parts are there" is "$(sug '+spot +less' | cut -d'|' -f3)" "spot1 spot2"
check "never side by side: nothing suggested" is "$(sug spotless)" "None|False|"
# A split is one edit: it beats "network", two edits away, though that
# word has more articles.
check "one edit beats two" is "$(sug newyork | cut -d'|' -f1-2)" "new york|True"
# "outfit" is one edit from "outfix" and in three articles; "out fix"
# is written in one.
check "one edit with more articles beats a split" \
    is "$(sug outfix | cut -d'|' -f1-2)" "outfit|True"
check "parts of two letters: no split" is "$(sug tvad)" "None|False|"
# "and the" is one edit, "another" (one article) two: only the closed
# class words keep the split out.
check "two closed-class words: no split" \
    is "$(sug andthe | cut -d'|' -f1-2)" "another|True"
check "one closed-class word may be a part" \
    is "$(sug theelection)" "the election|True|el1"
# Splits are tried for the first three such words of a query only.
check "three words split, not a fourth" \
    is "$(sug 'primeminister newyork theelection primeminister' | cut -d'|' -f1)" \
    "prime minister new york the election primeminister"
check "a word that matches is not split" is "$(sug network | cut -d'|' -f1-2)" "None|False"

finish
