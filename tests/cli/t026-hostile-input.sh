#!/bin/sh
# t026-hostile-input.sh - Input crafted to break searching or indexing:
# ids and dates that could not be read back, NUL bytes and zero-filled
# files in JSON Lines, /dev/zero, a quadratic front matter, a 16 MB line of
# empty objects.  Whatever nindex accepts can be searched, fetched, deleted
# by id and rebuilt; the rest is skipped with FILE:LINE and exit 3.
. "$(dirname "$0")/lib.sh"

# Poison records first, so that a rebuild meets them before any good one.
cat >"$TMP/poison.jsonl" <<'JSONL'
{"id":"\u0001","title":"Poison oil report","body":"oil prices rose"}
{"id":"\u0007abc","title":"Bell oil","body":"oil"}
{"id":"d1","title":"Late oil","body":"oil","date":"9999-12-31T23:59:00-12:00"}
{"id":"d2","title":"Early oil","body":"oil","date":"0000-01-01T00:00:00+01:00"}
{"id":" pad","title":"Padded oil","body":"oil"}
{"id":"good","title":"Oil falls","body":"oil prices fell","date":"2025-01-02"}
{"id":"edge","title":"Last oil","body":"oil","date":"9999-12-31T23:59:59Z"}
JSONL
run out err nindex --db "$TMP/db" "$TMP/poison.jsonl"
check "poison records skipped: exit 3" is "$rc" 3
check "control id reported" contains "$TMP/err" "poison.jsonl:1: id contains the control character U+0001"
check "bell id reported" contains "$TMP/err" "poison.jsonl:2: id contains the control character U+0007"
check "year 10000 reported" contains "$TMP/err" "poison.jsonl:3: date '9999-12-31T23:59:00-12:00' is outside"
check "year -1 reported" contains "$TMP/err" "poison.jsonl:4: date"
check "padded id reported" contains "$TMP/err" "poison.jsonl:5: id ' pad' begins or ends"
# A date outside 0001-9999 is a warning: the article is kept undated, as
# any date that cannot be read (README "Dates").
check "four accepted: the two out-of-range dates kept undated" \
    contains "$TMP/out" "4 added"
nsearch --db "$TMP/db" --json --related 0 --limit 10 oil >"$TMP/d.json"
check "out-of-range dates: stored undated" python3 -c '
import json, sys
h = {x["id"]: x for x in json.load(open(sys.argv[1]))["hits"]}
sys.exit(0 if h["d1"]["date"] is None and h["d2"]["date"] is None and h["good"]["date"] else 1)' "$TMP/d.json"

run out err nsearch --db "$TMP/db" oil
check "search over the accepted ones exits 0" is "$rc" 0
check "good one found" contains "$TMP/out" "Oil falls"
check "edge date found" contains "$TMP/out" "Last oil"
run out err nsearch --db "$TMP/db" ""
check "empty query exits 0" is "$rc" 0
run out err nsearch --db "$TMP/db" --sort date oil
check "date sort exits 0" is "$rc" 0

run out err nindex --db "$TMP/db" --rebuild "$TMP/poison.jsonl"
check "rebuild starting with poison is not refused" is "$rc" 3
check "rebuild published" contains "$TMP/out" "published"
# --force: one of these few articles is over the 20% --max-delete-share.
run out err nindex --db "$TMP/db" --delete --force edge
check "accepted id deletable" is "$rc" 0
check "delete counted" contains "$TMP/out" "1 deleted"

# NUL bytes: the line with one is a bad record, the next line survives.
printf '{"id":"n1","title":"one","body":"oil"}\000junk\n{"id":"n2","title":"two","body":"oil"}\n{"id":"n3","title":"three"\n' >"$TMP/nul.jsonl"
run out err nindex --db "$TMP/nul" "$TMP/nul.jsonl"
check "NUL line: exit 3" is "$rc" 3
check "NUL line reported at line 1" contains "$TMP/err" "nul.jsonl:1: NUL byte at column 39"
check "bad JSON still at line 3" contains "$TMP/err" "nul.jsonl:3: malformed JSON"
check "the line after the NUL is indexed" contains "$TMP/out" "1 added"

# A zero-filled file (what a crash leaves) is an error, so --prune cannot
# take it for an empty source and delete everything.
printf '{"id":"p1","title":"kept","body":"oil"}\n' >"$TMP/p.jsonl"
run out err nindex --db "$TMP/prune" "$TMP/p.jsonl"
head -c 65536 /dev/zero >"$TMP/p.jsonl"
run out err nindex --db "$TMP/prune" --update --prune "$TMP/p.jsonl"
check "zero-filled file: exit 4 (updated, prune not done)" is "$rc" 4
check "zero-filled file reported" contains "$TMP/err" "p.jsonl:1: NUL byte"
check "nothing pruned" contains "$TMP/err" "not pruning"
run out err nsearch --db "$TMP/prune" kept
check "article still there" contains "$TMP/out" "p1"

