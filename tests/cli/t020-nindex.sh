#!/bin/sh
# t020-nindex.sh - nindex: formats, replacement, and every kind of bad input
# (standard input too: JSON Lines, a JSON array, and a feed piped in)
# (reported as FILE:LINE: reason, skipped, counted; the run goes on and the
# index stays usable).
. "$(dirname "$0")/lib.sh"

# total DB: the number of articles in DB.
total() {
    nsearch --db "$1" --json --related 0 --limit 0 --no-collapse -- "" |
        sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

mkdir -p "$TMP/in/sub"
cat >"$TMP/in/good.jsonl" <<'JSON'
{"id":"g1","title":"Glacier retreat measured","body":"The glacier retreated again.","date":"2025-05-01"}
{"id":"g2","title":"Fjord ferry strike","body":"Ferries stopped.","section":"Norge","lang":"no","date":"2025-05-02T08:00:00+02:00"}
JSON
cat >"$TMP/in/sub/story.md" <<'MD'
---
title: Harbour crane collapses
date: 2025-05-03
section: Business
---
A crane fell into the harbour.

## What happened

Wind gusts.
MD

run out err nindex --db "$TMP/db" "$TMP/in"
check "clean run exits 0" is "$rc" 0
check "summary line" contains "$TMP/out" "nindex: update: 3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "no messages" is "$(cat "$TMP/err")" ""
nsearch --db "$TMP/db" --json "id:sub/story.md" >"$TMP/j"
check "article found by its path id" contains "$TMP/j" '"id":"sub/story.md"'
check "date offset normalised" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json ferry | grep -q '2025-05-02T06:00:00Z'"
nsearch --db "$TMP/db" --json "heading:happened" >"$TMP/h"
check "headings are searchable" contains "$TMP/h" '"id":"sub/story.md"'

# Re-adding the same articles changes nothing; changed ones are replaced.
run out err nindex --db "$TMP/db" "$TMP/in/good.jsonl"
check "unchanged counted" contains "$TMP/out" "0 added, 0 replaced, 2 unchanged"
sed 's/Ferries stopped./Ferries stopped for a day./' "$TMP/in/good.jsonl" >"$TMP/changed.jsonl"
run out err nindex --db "$TMP/db" "$TMP/changed.jsonl"
check "replacement counted" contains "$TMP/out" "0 added, 1 replaced, 1 unchanged"
check "replacement is searchable" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json 'ferries day' | grep -q 'for a day'"
nsearch --db "$TMP/db" --json --limit 100 "" >"$TMP/all"
check "no duplicates after re-adding" python3 -c \
    "import json; assert len(json.load(open('$TMP/all'))['hits']) == 3"

# Every kind of bad record, each on its own line, between good ones.
{
    echo '{"id":"ok1","title":"First good line","body":"Fine."}'
    echo '{"id":"bad-json","title":"unterminated"'
    printf '{"id":"bad-utf8","title":"caf\351"}\n'
    echo '{"title":"no id here","body":"x"}'
    echo '{"id":"empty","title":"","body":"  "}'
    echo '{"id":"bad-deleted","title":"Gone?","deleted":"maybe"}'
    echo '{"id":"bad-type","title":["not","a","string"]}'
    printf '{"id":"huge","title":"t","body":"%s"}\n' "$(head -c 17000000 /dev/zero | tr '\0' x)"
    echo '{"id":"ok2","title":"Second good line","body":"Fine too."}'
} >"$TMP/bad.jsonl"
run out err nindex --db "$TMP/db" "$TMP/bad.jsonl"
check "skipped input exits 3" is "$rc" 3
check "malformed JSON reported" contains "$TMP/err" "bad.jsonl:2: malformed JSON"
check "invalid UTF-8 reported" contains "$TMP/err" "bad.jsonl:3: invalid UTF-8"
check "missing id reported" contains "$TMP/err" "bad.jsonl:4: missing id"
check "missing title and body reported" contains "$TMP/err" "bad.jsonl:5: missing title and body"
check "bad deleted reported" contains "$TMP/err" "bad.jsonl:6: field 'deleted' is not true or false"
check "wrong type reported" contains "$TMP/err" "bad.jsonl:7: field 'title' is not a string"
check "huge line reported" contains "$TMP/err" "bad.jsonl:8: line longer than"
check "bad lines counted" contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 7 skipped"
check "good lines after bad ones indexed" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json 'second good' | grep -q '\"id\":\"ok2\"'"
check "bad records not indexed" sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json \
    'id:bad-json OR id:bad-utf8 OR id:empty OR id:bad-deleted OR id:bad-type OR id:huge' |
    grep -q '\"total\":0,'"
check "index holds the 3 earlier articles and the 2 good lines" is "$(total "$TMP/db")" 5

# Gzip: read through zlib; a truncated file keeps what came before the cut.
python3 - "$TMP/many.jsonl.gz" <<'PY'
import gzip, json, random, sys
rng = random.Random(1)
with gzip.open(sys.argv[1], "wt") as f:
    for i in range(3000):
        words = " ".join(rng.choice(["tide", "storm", "ferry", "quay", "%x" % rng.getrandbits(40)]) for _ in range(30))
        f.write(json.dumps({"id": "z%d" % i, "title": "Item %d" % i, "body": words}) + "\n")
PY
run out err nindex --db "$TMP/gz" "$TMP/many.jsonl.gz"
check "gzip exits 0" is "$rc" 0
check "gzip all read" contains "$TMP/out" "3000 added"
size=$(wc -c <"$TMP/many.jsonl.gz")
head -c $((size / 2)) "$TMP/many.jsonl.gz" >"$TMP/cut.jsonl.gz"
run out err nindex --db "$TMP/cut" "$TMP/cut.jsonl.gz"
check "truncated gzip exits 3" is "$rc" 3
check "truncated gzip reported" contains "$TMP/err" "truncated gzip file"
check "records before the cut kept" python3 -c "
import re; n = int(re.search(r'(\d+) added', open('$TMP/out').read()).group(1)); assert 500 < n < 3000, n"
check "the index holds exactly the records counted" is "$(total "$TMP/cut")" \
    "$(sed -n 's/.*update: \([0-9]*\) added.*/\1/p' "$TMP/out")"
printf 'this is not gzip at all\037\213' | gzip -c | head -c 20 >"$TMP/junk.jsonl.gz"
run out err nindex --db "$TMP/cut" "$TMP/junk.jsonl.gz"
check "corrupt gzip is not fatal" is "$rc" 3
# A stream damaged inside: checked before it is read, not read at all,
# zlib's message, the file named once (t217: more).
python3 - "$TMP/bad.jsonl.gz" <<'PY'
import gzip, sys
d = bytearray(gzip.compress(b'{"id":"x","title":"t"}\n' * 50))
d[14] ^= 0x55
open(sys.argv[1], "wb").write(d)
PY
run out err nindex --db "$TMP/cut" "$TMP/bad.jsonl.gz"
check "damaged gzip: skipped" is "$rc" 3
check "damaged gzip: FILE: zlib's reason" sh -c \
    "grep -q 'bad.jsonl.gz: not read: the gzip data is damaged (invalid distance too far back at byte [0-9]* of the compressed file)' '$TMP/err' &&
     ! grep -q 'bad.jsonl.gz:[0-9]*: [^ ]*bad.jsonl.gz' '$TMP/err'"

# Unreadable inputs in a directory walk are reported and skipped.
mkdir -p "$TMP/walk"
cp "$TMP/in/sub/story.md" "$TMP/walk/a.md"
ln -s "$TMP/nowhere.jsonl" "$TMP/walk/dangling.jsonl"
printf -- '---\ntitle: x\nno colon here\n---\nbody\n' >"$TMP/walk/b.md"
run out err nindex --db "$TMP/w" "$TMP/walk"
check "walk exits 3" is "$rc" 3
check "dangling file reported" contains "$TMP/err" "dangling.jsonl: cannot open"
check "bad front matter reported with line" contains "$TMP/err" "b.md:3: front matter line is not 'key: value'"
check "good file indexed" contains "$TMP/out" "1 added"
check "walk: only the good file in the index" is "$(total "$TMP/w")" 1

# Standard input.
run out err sh -c "echo '{\"id\":\"s1\",\"title\":\"From a pipe\"}' | '$NSEARCH_BIN/nindex' --db '$TMP/stdin' -"
check "stdin exits 0" is "$rc" 0
check "stdin indexed" contains "$TMP/out" "1 added"

# A feed piped in is one error, not one per line, and nothing is pruned;
# a JSON array or pretty-printed objects are read as a file of them is.
cat >"$TMP/wire.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Seals</title><guid>w1</guid>
<description>Seals return to the fjord.</description></item>
</channel></rss>
XML
run out err sh -c "'$NSEARCH_BIN/nindex' --db '$TMP/stdin' --prune - <'$TMP/wire.xml'"
check "stdin XML: exit 4 (a skipped record, no prune)" is "$rc" 4
check "stdin XML: one error naming the fix" is "$(grep -c . "$TMP/err")" 2
check "stdin XML: said what it is" contains "$TMP/err" \
    "<stdin>: looks like XML (a feed or a page), not JSON Lines: save it to a file (feed.xml) and give its name"
check "stdin XML: counted once, the article kept" contains "$TMP/out" \
    "0 added, 0 replaced, 0 unchanged, 0 deleted, 1 skipped"
printf '\n[\n  {"id": "a1", "title": "Seals", "body": "x"},\n  {"id": "a2",\n   "title": ""}\n]\n' \
    >"$TMP/array.json"
run out err sh -c "'$NSEARCH_BIN/nindex' --db '$TMP/stdin' - <'$TMP/array.json'"
check "stdin array: exit 3 for its bad item" is "$rc" 3
check "stdin array: read as an array" contains "$TMP/out" "1 added"
check "stdin array: the bad item at its line" contains "$TMP/err" \
    "<stdin>:4: item 2: missing title and body"
printf '{\n  "id": "p1",\n  "title": "Pretty"\n}\n{\n  "id": "p2",\n  "title": "Two"\n}\n' \
    >"$TMP/pretty.json"
run out err sh -c "'$NSEARCH_BIN/nindex' --db '$TMP/stdin' - <'$TMP/pretty.json'"
check "stdin pretty-printed: exit 0" is "$rc" 0
check "stdin pretty-printed: both read" contains "$TMP/out" "2 added"

# What follows a JSON array's end: another array (two exports joined with
# cat), objects one a line, or text that is neither, which is said.  It
# was dropped without a word, exit 0, and --prune deleted its articles.
printf '[{"id":"x1","title":"First","body":"t"}]\n{"id":"x2","title":"Second","body":"t"}\n{"id":"x3","title":"Third","body":"t"}\n' \
    >"$TMP/after.jsonl"
run out err nindex --db "$TMP/after" "$TMP/after.jsonl"
check "objects after an array: all three read" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
run out err nindex --db "$TMP/after" --prune --max-delete-share 100 "$TMP/after.jsonl"
check "objects after an array: --prune deletes none of them" contains \
    "$TMP/out" "3 unchanged, 0 deleted"
printf '[{"id":"y1","title":"First","body":"t"}]\n[{"id":"y2","title":"Second","body":"t"},\n {"id":"y3","title":"Third","body":"t"}]\n' \
    >"$TMP/joined.json"
run out err nindex --db "$TMP/after" "$TMP/joined.json"
check "two arrays joined: both read" contains "$TMP/out" "3 added"
printf '[{"id":"z1","title":"First","body":"t"}]\n\ngarbage\n' >"$TMP/junk.json"
run out err nindex --db "$TMP/after" --prune "$TMP/junk.json"
check "text after an array: a skipped record, no prune" is "$rc" 4
check "text after an array: said at its line" contains "$TMP/err" \
    "junk.json:3: text after the end of the JSON array that starts no array or object"

# Unknown language: indexed unstemmed, with a warning, not skipped.
echo '{"id":"k","title":"Qapla","lang":"tlh"}' >"$TMP/tlh.jsonl"
run out err nindex --db "$TMP/l" "$TMP/tlh.jsonl"
check "unknown language exits 0" is "$rc" 0
check "unknown language warned" contains "$TMP/err" "tlh.jsonl:1: unknown language 'tlh'"
check "unknown language: the article is searchable" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/l' --json Qapla | grep -q '\"id\":\"k\"'"

# The index still opens and searches after all of this.
check "index still searchable" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json glacier | grep -q '\"id\":\"g1\"'"

# Usage and errors.
run out err nindex --db "$TMP/db"
check "no source exits 2" is "$rc" 2
run out err nindex --db "$TMP/fresh" --commit-every x "$TMP/in"
check "bad number exits 2" is "$rc" 2
run out err nindex --db "$TMP/fresh" --commit-every 100000000 "$TMP/in"
check "a number over the range exits 2" is "$rc" 2
check "... and the message gives the range" contains "$TMP/err" \
    "--commit-every needs a number from 1 to 10000000, not '100000000'"
check "usage error creates no index" test ! -e "$TMP/fresh"
n=$(total "$TMP/db")
run out err nindex --db "$TMP/db" "$TMP/missing.jsonl"
check "missing source exits 1" is "$rc" 1
check "missing source: index unchanged" is "$(total "$TMP/db")" "$n"
check "missing source named" contains "$TMP/err" "cannot read '$TMP/missing.jsonl'"
run out err nindex --help
check "help exits 0" is "$rc" 0
check "help lists exit 3" contains "$TMP/out" "3   done, but some records were skipped"
touch "$TMP/file"
run out err nindex --db "$TMP/file/db" "$TMP/in"
check "unwritable index exits 1" is "$rc" 1

finish
