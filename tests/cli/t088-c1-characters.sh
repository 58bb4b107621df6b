#!/bin/sh
# t088-c1-characters.sh - The characters U+0080-U+009F through nindex and
# nsearch.  In JSON Lines a C1 control is a space, as C0 ones are, so
# U+009B (CSI, an escape introducer to some terminals) never reaches the
# terminal from a title, a section, a byline or a facet.
. "$(dirname "$0")/lib.sh"

# no_c1 FILE: FILE holds no C1 control (UTF-8 0xC2 0x80-0x9F).
no_c1() {
    python3 -c 'import sys; sys.exit(any(0x80 <= ord(c) <= 0x9f
        for c in open(sys.argv[1], encoding="utf-8").read()))' "$1"
}

mkdir -p "$TMP/in"
printf '%s\n' '{"id":"esc2","title":"Csi \u009b2J\u009b31m title","body":"plain body csi.","lang":"en","section":"S\u009b31m","author":"Ann\u009b31m"}' >"$TMP/in/esc.jsonl"
check "index" nindex --quiet --db "$TMP/db" "$TMP/in"

run out err nsearch --db "$TMP/db" --related 0 --facets=section csi
check "jsonl: searched" contains "$TMP/out" "1 match"
check "jsonl: C1 controls are spaces" contains "$TMP/out" "Csi  2J 31m title"
check "jsonl: none reaches the terminal" no_c1 "$TMP/out"
check "jsonl: section facet" contains "$TMP/out" "S 31m (1)"
check "jsonl: byline" contains "$TMP/out" "S 31m | Ann 31m | esc2"
finish
