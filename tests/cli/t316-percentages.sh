#!/bin/sh
# t316-percentages.sh - A percentage is one percentage in every form news
# writes it: "1.5%" (BBC News), "1.5 pct" (Reuters), "1.5 percent" and
# "1.5 per cent".  The parser drops '%', so "1.5%" was the number alone
# and ranked Reuters' "WINS 1.5 MLN DLR CONTRACT" first; "1.5 pct" was
# 1.5 OR pct, every Reuters article with any percentage.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [
    ("bbc", "Economy picks up", "The economy grew by 1.5% in the quarter, "
     "officials said, as shoppers spent more on food and fuel."),
    ("wire", "GDP ROSE 1.5 PCT IN QUARTER", "Gross domestic product rose 1.5 "
     "pct in the fourth quarter, the statistics office said."),
    ("us", "Output climbs", "Factory output rose 1.5 percent last month, "
     "the Federal Reserve said on Tuesday in Washington."),
    ("uk", "Wages rise", "Average earnings rose 1.5 per cent in the year "
     "to March, the statistics office said on Wednesday."),
    ("mln", "WINS 1.5 MLN DLR CONTRACT", "Won a 1.5 mln dlr contract."),
    ("pct", "PRICES FELL 2 PCT", "Prices fell 2 pct in March."),
    ("cents", "GRAIN PRICES", "Wheat was 3 cents per bushel higher."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in arts:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
ids() { nsearch --db "$TMP/db" --json --no-collapse -n 50 "$@" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
first() { nsearch --db "$TMP/db" --json --no-collapse -n 1 "$@" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }
# one_of WORD LIST: WORD is a word of LIST.
one_of() { case " $2 " in *" $1 "*) return 0 ;; esac; return 1; }

check "1.5%: a percentage ranks first, not the 1.5 mln contract" \
    one_of "$(first '1.5%')" "wire us"
check "1.5 pct: the number in every form, not every pct" \
    is "$(ids '1.5 pct')" "bbc mln uk us wire"
check "1.5 per cent: not per and cent apart" \
    is "$(ids '1.5 per cent')" "bbc mln uk us wire"
check "1.5 PCT typed in capitals: the same" \
    is "$(ids '1.5 PCT')" "bbc mln uk us wire"
check "1.5pct written joined: the same" \
    is "$(ids '1.5pct')" "bbc mln uk us wire"
check "March AND 1.5 pct: AND joins the whole percentage" \
    is "$(ids 'March AND 1.5 pct')" "uk"
finish
