#!/bin/sh
# t249-gen-safe.sh - Safety of an index's generations against accidents
# on its directory: DIR/lock deleted by hand while a rebuild runs (a
# second writer waits or exits 75, and removes no live writer's build),
# the busy message naming the writer, and a generation number never
# given twice after last-generation is removed or restored from an older
# copy.
. "$(dirname "$0")/lib.sh"

stories() {
    python3 - "$@" <<'PY'
import json, sys
path, first, n, word = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with open(path, "w") as f:
    for i in range(first, first + n):
        f.write(json.dumps({"id": "s%d" % i, "title": "%s story %d" % (word, i),
                            "body": "harbour ferry council %s %d" % (word, i)}) + "\n")
PY
}
hits() {
    nsearch --db "$TMP/db" --json --limit 0 --related 0 --no-collapse "$1" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}

stories "$TMP/a.jsonl" 0 300 alpha
stories "$TMP/b1.jsonl" 0 200 bravo
stories "$TMP/b2.jsonl" 200 200 bravo
stories "$TMP/c.jsonl" 0 50 charlie
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# --- The lock file deleted while a rebuild runs. ---------------------------
# The rebuild reads standard input, fed half now and half at the end, so
# it is surely running (its build directory made) while the lock goes.
mkfifo "$TMP/feed"
("$NSEARCH_BIN/nindex" --quiet --db "$TMP/db" --rebuild - <"$TMP/feed" \
    >"$TMP/r1.out" 2>"$TMP/r1.err"; echo $? >"$TMP/r1.rc") &
first=$!
exec 7>"$TMP/feed"
cat "$TMP/b1.jsonl" >&7
i=0
while [ $i -lt 100 ] && ! ls -d "$TMP/db"/.build-* >/dev/null 2>&1; do
    sleep 0.1
    i=$((i + 1))
done
build=$(ls -d "$TMP/db"/.build-* 2>/dev/null | head -1)
check "the first rebuild is running (its build directory is there)" \
    test -n "$build"
check "its lock file names its pid and mode" \
    sh -c "grep -Eq '^[0-9]+ rebuild\$' '$TMP/db/lock'"
holder=$(cut -d' ' -f1 "$TMP/db/lock")
run o2 e2 nindex --db "$TMP/db" --update "$TMP/c.jsonl"
check "a second writer meanwhile exits 75" is "$rc" 75
check "... and the busy message names the writer's pid and mode" \
    contains "$TMP/e2" "is busy: nindex (pid $holder, --rebuild) is writing to it; wait, or --wait"
rm "$TMP/db/lock"
run o3 e3 nindex --db "$TMP/db" --rebuild --force "$TMP/c.jsonl"
check "with the lock file deleted, a second rebuild still exits 75" is "$rc" 75
check "... and removes not the running rebuild's build directory" \
    test -d "$build"
cat "$TMP/b2.jsonl" >&7
exec 7>&-
wait $first
check "the first rebuild completes (exit 0)" is "$(cat "$TMP/r1.rc")" 0
check "the published index is the first rebuild's: 400 bravo" \
    is "$(hits bravo)" 400
check "... and no charlie from the refused rebuild" is "$(hits charlie)" 0
check "no build directory is left" \
    sh -c "! ls -d '$TMP/db'/.build-* 2>/dev/null"

# A build directory of a live process is not taken for a dead writer's;
# one of a process that is gone is removed.
sleep 300 &
alive=$!
mkdir "$TMP/db/.build-$alive" "$TMP/db/.build-999999999"
nindex --quiet --db "$TMP/db" "$TMP/c.jsonl"
check "a live process's build directory stays" test -d "$TMP/db/.build-$alive"
check "a dead one's is removed" test ! -d "$TMP/db/.build-999999999"
kill $alive
rm -rf "$TMP/db/.build-$alive"

# --- A generation number is never given twice. -----------------------------
gen() { readlink "$TMP/db/current"; }
nindex --quiet --db "$TMP/db" --rebuild --force "$TMP/a.jsonl"
before=$(gen)
nindex --quiet --db "$TMP/db" --rebuild --force "$TMP/b1.jsonl"
rolled=$(gen)
nindex --quiet --db "$TMP/db" --rollback
check "the rollback made the earlier generation live" is "$(gen)" "$before"
rm "$TMP/db/last-generation"
run o4 e4 nindex --db "$TMP/db" --rebuild --force "$TMP/c.jsonl"
check "the rebuild after last-generation was removed succeeds" is "$rc" 0
check "... and does not give the rolled-back number again ($rolled)" \
    test "$(gen)" != "$rolled"
check "... its number follows it" \
    test "$(gen | tr -dc 0-9 | sed 's/^0*//')" -gt \
    "$(echo "$rolled" | tr -dc 0-9 | sed 's/^0*//')"
check "... with a warning that last-generation was missing" \
    contains "$TMP/e4" "last-generation' was missing"
check "the new generation is the one rebuilt: 50 charlie" \
    is "$(hits charlie)" 50

# An older copy of last-generation restored over it: the same.
cp "$TMP/db/last-generation" "$TMP/old-last"
nindex --quiet --db "$TMP/db" --rebuild --force "$TMP/a.jsonl"
top=$(gen)
nindex --quiet --db "$TMP/db" --rollback
cp "$TMP/old-last" "$TMP/db/last-generation"
run o5 e5 nindex --db "$TMP/db" --rebuild --force "$TMP/b1.jsonl"
check "with an older last-generation restored, $top is not given again" \
    test "$(gen)" != "$top"
check "... with a warning that it was behind" \
    contains "$TMP/e5" "behind the generations there"
run o6 e6 nindex --quiet --db "$TMP/db" "$TMP/c.jsonl"
check "the next run has nothing to warn of" lacks "$TMP/e6" last-generation

finish
