#!/bin/sh
# t165-url-schemes.sh - A link whose scheme is not http or https
# ("javascript:alert(document.cookie)", "data:text/html,<script>") was
# stored as the article's url and served in nsearch --json and nsearchd's
# answers, where a search page puts it in an href: script from a third
# party's feed.  Now, in every input form, such a url is left out with a
# warning that counts, and the article kept; the scheme is read as a
# browser reads it (any case, white space and control bytes before it,
# tabs inside it).  A relative url and a scheme-less //host/path stay.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

S=$TMP/src
mkdir -p "$S"
cat >"$S/a.jsonl" <<'J'
{"id":"j1","title":"Cookie one","body":"Harbour text.","url":"javascript:alert(document.cookie)"}
{"id":"j2","title":"Mixed case","body":"Harbour text.","url":" JaVaScRiPt:alert(1)"}
{"id":"j3","title":"Tab inside","body":"Harbour text.","url":"java\tscript:alert(1)"}
{"id":"j4","title":"Data url","body":"Harbour text.","url":"data:text/html,<script>alert(1)</script>"}
{"id":"j5","title":"Control first","body":"Harbour text.","url":"\u0001\u0085javascript:alert(1)"}
{"id":"j6","title":"Soft hyphen","body":"Harbour text.","url":"java\u00adscript:alert(1)"}
{"id":"k1","title":"Plain https","body":"Harbour text.","url":"https://news.example/k1"}
{"id":"k2","title":"Capital HTTP","body":"Harbour text.","url":"HTTP://news.example/k2"}
{"id":"k3","title":"Relative","body":"Harbour text.","url":"/2025/k3"}
{"id":"k4","title":"No scheme","body":"Harbour text.","url":"//news.example/k4"}
J
cat >"$S/feed.rss" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><guid>f1</guid><title>Feed script</title><link>javascript:alert(document.cookie)</link><description>Harbour text.</description></item>
<item><guid>f2</guid><title>Feed page</title><link>/2025/f2</link><description>Harbour text.</description></item>
</channel></rss>
X
cat >"$S/export.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title>
<item><title>Export script</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>
<content:encoded><![CDATA[<p>Harbour text.</p>]]></content:encoded>
<wp:post_name>w1</wp:post_name><wp:post_date_gmt>2025-09-01 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
</item>
</channel></rss>
X
cat >"$S/page.html" <<'X'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page script</title>
<link rel="canonical" href="JAVASCRIPT:alert(1)">
</head><body><main><article><h1>Page script</h1><p>Harbour text about the quay, the ferry and the lighthouse, long enough to be an article of its own.</p></article></main></body></html>
X
printf -- '---\ntitle: Post script\nurl: "vbscript:msgbox(1)"\n---\nHarbour text.\n' >"$S/post.md"

run out err nindex --db "$TMP/db" "$S"
check "index: exit 0" is "$rc" 0
check "index: every article kept" contains "$TMP/out" "15 added"
check "index: nothing skipped" contains "$TMP/out" "0 skipped"
check "index: each url left out is a warning" contains "$TMP/out" "10 warnings"
check "jsonl: the warning names the place and the url" contains "$TMP/err" \
    "a.jsonl:1: url 'javascript:alert(document.cookie)' left out: not an http(s) address"
check "jsonl: any case, after a space" contains "$TMP/err" \
    "a.jsonl:2: url 'JaVaScRiPt:alert(1)' left out"
check "jsonl: a tab inside the scheme" contains "$TMP/err" "a.jsonl:3: url 'javascript:alert(1)' left out"
check "jsonl: data:" contains "$TMP/err" "a.jsonl:4: url 'data:text/html,<script>alert(1)</script>' left out"
check "jsonl: control bytes before it" contains "$TMP/err" "a.jsonl:5: url 'javascript:alert(1)' left out"
check "jsonl: a soft hyphen the stored url loses" contains "$TMP/err" "a.jsonl:6: url 'javascript:alert(1)' left out"
check "feed: the item's link" contains "$TMP/err" "url 'javascript:alert(document.cookie)' left out: not an http(s) address"
check "feed: said at the item" contains "$TMP/err" "feed.rss:3: url"
check "export: the post's link" contains "$TMP/err" "url 'data:text/html,<script>alert(1)</script>' left out"
check "page: the canonical link" contains "$TMP/err" "page.html: url 'JAVASCRIPT:alert(1)' left out"
check "front matter: vbscript:" contains "$TMP/err" "post.md:3: url 'vbscript:msgbox(1)' left out"
check "no other url warned about" is "$(grep -c "left out: not an http" "$TMP/err")" 10

# url ID: the url nsearch --json gives article ID, or "-".
url() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 harbour |
        python3 -c 'import json,sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]: print(h.get("url") or "-")' "$1"
}
for id in j1 j2 j3 j4 j5 j6 f1 w1; do
    check "nsearch --json: $id has no url" is "$(url $id)" "-"
done
check "nsearch --json: https kept" is "$(url k1)" "https://news.example/k1"
check "nsearch --json: HTTP kept" is "$(url k2)" "HTTP://news.example/k2"
check "nsearch --json: a relative url kept" is "$(url k3)" "/2025/k3"
check "nsearch --json: //host/path kept" is "$(url k4)" "//news.example/k4"
check "nsearch --json: a feed's relative link, against the channel" \
    is "$(url f2)" "https://wire.example/2025/f2"
check "nsearch --json: no hit has a script url" \
    test -z "$(nsearch --db "$TMP/db" --json --limit 50 harbour | grep -iE 'script:|data:')"

check "nsearchd: starts" start_server
get s.json "/v1/search?q=harbour&limit=50&collapse=0"
check "nsearchd search: 15 hits" json s.json 'd["total"] == 15'
check "nsearchd search: no url that is not http(s) or relative" json s.json \
    'all(h.get("url") in (None, "") or h["url"].lower().startswith(("http://", "https://", "/")) for h in d["hits"])'
get a.json /v1/articles/j1
check "nsearchd article: 200" is "$code" 200
check "nsearchd article: no url" json a.json '"javascript" not in json.dumps(d)'
check "nsearchd article: the rest kept" json a.json '"Cookie one" in json.dumps(d)'
kill "$server_pid"
server_pid=

finish
