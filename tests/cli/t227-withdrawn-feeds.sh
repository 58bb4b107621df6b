#!/bin/sh
# t227-withdrawn-feeds.sh - A story taken back in its source stayed
# searchable in every format but a WordPress export: a WordPress REST API
# post trashed (or set to draft, private, pending, future), a Blogger
# Takeout post DELETED or DRAFT, an Atom entry marked
# <app:draft>yes</app:draft> were only "ignored", exit 0.  Now an
# article of that id that is indexed is taken out as the export's is:
# said, counted deleted, kept in DIR/deleted, under the same guard, and a
# --dry-run only says it.  One never indexed is only ignored.
. "$(dirname "$0")/lib.sh"

has() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys; sys.exit(0 if '$2' in [h['id'] for h in json.load(sys.stdin)['hits']] else 1)"
}
hasnt() { ! has "$@"; }

src=$TMP/src
mkdir -p "$src"
write_stories "$src/fill.jsonl" x 20
db=$TMP/db

# --- WordPress REST API ----------------------------------------------------------
# api STATUS [SLUG]: the API's answer, its first post (ferry-post, or
# SLUG) in STATUS, the second published.
api() {
    cat >"$src/posts.json" <<JSON
[{"id": 7, "type": "post", "status": "$1", "slug": "${2-ferry-post}", "link": "https://example.org/?p=7",
  "date_gmt": "2026-11-02T08:00:00", "title": {"rendered": "Ferry post"},
  "content": {"rendered": "<p>The ferry runs late.</p>", "protected": false}},
 {"id": 8, "type": "post", "status": "publish", "slug": "quay-post", "link": "https://example.org/quay-post/",
  "date_gmt": "2026-11-02T09:00:00", "title": {"rendered": "Quay post"},
  "content": {"rendered": "<p>The quay is repaired.</p>", "protected": false}}]
JSON
}
api publish
nindex --quiet --db "$db" "$src"
check "setup: the API's post indexed" has "$db" ferry-post
api trash ferry-post__trashed
run out err nindex --db "$db" "$src"
check "api trash: exit 0" is "$rc" 0
check "api trash: still said to be ignored" contains "$TMP/err" \
    "$src/posts.json:1: ignored: a WordPress post with status 'trash'"
check "api trash: said to be taken out, by its slug before the trash" \
    contains "$TMP/err" \
    "$src/posts.json:1: article 'ferry-post' is a draft in its source now: taken out of the index"
check "api trash: counted deleted and ignored" contains "$TMP/out" \
    "1 deleted, 0 skipped, 1 ignored"
check "api trash: no longer searchable" hasnt "$db" ferry-post
check "api trash: kept in DIR/deleted" \
    sh -c "zcat '$db'/deleted/*.jsonl.gz | grep -q '\"ferry-post\"'"
check "api trash: the other post stays" has "$db" quay-post
for status in draft private pending future; do
    api publish
    nindex --quiet --db "$db" "$src"
    api "$status"
    run out err nindex --db "$db" "$src"
    check "api $status: taken out" contains "$TMP/err" \
        "article 'ferry-post' is a draft in its source now: taken out of the index"
    check "api $status: not searchable" hasnt "$db" ferry-post
done
# A draft never published: no slug, its link an id no article has.
api draft ""
run out err nindex --db "$db" "$src"
check "api new draft: exit 0" is "$rc" 0
check "api new draft: ignored" contains "$TMP/err" "status 'draft'"
check "api new draft: nothing taken out" lacks "$TMP/err" "taken out"
check "api new draft: 0 deleted" contains "$TMP/out" "0 deleted, 0 skipped, 1 ignored"
rm "$src/posts.json"

# --- Blogger Takeout -------------------------------------------------------------
# takeout STATUS: feed.atom, its post in STATUS.
takeout() {
    cat >"$src/feed.atom" <<XML
<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <id>tag:blogger.com,1999:blog-8000</id>
  <title>Dalbladet</title>
  <entry>
    <id>tag:blogger.com,1999:blog-8000.post-301</id>
    <blogger:type>POST</blogger:type>
    <blogger:status>$1</blogger:status>
    <author><name>Ingrid Dal</name></author>
    <title>Bridge repairs delay the school bus</title>
    <content type='html'>Repairs on the old bridge delay the school bus.</content>
    <published>2025-11-03T08:00:00.000Z</published>
  </entry>
</feed>
XML
}
post=tag:blogger.com,1999:blog-8000.post-301
for status in DELETED DRAFT; do
    takeout LIVE
    nindex --quiet --db "$db" "$src"
    check "setup: the Blogger post indexed" has "$db" "$post"
    takeout "$status"
    run out err nindex --db "$db" "$src"
    check "blogger $status: exit 0" is "$rc" 0
    check "blogger $status: still said to be ignored" contains "$TMP/err" \
        "$src/feed.atom:5: ignored: a Blogger post with status '$status'"
    check "blogger $status: said to be taken out" contains "$TMP/err" \
        "$src/feed.atom:5: article '$post' is a draft in its source now: taken out of the index"
    check "blogger $status: counted deleted" contains "$TMP/out" "1 deleted"
    check "blogger $status: not searchable" hasnt "$db" "$post"
