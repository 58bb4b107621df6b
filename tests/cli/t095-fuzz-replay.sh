#!/bin/sh
# t095-fuzz-replay.sh - Every fuzz harness over its seed corpus and over
# every crash input found so far (tests/fuzz/found/), without libFuzzer:
# the parsers of feeds, HTML pages, JSON documents, Markdown, JSON Lines,
# front matter and NITF, and the plain-text page rules run after two,
# must neither crash nor hang on any of them.
. "$(dirname "$0")/lib.sh"
TEST_BIN=${TEST_BIN:-$top/build/tests}
SEEDS=$TMP/seeds
mkdir -p "$SEEDS"
for h in feed html jsondoc markdown jsonl frontmatter nitf; do
    rm -rf "$SEEDS/$h"
    mkdir -p "$SEEDS/$h"
    sh "$top/tests/fuzz/seeds.sh" "$h" "$SEEDS/$h"
    check "$h: has seeds" test -n "$(ls "$SEEDS/$h")"
    run "$h.out" "$h.err" timeout 120 "$TEST_BIN/fuzz/replay_$h" "$SEEDS/$h"/*
    check "$h: replay exits 0" is "$rc" 0
    check "$h: every input ran" grep -q '^[1-9][0-9]* passed, 0 failed$' "$TMP/$h.out"
done
finish
