#!/bin/sh
# t906-fuzz-shared-seeds.sh - Where `make fuzz` reads the shared corpora's
# seeds from (tests/fuzz/seeds.sh --shared): SHARED when given, else
# ../shared beside the tree when it holds corpora/, else one line saying
# that there are none and how to give them.  Run in a copy of the tree's
# layout, so that its ../shared is under $TMP.
. "$(dirname "$0")/lib.sh"

clone=$TMP/w/clone
mkdir -p "$clone/tests/fuzz"
cp "$top/tests/fuzz/seeds.sh" "$clone/tests/fuzz/"
seeds() { run out err env -u SHARED "$@" sh "$clone/tests/fuzz/seeds.sh" --shared; }

# No SHARED and no ../shared: nothing printed as a directory, one line
# naming the place looked at and the way out, and no failure.
seeds
check "none: exits 0 (exit $rc)" is "$rc" 0
check "none: one line on stderr, of the corpora, no directory on stdout" \
    is "$(grep -c '^seeds.sh: .*corpora' "$TMP/err") $(wc -l <"$TMP/err") $(wc -c <"$TMP/out")" "1 1 0"
check "none: names ../shared/corpora" contains "$TMP/err" "$clone/../shared/corpora: not found"
check "none: says how to give them" contains "$TMP/err" "SHARED=DIR"

# SHARED given without corpora/ in it: the same line, naming it.
mkdir -p "$TMP/empty"
seeds SHARED="$TMP/empty"
check "empty SHARED: exits 0 (exit $rc)" is "$rc" 0
check "empty SHARED: names it" contains "$TMP/err" "$TMP/empty/corpora: not found"

# ../shared holding corpora/: used with no SHARED, and quietly.
mkdir -p "$TMP/w/shared/corpora"
seeds
check "../shared: is the one used" is "$(cat "$TMP/out")" "$clone/../shared"
check "../shared: nothing on stderr" is "$(cat "$TMP/err")" ""

# SHARED wins over ../shared.
mkdir -p "$TMP/other/corpora"
seeds SHARED="$TMP/other"
check "SHARED: is the one used" is "$(cat "$TMP/out")" "$TMP/other"
finish
