#!/bin/sh
# t286-script-answers.sh - What a script reading nsearch's answers relies on.
# 1. A date: value that is no date is left out of the query, as its
#    warning says: it made "oil -date:1987-13" find nothing and
#    "cocoa OR date:1987-02-30" the whole archive.
# 2. The windows-1252 hint is given for a file with no UTF-8 before its
#    bad byte only: following it on a UTF-8 file with one stray byte
#    turned each "ø" into "Ã¸".
# 3. --batch with no index answers every line of its input: it printed
#    nothing on stdout.
. "$(dirname "$0")/lib.sh"

total() {
    nsearch --db "$TMP/db" --json --limit 0 --related 0 -- "$1" 2>"$TMP/total.err" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
rows = [("o1", "Oil prices rise", "1987-02-10T10:00:00Z"),
        ("o2", "Oil output cut", "1987-03-11T10:00:00Z"),
        ("o3", "Oil and cocoa talks", "1987-03-12T10:00:00Z"),
        ("c1", "Cocoa harvest", "1987-02-20T10:00:00Z"),
        ("w1", "Wheat exports", "1987-04-01T10:00:00Z"),
        ("w2", "Wheat tender", "1987-04-02T10:00:00Z")]
with open(sys.argv[1], "w") as f:
    for i, t, d in rows:
        f.write(json.dumps({"id": i, "title": t, "body": t + " today.",
                            "date": d}) + "\n")
PY
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "the archive builds" is "$rc" 0

# 1. Unreadable dates.
check "oil: 3" is "$(total oil)" 3
check "oil -date:1987-13 is oil" is "$(total 'oil -date:1987-13')" 3
check "... with the warning" contains "$TMP/total.err" "date:1987-13 is not a date"
check "cocoa OR date:1987-02-30 is cocoa" is "$(total 'cocoa OR date:1987-02-30')" 2
check "cocoa AND date:1987-13 is cocoa" is "$(total 'cocoa AND date:1987-13')" 2
check "oil date:1987-13 is oil" is "$(total 'oil date:1987-13')" 3
check "+date:1987-13 oil is oil" is "$(total '+date:1987-13 oil')" 3
check "a bad date beside a good one filters by the good one" \
    is "$(total 'oil date:1987-13 date:1987-03')" 2
check "date:1987-13 alone lists every article" is "$(total 'date:1987-13')" 6
check "-date:1987-13 alone lists every article" is "$(total -date:1987-13)" 6
check "date:1987-13 -oil is -oil" is "$(total 'date:1987-13 -oil')" 3
check "a good date still filters" is "$(total 'oil -date:1987-03')" 1

# 2. The encoding hint.
printf '{"id":"t1","title":"Troms\303\270 harbour","body":"Troms\303\270 ferry."}\n{"id":"t2","title":"Bod\370 ferry","body":"stray byte"}\n{"id":"t3","title":"Alta","body":"Alta ferry."}\n' >"$TMP/mixed.jsonl"
run out err nindex --db "$TMP/db" "$TMP/mixed.jsonl"
check "one stray byte: that record skipped" contains "$TMP/out" "2 added"
check "the bad byte named" contains "$TMP/err" "mixed.jsonl:2: invalid UTF-8 at byte 24 (0xF8"
check "no advice to convert the file" lacks "$TMP/err" "iconv"
check "the line to mend, and the rest said to be UTF-8" contains "$TMP/err" \
    "mixed.jsonl:2: the rest of the file is UTF-8: mend the byte on this line alone"
check "Tromsø is stored as written" is "$(nsearch --db "$TMP/db" --json --related 0 id:t1 |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["title"])')" "Tromsø harbour"
# UTF-8 earlier on the bad line itself counts too.
printf '{"id":"t4","title":"Troms\303\270 and Bod\370","body":"x"}\n' >"$TMP/same.jsonl"
run out err nindex --db "$TMP/db" "$TMP/same.jsonl"
check "UTF-8 before the bad byte on its line: no iconv" lacks "$TMP/err" "iconv"
# A Latin-1 file still gets the command.
printf '{"id":"l1","title":"Troms\370","body":"Bod\370"}\n' >"$TMP/latin1.jsonl"
run out err nindex --db "$TMP/db" "$TMP/latin1.jsonl"
check "latin-1 file: the iconv hint" contains "$TMP/err" "the file looks like windows-1252: convert it with iconv"

# 3. --batch with no index.
printf 'q1\toil\ncocoa\n\tcocoa\n' >"$TMP/queries"
run out err nsearch --db "$TMP/nodb" --batch --json <"$TMP/queries"
check "batch, no index: exit 1" is "$rc" 1
check "an answer per line" is "$(wc -l <"$TMP/out" | tr -d ' ')" 3
check "each the error with its qid" is "$(python3 -c 'import json,sys
print(" ".join(json.loads(l)["qid"] + "=" + json.loads(l)["error"] for l in open(sys.argv[1])))' "$TMP/out")" \
    "q1=no index at '$TMP/nodb' 2=no index at '$TMP/nodb' 3=no index at '$TMP/nodb'"
check "the message on stderr too" contains "$TMP/err" "no index at '$TMP/nodb'"
run out err nsearch --db "$TMP/nodb" --batch </dev/null
check "no input: no answer" is "$(wc -c <"$TMP/out" | tr -d ' ')" 0
finish