done
# Never indexed (it is out now): only ignored.
run out err nindex --db "$db" "$src"
check "blogger draft again: ignored" contains "$TMP/err" "status 'DRAFT'"
check "blogger draft again: nothing taken out" lacks "$TMP/err" "taken out"
check "blogger draft again: 0 deleted" contains "$TMP/out" "0 deleted"
rm "$src/feed.atom"

# --- Atom: <app:draft>yes</app:draft> --------------------------------------------
# atom DRAFT: the feed, its entry with <app:draft>DRAFT</app:draft>.
atom() {
    cat >"$src/news.atom" <<XML
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app">
<title>Harbour news</title><id>urn:harbour</id><updated>2026-11-02T08:00:00Z</updated>
<entry><id>urn:harbour:pier</id><title>Pier closed</title>
<updated>2026-11-02T08:00:00Z</updated><content>The pier is closed for repairs.</content>
<app:control><app:draft>$1</app:draft></app:control></entry>
</feed>
XML
}
atom no
nindex --quiet --db "$db" "$src"
check "setup: the Atom entry indexed" has "$db" urn:harbour:pier
atom yes
run out err nindex --db "$db" --dry-run "$src"
check "atom dry run: says it would be taken out" contains "$TMP/err" \
    "$src/news.atom:4: article 'urn:harbour:pier' is a draft in its source now: would be taken out of the index"
check "atom dry run: counts it" contains "$TMP/out" "1 deleted"
check "atom dry run: still searchable" has "$db" urn:harbour:pier
run out err nindex --db "$db" "$src"
check "atom draft: exit 0" is "$rc" 0
check "atom draft: still said to be ignored" contains "$TMP/err" \
    "$src/news.atom:4: ignored: a draft (<app:draft>yes</app:draft>)"
check "atom draft: said to be taken out" contains "$TMP/err" \
    "$src/news.atom:4: article 'urn:harbour:pier' is a draft in its source now: taken out of the index"
check "atom draft: counted deleted" contains "$TMP/out" "1 deleted, 0 skipped, 1 ignored"
check "atom draft: not searchable" hasnt "$db" urn:harbour:pier
check "atom draft: kept in DIR/deleted" \
    sh -c "zcat '$db'/deleted/*.jsonl.gz | grep -q 'urn:harbour:pier'"

# --- --prune and --rebuild: as a WordPress export's draft ------------------------
api publish
atom no
nindex --quiet --db "$db" "$src"
api trash
run out err nindex --db "$db" --prune "$src"
check "prune: exit 0" is "$rc" 0
check "prune: said to be taken out" contains "$TMP/err" \
    "article 'ferry-post' is a draft in its source now: taken out of the index"
check "prune: the post counted once" contains "$TMP/out" "1 deleted"
check "prune: the post is gone" hasnt "$db" ferry-post
check "prune: the rest stays" has "$db" quay-post
atom yes
run out err nindex --db "$db" --rebuild "$src"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: the Atom draft ignored" contains "$TMP/err" \
    "ignored: a draft (<app:draft>yes</app:draft>)"
check "rebuild: the entry left out" hasnt "$db" urn:harbour:pier
check "rebuild: counted deleted" contains "$TMP/out" "1 deleted"
check "rebuild: the rest stays" has "$db" quay-post
rm "$src/posts.json"

# --- The guard: 1 of 4 is over 20% -----------------------------------------------
small=$TMP/small
mkdir -p "$small"
write_stories "$small/fill.jsonl" y 3
src=$small
atom no
nindex --quiet --db "$TMP/sdb" "$small"
atom yes
run out err nindex --db "$TMP/sdb" "$small"
check "guard: refused (exit 5)" is "$rc" 5
check "guard: says why" contains "$TMP/err" \
    "refusing to delete: it would delete 1 of 4 articles"
check "guard: still searchable" has "$TMP/sdb" urn:harbour:pier
finish
