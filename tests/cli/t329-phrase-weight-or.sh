#!/bin/sh
# t329-phrase-weight-or.sh - A phrase beside plain words in an OR weighs
# only in the articles that have it.  The index has no positions, so
# Xapian ran the phrase as the AND of its words and the check decided the
# match afterwards, but the words' weight stayed: `3 OR "3 per cent"`
# ranked Reuters' "3/8 cent per kilo" first though no article has
# "3 per cent", and `3%` (3 OR "3 pct" OR "3 percent") had none of its
# top 10 with the percentage on BBC News and Reuters.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [
    # The phrase's words, apart, many times: no "3 per cent", no "3 pct".
    ("kilo", "RUBBER DUTY", "Duty of 3/8 cent per kilo, cents per kilo, "
     "per cent per kilo, cent per tonne, 12 pct protein, 14 pct protein, "
     "15 pct protein, 16 pct."),
    # "3" alone, more often than in kilo.
    ("plain", "Three ferries", "The 3 ferries left at 3 o'clock and the "
     "harbour stayed open through the night for the fishing fleet."),
    # The phrases themselves, in longer text.
    ("percent", "Prices rise", "Prices rose 3 per cent in March, the "
     "statistics office said on Wednesday in its monthly report on the "
     "cost of food, fuel, housing, clothing and transport in the country."),
    ("wire", "PRICES ROSE", "Consumer prices rose 3 pct in March, the "
     "statistics office said on Wednesday in its monthly report on the "
     "cost of food, fuel, housing, clothing and transport in the country."),
    ("none", "Harbour news", "Nothing about numbers here at all."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in arts:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
ranked() { nsearch --db "$TMP/db" --json --no-collapse -n 50 "$@" |
           python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }
total() { nsearch --db "$TMP/db" --json --no-collapse -n 0 "$@" |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
# before A B LIST: A comes before B in LIST.
before() { case " $3 " in *" $1 "*"$2 "*) return 0 ;; esac; return 1; }
score() { nsearch --db "$TMP/db" --json --no-collapse -n 50 "$1" |
          python3 -c 'import json,sys; print([h["score"] for h in json.load(sys.stdin)["hits"] if h["id"] == sys.argv[1]])' "$2"; }

check '"3 per cent" alone: the article that has it' \
    is "$(ranked '"3 per cent"')" "percent"
check '3 OR "3 per cent": the phrase first, then "3" alone, then the words apart' \
    is "$(ranked '3 OR "3 per cent"')" "percent plain kilo wire"
check '3 OR "3 per cent": the words apart weigh nothing' \
    before plain kilo "$(ranked '3 OR "3 per cent"')"
check '3 OR "3 per cent": every article with 3 still matches' \
    is "$(total '3 OR "3 per cent"')" 4
check '3 OR "3 per cent": an article without the phrase weighs as for 3 alone' \
    is "$(score '3 OR "3 per cent"' kilo)" "$(score 3 kilo)"
check '3%: "3 pct" first, the words apart last' \
    is "$(ranked '3%')" "wire plain kilo percent"
check '3 pct: "3" alone above "3/8 cent" and "12 pct" apart' \
    before plain kilo "$(ranked '3 pct')"
check '(3 OR "per kilo") AND duty: a phrase that holds still weighs' \
    is "$(ranked '(3 OR "per kilo") AND duty')" "kilo"
check '3%: every article with 3 still matches' \
    is "$(total '3%')" 4
finish
