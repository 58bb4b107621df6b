#!/bin/sh
# t191-long-phrase-snippet.sh - A quoted phrase longer than the snippet
# (--snippet-len, 200 bytes) is found, and its snippet is the passage
# where the phrase starts, with as much of it marked as fits.  Xapian
# marks a phrase only where all of it is in the passage, so such a hit
# showed the article's lead with nothing marked, and a fact-checker could
# not see where the quote was.
. "$(dirname "$0")/lib.sh"

lead="Australia is raising its benchmark interest rate to its highest level in four years despite signs of a slowdown in the country's economy."
quote="The figures, representing a decline from the 0.2% growth in GDP seen between July and September, were below market expectations. Consumer spending remains strong, however, and the Bank is concerned about growing inflationary pressures."
python3 - "$TMP/a.jsonl" "$lead" "$quote" <<'PY'
import json, sys
path, lead, quote = sys.argv[1:]
body = lead + " The Reserve Bank of Australia lifted interest rates 0.25% to 5.5%, their first upwards move in more than three years. " + \
    "The economy grew 0.1% in the fourth quarter of 2004. " + quote + \
    " Over recent months spare capacity has become limited, said the governor."
with open(path, "w") as f:
    f.write(json.dumps({"id": "r1", "title": "Australia rates at four year high",
                        "body": body, "lang": "en"}) + "\n")
    f.write(json.dumps({"id": "r2", "title": "Other", "body": "Consumer spending remains strong in Canada.",
                        "lang": "en"}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

run out err nsearch --db "$TMP/db" "\"$quote\""
check "long phrase: found once" contains "$TMP/out" "1 match; showing 1-1"
check "long phrase: the passage where it starts, marked" \
    contains "$TMP/out" "...**The figures, representing a decline from the 0.2% growth in GDP"
check "long phrase: not the lead" lacks "$TMP/out" "Australia is raising"
check "long phrase: the mark closes where the snippet ends" \
    contains "$TMP/out" "and the Bank is concerned**..."

run out err nsearch --db "$TMP/db" --json "\"$quote\""
snip=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["snippet_html"])' <"$TMP/out")
check "long phrase: JSON marks it from its first word" \
    is "${snip%%representing*}" "...<mark>The figures, "
plain=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"][0]["snippet"].encode()))' <"$TMP/out")
check "long phrase: the snippet keeps its length ($plain bytes)" test "$plain" -le 206

run out err nsearch --db "$TMP/db" --snippet-len 80 "\"$quote\""
check "long phrase, --snippet-len 80: as much as fits" \
    contains "$TMP/out" "...**The figures, representing a decline from the 0.2% growth in GDP seen between**..."

# A phrase that fits is marked as before, where it is.
run out err nsearch --db "$TMP/db" '"growth in GDP seen"'
check "short phrase: marked in its passage" contains "$TMP/out" "**growth in GDP seen**"

finish
