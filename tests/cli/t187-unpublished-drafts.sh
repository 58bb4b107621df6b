#!/bin/sh
# t187-unpublished-drafts.sh - A story set back to draft (or private,
# pending, trash, future) in its source stayed searchable: the WordPress export's
# item, or the Markdown file with "draft: true", was only "ignored", exit
# 0.  Now an article of that id that is indexed is taken out, as a CMS's
# sync takes it out: counted deleted, said, kept in DIR/deleted first,
# under the prune's guard.  A draft never indexed is ignored as before.
. "$(dirname "$0")/lib.sh"

has() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys; sys.exit(0 if '$2' in [h['id'] for h in json.load(sys.stdin)['hits']] else 1)"
}
hasnt() { ! has "$@"; }

src=$TMP/src
mkdir -p "$src"
# wxr STATUS [SLUG]: the export, its first post (ferry-post, or SLUG) in
# STATUS, the second published.
wxr() {
    cat >"$src/wp.xml" <<XML
<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>W</title>
<item><title>Ferry post</title><link>https://example.org/${2:-ferry-post}/</link><guid isPermaLink="false">https://example.org/?p=7</guid><content:encoded>The ferry runs late.</content:encoded><wp:post_id>7</wp:post_id><wp:post_name>${2:-ferry-post}</wp:post_name><wp:status>$1</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Quay post</title><link>https://example.org/quay-post/</link><guid isPermaLink="false">https://example.org/?p=8</guid><content:encoded>The quay is repaired.</content:encoded><wp:post_id>8</wp:post_id><wp:post_name>quay-post</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
XML
}
# note DRAFT: the Markdown story, "draft: DRAFT".
note() {
    printf -- '---\ntitle: Harbour note\ndraft: %s\n---\nThe harbour is calm.\n' \
        "$1" >"$src/note.md"
}
wxr publish
note false
write_stories "$src/fill.jsonl" x 20
db=$TMP/db
nindex --quiet --db "$db" "$src"
check "setup: the post indexed" has "$db" ferry-post
check "setup: the note indexed" has "$db" note.md

# --- WordPress: a published post set back to draft ---------------------------
wxr draft
run out err nindex --db "$db" "$src"
check "wxr draft: exit 0" is "$rc" 0
check "wxr draft: still said to be ignored" contains "$TMP/err" \
    "$src/wp.xml:3: ignored: a WordPress post with status 'draft'"
check "wxr draft: said to be taken out" contains "$TMP/err" \
    "$src/wp.xml:3: article 'ferry-post' is a draft in its source now: taken out of the index"
check "wxr draft: counted deleted" contains "$TMP/out" "1 deleted, 0 skipped, 1 ignored"
check "wxr draft: no longer searchable" hasnt "$db" ferry-post
check "wxr draft: kept in DIR/deleted" \
    sh -c "zcat '$db'/deleted/*.jsonl.gz | grep -q '\"ferry-post\"'"
check "wxr draft: the other post stays" has "$db" quay-post
run out err nindex --db "$db" "$src"
check "wxr draft again: nothing more to take out" lacks "$TMP/err" "taken out"
check "wxr draft again: 0 deleted" contains "$TMP/out" "0 deleted"
for status in private pending trash; do
    wxr publish
    nindex --quiet --db "$db" "$src"
    wxr "$status"
    run out err nindex --db "$db" "$src"
    check "wxr $status: taken out" contains "$TMP/err" \
        "article 'ferry-post' is a draft in its source now: taken out of the index"
    check "wxr $status: not searchable" hasnt "$db" ferry-post
done
# WordPress renames the slug of a post it trashes: the article has the
# first.  A post scheduled again (future) is off the site too.
wxr publish
nindex --quiet --db "$db" "$src"
wxr trash ferry-post__trashed
run out err nindex --db "$db" "$src"
check "wxr trash: taken out by its slug before the trash" contains "$TMP/err" \
    "article 'ferry-post' is a draft in its source now: taken out of the index"
check "wxr trash: not searchable" hasnt "$db" ferry-post
wxr publish
nindex --quiet --db "$db" "$src"
wxr future
run out err nindex --db "$db" "$src"
check "wxr future: taken out" contains "$TMP/err" \
    "article 'ferry-post' is a draft in its source now: taken out of the index"
check "wxr future: not searchable" hasnt "$db" ferry-post
# A draft never published: ignored as before.
wxr draft fresh-draft
run out err nindex --db "$db" "$src"
check "wxr new draft: exit 0" is "$rc" 0
check "wxr new draft: ignored" contains "$TMP/err" "status 'draft'"
check "wxr new draft: nothing taken out" lacks "$TMP/err" "taken out"
check "wxr new draft: 0 deleted" contains "$TMP/out" "0 deleted"

# --- Front matter: draft: true ---------------------------------------------------
note true
run out err nindex --db "$db" "$src"
check "front matter draft: exit 0" is "$rc" 0
check "front matter draft: said to be taken out" contains "$TMP/err" \
    "$src/note.md: article 'note.md' is a draft in its source now: taken out of the index"
check "front matter draft: not searchable" hasnt "$db" note.md
check "front matter draft: counted deleted" contains "$TMP/out" "1 deleted"
# Its own id in the front matter is the one taken out.
printf -- '---\nid: story-9\ntitle: Pier story\n---\nThe pier is closed.\n' >"$src/pier.md"
nindex --quiet --db "$db" "$src"
check "front matter id: indexed" has "$db" story-9
printf -- '---\nid: story-9\ntitle: Pier story\ndraft: true\n---\nThe pier is closed.\n' >"$src/pier.md"
run out err nindex --db "$db" "$src"
check "front matter id: taken out by its id" contains "$TMP/err" \
    "$src/pier.md: article 'story-9' is a draft in its source now: taken out of the index"
check "front matter id: not searchable" hasnt "$db" story-9

# --- The dry run says it, touches nothing -----------------------------------------
note false
nindex --quiet --db "$db" "$src"
note true
run out err nindex --db "$db" --dry-run "$src"
check "dry run: says it would be taken out" contains "$TMP/err" \
    "article 'note.md' is a draft in its source now: would be taken out of the index"
check "dry run: counts it" contains "$TMP/out" "1 deleted"
check "dry run: still searchable" has "$db" note.md

# --- --prune: a draft is one deletion, and stops nothing -------------------------
run out err nindex --db "$db" --prune "$src"
check "prune: exit 0" is "$rc" 0
check "prune: the draft counted once" contains "$TMP/out" "1 deleted"
check "prune: the note is gone" hasnt "$db" note.md
check "prune: the rest stays" has "$db" quay-post

# --- The guard: 1 of 4 is over 20% -----------------------------------------------
small=$TMP/small
mkdir -p "$small"
write_stories "$small/fill.jsonl" y 3
printf -- '---\ntitle: Harbour note\n---\nThe harbour is calm.\n' >"$small/note.md"
nindex --quiet --db "$TMP/sdb" "$small"
printf -- '---\ntitle: Harbour note\ndraft: true\n---\nThe harbour is calm.\n' >"$small/note.md"
run out err nindex --db "$TMP/sdb" "$small"
check "guard: refused (exit 5)" is "$rc" 5
check "guard: says why" contains "$TMP/err" \
    "refusing to delete: it would delete 1 of 4 articles"
check "guard: not said to be taken out" lacks "$TMP/err" "taken out"
check "guard: still searchable" has "$TMP/sdb" note.md
run out err nindex --db "$TMP/sdb" --force "$small"
check "guard: --force takes it out" hasnt "$TMP/sdb" note.md
finish
