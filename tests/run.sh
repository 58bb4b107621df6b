#!/bin/sh
# tests/run.sh - Run every test: the C unit tests, then the CLI tests.
#
# Each test prints "N passed, N failed" as its last line; this adds them up
# and ends with exactly one such line (CI reads it).  Exit status is 1 if
# anything failed.
#
# Environment: NSEARCH_BIN (bin/), TEST_BIN (build/tests), SHARED
# (../shared), TESTS (a glob of CLI tests to run, e.g. 't01*').
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
NSEARCH_BIN=${NSEARCH_BIN:-$top/bin}
TEST_BIN=${TEST_BIN:-$top/build/tests}
SHARED=${SHARED:-$top/../shared}
export NSEARCH_BIN SHARED TEST_BIN
passed=0
failed=0
# A test that hangs (a deadlock) fails after this many seconds, exit 124,
# instead of holding the run for ever; the slowest takes about a minute,
# three or four under AddressSanitizer.
LIMIT=${TEST_TIME_LIMIT:-900}

tally() { # name, output file, exit status
    line=$(tail -n 1 "$2")
    p=$(printf '%s\n' "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(printf '%s\n' "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then
        # A test that died before its summary counts as one failure.
        p=0
        f=1
        if [ "$3" -eq 124 ] || [ "$3" -eq 137 ]; then
            echo "FAIL $1: stopped after ${LIMIT} s (exit $3)"
        else
            echo "FAIL $1: no summary line (exit $3)"
        fi
    elif [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "FAIL $1: exit status $3"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        sed 's/^/    /' "$2" | tail -n 40
    fi
    printf '%-34s %s\n' "$1" "$line"
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for t in "$TEST_BIN"/test_*; do
    [ -x "$t" ] || continue
    timeout -k 10 "$LIMIT" "$t" >"$out" 2>&1
    tally "unit/$(basename "$t")" "$out" $?
done
for t in "$top"/tests/cli/${TESTS:-t}*.sh; do
    [ -f "$t" ] || continue
    timeout -k 10 "$LIMIT" sh "$t" >"$out" 2>&1
    tally "cli/$(basename "$t" .sh)" "$out" $?
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
