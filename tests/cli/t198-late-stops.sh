#!/bin/sh
# t198-late-stops.sh - Stops and kills at the last moments of a writer.
# A SIGTERM or SIGINT that came while a rebuild synced and linked its new
# generation was passed over: it published and exited 0, saying nothing.
# Now a stop before the rename of `current` publishes nothing (exit 1),
# and one after it is said.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/v1.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20):
        f.write(json.dumps({"id": "a%d" % i, "title": "Harbour story %d" % i,
                            "body": "The harbour, part %d." % i}) + "\n")
PY
nindex --quiet --db "$TMP/rb" "$TMP/v1.jsonl"
live=$(readlink "$TMP/rb/current")
gens() { ls "$TMP/rb" | grep '^gen-' | tr '\n' ' '; }
before=$(gens)

if ! command -v strace >/dev/null; then
    echo "skipped: the stops at publishing need strace (make deps installs it)"
else
    # strace delivers the signal as the call named returns: the stop comes
    # during the publishing, after the last check a rebuild made before.
    for at in "rename last-generation.tmp TERM" "symlink current.tmp INT"; do
        set -- $at
        call=$1 path=$2 sig=$3
        run out err strace -qq -o /dev/null -f -P "$TMP/rb/$path" \
            -e trace=$call -e inject=$call:signal=SIG$sig \
            "$NSEARCH_BIN/nindex" --db "$TMP/rb" --rebuild "$TMP/v1.jsonl"
        check "SIG$sig at $call $path: exit 1" is "$rc" 1
        check "SIG$sig at $call $path: says the live index is unchanged" \
            contains "$TMP/err" "interrupted; the live index is unchanged"
        check "SIG$sig at $call $path: the live generation stays" \
            is "$(readlink "$TMP/rb/current")" "$live"
        check "SIG$sig at $call $path: the new generation is removed" \
            is "$(gens)" "$before"
        check "SIG$sig at $call $path: no link left half made" \
            test ! -e "$TMP/rb/current.tmp"
    done
    # After the rename that publishes, a stop is too late to undo it: the
    # new generation is live (exit 0), and the stop is said.
    run out err strace -qq -o /dev/null -f -P "$TMP/rb/current.tmp" \
        -e trace=rename -e inject=rename:signal=SIGTERM \
        "$NSEARCH_BIN/nindex" --db "$TMP/rb" --rebuild "$TMP/v1.jsonl"
    new=$(readlink "$TMP/rb/current")
    check "SIGTERM after publishing: exit 0" is "$rc" 0
    check "SIGTERM after publishing: the new generation is live" \
        test "$new" != "$live"
    check "SIGTERM after publishing: the stop is said" contains "$TMP/err" \
        "published $new; the stop came after it was published"
fi
finish
