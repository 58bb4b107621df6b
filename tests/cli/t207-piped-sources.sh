#!/bin/sh
# t207-piped-sources.sh - A SOURCE that is a named pipe (mkfifo, bash's
# <(...), /dev/stdin on a pipe) is read whole, in every format, as the
# same file on disk is.  Its first 4 KiB were read to choose the format,
# then the pipe could not be rewound: a JSON Lines file lost its first
# records and said a bogus "FILE:1: malformed JSON" with every later line
# number wrong, a feed failed, a small JSON array or a page gave nothing,
# exit 0, and a prune or rebuild from it was refused as "no articles".
# A small file also raced the check that opened the SOURCE before the
# read: its writer got in, and what it wrote was lost with that close.
. "$(dirname "$0")/lib.sh"

# tests/cli runs under dash, which has no <(...): named pipes stand in.
mkdir "$TMP/p" "$TMP/f"
# fifo FILE NAME: a named pipe $TMP/p/NAME that FILE is written into, in
# the background, as a process substitution's would be.
fifo() {
    rm -f "$TMP/p/$2"
    mkfifo "$TMP/p/$2"
    timeout 60 sh -c 'cat "$1" >"$2"' _ "$1" "$TMP/p/$2" &
}
# A run that would wait for ever on a pipe fails instead.
tnindex() { timeout 60 "$NSEARCH_BIN/nindex" "$@"; }

python3 - "$TMP/f" "$SAMPLES" <<'PY'
import gzip, json, sys
d = sys.argv[1]
recs = [{"id": "s%d" % i, "title": "Story %d" % i,
         "body": "harbour ferry council %d" % i} for i in range(500)]
lines = [json.dumps(r) for r in recs]
open(d + "/stories.jsonl", "w").write("\n".join(lines) + "\n")
with gzip.open(d + "/stories.jsonl.gz", "wt") as f:
    f.write("\n".join(lines) + "\n")
bad = list(lines[:300])
bad[250] = '{"id": "bad", oops'
open(d + "/bad.jsonl", "w").write("\n".join(bad) + "\n")
open(d + "/array.json", "w").write(json.dumps(recs[:300], indent=1))
items = "".join(
    "<item><title>Item %d</title><guid>g%d</guid><link>http://x/%d</link>"
    "<description>Body of item %d</description></item>\n" % (i, i, i, i)
    for i in range(100))
rss = '<rss version="2.0"><channel><title>C</title>\n' + items + \
      "</channel></rss>\n"
open(d + "/big.rss", "w").write('<?xml version="1.0"?>\n' + rss)
# The root element past the first 4 KiB, and past the first 64 KiB.
open(d + "/late.rss", "w").write('<?xml version="1.0"?>\n<!-- ' +
                                 "licence text " * 6000 + " -->\n" + rss)
PY

# JSON Lines: every record, and the bad one named at its own line.
fifo "$TMP/f/stories.jsonl" stories.jsonl
run out err tnindex --db "$TMP/db1" "$TMP/p/stories.jsonl"
wait
check "jsonl pipe: exit 0" is "$rc" 0
check "jsonl pipe: all 500 added" contains "$TMP/out" "500 added"
check "jsonl pipe: no error" is "$(cat "$TMP/err")" ""
check "jsonl pipe: 500 in the index" is "$(count "$TMP/db1")" 500

fifo "$TMP/f/bad.jsonl" bad.jsonl
run out err tnindex --db "$TMP/db2" "$TMP/p/bad.jsonl"
wait
check "bad line in a pipe: exit 3" is "$rc" 3
check "bad line in a pipe: 299 added" contains "$TMP/out" "299 added"
check "bad line in a pipe: named at its line" contains "$TMP/err" \
    "$TMP/p/bad.jsonl:251: malformed JSON"
check "bad line in a pipe: no bogus first-line error" \
    lacks "$TMP/err" "bad.jsonl:1:"
check "bad line in a pipe: one record skipped" contains "$TMP/out" "1 skipped"

# Gzipped JSON Lines.
fifo "$TMP/f/stories.jsonl.gz" stories.jsonl.gz
run out err tnindex --db "$TMP/db3" "$TMP/p/stories.jsonl.gz"
wait
check "gzip pipe: exit 0" is "$rc" 0
check "gzip pipe: all 500 added" contains "$TMP/out" "500 added"

