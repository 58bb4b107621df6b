#!/bin/sh
# t575-terminal-text.sh - What nsearch writes to a terminal besides its
# results: the "Build one with" command, which must paste into a shell as
# it reads (a quote in the directory) and, as every message, print no
# control character the arguments held (an escape sequence would reach
# the terminal as a command).
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033')
printf '%s\n' '{"id": "h1", "title": "Harbour report", "body": "The harbour story."}' \
    >"$TMP/one.jsonl"

# A directory with a quote in it: the hint's command builds that index.
dir="$TMP/it's db"
run out err nsearch --db "$dir" harbour
check "quote: exit 1" is "$rc" 1
check "quote: the hint quotes it for the shell" contains "$TMP/err" \
    "Build one with: nindex --db '$TMP/it'\\''s db' SOURCE..."
cmd=$(sed -n 's/.*Build one with: \(nindex --db .*\) SOURCE\.\.\..*/\1/p' "$TMP/err")
check "quote: the command as printed builds that index" \
    sh -c "PATH=\"$NSEARCH_BIN:\$PATH\"; $cmd --quiet \"$TMP/one.jsonl\""
check "quote: and nsearch finds it there" \
    sh -c '"$1/nsearch" --db "$2" harbour | grep -q "Harbour report"' - \
    "$NSEARCH_BIN" "$dir"

# Control characters in --db: neither line prints them.
run out err nsearch --db "no${esc}[31mdb" harbour
check "escape in --db: exit 1" is "$rc" 1
check "escape in --db: the hint is there" contains "$TMP/err" "Build one with: nindex --db 'no"
check "escape in --db: no ESC on stderr" lacks "$TMP/err" "$esc"

# Usage errors that echo an argument.
run out err nsearch --db "$TMP/db" --sort "${esc}[2J" harbour
check "escape in --sort: exit 2" is "$rc" 2
check "escape in --sort: says what is wrong" contains "$TMP/err" \
    "--sort is relevance, date, oldest or recent, not ' [2J'"
check "escape in --sort: no ESC on stderr" lacks "$TMP/err" "$esc"
run out err nsearch --db "$TMP/db" --limit "1${esc}]0;x" harbour
check "escape in --limit: exit 2, no ESC" \
    sh -c '[ "$1" = 2 ] && ! grep -q "$2" "$3"' - "$rc" "$esc" "$TMP/err"
run out err nsearch --db "$TMP/db" "--so${esc}[2Jrt" harbour
check "escape in an unknown option: exit 2" is "$rc" 2
check "escape in an unknown option: no ESC on stderr" lacks "$TMP/err" "$esc"
check "escape in an unknown option: named" contains "$TMP/err" \
    "unrecognized option '--so [2Jrt'"

# A query typed on a Latin-1 terminal: the error says why.  The locale is
# made here (localedef), as few systems have one installed.
latin1=$(printf 'Troms\370')
run out err nsearch --db "$TMP/db" "$latin1"
check "not UTF-8 (no locale): exit 2" is "$rc" 2
check "not UTF-8 (no locale): says so, no charset" contains "$TMP/err" \
    "nsearch: the query is not valid UTF-8"
check "not UTF-8 (no locale): names no character set" lacks "$TMP/err" \
    "character set"
mkdir -p "$TMP/loc"
if command -v localedef >/dev/null &&
    localedef -i en_US -f ISO-8859-1 "$TMP/loc/en_US.ISO-8859-1" \
        >/dev/null 2>&1; then
    l1() { LOCPATH="$TMP/loc" LC_ALL=en_US.ISO-8859-1 "$@"; }
    run out err l1 "$NSEARCH_BIN/nsearch" --db "$TMP/db" "$latin1"
    check "Latin-1 terminal: exit 2" is "$rc" 2
    check "Latin-1 terminal: names its character set" contains "$TMP/err" \
        "nsearch: the query is not valid UTF-8 (the terminal's character set is ISO-8859-1; nsearch reads and writes UTF-8)"
    # Nothing else changes with the locale.
    nindex --quiet --db "$TMP/db" "$TMP/one.jsonl"
    l1 "$NSEARCH_BIN/nsearch" --db "$TMP/db" --json harbour |
        sed 's/"took_ms": *[0-9.e-]*//' >"$TMP/l1.json"
    nsearch --db "$TMP/db" --json harbour |
        sed 's/"took_ms": *[0-9.e-]*//' >"$TMP/c.json"
    check "Latin-1 locale: the same JSON (numbers) as in C" \
        cmp -s "$TMP/l1.json" "$TMP/c.json"
else
    echo "skipped: no localedef for an ISO-8859-1 locale"
fi

# Ranks from 100 on: the lines under each title stay aligned with it.
write_stories "$TMP/many.jsonl" s 120
nindex --quiet --db "$TMP/many" "$TMP/many.jsonl"
nsearch --db "$TMP/many" --related 0 --no-collapse --snippet-len 20 \
    --offset 96 -n 6 harbour >"$TMP/ranks.out"
check "ranks 97-102: aligned" python3 - "$TMP/ranks.out" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
ranks = [l for l in lines if re.match(r" *\d+\. ", l)]
assert [l[:5] for l in ranks] == [" 97. ", " 98. ", " 99. ", "100. ", "101. ", "102. "], ranks
title_at = {len(l) - len(l.lstrip()) + len(l.split()[0]) + 1 for l in ranks}
assert title_at == {5}, title_at
inside = False
for l in lines:
    if re.match(r" *\d+\. ", l):
        inside = True
    elif l and inside:
        assert l.startswith("     ") and l[5] != " ", repr(l)
    else:
        inside = False
PY
nsearch --db "$TMP/many" --related 0 --no-collapse --snippet-len 20 \
    -n 2 harbour >"$TMP/ranks1.out"
check "ranks 1-2: as ever" python3 - "$TMP/ranks1.out" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[2].startswith(" 1. Story"), lines[2]
assert lines[3].startswith("    ") and lines[3][4] != " ", lines[3]
PY

# nindex's progress line on a terminal: "1 article".
if command -v script >/dev/null; then
    TERM=xterm script -qec "$NSEARCH_BIN/nindex --db $TMP/progress $TMP/one.jsonl" \
        /dev/null </dev/null >"$TMP/progress.out" 2>&1
    check "progress: 1 article" contains "$TMP/progress.out" "nindex: 1 article, 0 skipped"
else
    echo "skipped: no script(1) for a terminal"
fi

finish
