#!/bin/sh
# t258-ocr-dates.sh - Dates as digitized (OCR'd) archives print them, in
# JSON Lines, Markdown front matter and an HTML page's meta tag.  An
# ordinal day ("Jan. 5th, 1923"), a month alone ("January 1923") and
# "1923/01/05" are read; any other date that does not read ("circa 1910")
# leaves the story indexed undated with a FILE:LINE warning, where the
# whole story was a skipped record (exit 3).  A two-digit year is not
# guessed as 20xx: a weekday picks its century ("Fri, 05 Jan 23" is 1923),
# else the story is undated; a feed's <pubDate> keeps RFC 2822's window.
# An OCR-garbled month ("Janxyz", "Marc") is no month.
. "$(dirname "$0")/lib.sh"

printf '%s\n' \
    '{"id":"o1","title":"Ordinal","body":"harvest festival","date":"Jan. 5th, 1923"}' \
    '{"id":"o2","title":"Month only","body":"harvest festival","date":"January 1923"}' \
    '{"id":"o3","title":"Circa","body":"harvest festival","date":"circa 1910"}' \
    '{"id":"o4","title":"Slashes","body":"harvest festival","date":"1923/01/05"}' \
    '{"id":"o5","title":"Day first ordinal","body":"harvest festival","date":"5th January 1923"}' \
    '{"id":"y1","title":"Two digits","body":"harvest festival","date":"5 Jan 23"}' \
    '{"id":"y2","title":"Friday","body":"harvest festival","date":"Fri, 05 Jan 23"}' \
    '{"id":"y3","title":"Garbled","body":"harvest festival","date":"5 Janxyz 1923"}' \
    '{"id":"y4","title":"Marc","body":"harvest festival","date":"Marc 5, 1923"}' \
    >"$TMP/od.jsonl"
mkdir -p "$TMP/site"
printf -- '---\ntitle: Harvest in the valley\ndate: circa 1910\n---\nThe harvest festival drew farmers.\n' >"$TMP/site/a.md"
printf -- '---\ntitle: Harvest ball\ndate: Jan. 5th, 1923\n---\nThe harvest festival ball.\n' >"$TMP/site/b.md"
cat >"$TMP/site/c.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Harvest report</title>
<meta property="article:published_time" content="circa 1910">
</head><body><article><h1>Harvest report</h1>
<p>The harvest festival in the valley was the largest in memory, with farmers from every parish bringing their best produce to the square. The mayor opened the fair at noon and the band played until dusk.</p>
</article></body></html>
HTML
cat >"$TMP/f.rss" <<'RSS'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Valley Courier</title>
<item><guid>r1</guid><title>Harvest one</title><description>harvest festival</description><pubDate>Fri, 05 Jan 23 10:00:00 GMT</pubDate></item>
<item><guid>r2</guid><title>Harvest two</title><description>harvest festival</description><pubDate>05 Jan 23 10:00:00 GMT</pubDate></item>
<item><guid>r3</guid><title>Harvest three</title><description>harvest festival</description><pubDate>Mon, 05 Jan 23 10:00:00 GMT</pubDate></item>
</channel></rss>
RSS

run out err nindex --db "$TMP/db" "$TMP/od.jsonl" "$TMP/site" "$TMP/f.rss"
check "nindex exits 0: nothing skipped" is "$rc" 0
check "every story is indexed" contains "$TMP/out" "15 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "the undated ones are warnings in the summary" contains "$TMP/out" "7 warnings"
check "JSON: the file and line of the warning" contains "$TMP/err" \
    "warning: $TMP/od.jsonl:3: unparsable date 'circa 1910': not read; the article is kept undated"
check "JSON: a two-digit year is said" contains "$TMP/err" \
    "warning: $TMP/od.jsonl:6: date '5 Jan 23' has a two-digit year"
check "Markdown: the file and line of the warning" contains "$TMP/err" \
    "warning: $TMP/site/a.md:3: unparsable date 'circa 1910': not read"
check "HTML: the warning names the page" contains "$TMP/err" \
    "warning: $TMP/site/c.html: unparsable date 'circa 1910': not read"
check "feed: a weekday that fits no century" contains "$TMP/err" \
    "warning: $TMP/f.rss:5: unparsable date 'Mon, 05 Jan 23 10:00:00 GMT'"

nsearch --db "$TMP/db" --json --limit 50 --related 0 --no-collapse harvest |
    python3 -c '
import json, sys
for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"]):
    print(h["id"], h["date"])' >"$TMP/dates"
check "stored dates" is "$(cat "$TMP/dates")" "a.md None
b.md 1923-01-05T00:00:00Z
c.html None
o1 1923-01-05T00:00:00Z
o2 1923-01-01T00:00:00Z
o3 None
o4 1923-01-05T00:00:00Z
o5 1923-01-05T00:00:00Z
r1 1923-01-05T10:00:00Z
r2 2023-01-05T10:00:00Z
r3 None
y1 None
y2 1923-01-05T00:00:00Z
y3 None
y4 None"
ids() {
    nsearch --db "$TMP/db" --json --limit 50 --related 0 --no-collapse "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "date:1923 finds the stories of 1923" is "$(ids 'harvest date:1923')" \
    "b.md o1 o2 o4 o5 r1 y2"
check "date:2023 finds only the feed's window reading" is "$(ids 'harvest date:2023')" "r2"
check "date:1923-01-05 is the day, not the month alone" is \
    "$(ids 'harvest date:1923-01-05')" "b.md o1 o4 o5 r1 y2"
finish
