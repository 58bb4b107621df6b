#!/bin/sh
# t283-nordic-stems.sh - Norwegian words with æ, ø and å keep their
# inflected forms.  The stemmer folded a word before stemming it, so
# "ekstremvær" became "ekstremvaer" and lost an "-er" it never had, while
# "ekstremværet" kept it: "uvær" found only the article with "uvær",
# "uværet" only the one with "uværet", "multebær" nothing.  And "møte"
# (meeting) stemmed to "mot" (the preposition), so it found every article
# with "mot".  Now the Nordic and German stemmers read the word as
# written and its stem is folded; a word typed with the letters whose
# folded stem is a closed-class word is searched by its own forms.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"v1","title":"Uværet stengte veiene","date":"2024-01-10","lang":"nb","body":"Uværet stengte flere veier i natt. Ekstremværet ventes å vare til fredag."}
{"id":"v2","title":"Meldt uvær i helgen","date":"2024-01-11","lang":"nb","body":"Det er meldt uvær og ekstremvær i helgen, sier meteorologen."}
{"id":"v4","title":"Godt multebærår","date":"2024-08-12","lang":"nb","body":"Multebærene står tett på myrene i år."}
{"id":"m1","title":"Bystyret samles","date":"2024-09-01","lang":"nb","body":"Bystyret har kalt inn til et ekstraordinært møte torsdag."}
{"id":"m2","title":"Protest mot nedleggelse","date":"2024-09-05","lang":"nb","body":"Foreldre protesterer mot nedleggelsen av skolen."}
{"id":"m3","title":"Vind mot kysten","date":"2024-09-06","lang":"nb","body":"Sterk vind kommer inn mot kysten i kveld."}
{"id":"e1","title":"Her resume","date":"2024-09-07","lang":"en","body":"Her resume lists three jobs."}
{"id":"e2","title":"Her résumé","date":"2024-09-08","lang":"en","body":"The résumé was sent on Monday."}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# ids QUERY: the ids of QUERY's hits, sorted.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-suggest --no-collapse "$1" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(h["id"] for h in d["hits"])) or "-")'
}

check "uvær finds uværet" is "$(ids 'uvær')" "v1 v2"
check "uværet finds uvær" is "$(ids 'uværet')" "v1 v2"
check "ekstremvær finds ekstremværet" is "$(ids 'ekstremvær')" "v1 v2"
check "ekstremværet finds ekstremvær" is "$(ids 'ekstremværet')" "v1 v2"
check "multebær finds multebærene" is "$(ids 'multebær')" "v4"
# Typed with the digraph: the archive's "uvær" is read by its stem.
check "uvaer finds uvær and uværet" is "$(ids 'uvaer')" "v1 v2"
check "ekstremvaer finds both" is "$(ids 'ekstremvaer')" "v1 v2"
check "uvaeret finds both" is "$(ids 'uvaeret')" "v1 v2"

# møte is not the preposition mot; typed without the letter it is
# either, as before.
check "møte finds the meeting only" is "$(ids 'møte')" "m1"
check "møter finds the meeting only" is "$(ids 'møter')" "m1"
check "title:møte finds no title with mot" is "$(ids 'title:møte')" "-"
check "mote still finds both" is "$(ids 'mote')" "m1 m2 m3"

# English still folds first: résumé meets resume both ways.
check "résumé finds resume" is "$(ids 'résumé')" "e1 e2"
check "resume finds résumé" is "$(ids 'resume')" "e1 e2"

# The samples' Norwegian articles: "før" (before) is not the English
# "for" (76 articles, where 17 files write "før").
run out err nindex --quiet --db "$TMP/s" "$SAMPLES"
total() {
    nsearch --db "$TMP/s" --json --related 0 --no-suggest --no-collapse "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
nfor=$(grep -rli 'før' "$SAMPLES" | wc -l)
check "samples: før finds no more articles than write it" \
    test "$(total 'før')" -gt 0 -a "$(total 'før')" -le "$nfor"
check "samples: været finds vær" is "$(total 'været')" "$(total 'vær')"
check "samples: Tromso and Tromsø alike" is "$(total Tromso)" "$(total Tromsø)"

finish
