#!/bin/sh
# t196-terminal-direction.sh - Direction controls and line separators
# on a terminal.  A title holding U+202E (RIGHT-TO-LEFT OVERRIDE) printed
# the rest of its line backwards, so "evil" could read as "live" and a
# url as another site's; U+2028 broke the line in some terminals.  The
# text output prints each as a space and messages leave them out; the
# stored text and --json keep them, for the scripts that use them.
. "$(dirname "$0")/lib.sh"

rlo=$(printf '\342\200\256')
lsep=$(printf '\342\200\250')
lri=$(printf '\342\201\246')
rlm=$(printf '\342\200\217')

cat >"$TMP/a.jsonl" <<'J'
{"id":"d1","title":"Invoice \u202efdp.exe\u202c today","body":"harbour accounts for the year \u2028second line","date":"2024-05-01","url":"https://x.example/a\u2066b"}
{"id":"d2","title":"Hebrew \u200fmark\u200f kept","body":"harbour notes","date":"2024-05-02"}
{"id":"d3","title":"T","body":"harbour","date":"2024-05-03","lang":"e\u202ex"}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "indexed" is "$rc" 0
check "a message quoting a value prints no override" lacks "$TMP/err" "$rlo"

run out err nsearch --db "$TMP/db" harbour
check "search answers" is "$rc" 0
check "title shown" contains "$TMP/out" "Invoice"
check "no override reaches the terminal" lacks "$TMP/out" "$rlo"
check "no line separator reaches the terminal" lacks "$TMP/out" "$lsep"
check "no isolate in the url shown" lacks "$TMP/out" "$lri"
check "the override is a space" contains "$TMP/out" "Invoice  fdp.exe  today"
check "a right-to-left mark stays (it reorders nothing)" contains "$TMP/out" "$rlm"

run out err nsearch --db "$TMP/db" --json harbour
check "json keeps the stored title" contains "$TMP/out" "$rlo"
finish
