#!/bin/sh
# t138-blogger-export.sh - A Blogger blog's backup (README "Blogger
# backups"), of Settings > Back up content and of Google Takeout: its
# posts are the articles, with their labels as tags and no section; its
# drafts, deleted posts and pages are left out and counted; its
# template, settings and comments are nothing at all; a deleted
# profile's "Unknown" is no author.
. "$(dirname "$0")/lib.sh"
S=$TMP/blog
mkdir -p "$S"

cat >"$S/blog-12-06-2026.xml" <<'XML'
<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href="http://www.blogger.com/styles/atom.css" type="text/css"?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:georss='http://www.georss.org/georss'><id>tag:blogger.com,1999:blog-7000</id><updated>2026-06-12T08:00:00.000+02:00</updated><title type='text'>Fjordposten</title><link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/archive'/><link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/archive'/><link rel='alternate' type='text/html' href='https://fjordposten.blogspot.com/'/><author><name>Kari Nordmann</name><uri>https://www.blogger.com/profile/111</uri><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author><generator version='7.00' uri='https://www.blogger.com'>Blogger</generator><openSearch:totalResults>8</openSearch:totalResults>
<entry><id>tag:blogger.com,1999:blog-7000.layout</id><published>2026-06-12T08:00:00.000+02:00</published><updated>2026-06-12T08:00:00.000+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#template'/><title type='text'>Template: Fjordposten</title><content type='text'>&lt;?xml version="1.0" encoding="UTF-8" ?&gt;
&lt;html b:version='2' class='v2'&gt;&lt;head&gt;&lt;title&gt;&lt;data:blog.pageTitle/&gt;&lt;/title&gt;&lt;b:skin&gt;body { font: normal normal 15px Georgia; }&lt;/b:skin&gt;&lt;/head&gt;&lt;body&gt;&lt;b:section id='main'&gt;&lt;b:widget id='Blog1' type='Blog'/&gt;&lt;/b:section&gt;&lt;/body&gt;&lt;/html&gt;</content><link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/template'/><author><name>Kari Nordmann</name><uri>https://www.blogger.com/profile/111</uri><email>noreply@blogger.com</email></author></entry>
<entry><id>tag:blogger.com,1999:blog-7000.settings.BLOG_NAME</id><published>2026-06-12T08:00:00.000+02:00</published><updated>2026-06-12T08:00:00.000+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><title type='text'>Blog name</title><content type='text'>Fjordposten</content><author><name>Kari Nordmann</name><email>noreply@blogger.com</email></author></entry>
<entry><id>tag:blogger.com,1999:blog-7000.settings.BLOG_DESCRIPTION</id><published>2026-06-12T08:00:00.000+02:00</published><updated>2026-06-12T08:00:00.000+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><title type='text'>Description</title><content type='text'>Local news from the fjord villages</content><author><name>Kari Nordmann</name><email>noreply@blogger.com</email></author></entry>
<entry><id>tag:blogger.com,1999:blog-7000.post-101</id><published>2026-05-20T09:15:00.000+02:00</published><updated>2026-05-20T10:02:11.123+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><category scheme='http://www.blogger.com/atom/ns#' term='Harbour'/><category scheme='http://www.blogger.com/atom/ns#' term='Politics'/><title type='text'>Council votes on the new ferry quay</title><content type='html'>&lt;div dir="ltr"&gt;&lt;p&gt;The council voted for the ferry quay on Tuesday.&lt;/p&gt;&lt;p&gt;Work starts in August.&lt;/p&gt;&lt;/div&gt;</content><link rel='replies' type='application/atom+xml' href='https://fjordposten.blogspot.com/feeds/101/comments/default' title='Post Comments'/><link rel='replies' type='text/html' href='https://www.blogger.com/comment/fullpage/post/7000/101' title='1 Comments'/><link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/posts/default/101'/><link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/posts/default/101'/><link rel='alternate' type='text/html' href='https://fjordposten.blogspot.com/2026/05/council-votes-on-ferry-quay.html' title='Council votes on the new ferry quay'/><author><name>Kari Nordmann</name><uri>https://www.blogger.com/profile/111</uri><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author><thr:total>1</thr:total></entry>
<entry><id>tag:blogger.com,1999:blog-7000.post-102</id><published>2019-03-02T18:40:00.000+01:00</published><updated>2019-03-02T18:41:00.000+01:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><category scheme='http://www.blogger.com/atom/ns#' term='Weather'/><title type='text'>Storm closes the mountain road</title><content type='html'>The mountain road was closed by the storm on Saturday night.</content><link rel='alternate' type='text/html' href='https://fjordposten.blogspot.com/2019/03/storm-closes-road.html' title='Storm closes the mountain road'/><author><name>Unknown</name><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author><thr:total>0</thr:total></entry>
<entry><id>tag:blogger.com,1999:blog-7000.post-103</id><published>2026-06-10T12:00:00.000+02:00</published><updated>2026-06-11T07:30:00.000+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><category scheme='http://www.blogger.com/atom/ns#' term='Politics'/><title type='text'>Draft: mayor resigns</title><content type='html'>Unfinished draft about the mayor and the budget scandal.</content><link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/7000/posts/default/103'/><author><name>Kari Nordmann</name><email>noreply@blogger.com</email></author><app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control></entry>
<entry><id>tag:blogger.com,1999:blog-7000.page-201</id><published>2024-01-05T10:00:00.000+01:00</published><updated>2024-01-05T10:00:00.000+01:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#page'/><title type='text'>About Fjordposten</title><content type='html'>Fjordposten is written by volunteers in the fjord villages.</content><link rel='alternate' type='text/html' href='https://fjordposten.blogspot.com/p/about.html' title='About Fjordposten'/><author><name>Kari Nordmann</name><email>noreply@blogger.com</email></author></entry>
<entry><id>tag:blogger.com,1999:blog-7000.post-9001</id><published>2026-05-20T11:00:00.000+02:00</published><updated>2026-05-20T11:00:00.000+02:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/><title type='text'>Finally a quay for the ferry!</title><content type='html'>Finally a quay for the ferry! Thanks to the council.</content><link rel='alternate' type='text/html' href='https://fjordposten.blogspot.com/2026/05/council-votes-on-ferry-quay.html?showComment=1#c9001' title=''/><author><name>Ola Reader</name><uri>https://www.blogger.com/profile/222</uri><email>noreply@blogger.com</email></author><thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' href='https://fjordposten.blogspot.com/2026/05/council-votes-on-ferry-quay.html' ref='tag:blogger.com,1999:blog-7000.post-101' source='https://www.blogger.com/feeds/7000/posts/default/101' type='text/html'/><gd:extendedProperty name='blogger.itemClass' value='pid-1'/></entry></feed>
XML
cat >"$S/feed.atom" <<'XML'
<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-8000</id>
  <title>Dalbladet</title>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.post-301</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author>
      <name>Ingrid Dal</name>
      <uri>https://www.blogger.com/profile/333</uri>
      <blogger:type>BLOGGER</blogger:type>
    </author>
    <title>Bridge repairs delay the school bus</title>
    <content type='html'>&lt;p&gt;Repairs on the old bridge delay the school bus by twenty minutes.&lt;/p&gt;</content>
    <blogger:metaDescription>Bridge repairs</blogger:metaDescription>
    <blogger:created>2025-11-03T07:40:00.000Z</blogger:created>
    <published>2025-11-03T08:00:00.000Z</published>
    <updated>2025-11-03T08:05:00.000Z</updated>
    <blogger:location/>
    <category scheme='http://www.blogger.com/atom/ns#' term='Roads'/>
    <category scheme='http://www.blogger.com/atom/ns#' term='Schools'/>
    <blogger:filename>/2025/11/bridge-repairs-delay-bus.html</blogger:filename>
    <link/>
    <enclosure/>
    <blogger:trashed/>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.post-302</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>DRAFT</blogger:status>
    <author>
      <name>Ingrid Dal</name>
      <blogger:type>BLOGGER</blogger:type>
    </author>
    <title>Notes on the bridge tender</title>
    <content type='html'>Half-written notes on the bridge tender and the budget.</content>
    <blogger:created>2025-11-20T10:00:00.000Z</blogger:created>
    <updated>2025-11-20T10:00:00.000Z</updated>
    <blogger:location/>
    <category scheme='http://www.blogger.com/atom/ns#' term='Roads'/>
    <blogger:filename/>
    <link/>
    <enclosure/>
    <blogger:trashed/>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.post-303</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>DELETED</blogger:status>
    <author>
      <name>Ingrid Dal</name>
      <blogger:type>BLOGGER</blogger:type>
    </author>
    <title>Old bridge photos</title>
    <content type='html'>Photos of the old bridge, taken down.</content>
    <blogger:created>2024-02-01T10:00:00.000Z</blogger:created>
    <published>2024-02-01T10:00:00.000Z</published>
    <updated>2024-03-01T10:00:00.000Z</updated>
    <blogger:location/>
    <category/>
    <blogger:filename>/2024/02/old-bridge-photos.html</blogger:filename>
    <link/>
    <enclosure/>
    <blogger:trashed>2024-03-01T10:00:00.000Z</blogger:trashed>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.page-401</id>
    <blogger:type>PAGE</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author>
      <name>Ingrid Dal</name>
      <blogger:type>BLOGGER</blogger:type>
    </author>
    <title>Contact the bridge desk</title>
    <content type='html'>Write to the bridge desk of Dalbladet.</content>
    <blogger:created>2023-01-01T10:00:00.000Z</blogger:created>
    <published>2023-01-01T10:00:00.000Z</published>
    <updated>2023-01-01T10:00:00.000Z</updated>
    <blogger:location/>
    <category/>
    <blogger:filename>/p/contact.html</blogger:filename>
    <link/>
    <enclosure/>
    <blogger:trashed/>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.post-9101</id>
    <blogger:parent>tag:blogger.com,1999:blog-8000.post-301</blogger:parent>
    <blogger:inReplyTo/>
    <blogger:type>COMMENT</blogger:type>
    <blogger:status>LIVE</blogger:status>
    <author>
      <name>Unknown</name>
      <blogger:type>ANONYMOUS</blogger:type>
    </author>
    <title/>
    <content type='html'>The bridge bus was late again today.</content>
    <blogger:created>2025-11-03T12:00:00.000Z</blogger:created>
    <published>2025-11-03T12:00:00.000Z</published>
    <updated>2025-11-03T12:00:00.000Z</updated>
    <blogger:location/>
    <category/>
    <blogger:filename/>
    <link/>
    <enclosure/>
    <blogger:trashed/>
  </entry>
