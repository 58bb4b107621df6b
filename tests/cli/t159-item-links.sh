#!/bin/sh
# t159-item-links.sh - The url of an article whose source gives its address
# another way than a <link> or a url: key.
#
# An RSS item with only a permalink <guid> (RSS 2.0: isPermaLink defaults
# to true; feed readers link to it) had url null, so a search page had no
# link to show; so had a Jekyll post with only permalink:.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/a"
cat >"$TMP/a/f.rss" <<'X'
<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://feed.example/</link>
<item><title>Explicit gpword</title><guid isPermaLink="true">https://feed.example/news/explicit</guid><description>one gpword</description></item>
<item><title>Default gpword</title><guid>https://feed.example/news/default</guid><description>two gpword</description></item>
<item><title>Notlink gpword</title><guid isPermaLink="false">https://feed.example/news/notlink</guid><description>three gpword</description></item>
<item><title>Tagged gpword</title><guid>tag:feed.example,2024:1</guid><description>four gpword</description></item>
<item><title>Linked gpword</title><link>https://feed.example/l</link><guid>https://feed.example/g</guid><description>five gpword</description></item>
</channel></rss>
X
printf -- '---\ntitle: Perma gpword\npermalink: /2024/05/permalink-post/\n---\nBody gpword one.\n' >"$TMP/a/p1.md"
printf -- '---\ntitle: Template gpword\npermalink: /:categories/:title/\n---\nBody gpword two.\n' >"$TMP/a/p2.md"
printf -- '---\ntitle: Urlfirst gpword\nurl: https://ex.org/u\npermalink: /p/\n---\nBody gpword three.\n' >"$TMP/a/p3.md"
printf -- '---\ntitle: Urllast gpword\npermalink: /p/\nurl: https://ex.org/u2\n---\nBody gpword four.\n' >"$TMP/a/p4.md"
nindex --quiet --db "$TMP/db" "$TMP/a" || exit 1
nsearch --db "$TMP/db" --json -n 20 --related 0 gpword >"$TMP/out.json"
# url TITLEWORD: the url of the hit whose title starts with TITLEWORD.
url() {
    python3 -c '
import json, sys
for h in json.load(open(sys.argv[1]))["hits"]:
    if h["title"].startswith(sys.argv[2]):
        print(h["url"])' "$TMP/out.json" "$1"
}
check "rss: isPermaLink=true guid is the url" \
    is "$(url Explicit)" "https://feed.example/news/explicit"
check "rss: a guid is a permalink by default" \
    is "$(url Default)" "https://feed.example/news/default"
check "rss: isPermaLink=false is no url" is "$(url Notlink)" "None"
check "rss: a guid that is no web address is no url" is "$(url Tagged)" "None"
check "rss: <link> comes before the guid" is "$(url Linked)" "https://feed.example/l"
check "jekyll: permalink is the url" is "$(url Perma)" "/2024/05/permalink-post/"
check "jekyll: a permalink template is no url" is "$(url Template)" "None"
check "jekyll: url: before permalink wins" is "$(url Urlfirst)" "https://ex.org/u"
check "jekyll: url: after permalink wins" is "$(url Urllast)" "https://ex.org/u2"
finish
