#!/bin/sh
# t185-lucene-operators.sh - Lucene's operators where they met the query
# language's rules: a word with '-' or '+' beside OR ("oil OR -gas"), the
# symbols && || ! in a query typed in capitals, and a list of filters
# longer than the word limit.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    ("o1", "Oil", "Oil prices rose."),
    ("o2", "Oil and gas", "Oil and gas output."),
    ("g1", "Gas", "Gas supply fell."),
    ("w1", "Wheat", "Wheat crops grew."),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in docs:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
    for n in range(250):
        f.write(json.dumps({"id": "n%03d" % n, "title": "Note %d" % n,
                            "body": "Copper note number %d." % n}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() {
    nsearch --db "$TMP/db" --json --limit 1000 --no-collapse -- "$1" \
        2>"$TMP/ids.err" >"$TMP/ids.json"
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/ids.json"
}
count() {
    ids "$1" | tr ',' '\n' | grep -c .
}

# A word with '-' or '+' beside OR.
check "oil OR -gas: oil without gas" is "$(ids 'oil OR -gas')" "o1"
check "oil OR -gas: no syntax error" lacks "$TMP/ids.err" "syntax error"
check "oil OR -gas: the warning" contains "$TMP/ids.err" \
    "a word with '-' or '+' beside OR is left out of (or required of) every result, as in Lucene; searched as oil -gas"
check "-gas OR oil" is "$(ids '-gas OR oil')" "o1"
check "oil OR wheat OR -gas" is "$(ids 'oil OR wheat OR -gas')" "o1,w1"
check "oil OR !gas" is "$(ids 'oil OR !gas')" "o1"
check "oil || -gas" is "$(ids 'oil || -gas')" "o1"
check "(oil OR -gas) OR wheat" is "$(ids '(oil OR -gas) OR wheat')" "o1,w1"
check "oil OR +gas: gas required" is "$(ids 'oil OR +gas')" "g1,o2"
check "oil NOT -gas is oil NOT gas" is "$(ids 'oil NOT -gas')" "o1"
check "oil OR NOT gas: either" is "$(ids 'oil OR NOT gas' | tr ',' '\n' | grep -c -v '^n')" "3"

# && || ! are symbols: operators in a query in capitals too.
check "OIL && GAS" is "$(ids 'OIL && GAS')" "o2"
check "OIL&&GAS" is "$(ids 'OIL&&GAS')" "o2"
check "OIL && !GAS" is "$(ids 'OIL && !GAS')" "o1"
check "OIL ! GAS" is "$(ids 'OIL ! GAS')" "o1"
check "OIL || WHEAT" is "$(ids 'OIL || WHEAT')" "o1,o2,w1"
check "OIL AND GAS: AND a word, either" is "$(ids 'OIL AND GAS')" "g1,o1,o2"
check "OIL && GAS AND: AND stays a word" is "$(ids 'OIL && GAS AND')" "o2"

# Filters are no words: 201 ids OR-ed keep all 201.
q=$(python3 -c 'print(" OR ".join("id:n%03d" % n for n in range(201)))')
check "201 id: filters OR-ed" is "$(count "$q")" "201"
check "201 id: filters: no warning" lacks "$TMP/ids.err" "words; only"
q=$(python3 -c 'print("copper " + " ".join("id:n%03d" % n for n in range(201)))')
check "copper and 201 id: filters" is "$(count "$q")" "201"
q=$(python3 -c 'print(" ".join("id:n%03d" % (n % 250) for n in range(501)))')
check "501 filters: the first 500 read" is "$(count "$q")" "250"
check "501 filters: the warning" contains "$TMP/ids.err" \
    "query has 501 filters; only the first 500 were read"
q=$(python3 -c 'print(" ".join("w%d" % n for n in range(101)) + " copper")')
ids "$q" >/dev/null
check "102 words: the word limit" contains "$TMP/ids.err" \
    "query has 102 words; only the first 100 were searched"
finish
