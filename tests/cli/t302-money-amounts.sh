#!/bin/sh
# t302-money-amounts.sh - An amount typed in words or figures is found in
# each form news writes it: "$28 billion" finds "$28bn" (BBC News) and
# "28 billion dlrs" (Reuters), "$28bn" the other way round, and the number
# and its scale word are one amount (a phrase), not two loose words: "$28
# billion" ranked Reuters' "JAN 28 NET" earnings first and never found
# "Yukos owner sues Russia for $28bn".  "100m" without a currency sign is
# as often the sprint, and "3M" in capitals the company: left as typed.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [
    ("bbc-bn", "Yukos owner sues Russia for $28bn",
     "The owner of the oil firm claims $28bn in damages."),
    ("wire-bn", "FIRM SEEKS DAMAGES",
     "The oil company said it seeks 28 billion dlrs in damages."),
    ("decoy", "HEINZ 3RD QTR JAN 28 NET",
     "Sales were 3 billion dlrs in the quarter to Jan 28. Shr 28 cts. "
     "The quarter ended Jan 28, and sales rose to 3.1 billion dlrs."),
    ("bbc-m", "Club bids £5m for striker", "The club offered £5m on Monday."),
    ("wire-m", "COMPANY TO BUY BACK STOCK",
     "It will buy back up to 5 mln shares for 40 mln dlrs."),
    ("spelled", "Turnout high", "Some 5 million people voted."),
    ("apart", "Teams raise funds", "The 5 teams raised a million in all."),
    ("sprint", "Sprinter wins 100m", "She won the 100m in 11 seconds."),
    ("money100", "Deal agreed", "The deal is worth $100m to the club."),
    ("spelled100", "Budget set", "The town will spend 100 million dollars."),
    ("mmm", "3M SETS DIVIDEND", "3M said its board set a dividend."),
    ("three-mln", "SHARES SOLD", "It sold 3 mln shares to the public."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in arts:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
ids() { nsearch --db "$TMP/db" --json --no-collapse -n 50 "$@" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }
top() { nsearch --db "$TMP/db" --json --no-collapse -n "$1" "$2" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'; }

check "\$28 billion: both forms of the amount, not the loose 28" \
    is "$(ids '$28 billion')" "bbc-bn wire-bn"
check "\$28 billion: the two amounts rank first" \
    is "$(top 2 '$28 billion claim')" "bbc-bn wire-bn"
check "\$28bn: Reuters' 28 billion too" is "$(ids '$28bn')" "bbc-bn wire-bn"
check "28bn with no sign: the same" is "$(ids '28bn')" "bbc-bn wire-bn"
check "\$28 BILLION typed in capitals: the same" \
    is "$(ids '$28 BILLION')" "bbc-bn wire-bn"
check "oil AND \$28bn: AND joins the whole amount" \
    is "$(ids 'oil AND $28bn')" "bbc-bn wire-bn"
check "£5m: 5m, 5 million and 5 mln" is "$(ids '£5m')" "bbc-m spelled wire-m"
check "5 million: the phrase and 5 mln, not 5m without a currency sign" \
    is "$(ids '5 million')" "spelled wire-m"
check "\$100m: 100 million too; 100m without a sign: as typed" \
    is "$(ids '$100m') / $(ids '100m')" "money100 spelled100 sprint / money100 sprint"
check "\$3m: 3 mln too; 3M in capitals: the company alone" \
    is "$(ids '$3m') / $(ids '3M')" "mmm three-mln / mmm"
run out err nsearch --db "$TMP/db" --no-collapse --related 0 '$28bn'
check "the snippet marks the amount as Reuters writes it" \
    contains "$TMP/out" "seeks **28 billion** dlrs"
finish