# A JSON array, large and small.
fifo "$TMP/f/array.json" array.json
run out err tnindex --db "$TMP/db4" "$TMP/p/array.json"
wait
check "array pipe: all 300 added" contains "$TMP/out" "300 added"
fifo "$SAMPLES/json/wire-roundup.json" wire-roundup.json
run out err tnindex --db "$TMP/db5" "$TMP/p/wire-roundup.json"
wait
check "small array pipe: exit 0" is "$rc" 0
check "small array pipe: both added" contains "$TMP/out" "2 added"

# Feeds: one over 4 KiB, one whose root element is past the first 64 KiB.
fifo "$TMP/f/big.rss" big.rss
run out err tnindex --db "$TMP/db6" "$TMP/p/big.rss"
wait
check "feed pipe: exit 0" is "$rc" 0
check "feed pipe: all 100 items added" contains "$TMP/out" "100 added"
check "feed pipe: no XML error" lacks "$TMP/err" "Extra content"
check "feed pipe: not read as cut off" lacks "$TMP/err" "cut off"
fifo "$TMP/f/late.rss" late.rss
run out err tnindex --db "$TMP/db7" "$TMP/p/late.rss"
wait
check "late-root feed pipe: all 100 items added" contains "$TMP/out" \
    "100 added"

# A page and a Markdown post (over 4 KiB) are read whole: the same as
# from the file on disk.
page=city-library-reopens.html
post=azure-surveillance-investigation.md
cp "$SAMPLES/pages/$page" "$SAMPLES/technology/$post" "$TMP/f/"
fifo "$TMP/f/$page" "$page"
run out err tnindex --db "$TMP/db8" "$TMP/p/$page"
wait
check "page pipe: added" contains "$TMP/out" "1 added"
fifo "$TMP/f/$post" "$post"
run out err tnindex --db "$TMP/db8" "$TMP/p/$post"
wait
check "markdown pipe: added" contains "$TMP/out" "1 added"
nindex --quiet --db "$TMP/disk" "$TMP/f/$page" "$TMP/f/$post"
for q in library azure "surveillance investigation" Unit; do
    check "pipe and disk: the same hits for '$q'" is \
        "$(nsearch --db "$TMP/db8" --json "$q" | sed 's/"took_ms":[0-9.]*//')" \
        "$(nsearch --db "$TMP/disk" --json "$q" | sed 's/"took_ms":[0-9.]*//')"
done

# /dev/stdin on a pipe.
run out err tnindex --db "$TMP/db9" /dev/stdin <"$TMP/f/stories.jsonl"
check "/dev/stdin (a file): 500 added" contains "$TMP/out" "500 added"
cat "$TMP/f/stories.jsonl" | tnindex --db "$TMP/db10" /dev/stdin \
    >"$TMP/out" 2>"$TMP/err"
check "/dev/stdin (a pipe): 500 added" contains "$TMP/out" "500 added"
check "/dev/stdin (a pipe): no error" is "$(cat "$TMP/err")" ""

# --prune and --rebuild from a pipe.
grep -v '"s7"' "$TMP/f/stories.jsonl" >"$TMP/f/less.jsonl"
fifo "$TMP/f/less.jsonl" less.jsonl
run out err tnindex --db "$TMP/db1" --prune "$TMP/p/less.jsonl"
wait
check "prune from a pipe: exit 0" is "$rc" 0
check "prune from a pipe: s7 deleted" contains "$TMP/out" "1 deleted"
check "prune from a pipe: not refused" lacks "$TMP/err" "refusing"
check "prune from a pipe: 499 left" is "$(count "$TMP/db1")" 499
fifo "$TMP/f/stories.jsonl" stories.jsonl
run out err tnindex --db "$TMP/db1" --rebuild "$TMP/p/stories.jsonl"
wait
check "rebuild from a pipe: exit 0" is "$rc" 0
check "rebuild from a pipe: published" contains "$TMP/out" "published gen-"
check "rebuild from a pipe: 500 live" is "$(count "$TMP/db1")" 500

# A pipe that gives nothing is an empty file, as one on disk is.
: >"$TMP/f/empty.jsonl"
fifo "$TMP/f/empty.jsonl" empty.jsonl
run out err tnindex --db "$TMP/db1" "$TMP/p/empty.jsonl"
wait
check "empty pipe: exit 0" is "$rc" 0
check "empty pipe: an empty file" contains "$TMP/err" \
    "$TMP/p/empty.jsonl: ignored: empty file"

finish
