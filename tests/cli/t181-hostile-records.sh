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

# A 58 KB gzip of twenty million "{}" lines printed "missing id" for
# each, 11.5 M lines in two minutes.  Now the first 100 errors of a file
# are said, then one line at its end; the summary counts them all.
python3 - "$TMP/b.jsonl.gz" "$TMP/c.jsonl" <<'PY'
import gzip, sys
with gzip.open(sys.argv[1], "wb", 9) as f:
    f.write(b"{}\n" * 20000 + b'{"id":"ok","title":"Fine","body":"Oryx"}\n')
open(sys.argv[2], "w").write("{}\n" * 150)
PY
run out err nindex --db "$TMP/db2" "$TMP/b.jsonl.gz" "$TMP/c.jsonl"
check "flood: exit 3, records skipped" is "$rc" 3
check "flood: 100 lines of each file, and one more each" is "$(grep -c 'missing id$' "$TMP/err")" 200
check "flood: the rest of the gzip counted at its end" contains "$TMP/err" "b.jsonl.gz: and 19900 more records skipped, not each said (--verbose says each)"
check "flood: the rest of the other file at its end" contains "$TMP/err" "c.jsonl: and 50 more records skipped"
check "flood: said in file order" is "$(grep -n 'more records skipped' "$TMP/err" | cut -d: -f1 | tr '\n' ' ')" "101 202 "
check "flood: the summary counts every record" contains "$TMP/out" "1 added, 0 replaced, 0 unchanged, 0 deleted, 20150 skipped"
run out err nindex --verbose --db "$TMP/db2" "$TMP/c.jsonl"
check "flood: --verbose says each" is "$(grep -c 'missing id$' "$TMP/err")" 150
check "flood: --verbose, no line of more" lacks "$TMP/err" "more records skipped"

finish