</feed>
XML

run out err nindex --db "$TMP/db" "$S/blog-12-06-2026.xml"
check "backup indexed" is "$rc" 0
check "backup: its two posts added, its draft and page ignored" \
    contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 2 ignored"
check "backup: the draft said with its line" \
    contains "$TMP/err" "blog-12-06-2026.xml:8: ignored: a draft (<app:draft>yes</app:draft>)"
check "backup: the page said with its line" \
    contains "$TMP/err" "blog-12-06-2026.xml:9: ignored: a Blogger page, not a post"
check "backup: nothing said of the template, settings or comment" \
    is "$(grep -c 'blog-12-06-2026.xml' "$TMP/err")" 2

run out2 err2 nindex --db "$TMP/db" "$S/feed.atom"
check "takeout indexed" is "$rc" 0
check "takeout: its LIVE post added; draft, deleted post, page ignored" \
    contains "$TMP/out2" "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 3 ignored"
check "takeout: the draft said with its status" \
    contains "$TMP/err2" "feed.atom:28: ignored: a Blogger post with status 'DRAFT'"
check "takeout: the deleted post said with its status" \
    contains "$TMP/err2" "feed.atom:47: ignored: a Blogger post with status 'DELETED'"

# q QUERY: "id author" of each article QUERY finds, sorted, one a line.
q() {
    nsearch --db "$TMP/db" --json --no-collapse --limit 50 -- "$1" |
        python3 -c 'import json, sys
print("\n".join(sorted("%s %s" % (h["id"].split(":")[-1], h.get("author"))
                       for h in json.load(sys.stdin)["hits"])))'
}
# facet NAME QUERY: the values of facet NAME over what QUERY finds.
facet() {
    nsearch --db "$TMP/db" --json --no-collapse --facets "$1" -- "$2" |
        python3 -c 'import json, sys
print(" ".join(sorted(v["value"] for v in json.load(sys.stdin)["facets"][sys.argv[1]])))' "$1"
}
check "a post is found" is "$(q quay)" "blog-7000.post-101 Kari Nordmann"
check "a comment is no article" is "$(q thanks)" ""
check "the template is no article" is "$(q georgia)" ""
check "a setting is no article" is "$(q 'title:description')" ""
check "a draft is not indexed" is "$(q mayor)" ""
check "a page is not indexed" is "$(q volunteers)" ""
check "a deleted profile's Unknown is no author, nor the blog's" \
    is "$(q storm)" "blog-7000.post-102 None"
check "author:unknown finds nothing" is "$(q author:unknown)" ""
check "labels are tags" is "$(q tag:politics)" "blog-7000.post-101 Kari Nordmann"
check "the kind is no section" is "$(facet section 'road OR quay OR bridge')" ""
check "the kind is no tag" is "$(facet tag 'road OR quay OR bridge')" \
    "Harbour Politics Roads Schools Weather"
check "section: finds no kind" \
    is "$(q 'section:"http://schemas.google.com/blogger/2008/kind#post"')" ""
check "takeout: the LIVE post only" is "$(q bridge)" "blog-8000.post-301 Ingrid Dal"
check "takeout: a label is a tag, not a section" is "$(q 'tag:roads')" \
    "blog-8000.post-301 Ingrid Dal"

finish
