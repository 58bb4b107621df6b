#!/bin/sh
# t214-standard-streams.sh - The programs and their standard descriptors.
#
# Started with one closed ("nindex 2>&-", "nsearch <&-"), a program gave
# its number to the next file it opened: nindex wrote its warnings into
# DIR/lock and the generation's flintlock, and nsearch --batch read an
# index table as its queries.  Now /dev/null is opened onto each closed
# one first.
#
# Output errors were ignored: "nsearch --help >/dev/full" and "nindex ...
# >/dev/full" exited 0, and nindex's summary was lost without a word.  Now
# a failed write to stdout is said and the exit status is 1.
#
# TERM=dumb was ignored (bold escapes, nindex's progress line), and an
# empty NO_COLOR turned colour off; no-color.org: only a value that is set
# and not empty.
. "$(dirname "$0")/lib.sh"

index_samples
printf '%s\n' '{"id":"ok1","title":"Harbour news","body":"The harbour story."}' \
    'not json at all' \
    '{"id":"ok2","title":"Ferry news","body":"The ferry story."}' \
    >"$TMP/bad.jsonl"

nindex --db "$TMP/w" "$TMP/bad.jsonl" >"$TMP/w.out" 2>&-
rc=$?
check "nindex 2>&-: exit 3 for the skipped line" is "$rc" 3
# The lock file holds the writer's own line, "PID MODE" (README "One
# writer at a time"), and nothing of what stderr would have said.
check "nindex 2>&-: the lock file holds the holder's line alone" \
    grep -qxE '[0-9]+ update' "$TMP/w/lock"
check "nindex 2>&-: ... one line" is "$(wc -l <"$TMP/w/lock")" 1
check "nindex 2>&-: no flintlock written to" \
    is "$(cat "$TMP/w"/gen-*/flintlock 2>/dev/null | wc -c)" 0
check "nindex 2>&-: the good articles are in" is "$(count "$TMP/w")" 2
run out err nindex --db "$TMP/w" "$TMP/bad.jsonl"
check "nindex 2>&-: the index still updates" is "$rc" 3
check "nindex 2>&-: ... and says why" contains "$TMP/err" "bad.jsonl:2:"

nsearch --db "$TMP/db" --batch --related 0 --limit 0 >"$TMP/b.out" \
    2>"$TMP/b.err" <&-
rc=$?
check "nsearch <&-: exit 0" is "$rc" 0
check "nsearch <&-: no query read" is "$(wc -c <"$TMP/b.out")" 0
check "nsearch <&-: no error" is "$(wc -c <"$TMP/b.err")" 0

for cmd in "nsearch --help" "nsearch --version" "nindex --help" \
    "nindex --version" "nsearch --db $TMP/db azure" \
    "nsearch --db $TMP/db --json azure"; do
    $NSEARCH_BIN/$cmd >/dev/full 2>"$TMP/full.err"
    rc=$?
    check "$cmd >/dev/full: exit 1" is "$rc" 1
    check "$cmd >/dev/full: says so" contains "$TMP/full.err" \
        "cannot write"
done
nsearch --db "$TMP/db" azure >/dev/full 2>"$TMP/full.err"
check "nsearch >/dev/full: says why" contains "$TMP/full.err" \
    "nsearch: cannot write results: No space left on device"
nindex --db "$TMP/full" "$TMP/bad.jsonl" >/dev/full 2>"$TMP/full.err"
rc=$?
check "nindex >/dev/full: exit 1" is "$rc" 1
check "nindex >/dev/full: the summary is missed" contains "$TMP/full.err" \
    "nindex: cannot write to standard output: No space left on device"
check "nindex >/dev/full: the index is made" is "$(count "$TMP/full")" 2

# tty ENV...: nsearch's text output on a terminal (script(1)) with ENV.
tty() {
    env "$@" script -qec "$NSEARCH_BIN/nsearch --db $TMP/db --related 0 \
        --limit 1 azure" /dev/null >"$TMP/tty.out" 2>&1 </dev/null
}
esc=$(printf '\033[1m')
if command -v script >/dev/null; then
    tty TERM=xterm
    check "terminal: bold" contains "$TMP/tty.out" "$esc"
    tty TERM=dumb
    check "TERM=dumb: no bold" lacks "$TMP/tty.out" "$esc"
    check "TERM=dumb: marked" contains "$TMP/tty.out" "**"
    tty TERM=xterm NO_COLOR=
    check "an empty NO_COLOR: bold" contains "$TMP/tty.out" "$esc"
    tty TERM=xterm NO_COLOR=1
    check "NO_COLOR=1: no bold" lacks "$TMP/tty.out" "$esc"
    TERM=dumb script -qec "$NSEARCH_BIN/nindex --db $TMP/p $SAMPLES" \
        /dev/null >"$TMP/p.out" 2>&1 </dev/null
    check "nindex, TERM=dumb: no escapes" lacks "$TMP/p.out" "$(printf '\033[K')"
fi

finish
