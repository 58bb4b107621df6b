#!/bin/sh
# t141-related-window-copy.sh - A handle asked the same recency window
# twice holds the window's articles in memory and ranks related posts
# there (common/related-window.cc): the lists must be exactly those Xapian
# gives, for the default --now and another, and a server's copy must
# follow the index when an update adds a follow-up story.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

corpus=$SHARED/corpora/reuters21578/articles.jsonl.gz
if [ ! -r "$corpus" ]; then
    echo "t141: $corpus is missing" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# 6,000 Reuters articles (February and March 1987), 150 queries from the
# titles of every 40th, and a follow-up to one story for later.
python3 - "$corpus" "$TMP" <<'PY'
import gzip, json, sys
corpus, tmp = sys.argv[1], sys.argv[2]
arts = []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        arts.append(json.loads(line))
        if len(arts) == 6000:
            break
with open(tmp + "/r.jsonl", "w") as f:
    for a in arts:
        f.write(json.dumps(a) + "\n")
with open(tmp + "/q.txt", "w") as f:
    for i, a in enumerate(arts[::40]):
        words = [w for w in a["title"].lower().split() if w.isalpha()][:3]
        if words:
            f.write("q%d\t%s\n" % (i, " ".join(words)))
PY

# Built by --rebuild, as the reverse-order rebuild below is: both
# generations then have the same revision number.
check "index 6,000 Reuters articles" \
    nindex --quiet --db "$TMP/db" --rebuild "$TMP/r.jsonl"

# batch NAME ENV...: the bench's batch, ids of each related list in $TMP/NAME,
# stderr in $TMP/NAME.err.
batch() {
    b=$1
    shift
    env "$@" "$NSEARCH_BIN/nsearch" --db "$TMP/db" --batch --limit 10 \
        --related 5 ${NOW:+--now "$NOW"} <"$TMP/q.txt" >"$TMP/$b.jsonl" \
        2>"$TMP/$b.err" &&
        python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    print(d["qid"], " ".join(r["id"] for r in d["related"]))' \
            "$TMP/$b.jsonl" >"$TMP/$b"
}
copies() { grep -c "window copied" "$TMP/$1.err"; }
lists() { awk 'NF > 1' "$TMP/$1" | wc -l; }

for NOW in "" 1987-03-08; do
    at=${NOW:-default}
    check "$at now: batch through the copy" batch copy-$at NSEARCH_TRACE_WINDOW=1
    check "$at now: batch through Xapian" batch xapian-$at \
        NSEARCH_TRACE_WINDOW=1 NSEARCH_NO_WINDOW_COPY=1
    check "$at now: the window is copied once" is "$(copies copy-$at)" 1
    check "$at now: not when turned off" is "$(copies xapian-$at)" 0
    check "$at now: every related list is the same, in order" \
        cmp -s "$TMP/copy-$at" "$TMP/xapian-$at"
    check "$at now: and there are lists to compare" \
        test "$(lists copy-$at)" -ge 20
done
check "the two windows differ" sh -c \
    "! cmp -s '$TMP/copy-default' '$TMP/copy-1987-03-08'"

