#!/bin/sh
# t268-windows-exports.sh - JSON Lines exported from old Windows systems.
# 1. Per-year exports that each start with a UTF-8 byte-order mark, merged
#    with cat: the second file's mark opened a line, and that file's first
#    record was lost as "malformed JSON ... near '<an invisible mark>'".
# 2. windows-1252 text that went through Latin-1 ("won\u0092t"): its C1
#    controls were spaces, so "won't" found nothing; they are read as
#    windows-1252, as in pages and feeds, with a warning per record.
# 3. A Latin-1 file is refused (JSON is UTF-8), but the message names the
#    byte, and once per file says how to convert the file.
. "$(dirname "$0")/lib.sh"

ids() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
title() {
    nsearch --db "$TMP/db" --json --related 0 "id:$1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["title"])'
}
bom=$(printf '\357\273\277')

# 1. Byte-order marks of concatenated files.
printf '\357\273\277{"id":"b1","title":"File one","body":"harvest one"}\r\n' >"$TMP/y1921.jsonl"
printf '\357\273\277{"id":"b2","title":"File two","body":"harvest two"}\r\n' >"$TMP/y1922.jsonl"
printf '\357\273\277' >"$TMP/empty.jsonl" # Notepad's empty file: a mark, no newline
printf '\357\273\277{"id":"b3","title":"File three","body":"harvest three"}\n' >"$TMP/y1923.jsonl"
cat "$TMP/y1921.jsonl" "$TMP/y1922.jsonl" "$TMP/empty.jsonl" "$TMP/y1923.jsonl" >"$TMP/all.jsonl"
run out err nindex --db "$TMP/db" "$TMP/all.jsonl"
check "merged exports: exit 0" is "$rc" 0
check "merged exports: every record added" contains "$TMP/out" "3 added"
check "merged exports: none skipped" contains "$TMP/out" " 0 skipped"
check "the second file's first record is found" is "$(ids harvest)" "b1 b2 b3"
check "its title is stored without the mark" is "$(title b2)" "File two"

# A mark inside a record is still malformed JSON, named, not printed.
printf '{"id":"b4",\357\273\277"title":"Four","body":"harvest four"}\n' >"$TMP/mid.jsonl"
run out err nindex --db "$TMP/db" "$TMP/mid.jsonl"
check "a mark inside a record: skipped, exit 3" is "$rc" 3
check "a mark inside a record: named U+FEFF" contains "$TMP/err" "mid.jsonl:1: malformed JSON: string or '}' expected near U+FEFF (a byte-order mark)"
check "a mark inside a record: not printed" lacks "$TMP/err" "$bom"

# 2. C1 controls that are windows-1252 punctuation.
printf '%s\n' '{"id":"c1","title":"Mayor\u0092s plan \u0096 \u00805m","body":"The mayor\u0092s plan won\u0092t pass, said \u0093Big Bill\u0094 Thompson.","section":"City\u0092s hall","tags":["Bill\u0092s"],"date":"1927-04-05"}' \
    '{"id":"c2","title":"Plain","body":"Only one: it\u0092s here. And \u0081 stays a space."}' \
    '{"id":"c3","title":"Clean","body":"No control here at all."}' >"$TMP/c1.jsonl"
run out err nindex --db "$TMP/db" "$TMP/c1.jsonl"
check "C1 records: exit 0" is "$rc" 0
check "C1 records: all added" contains "$TMP/out" "3 added"
check "won't is found" is "$(ids "won't")" "c1"
check "the phrase \"mayor's plan\" is found" is "$(ids '"mayor'"'"'s plan"')" "c1"
check "stored title: windows-1252 characters" is "$(title c1)" "Mayor’s plan – €5m"
nsearch --db "$TMP/db" --json --related 0 "id:c1" >"$TMP/c1.json"
check "stored body: curly quotes" contains "$TMP/c1.json" "said “Big Bill” Thompson"
check "section and tags too" contains "$TMP/c1.json" '"section":"City’s hall"'
check "tags too" contains "$TMP/c1.json" '"tags":["Bill’s"]'
check "it's found in the second record" is "$(ids "it's")" "c2"
check "one warning per record, with its place" contains "$TMP/err" \
    "warning: $TMP/c1.jsonl:1: 9 control characters read as windows-1252 (the first, U+0092 \"’\" in field 'title')"
check "a single one named with its field" contains "$TMP/err" \
    "warning: $TMP/c1.jsonl:2: field 'body': control character U+0092 read as windows-1252 \"’\""
check "two warnings in all" is "$(grep -c 'read as windows-1252' "$TMP/err")" 2
# U+009B is CSI to some terminals: as windows-1252 it is "›", no control.
printf '%s\n' '{"id":"c4","title":"Csi \u009b2J","body":"escape body"}' >"$TMP/csi.jsonl"
run out err nindex --db "$TMP/db" "$TMP/csi.jsonl"
check "U+009B is windows-1252's ›" is "$(title c4)" "Csi ›2J"
# An id is refused, not altered.
printf '%s\n' '{"id":"x\u0092y","title":"Id","body":"id body"}' >"$TMP/id.jsonl"
run out err nindex --db "$TMP/db" "$TMP/id.jsonl"
check "a C1 control in an id is refused" contains "$TMP/err" "id.jsonl:1: id contains the control character U+0092"

# 3. A Latin-1 export: refused, the byte named, the fix said once.
printf '{"id":"l1","title":"Caf\351 society","body":"The r\351gime fell in M\374nchen."}\n{"id":"l2","title":"Second","body":"Na\357ve d\351butante."}\n' >"$TMP/latin1.jsonl"
run out err nindex --db "$TMP/db" "$TMP/latin1.jsonl"
check "latin-1: skipped, exit 3" is "$rc" 3
check "latin-1: both skipped" contains "$TMP/out" "0 added, 0 replaced, 0 unchanged, 0 deleted, 2 skipped"
check "the byte and its windows-1252 character" contains "$TMP/err" \
    "latin1.jsonl:1: invalid UTF-8 at byte 24 (0xE9, \"é\" in windows-1252)"
check "the second record's byte" contains "$TMP/err" \
    "latin1.jsonl:2: invalid UTF-8 at byte 39 (0xEF, \"ï\" in windows-1252)"
check "the hint, once per file" is "$(grep -c 'looks like windows-1252' "$TMP/err")" 1
# The command the hint gives converts the file.
sed -n 's/.*: convert it with //p' "$TMP/err" >"$TMP/cmd"
sh "$TMP/cmd" >"$TMP/utf8.jsonl" 2>/dev/null
run out err nindex --db "$TMP/db" "$TMP/utf8.jsonl"
check "converted as the hint says: both added" contains "$TMP/out" "2 added"
check "café is found" is "$(ids café)" "l1"
check "naïve is found" is "$(ids naïve)" "l2"
# Gzipped, the command says to decompress first.
gzip -c "$TMP/latin1.jsonl" >"$TMP/old.jsonl.gz"
run out err nindex --db "$TMP/db" "$TMP/old.jsonl.gz"
check "gzip: the hint decompresses first" contains "$TMP/err" \
    "old.jsonl.gz: the file looks like windows-1252: convert it with gzip -dc $TMP/old.jsonl.gz | iconv -f windows-1252 -t utf-8"
finish
