#!/bin/sh
# t142-facet-column.sh - A handle asked facets twice within one revision
# holds the facet slot of every article in memory (common/facets.cc): the
# counts must be exactly those read from the index, collapsed or not, and
# a server's column must follow the index through an update and through a
# rebuild whose generation has the same revision number.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

corpus=$SHARED/corpora/reuters21578/articles.jsonl.gz
if [ ! -r "$corpus" ]; then
    echo "t142: $corpus is missing" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# 6,000 Reuters articles with their sections and tags, 150 queries from
# the titles of every 40th, the same articles in reverse order, and an
# update: ten articles of a section of their own, one a copy of a title
# already there (a story counted once when collapsing).
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
with open(tmp + "/rev.jsonl", "w") as f:
    for a in reversed(arts):
        f.write(json.dumps(a) + "\n")
with open(tmp + "/q.txt", "w") as f:
    for i, a in enumerate(arts[::40]):
        words = [w for w in a["title"].lower().split() if w.isalpha()][:2]
        if words:
            f.write("q%d\t%s\n" % (i, " ".join(words)))
with open(tmp + "/update.jsonl", "w") as f:
    for i in range(10):
        title = "Cocoa weather station report number %d" % (i if i < 9 else 0)
        f.write(json.dumps({"id": "upd-%d" % i, "title": title,
                            "body": "Cocoa growers watched the rain gauges.",
                            "section": "Cocoa Weather", "tags": ["rain"],
                            "date": "1987-03-%02dT10:00:00Z" % (1 + i)}) + "\n")
PY

check "index 6,000 Reuters articles" \
    nindex --quiet --db "$TMP/db" --rebuild "$TMP/r.jsonl"

# batch NAME ARGS...: the facets of every query of a batch, one JSON line
# each, in $TMP/NAME; stderr in $TMP/NAME.err.
batch() {
    b=$1
    shift
    env NSEARCH_TRACE_COLUMN=1 ${NOCOL:+NSEARCH_NO_FACET_COLUMN=1} \
        "$NSEARCH_BIN/nsearch" --db "$TMP/db" --batch --limit 10 --related 0 \
        --facets "$@" <"$TMP/q.txt" >"$TMP/$b.jsonl" 2>"$TMP/$b.err" &&
        python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    print(json.dumps(d["facets"], sort_keys=True))' "$TMP/$b.jsonl" >"$TMP/$b"
}
made() { grep -c "column made" "$TMP/$1.err"; }

for mode in collapsed no-collapse; do
    args=
    [ $mode = no-collapse ] && args=--no-collapse
    NOCOL= check "$mode: batch through the column" batch col-$mode $args
    NOCOL=1 check "$mode: batch through the values" batch val-$mode $args
    check "$mode: the column is made once" is "$(made col-$mode)" 1
    check "$mode: not when turned off" is "$(made val-$mode)" 0
    check "$mode: every query's facets are the same" \
        cmp -s "$TMP/col-$mode" "$TMP/val-$mode"
    check "$mode: with sections and tags counted" \
        grep -q '"section": \[{' "$TMP/col-$mode"
done
check "collapsing changes some counts" \
    sh -c "! cmp -s '$TMP/col-collapsed' '$TMP/col-no-collapse'"

# facets_get NAME QUERY: the server's facets for QUERY; cli_facets the same
# from a fresh handle.  The first facet count of a revision reads the
# index, the second makes the column.
facets_get() {
    get "$1.json" "/v1/search?q=$2&facets=all&related=0" &&
        python3 -c '
import json, sys
print(json.dumps(json.load(open(sys.argv[1]))["facets"], sort_keys=True))' \
            "$TMP/$1.json" >"$TMP/$1"
}
cli_facets() {
    nsearch --db "$TMP/db" --json --facets --related 0 "$2" | python3 -c '
import json, sys
print(json.dumps(json.load(sys.stdin)["facets"], sort_keys=True))' >"$TMP/$1"
}
made_server() { grep -c "column made" "$TMP/server.err"; }

export NSEARCH_TRACE_COLUMN=1
start_server --threads 1
check "server up" test $? -eq 0
check "server: first count" facets_get s1 cocoa
check "server: no column yet" is "$(made_server)" 0
check "server: second count" facets_get s2 cocoa
check "server: the column made" is "$(made_server)" 1
cli_facets c1 cocoa
check "server from the values agrees with a fresh handle" cmp -s "$TMP/s1" "$TMP/c1"
check "server from the column agrees with a fresh handle" cmp -s "$TMP/s2" "$TMP/c1"
check "no Cocoa Weather yet" lacks "$TMP/s2" "Cocoa Weather"

# A rebuild in reverse order: a new generation with the same revision
# number as the first one (both one commit), every docid moved.
check "rebuild in reverse order" \
    nindex --quiet --db "$TMP/db" --rebuild "$TMP/rev.jsonl"
sleep 1.2
check "server: after the rebuild" facets_get s3 cocoa
check "server: after the rebuild, again" facets_get s4 cocoa
check "server: a column of the new generation" is "$(made_server)" 2
cli_facets c3 cocoa
check "after the rebuild, from the values, as a fresh handle" cmp -s "$TMP/s3" "$TMP/c3"
check "after the rebuild, from the column, as a fresh handle" cmp -s "$TMP/s4" "$TMP/c3"

check "update: ten articles of a new section" \
    nindex --quiet --db "$TMP/db" "$TMP/update.jsonl"
sleep 1.2
check "server: after the update" facets_get s5 cocoa
check "server: after the update, again" facets_get s6 cocoa
check "server: a column for the new revision" is "$(made_server)" 3
cli_facets c5 cocoa
check "after the update, from the values, as a fresh handle" cmp -s "$TMP/s5" "$TMP/c5"
check "after the update, from the column, as a fresh handle" cmp -s "$TMP/s6" "$TMP/c5"
check "the new section counts its nine stories" python3 -c "
import json, sys
d = json.loads(open('$TMP/s6').read())
assert {'value': 'Cocoa Weather', 'count': 9} in d['section'], d['section']"

finish
