#!/bin/sh
# t151-batch-bom-id.sh - What a data journalist's scripts met.  A query
# file saved by Excel or Notepad starts with a byte order mark, which
# became the first qid's first letter ("\ufeffq1"), so a join on qid "q1"
# missed that row; a line "<TAB>query" answered with qid "", so several
# such lines could not be told apart.  `id:reuters-6*`, read as a
# wildcard for "all of Reuters", found nothing and said nothing: an id is
# matched whole, and a search that finds nothing now says so.
. "$(dirname "$0")/lib.sh"

index_samples
check "samples indexed" test "$(count "$TMP/db")" -gt 10

# The byte order mark before a qid.
printf '\357\273\277q1\tharbour\nq2\tharbour\n' >"$TMP/bom.tsv"
run out err nsearch --db "$TMP/db" --batch --related 0 <"$TMP/bom.tsv"
check "batch with a BOM exits 0" is "$rc" 0
python3 - "$TMP/out" >"$TMP/qids" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    print(o["qid"], o["total"], o["query"])
PY
check "the first qid is q1, no BOM" is "$(sed -n 1p "$TMP/qids" | cut -d' ' -f1)" q1
check "the first query is harbour, as the second" \
    is "$(sed -n 1p "$TMP/qids" | cut -d' ' -f2-)" "$(sed -n 2p "$TMP/qids" | cut -d' ' -f2-)"
lacks_bom() { ! grep -q "$(printf '\357\273\277')" "$1"; }
check "no BOM in the output" lacks_bom "$TMP/out"

# Without a qid, the BOM is not part of the query either.
printf '\357\273\277harbour\n' >"$TMP/bom2.txt"
run out2 err2 nsearch --db "$TMP/db" --batch --related 0 <"$TMP/bom2.txt"
check "a BOM before a plain query: qid is the line number" \
    contains "$TMP/out2" '"qid":"1"'
check "a BOM before a plain query: the query echo has no BOM" lacks_bom "$TMP/out2"
# A BOM is only a mark at the start of the input: on line 2 it is text.
printf 'harbour\n\357\273\277harbour\n' >"$TMP/bom3.txt"
run out3 err3 nsearch --db "$TMP/db" --batch --related 0 <"$TMP/bom3.txt"
check "a BOM on line 2 stays part of that line" \
    python3 -c 'import json,sys; l=open(sys.argv[1],encoding="utf-8").read().splitlines(); sys.exit(0 if json.loads(l[1])["query"].startswith("\ufeff") else 1)' "$TMP/out3"

# An empty qid is the line number.
printf '\tharbour\n\tharbour\n' >"$TMP/tab.tsv"
run out4 err4 nsearch --db "$TMP/db" --batch --related 0 <"$TMP/tab.tsv"
check "batch with empty qids exits 0" is "$rc" 0
check "first empty qid is line 1" contains "$TMP/out4" '"qid":"1"'
check "second empty qid is line 2" contains "$TMP/out4" '"qid":"2"'
check "no empty qid" lacks "$TMP/out4" '"qid":""'

# id: with a star finds nothing, and says why.
id=$(nsearch --db "$TMP/db" --json --limit 1 --related 0 harbour |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
check "an article to take an id from" test -n "$id"
stem=$(printf '%s' "$id" | cut -c1-3)
run out5 err5 nsearch --db "$TMP/db" "id:$stem*"
check "id: with a star exits 0" is "$rc" 0
check "id: with a star: no matches" contains "$TMP/out5" "No matches"
check "id: with a star: the warning names the id" \
    contains "$TMP/err5" "no article has id '$stem*'"
check "id: with a star: '*' is not a wildcard there" \
    contains "$TMP/err5" "'*' is not a wildcard there"
run out6 err6 nsearch --db "$TMP/db" --json "id:$stem*"
check "the JSON warning says it too" contains "$TMP/out6" "is not a wildcard there"
# Two ids no article has: one remark, with the count of the others.
run out7 err7 nsearch --db "$TMP/db" "id:nosuch1 OR id:nosuch2 OR id:nosuch3"
check "missing ids: the first named" contains "$TMP/err7" "no article has id 'nosuch1'"
check "missing ids: the others counted" contains "$TMP/err7" "nor 2 other ids given"
check "missing ids without a star: no wildcard remark" lacks "$TMP/err7" "wildcard"
# An id that exists found whole, with no remark.
run out8 err8 nsearch --db "$TMP/db" "id:$id"
check "the whole id finds its article" contains "$TMP/out8" "1 match"
check "the whole id: no remark" lacks "$TMP/err8" "no article has id"
finish
