#!/bin/sh
# t217-damaged-gzip.sh - A gzip file damaged inside (a bad CRC) gave its
# garbage as records before zlib's error, since zlib checks a member only
# at its end: an update replaced good articles with titles like "t ord
# word 6w3", and zlib's "incorrect data check" was hidden behind the cap
# of 100 lines a file.  Now a regular gzip file is checked whole before it
# is read and not read at all when damaged, a file not read whole; piped
# in, where it cannot be checked first, the error is always said.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl.gz" "$TMP/feed.rss.gz" "$TMP/b.jsonl.gz" <<'PY'
import gzip, json, random, sys
rng = random.Random(7)
def body():
    return " ".join(rng.choice(["word", "tide", "storm", "%x" % rng.getrandbits(20)])
                    for _ in range(40))
with gzip.open(sys.argv[1], "wt") as f:
    for i in range(2000):
        f.write(json.dumps({"id": "a%d" % i, "title": "Title %d word" % i,
                            "body": body()}) + "\n")
items = "".join("<item><guid>f%d</guid><title>Feed %d</title>"
                "<description>%s</description></item>" % (i, i, body())
                for i in range(300))
with gzip.open(sys.argv[2], "wt") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
            + items + "</channel></rss>\n")
with gzip.open(sys.argv[3], "wt") as f:
    for i in range(20):
        f.write(json.dumps({"id": "b%d" % i, "title": "Bee %d" % i,
                            "body": "harbour"}) + "\n")
PY
# titles DB: every stored title that is not "Title N word" or "Feed N".
titles() {
    nsearch --db "$1" --json --limit 10000 --related 0 --no-collapse "" |
        python3 -c '
import json, re, sys
for h in json.load(sys.stdin)["hits"]:
    if not re.fullmatch(r"(Title \d+ word|Feed \d+|Bee \d+)", h["title"]):
        print(h["title"])'
}
damage() { printf 'XXXX' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null; }

run out err nindex --db "$TMP/db" "$TMP/a.jsonl.gz" "$TMP/feed.rss.gz"
check "good gzip files: read" is "$rc" 0
check "good gzip files: all indexed" is "$(count "$TMP/db")" 2300

cp "$TMP/a.jsonl.gz" "$TMP/good.jsonl.gz"
damage "$TMP/a.jsonl.gz" 6000
size=$(wc -c <"$TMP/a.jsonl.gz")
run out err nindex --db "$TMP/db" "$TMP/a.jsonl.gz"
check "damaged: exit 3" is "$rc" 3
# zlib finds a bad CRC once it has read it, 4 bytes before the end.
check "damaged: said without --verbose" contains "$TMP/err" \
    "a.jsonl.gz: not read: the gzip data is damaged (incorrect data check at byte $((size - 4)) of the compressed file); nothing of it was indexed"
check "damaged: said once" is "$(wc -l <"$TMP/err")" 1
check "damaged: nothing replaced" contains "$TMP/out" \
    "0 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
check "damaged: no title is garbage" is "$(titles "$TMP/db")" ""
check "damaged: every article kept" is "$(count "$TMP/db")" 2300

run out err nindex --db "$TMP/db" --prune "$TMP/a.jsonl.gz"
check "damaged: prune refused, exit 4" is "$rc" 4
check "damaged: prune deletes nothing" is "$(count "$TMP/db")" 2300
run out err nindex --db "$TMP/db" --rebuild "$TMP/a.jsonl.gz" "$TMP/feed.rss.gz"
check "damaged: rebuild not published, exit 1" is "$rc" 1
check "damaged: rebuild says why" contains "$TMP/err" \
    "not publishing: 1 file"
check "damaged: rebuild kept the live index" is "$(count "$TMP/db")" 2300

# A feed gzipped: the same.
damage "$TMP/feed.rss.gz" 3000
run out err nindex --db "$TMP/db" "$TMP/feed.rss.gz"
check "damaged feed: exit 3" is "$rc" 3
check "damaged feed: not read" contains "$TMP/err" \
    "feed.rss.gz: not read: the gzip data is damaged ("
check "damaged feed: no title is garbage" is "$(titles "$TMP/db")" ""

# Piped in, it cannot be checked first: zlib's reason where it is met,
# said however many bad lines came before it, and the file ends there.
cat "$TMP/a.jsonl.gz" | nindex --db "$TMP/pipe" - >"$TMP/out" 2>"$TMP/err"
check "piped damaged gzip: zlib's reason said past the cap" sh -c \
    "grep -q '^nindex: <stdin>:[0-9]*: incorrect data check\$' '$TMP/err'"
check "piped damaged gzip: the cap still holds the bad records" contains \
    "$TMP/err" "more records skipped"

# A line without an end after 150 bad lines: the rest of the file is not
# read, said past the cap, and the file is one not read whole.
{ i=0; while [ $i -lt 150 ]; do echo 'not json'; i=$((i + 1)); done
  head -c 70000000 /dev/zero | tr '\0' x; } >"$TMP/endless.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/good.jsonl.gz" "$TMP/endless.jsonl"
check "no end of line: said past the cap" contains "$TMP/err" \
    "endless.jsonl:151: no end of line within 67108864 bytes; rest of the file skipped"
check "no end of line: a file not read whole" contains "$TMP/err" \
    "not publishing: 1 file could not be read whole"
rm -f "$TMP/endless.jsonl"

# A good gzip file is read, and one of two members (cat a.gz b.gz) too.
cat "$TMP/good.jsonl.gz" "$TMP/b.jsonl.gz" >"$TMP/two.jsonl.gz"
run out err nindex --db "$TMP/two" "$TMP/two.jsonl.gz"
check "two members: read" is "$rc" 0
check "two members: both read" is "$(count "$TMP/two")" 2020
run out err nindex --db "$TMP/db" "$TMP/good.jsonl.gz"
check "good gzip again: read" is "$rc" 0
check "good gzip again: unchanged" contains "$TMP/out" "2000 unchanged"

finish
