#!/bin/sh
# t181-hostile-records.sh - Records and pages a third party controls.
# A date that does not read was quoted raw in its message: its ESC, BEL
# and C1 controls reached the operator's terminal ("\033]0;..." retitles
# the window, "\033[2J" clears it), and a long one was cut in the middle
# of a character.  Now no message prints a control character, and a value
# is cut between characters.
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')

python3 - "$TMP/dates.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write('{"id":"w2","title":"t","body":"b b b","date":"bad\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b31m"}\n')
    f.write(json.dumps({"id": "w3", "title": "t", "body": "b", "date": "x" * 62 + "\u00f8"}) + "\n")
    f.write(json.dumps({"id": "w4", "title": "t", "body": "b b", "date": "Oryx"}) + "\n")
PY
run out err nindex --db "$TMP/db" "$TMP/dates.jsonl"
check "date: the record is refused by line" contains "$TMP/err" "dates.jsonl:1: unparsable date 'bad ]0;PWNED  [2J 31m'"
check "date: no ESC reaches the terminal" lacks "$TMP/err" "$esc"
check "date: no BEL" lacks "$TMP/err" "$bel"
check "date: no C1 CSI" lacks "$TMP/err" "$csi"
x60=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
check "date: a long value cut between characters" contains "$TMP/err" "dates.jsonl:2: unparsable date '$x60...'"
check "date: no half character" lacks "$TMP/err" "$(printf '\303')"
check "date: a short value as given" contains "$TMP/err" "dates.jsonl:3: unparsable date 'Oryx'"

printf '<html><head><title>T</title><meta property="article:published_time" content="2024\033]0;PWNED\007"></head><body><article><h1>T</h1><p>Some text to read here.</p></article></body></html>\n' >"$TMP/m.html"
run out err nindex --db "$TMP/db" "$TMP/m.html"
check "html date: refused, said" contains "$TMP/err" "m.html: unparsable date '2024 ]0;PWNED'"
check "html date: no ESC reaches the terminal" lacks "$TMP/err" "$esc"
check "html date: no BEL" lacks "$TMP/err" "$bel"

finish