# /dev/zero: an error in bounded time, not a spin.
start=$(date +%s)
run out err timeout 60 "$NSEARCH_BIN/nindex" --db "$TMP/zero" /dev/zero
check "/dev/zero ends with exit 3" is "$rc" 3
check "/dev/zero reported" contains "$TMP/err" "/dev/zero:1: "
check "/dev/zero within 30 s" [ $(($(date +%s) - start)) -lt 30 ]

# SIGTERM while nindex waits for input that never comes ends it at once.
mkfifo "$TMP/fifo"
"$NSEARCH_BIN/nindex" --db "$TMP/sig" "$TMP/fifo" >"$TMP/sig.out" 2>"$TMP/sig.err" &
pid=$!
exec 3>"$TMP/fifo"
sleep 1
kill -TERM "$pid"
wait "$pid"
rc=$?
exec 3>&-
check "SIGTERM while reading: exit 1" is "$rc" 1
check "SIGTERM while reading: reported" contains "$TMP/sig.err" "interrupted"

# Front matter: 200,000 blank lines before the header is linear.
{
    echo ---
    head -c 200000 /dev/zero | tr '\0' '\n'
    printf 'id: q\n---\nbody of q\n'
} >"$TMP/q.md"
start=$(date +%s)
run out err timeout 60 "$NSEARCH_BIN/nindex" --db "$TMP/fm" "$TMP/q.md"
check "long front matter accepted" is "$rc" 0
check "long front matter fast" [ $(($(date +%s) - start)) -lt 10 ]
# An article of 250,000 distinct words (2 MB, under the line limit): its
# terms are sorted once.  Looking up each word's stem twin through the
# document's term list walked it from the start every time, quadratic in
# the words: minutes for this one, hours at the line limit.  Timed
# against an article of a tenth of the words, so that a busy machine
# slows both: linear is about 10 times, quadratic 100.
words_article() { # N FILE
    python3 -c '
import itertools, json, sys
letters = "abcdefghijklmnopqrstuvwxyz"
words = ["".join(w) + "x" for w in itertools.islice(
    itertools.product(letters, repeat=4), int(sys.argv[1]))]
print(json.dumps({"id": "words", "title": "A word list",
                  "body": " ".join(words), "lang": "en"}))
' "$1" >"$2"
}
words_article 25000 "$TMP/words-small.jsonl"
words_article 250000 "$TMP/words.jsonl"
now() { python3 -c 'import time; print(time.monotonic())'; }
start=$(now)
run out err timeout 300 "$NSEARCH_BIN/nindex" --db "$TMP/words-small" \
    "$TMP/words-small.jsonl"
mid=$(now)
run out err timeout 300 "$NSEARCH_BIN/nindex" --db "$TMP/words" "$TMP/words.jsonl"
check "article of many words indexed" is "$rc" 0
end=$(now)
check "article of many words: linear in its words" python3 -c '
import sys
small, big = float(sys.argv[2]) - float(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2])
# nindex starts in a fraction of a second; a tenth of the words takes no
# less than that start, so the floor keeps a fast machine from failing.
assert big < 30 * max(small, 0.2), (small, big)' "$start" "$mid" "$end"
run out err nsearch --db "$TMP/words" --json --related 0 mnopx
check "a word of it found" contains "$TMP/out" '"id":"words"'
printf -- '---\ntitle: Spaces\n   \nid: sp\n---\nbody\n' >"$TMP/sp.md"
run out err nindex --db "$TMP/fm" "$TMP/sp.md"
check "line of spaces in front matter accepted" is "$rc" 0

# A 16 MB line of empty objects in an unknown key: refused before jansson
# builds the tree (it took 1.29 GB).
python3 -c '
import sys
n = ((16 << 20) - 200) // 3
sys.stdout.write("{\"id\":\"big\",\"title\":\"t\",\"x\":[" + ",".join(["{}"] * n) + "]}\n")
sys.stdout.write("{\"id\":\"after\",\"title\":\"After the big one\"}\n")
' >"$TMP/big.jsonl"
run out err nindex --db "$TMP/big" "$TMP/big.jsonl"
check "huge tree refused: exit 3" is "$rc" 3
check "huge tree reported" contains "$TMP/err" "big.jsonl:1: more than 100000 JSON values"
check "next line indexed" contains "$TMP/out" "1 added"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$TMP/rss" "$NSEARCH_BIN/nindex" --db "$TMP/big2" \
        "$TMP/big.jsonl" >/dev/null 2>&1
    check "peak memory under 300 MB" [ "$(tail -n 1 "$TMP/rss")" -lt 300000 ]
fi

finish
