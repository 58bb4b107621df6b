#!/bin/sh
# t024-utf16-and-junk.sh - README "Formats are chosen by name and by
# content": a feed or page in UTF-16 (with its byte-order mark, as Windows
# tools write) is read; a Markdown file in UTF-16 is a skipped record
# that says to convert it; a file named .xml or .html that is no markup
# at all (an error message saved by a fetch) is a skipped record in a
# directory walk too, so that --prune keeps what it held before; and a
# file gzipped in place keeps its id (its path without ".gz").
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/arch"
echo '{"id":"p1","title":"Harbour report","body":"Cranes and ferries."}' \
    >"$TMP/arch/all.jsonl"
python3 - "$TMP/arch" <<'PY'
import sys
d = sys.argv[1]
feed = ('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel>'
        '<title>c</title><item><title>Ærlig talt fra Tromsø</title>'
        '<guid>f1</guid><description>Nordlys over byen.</description>'
        '</item></channel></rss>')
open(d + "/feed.xml", "wb").write(feed.encode("utf-16"))
page = ('<!doctype html><html><head><title>Kai i Bodø</title></head><body>'
        '<article><h1>Kai i Bodø</h1><p>Ferja går fra kaia klokka åtte.'
        '</p></article></body></html>')
open(d + "/page.html", "wb").write(page.encode("utf-16-le").join(
    [b"\xff\xfe", b""]))
PY
run out err nindex --db "$TMP/db" "$TMP/arch"
check "UTF-16 feed and page: indexed" is "$rc" 0
check "summary: 3 added" grep -q "3 added" "$TMP/out"

ids() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] + "=" + h["title"] for h in json.load(sys.stdin)["hits"])))'
}
check "the feed's item, its title decoded" \
    is "$(ids nordlys)" "f1=Ærlig talt fra Tromsø"
check "the page, its title decoded" is "$(ids ferja)" "page.html=Kai i Bodø"

# Markdown in UTF-16: skipped, with what to do.
printf '# Notes\n\nSome text.\n' | iconv -f UTF-8 -t UTF-16 >"$TMP/arch/notes.md"
run out err nindex --db "$TMP/db" "$TMP/arch"
check "UTF-16 Markdown: a skipped record (exit 3)" is "$rc" 3
check "UTF-16 Markdown: says to convert it" \
    grep -q "notes.md: UTF-16 text: .*iconv -f UTF-16 -t UTF-8" "$TMP/err"
rm "$TMP/arch/notes.md"

# The feed overwritten by an error message: in a walk, a skipped record,
# and the prune deletes nothing.
echo 'Service Unavailable' >"$TMP/arch/feed.xml"
run out err nindex --db "$TMP/db" --prune "$TMP/arch"
check "junk named .xml in a walk: not pruning (exit 4)" is "$rc" 4
check "junk named .xml: said so" \
    grep -q "feed.xml: named as XML or HTML, but not markup" "$TMP/err"
check "the feed's item is still there" \
    is "$(ids nordlys)" "f1=Ærlig talt fra Tromsø"

# XML that is no feed (a sitemap) is still ignored, and does not stop a
# prune: the feed's file removed, its item goes.
printf '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>\n' \
    >"$TMP/arch/feed.xml"
run out err nindex --db "$TMP/db" --prune --force "$TMP/arch"
check "XML that is no feed: ignored, the prune runs" is "$rc" 0
check "XML that is no feed: 1 ignored, 1 deleted" \
    grep -q "1 deleted, 0 skipped, 1 ignored" "$TMP/out"

# Gzipping files in place keeps their ids (the path without ".gz"), so
# the nightly prune neither adds them again nor deletes them.
mkdir -p "$TMP/g/2024"
printf 'Ferry timetable\n\nThe winter ferry leaves at eight.\n' \
    >"$TMP/g/2024/ferry.md"
printf '<!doctype html><html><head><title>Quay works</title></head><body><article><h1>Quay works</h1><p>The quay is rebuilt.</p></article></body></html>' \
    >"$TMP/g/2024/quay.html"
nindex --quiet --db "$TMP/gdb" "$TMP/g"
before=$(nsearch --db "$TMP/gdb" --json --limit 100 --related 0 "" |
    python3 -c 'import json, sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))')
gzip "$TMP"/g/2024/*
run out err nindex --db "$TMP/gdb" --prune "$TMP/g"
check "gzipped in place: the same articles, unchanged" \
    grep -q " 0 added, 0 replaced, .* unchanged, 0 deleted" "$TMP/out"
after=$(nsearch --db "$TMP/gdb" --json --limit 100 --related 0 "" |
    python3 -c 'import json, sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))')
check "gzipped in place: the same ids" is "$after" "$before"
check "gzipped in place: ids without .gz" python3 -c '
import sys; ids = sys.argv[1].split(); assert ids and not any(i.endswith(".gz") for i in ids), ids' "$after"

# A plain copy beside a gzipped one ("gzip -k", or a new version saved
# next to the old): both would be the article "2024/ferry.md", and which
# one the index kept depended on the order of reading.  The gzipped one
# is not read, the run says so and counts it, and the prune does not run.
printf 'Ferry timetable\n\nThe summer ferry leaves at nine.\n' \
    >"$TMP/g/2024/ferry.md"
run out err nindex --db "$TMP/gdb" --prune "$TMP/g"
check "plain beside gzipped: skipped, prune withheld (4)" is "$rc" 4
check "plain beside gzipped: the message names both" \
    grep -q "ferry.md.gz: not read: ferry.md is here too" "$TMP/err"
check "plain beside gzipped: 1 replaced, 1 skipped, 0 deleted" \
    grep -q " 0 added, 1 replaced, .* 0 deleted, 1 skipped" "$TMP/out"
check "plain beside gzipped: the plain one is searched" \
    is "$(nsearch --db "$TMP/gdb" --json --related 0 'summer ferry' |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" \
    "2024/ferry.md"
run out err nindex --db "$TMP/gdb" --rebuild "$TMP/g"
check "plain beside gzipped: a rebuild is not published (1)" is "$rc" 1
rm "$TMP/g/2024/ferry.md"
run out err nindex --db "$TMP/gdb" --prune "$TMP/g"
check "copy removed: the gzipped one is read again" is "$rc" 0

finish