# A story with a list in the window to March 8, and a follow-up to it: half of
# its words and half of another article's, dated the next day.
python3 - "$TMP" <<'PY' >"$TMP/seed"
import json, sys
tmp = sys.argv[1]
arts = {json.loads(l)["id"]: json.loads(l) for l in open(tmp + "/r.jsonl")}
lists = [l.split() for l in open(tmp + "/copy-1987-03-08")]
for qid, first, *rest in (l for l in lists if len(l) > 2):
    seed = arts[first]
    if not "1987-03-01" <= seed.get("date", "") < "1987-03-07":
        continue
    words = seed["body"].split()
    other = next(a for a in arts.values() if a["id"] not in (first, *rest)
                 and len(a["body"].split()) > len(words))
    body = " ".join(words[: len(words) // 2] +
                    other["body"].split()[: len(words) // 2])
    day = int(seed["date"][8:10])
    follow = {"id": "follow-up", "title": "Later: " + seed["title"].lower(),
              "body": body, "date": seed["date"][:8] + "%02d" % (day + 1) +
              seed["date"][10:]}
    with open(tmp + "/follow.jsonl", "w") as f:
        f.write(json.dumps(follow) + "\n")
    print(first)
    break
PY
seed=$(cat "$TMP/seed")
check "a seed story was found" test -n "$seed"

# related_get NAME N: the server's list of N related posts of the seed, ids
# in order; cli_related NAME N: the same from a fresh handle.  Lists are
# cached per handle by what they are asked, so each N is computed once per
# revision: the first list of a revision goes through Xapian, the second
# through the copy.
related_get() {
    get "$1.json" "/v1/related/$seed?now=1987-03-08&related=$2" &&
        python3 -c '
import json, sys
print(" ".join(r["id"] for r in json.load(open(sys.argv[1]))["related"]))' \
            "$TMP/$1.json" >"$TMP/$1"
}
cli_related() {
    nsearch --db "$TMP/db" --json --related-to "$seed" --related "$2" \
        --now 1987-03-08 | python3 -c '
import json, sys
print(" ".join(r["id"] for r in json.load(sys.stdin)["related"]))' >"$TMP/$1"
}
copied() { grep -c "window copied" "$TMP/server.err"; }

export NSEARCH_TRACE_WINDOW=1
start_server --threads 1
check "server up" test $? -eq 0
check "server: first list" related_get s1 10
check "server: no copy yet" is "$(copied)" 0
check "server: second list" related_get s2 11
check "server: the window copied" is "$(copied)" 1
cli_related c1 10
cli_related c2 11
check "server through Xapian agrees with a fresh handle" cmp -s "$TMP/s1" "$TMP/c1"
check "server through the copy agrees with a fresh handle" cmp -s "$TMP/s2" "$TMP/c2"
check "the seed has a list" test -s "$TMP/s2"
check "the follow-up is not there yet" lacks "$TMP/s2" "follow-up"

# A rebuild from the same articles in reverse order: a new generation with
# the same revision number (the same commits), every docid moved.  The
# copy of the old generation must not be used for it.
python3 -c '
import sys
lines = open(sys.argv[1]).readlines()
open(sys.argv[2], "w").writelines(reversed(lines))' "$TMP/r.jsonl" "$TMP/rev.jsonl"
check "rebuild in reverse order" nindex --quiet --db "$TMP/db" --rebuild "$TMP/rev.jsonl"
sleep 1.2
check "server: after the rebuild" related_get g1 12
check "server: after the rebuild, again" related_get g2 13
check "server: a copy of the new generation" is "$(copied)" 2
cli_related cg1 12
cli_related cg2 13
check "after the rebuild, through Xapian, as a fresh handle" cmp -s "$TMP/g1" "$TMP/cg1"
check "after the rebuild, through the copy, as a fresh handle" cmp -s "$TMP/g2" "$TMP/cg2"
check "after the rebuild, the same story" test -s "$TMP/g2"

check "update: add the follow-up" nindex --quiet --db "$TMP/db" "$TMP/follow.jsonl"
sleep 1.2
check "server: after the update" related_get s3 10
check "server: the follow-up is listed" contains "$TMP/s3" "follow-up"
check "server: again" related_get s4 11
check "server: a new copy for the new revision" is "$(copied)" 3
check "server: the new copy lists it too" contains "$TMP/s4" "follow-up"
cli_related c3 10
cli_related c4 11
check "after the update, through Xapian, as a fresh handle" cmp -s "$TMP/s3" "$TMP/c3"
check "after the update, through the copy, as a fresh handle" cmp -s "$TMP/s4" "$TMP/c4"

# Deleting the follow-up: a new revision, whose copy no longer has it.
check "delete the follow-up" nindex --quiet --db "$TMP/db" --delete follow-up
sleep 1.2
check "server: after the delete" related_get d1 10
check "server: after the delete, again" related_get d2 11
check "server: a copy without it" is "$(copied)" 4
check "the deleted article is gone, through Xapian" lacks "$TMP/d1" "follow-up"
check "the deleted article is gone, through the copy" lacks "$TMP/d2" "follow-up"
cli_related cd2 11
check "after the delete, through the copy, as a fresh handle" cmp -s "$TMP/d2" "$TMP/cd2"

finish
