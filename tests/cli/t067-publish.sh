#!/bin/sh
# t067-publish.sh - How a rebuild goes live: the durability calls in the
# right order, and the canary that refuses a generation which cannot find
# its own first article.
#
# A killed process cannot show a missing fsync (the page cache survives
# it), so the order is read from the calls themselves: tests/syncshim.c,
# preloaded, records every fsync, fdatasync and rename.  A power cut at any
# point must leave either the old generation live or the new one complete,
# which takes: every file and directory of the new generation synced before
# `current` is renamed onto it, and the index directory synced after.
. "$(dirname "$0")/lib.sh"

TEST_BIN=${TEST_BIN:-$top/build/tests}
SHIM=$TEST_BIN/syncshim.so

python3 - "$TMP/a.jsonl" <<'PY'
import json, random, sys
rng = random.Random(11)
words = "harbour ferry storm council budget election school fishing oil fund salmon bridge".split()
with open(sys.argv[1], "w") as f:
    for i in range(200):
        f.write(json.dumps({"id": "p%d" % i, "title": "Report %d on the %s" % (i, rng.choice(words)),
                            "body": " ".join(rng.choice(words) for _ in range(30)),
                            "date": "2025-06-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
# b.jsonl: the same plus ten storm reports, so that publishing it would
# change the answers.
with open(sys.argv[1]) as f, open(sys.argv[1].replace("a.jsonl", "b.jsonl"), "w") as g:
    g.write(f.read())
    for i in range(10):
        g.write(json.dumps({"id": "q%d" % i, "title": "Harbour storm %d" % i,
                            "body": "storm harbour storm harbour", "date": "2025-06-30"}) + "\n")
PY
answers() { # the results of a few queries, without timings
    for q in "harbour storm" "Report 7" "salmon -oil" ""; do
        nsearch --db "$TMP/db" --json --related 0 --limit 20 -- "$q" | sed 's/"took_ms":[0-9.e+-]*,//'
    done
}

run out err nindex --db "$TMP/db" --rebuild "$TMP/a.jsonl"
check "first rebuild exits 0" is "$rc" 0

# --- 1. Durability order -----------------------------------------------
check "the sync shim is built" test -f "$SHIM"
# The sanitizer build wants its runtime first among preloaded libraries;
# the shim only wraps libc calls, so the order does not matter here.
NSEARCH_SYNC_LOG=$TMP/sync.log LD_PRELOAD=$SHIM \
    ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0 \
    "$NSEARCH_BIN/nindex" --db "$TMP/db" --rebuild "$TMP/a.jsonl" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "shimmed rebuild exits 0" is "$rc" 0
check "shimmed rebuild published gen-000002" is "$(readlink "$TMP/db/current")" gen-000002
check "calls were recorded" test -s "$TMP/sync.log"

# One Python run judges the log; each rule is one line "NAME ok" or
# "NAME fail: why" in order.txt.
python3 - "$TMP/sync.log" "$TMP/db" gen-000002 >"$TMP/order.txt" 2>&1 <<'PY'
import os, sys
log, db, gen = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
lines = [l.rstrip("\n").split(" ", 2) for l in open(log)]
genp = os.path.join(db, gen)
syncs = ("fsync", "fdatasync")

def ident(p):
    st = os.lstat(p)
    return "%d:%d" % (st.st_dev, st.st_ino)

def result(name, ok, why=""):
    print(name, "ok" if ok else "fail: " + why)

publish = [i for i, l in enumerate(lines)
           if l[0] == "rename" and l[2] == os.path.join(db, "current")]
result("one-publish", len(publish) == 1, repr(publish))
pub = publish[0] if publish else len(lines)
moved = [i for i, l in enumerate(lines[:pub]) if l[0] == "rename" and l[2] == genp]
result("generation-renamed-first", len(moved) == 1, repr(moved))
into = moved[0] if moved else 0

# Every file and directory of the generation, by inode: synced (under any
# name) before current moves.  This is the durability rule itself.
members = [genp] + [os.path.join(r, n) for r, ds, fs in os.walk(genp) for n in ds + fs]
synced = {l[1] for l in lines[:pub] if l[0] in syncs}
missing = [p for p in members if ident(p) not in synced]
result("generation-synced-before-publish", not missing, repr(missing))
# And synced by the publishing step itself, under the generation's final
# name: the merge syncs its output too, but publishing must not rest on
# how the merge (an implementation detail) happens to leave the files.
synced_here = {l[2] for l in lines[into:pub] if l[0] in syncs}
missing = [p for p in members if p not in synced_here]
result("publish-step-syncs-generation", not missing, repr(missing))
# The directory holding `current`, after the rename: otherwise the rename
# itself may be lost.
after = [l for l in lines[pub + 1:] if l[0] in syncs and l[1] == ident(db)]
result("index-dir-synced-after-publish", bool(after) and bool(publish), "")
# Strictly, the new generation's own name (the rename into gen-N) must be
# durable before `current` points at it: the index directory synced
# between the two renames.
between = [l for l in lines[into + 1:pub] if l[0] in syncs and l[1] == ident(db)]
result("index-dir-synced-before-publish", bool(between), "no fsync of %s between the renames" % db)
PY
# rule NAME: the judgement of rule NAME in order.txt.
rule() {
    grep -qx "$1 ok" "$TMP/order.txt" || { grep "^$1 " "$TMP/order.txt"; false; }
}
check "current is renamed once" rule one-publish
check "generation moved into place before publishing" rule generation-renamed-first
check "generation synced before current moves" rule generation-synced-before-publish
check "publishing syncs the generation under its final name" rule publish-step-syncs-generation
check "index directory synced after current moves" rule index-dir-synced-after-publish
check "index directory synced between the renames" \
    rule index-dir-synced-before-publish

# --- 2. The canary -------------------------------------------------------
before=$(answers)
live=$(readlink "$TMP/db/current")
gens=$(ls -d "$TMP/db"/gen-* | tr '\n' ' ')
# The hook makes the canary look for an id the search cannot return; the
# refused rebuild has ten more articles, which the answers would show.
NINDEX_CANARY_ID=no-such-article run out err nindex --db "$TMP/db" --rebuild "$TMP/b.jsonl"
check "canary failure: exit 65" is "$rc" 65
check "canary failure: current unchanged" is "$(readlink "$TMP/db/current")" "$live"
check "canary failure: answers unchanged" is "$(answers)" "$before"
check "canary failure: no new generation" is "$(ls -d "$TMP/db"/gen-* | tr '\n' ' ')" "$gens"
check "canary failure: no build leftovers" sh -c "! ls -d '$TMP/db'/.build-* 2>/dev/null"
check "canary failure: nothing published" lacks "$TMP/out" "; published gen-"
check "canary failure: the summary says so" contains "$TMP/out" "nothing published: the live index is unchanged"
check "canary failure: says why" contains "$TMP/err" "canary"
# The hook naming the true first article changes nothing: the rebuild goes
# live, so it is the canary's verdict, not the hook, that refused above.
NINDEX_CANARY_ID=p0 run out err nindex --db "$TMP/db" --rebuild "$TMP/b.jsonl"
check "canary on the first article: exit 0" is "$rc" 0
check "canary on the first article: published" is "$(readlink "$TMP/db/current")" gen-000003
check "canary on the first article: new answers" test "$(answers)" != "$before"

finish
