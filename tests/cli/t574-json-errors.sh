#!/bin/sh
# t574-json-errors.sh - nsearch --json's failures: the message on stderr
# and the exit status as ever, and on stdout the error object nsearchd
# answers with, {"error": {"code", "message"}}, where stdout was empty and
# `| jq .total` printed nothing and exited 0.  Usage errors stay text.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# error_is FILE CODE MESSAGE: FILE is one JSON error object with them.
error_is() {
    python3 - "$@" <<'PY'
import json, sys
path, code, message = sys.argv[1:]
lines = open(path).read().splitlines()
assert len(lines) == 1, lines
d = json.loads(lines[0])
assert d == {"error": {"code": code, "message": message}}, d
PY
}

run out err nsearch --json --db "$TMP/nodb" azure
check "no index: exit 1" is "$rc" 1
check "no index: the message on stderr" contains "$TMP/err" \
    "nsearch: no index at '$TMP/nodb'"
check "no index: JSON on stdout" \
    error_is "$TMP/out" no_index "no index at '$TMP/nodb'"

run out err nsearch --json --db "$TMP/db" --related-to nosuch
check "unknown article: exit 1" is "$rc" 1
check "unknown article: the message on stderr" contains "$TMP/err" \
    "nsearch: no article with id 'nosuch'"
check "unknown article: JSON on stdout" \
    error_is "$TMP/out" not_found "no article with id 'nosuch'"

run out err env XDG_DATA_HOME= HOME= "$NSEARCH_BIN/nsearch" --json azure
check "no index location: exit 1" is "$rc" 1
check "no index location: JSON on stdout" error_is "$TMP/out" no_index \
    "no index location: give --db DIR or set NSEARCH_DB"

# What a script sees: the code, not nothing.
check "jq-style reading finds the error" is "$(nsearch --json --db "$TMP/nodb" x 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')" no_index

# Without --json, and for usage errors, stdout stays empty.
run out err nsearch --db "$TMP/nodb" azure
check "text: exit 1" is "$rc" 1
check "text: nothing on stdout" is "$(wc -c <"$TMP/out")" 0
run out err nsearch --json --db "$TMP/db" --sort sideways azure
check "usage error: exit 2" is "$rc" 2
check "usage error: nothing on stdout" is "$(wc -c <"$TMP/out")" 0

# --batch whose answers cannot be written says why, as the text output
# does ("output error" was all it said).
printf 'azure\nazure\n' | nsearch --db "$TMP/db" --batch >/dev/full 2>"$TMP/err"
rc=$?
check "--batch >/dev/full: exit 1" is "$rc" 1
check "--batch >/dev/full: says why" contains "$TMP/err" \
    "nsearch: cannot write results: No space left on device"
# A reader that went away (SIGPIPE ignored, as a parent such as Python's
# subprocess may leave it): "Broken pipe".
(
    trap '' PIPE
    { sleep 1; printf 'azure\n'; } |
        "$NSEARCH_BIN/nsearch" --db "$TMP/db" --batch 2>"$TMP/pipe.err" | true
)
check "--batch into a closed pipe: says why" contains "$TMP/pipe.err" \
    "nsearch: cannot write results: Broken pipe"

finish
