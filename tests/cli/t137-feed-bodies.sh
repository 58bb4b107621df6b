#!/bin/sh
# t137-feed-bodies.sh - What a feed item's body keeps of its structure:
# the headings of a body that comes from RSS <description> (Hugo's default
# RSS) or Atom <summary>, as of one from <content:encoded>; and a WordPress
# export's [caption], a paragraph of its own that runs into no sentence.
. "$(dirname "$0")/lib.sh"
S=$TMP/feeds
mkdir -p "$S"

cat >"$S/hugo.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fjordblogg</title><link>https://f.example/</link>
<item><title>Selar</title><link>https://f.example/selar/</link><description>&lt;p&gt;Selane kjem att.&lt;/p&gt;
&lt;h2 id="kvifor-no"&gt;Kvifor no&lt;/h2&gt;
&lt;p&gt;Meir fisk i fjorden.&lt;/p&gt;</description></item>
<item><title>CDATA desc</title><link>https://f.example/a</link><description><![CDATA[<p>Intro text.</p><h2>Harbour works</h2><p>More.</p>]]></description></item>
</channel></rss>
EOF
cat >"$S/summary.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<entry><title>Quay</title><id>urn:a:1</id><link href="https://a.example/1"/><updated>2025-06-01T10:00:00Z</updated>
<summary type="html">&lt;p&gt;The quay opens.&lt;/p&gt;&lt;h3&gt;Ferry times&lt;/h3&gt;&lt;p&gt;Every hour.&lt;/p&gt;</summary></entry>
</feed>
EOF
cat >"$S/caption.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>L</title><link>https://l.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title><![CDATA[Budget]]></title><link>https://l.example/budget/</link><dc:creator><![CDATA[kari]]></dc:creator>
<content:encoded><![CDATA[[caption id="attachment_60" align="alignright" width="300"]<img src="m.jpg" alt="Mayor" width="300" height="200" /> The mayor presents the budget[/caption]
The council approved it on Sunday.

Schools get the largest share.]]></content:encoded>
<wp:post_date_gmt><![CDATA[2025-06-01 06:00:00]]></wp:post_date_gmt><wp:post_name><![CDATA[budget]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>
</channel></rss>
EOF
run out err nindex --db "$TMP/db" "$S"
check "feeds indexed" is "$rc" 0

# ids QUERY: the ids of the articles QUERY finds, sorted.
ids() {
    nsearch --db "$TMP/db" --json --limit 50 -- "$1" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "Hugo RSS: an escaped <description>'s heading" is \
    "$(ids 'heading:kvifor')" "https://f.example/selar/"
check "RSS: a CDATA <description>'s heading" is \
    "$(ids 'heading:"harbour works"')" "https://f.example/a"
check "Atom: a <summary type=html>'s heading" is \
    "$(ids 'heading:ferry')" "urn:a:1"

# The caption and the sentence after it are two paragraphs: a snippet
# parts them with a dash, as it parts any paragraph without a stop.
check "a [caption] is a paragraph of its own" python3 -c '
import json, subprocess, sys
d = json.loads(subprocess.run([sys.argv[1] + "/nsearch", "--db", sys.argv[2],
    "--json", "mayor"], capture_output=True).stdout)
s = d["hits"][0]["snippet"].replace("<mark>", "").replace("</mark>", "")
assert "the budget \u2014 The council" in s, s' "$NSEARCH_BIN" "$TMP/db"

finish
