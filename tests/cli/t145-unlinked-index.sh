#!/bin/sh
# t145-unlinked-index.sh - An index directory whose generations are there
# but whose `current` link is not (removed by hand, dropped by a restore)
# or is a directory (a copy that followed links).  An update took it for a
# new index: it published a generation of that night's articles alone,
# exit 0, and nsearchd switched to it; a search said "no index ... Build
# one with".  Now every reader and writer says what is wrong, a rebuild is
# held against the newest generation, nsearchd answers from the newest
# generation that opens, and --rollback links it again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/all.jsonl" "$TMP/day.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(60):
        f.write(json.dumps({"id": "a%d" % i, "title": "Harbour report %d" % i,
                            "body": "The harbour story, part %d." % i}) + "\n")
with open(sys.argv[2], "w") as f:
    for i in range(3):
        f.write(json.dumps({"id": "d%d" % i, "title": "Ferry note %d" % i,
                            "body": "A ferry note, part %d." % i}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/all.jsonl"
nindex --quiet --db "$TMP/db" --rebuild "$TMP/all.jsonl"
newest=$(readlink "$TMP/db/current")
gens() { ls "$TMP/db" | grep -c '^gen-'; }
before=$(gens)
rm "$TMP/db/current"
said="'$TMP/db' has generations (the newest '$newest') but no 'current' link naming the live one: nindex --rollback links the newest generation that opens"

run out err nsearch --db "$TMP/db" harbour
check "no link: nsearch exits 1" is "$rc" 1
check "no link: nsearch says what is wrong" contains "$TMP/err" "$said"
check "no link: not 'Build one with'" lacks "$TMP/err" "Build one with"

run out err nindex --db "$TMP/db" "$TMP/day.jsonl"
check "no link: an update exits 1" is "$rc" 1
check "no link: the update says what is wrong" contains "$TMP/err" "$said"
check "no link: no generation made" is "$(gens)" "$before"
check "no link: still no link made" test ! -e "$TMP/db/current"

run out err nindex --db "$TMP/db" --prune --dry-run "$TMP/day.jsonl"
check "no link: a dry run exits 1" is "$rc" 1
check "no link: the dry run forecasts nothing" lacks "$TMP/out" "added"

run out err nindex --db "$TMP/db" --rebuild "$TMP/day.jsonl"
check "no link: a rebuild of 3 is held against the newest generation's 60" \
    contains "$TMP/err" "3 articles against 60 live"
check "no link: ... and not published" test ! -e "$TMP/db/current"

# nsearchd answers from the newest generation that opens meanwhile.
check "no link: nsearchd starts" start_server
get h.json /health
check "no link: nsearchd answers from the newest generation" \
    json h.json 'd["articles"] == 60'
get s.json "/v1/search?q=harbour&collapse=0&limit=0"
check "no link: nsearchd's search finds the archive" json s.json 'd["total"] == 60'
check "no link: the log says so" contains "$TMP/server.err" \
    "the newest generation that opens: no 'current' link names the live one"
kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=

run out err nindex --db "$TMP/db" --rollback
check "no link: --rollback exits 0" is "$rc" 0
check "no link: --rollback links the newest generation" \
    is "$(readlink "$TMP/db/current")" "$newest"
check "no link: --rollback says so" contains "$TMP/out" \
    "rollback: $newest (the newest that opens; there was no 'current' link) is live"
check "linked again: the archive is found" \
    is "$(nsearch --db "$TMP/db" --json --limit 0 --no-collapse harbour |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 60
check "linked again: an update works" nindex --quiet --db "$TMP/db" "$TMP/day.jsonl"

# A copy that followed the link: `current` is a directory.
cp -rL "$TMP/db" "$TMP/copy"
rm -f "$TMP/copy/lock"
run out err nindex --db "$TMP/copy" "$TMP/day.jsonl"
check "current a directory: an update exits 1" is "$rc" 1
check "current a directory: says so" contains "$TMP/err" \
    "'$TMP/copy/current' is a directory, not the link naming the live generation"
run out err nsearch --db "$TMP/copy" harbour
check "current a directory: nsearch says so" contains "$TMP/err" \
    "'$TMP/copy/current' is a directory"
run out err nindex --db "$TMP/copy" --rollback
check "current a directory: --rollback leaves it, exit 1" is "$rc" 1
check "current a directory: --rollback says what to do" contains "$TMP/err" \
    "is not a link naming the live generation: move it away"
check "current a directory: kept" test -d "$TMP/copy/current"
mv "$TMP/copy/current" "$TMP/copy-current"
run out err nindex --db "$TMP/copy" --rollback
check "moved away: --rollback links it" test -L "$TMP/copy/current"

finish
