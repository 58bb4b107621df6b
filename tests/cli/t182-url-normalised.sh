#!/bin/sh
# t182-url-normalised.sh - A url was stored as sent, and a search page puts
# it in an href: "http://evil.example/\"onmouseover=\"alert(1)" and
# "https://x.example/<script>" were served as they came, and a canonical
# link wrapped over lines kept a space for each tab and newline.  Now a
# url is stored as a browser reads it, in every input form: tabs and
# newlines left out, and space, '"', '<', '>', '`' percent-encoded; '%'
# (an encoded url) and UTF-8 stay as they are.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

S=$TMP/src
mkdir -p "$S"
cat >"$S/a.jsonl" <<'J'
{"id":"q1","title":"Quote","body":"Harbour text.","url":"http://evil.example/\"onmouseover=\"alert(1)"}
{"id":"q2","title":"Angle","body":"Harbour text.","url":"https://x.example/<script>"}
{"id":"q3","title":"Wrapped","body":"Harbour text.","url":"https://x.example/a\tb\r\nc"}
{"id":"q4","title":"Spaces","body":"Harbour text.","url":"  https://x.example/a b?q=c d#e f  "}
{"id":"q5","title":"Backtick","body":"Harbour text.","url":"https://x.example/`x`"}
{"id":"q6","title":"Encoded","body":"Harbour text.","url":"https://x.example/a%20b%3Cc%22"}
{"id":"q7","title":"Letters","body":"Harbour text.","url":"https://x.example/bl\u00e5b\u00e6r?s=\u00f8"}
{"id":"q8","title":"Relative","body":"Harbour text.","url":"/2025/a b"}
{"id":"q10","title":"Control","body":"Harbour text.","url":"https://x.example/a\u0001b"}
{"id":"q11","title":"Single quote","body":"Harbour text.","url":"https://x.example/a'onclick='b{c}"}
{"id":"q9","title":"No scheme","body":"Harbour text.","url":"//x.example/<i>"}
J
printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Canonical</title>\n<link rel="canonical" href="https://x.example/a\tb\nc">\n</head><body><main><article><h1>Canonical</h1><p>Harbour text about the quay, the ferry and the lighthouse, long enough to be an article of its own.</p></article></main></body></html>\n' >"$S/p1.html"
cat >"$S/p2.html" <<'X'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Open graph</title>
<meta property="og:url" content="https://x.example/&quot;&gt;&lt;img src=x&gt;">
</head><body><main><article><h1>Open graph</h1><p>Harbour text about the quay, the ferry and the lighthouse, long enough to be an article of its own.</p></article></main></body></html>
X
printf -- '---\ntitle: Front matter\nurl: "https://x.example/<b> c"\n---\nHarbour text.\n' >"$S/post.md"

run out err nindex --db "$TMP/db" "$S"
check "index: exit 0" is "$rc" 0
check "index: every article kept" contains "$TMP/out" "14 added"
check "index: no warning" lacks "$TMP/err" "warning"

# url ID: the url nsearch --json gives article ID, or "-".
url() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 harbour |
        python3 -c 'import json,sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]: print(h.get("url") or "-")' "$1"
}
check "jsonl: a quote encoded" is "$(url q1)" 'http://evil.example/%22onmouseover=%22alert(1)'
check "jsonl: angle brackets encoded" is "$(url q2)" 'https://x.example/%3Cscript%3E'
check "jsonl: tab, CR and LF left out" is "$(url q3)" 'https://x.example/abc'
check "jsonl: spaces inside encoded, around trimmed" is "$(url q4)" \
    'https://x.example/a%20b?q=c%20d#e%20f'
check "jsonl: backticks encoded" is "$(url q5)" 'https://x.example/%60x%60'
check "jsonl: single quotes and braces encoded" is "$(url q11)" 'https://x.example/a%27onclick=%27b%7Bc%7D'
check "jsonl: an encoded url stays" is "$(url q6)" 'https://x.example/a%20b%3Cc%22'
check "jsonl: UTF-8 stays" is "$(url q7)" 'https://x.example/blåbær?s=ø'
check "jsonl: a relative url, encoded" is "$(url q8)" '/2025/a%20b'
check "jsonl: a //host url, encoded" is "$(url q9)" '//x.example/%3Ci%3E'
check "jsonl: a control character, a space encoded" is "$(url q10)" 'https://x.example/a%20b'
check "page: the canonical link's tab and newline left out" is "$(url p1.html)" \
    'https://x.example/abc'
check "page: og:url's quote and brackets encoded" is "$(url p2.html)" \
    'https://x.example/%22%3E%3Cimg%20src=x%3E'
check "front matter: brackets and space encoded" is "$(url post.md)" \
    'https://x.example/%3Cb%3E%20c'
check "nsearch --json: no url has a quote, bracket or space" \
    test -z "$(nsearch --db "$TMP/db" --json --related 0 --limit 50 harbour |
        python3 -c 'import json,sys
for h in json.load(sys.stdin)["hits"]:
    u = h.get("url") or ""
    if any(c in u for c in "\"<> `\t\n"): print(u)')"

check "nsearchd: starts" start_server
get a.json /v1/articles/q1
check "nsearchd article: 200" is "$code" 200
check "nsearchd article: the url encoded" json a.json \
    'd["url"] == "http://evil.example/%22onmouseover=%22alert(1)"'
get b.json /v1/articles/q2
check "nsearchd article: no <script>" json b.json \
    'd["url"] == "https://x.example/%3Cscript%3E"'
kill "$server_pid"
server_pid=

finish
