#!/usr/bin/env python3
"""ingest_gen.py N DIR - Write the same N synthetic articles three ways, for
tests/bench/ingest.sh: DIR/articles.jsonl (JSON Lines), DIR/feed.rss (one
RSS 2.0 feed with content:encoded) and DIR/pages/ (one HTML page each, with
JSON-LD, navigation, scripts and comments around the article).  The text is
made of words drawn with a fixed seed, so runs are comparable."""
import html, json, os, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(16)
words = ("harbour ferry council budget school library bridge market tram "
         "festival weather coast island station museum hospital road park "
         "election housing energy wind solar river forest county city "
         "village court police report plan vote teachers workers prices").split()

def sentence():
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 20))).capitalize() + "."

os.makedirs(os.path.join(out, "pages"), exist_ok=True)
with open(os.path.join(out, "articles.jsonl"), "w") as jl, \
        open(os.path.join(out, "feed.rss"), "w") as rss:
    rss.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
              '<channel><title>bench</title><language>en</language>\n')
    for i in range(n):
        title = sentence()[:-1]
        paras = [" ".join(sentence() for _ in range(4)) for _ in range(5)]
        date = "2025-%02d-%02dT%02d:00:00Z" % (1 + i % 12, 1 + i % 28, i % 24)
        aid = "bench-%06d" % i
        jl.write(json.dumps({"id": aid, "title": title, "body": "\n\n".join(paras),
                             "section": "Local", "date": date, "lang": "en"}) + "\n")
        body_html = "".join("<p>%s</p>" % html.escape(p) for p in paras)
        rss.write("<item><guid>%s</guid><title>%s</title><pubDate>%s</pubDate>"
                  "<category>Local</category><content:encoded><![CDATA[%s]]>"
                  "</content:encoded></item>\n" % (aid, html.escape(title), date, body_html))
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": title, "datePublished": date,
                         "articleSection": "Local", "inLanguage": "en",
                         "identifier": aid})
        with open(os.path.join(out, "pages", aid + ".html"), "w") as pg:
            pg.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                     "<title>%s</title><script type=\"application/ld+json\">%s</script>"
                     "<script>var x = 1;</script></head><body><nav><a href=\"/\">Home"
                     "</a></nav><article><h1>%s</h1>%s<section class=\"comments\">"
                     "<p>First!</p></section></article><footer>Footer</footer>"
                     "</body></html>\n" % (html.escape(title), ld, html.escape(title), body_html))
    rss.write("</channel></rss>\n")
