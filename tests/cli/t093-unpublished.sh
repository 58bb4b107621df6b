#!/bin/sh
# t093-unpublished.sh - Front-matter posts that the site would not show
# now are left out and counted as ignored, as drafts are: Hugo's future
# dates and publish dates, expiry dates passed, headless bundles, build
# options "render: never", _index.md list pages, and Jekyll posts dated in
# the future (by the header or the file name).  JSON Lines records with a
# future date stay indexed.  On an update, a post that becomes expired
# stays until --prune deletes it, as a draft does, and a future post is
# added once its date has passed.  The clock is the real one: the dates
# are far in the past (2020) or the future (2099).
. "$(dirname "$0")/lib.sh"
S=$TMP/site
P=$S/content/posts
mkdir -p "$P/headless" "$S/_posts"

post() { # post FILE HEADER-LINES... : a YAML post whose body names FILE
    f=$1
    shift
    {
        echo ---
        for l in "$@"; do echo "$l"; done
        echo ---
        echo "The $(basename "$f" .md | tr -dc a-z) story of the wombat."
    } >"$f"
}
post "$P/future.md" 'slug: future' 'date: 2099-01-01'
post "$P/later.md" 'slug: later' 'date: 2020-01-01' 'publishDate: 2099-06-01'
post "$P/expired.md" 'slug: expired' 'date: 2020-01-01' \
    'expiryDate: 2021-01-01'
post "$P/unpub.md" 'slug: unpub' 'date: 2020-01-01' \
    'unpublishdate: 2021-01-01'
post "$P/headless/index.md" 'slug: headless' 'headless: true'
post "$P/build.md" 'slug: build' 'build:' '  list: always' '  render: never'
post "$P/_index.md" 'title: Posts'
post "$P/live.md" 'slug: live' 'date: 2020-01-01' 'expiryDate: 2099-01-01'
post "$P/pubpast.md" 'slug: pubpast' 'date: 2099-01-01' \
    'publishDate: 2020-01-01'
printf '+++\nslug = "never"\n[_build]\n  render = "never"\n+++\nThe never story of the wombat.\n' \
    >"$P/never.md"
post "$S/_posts/2099-01-01-budget.md" 'slug: budget' \
    'date: 2099-01-01 09:00:00 +0100'
post "$S/_posts/2099-02-01-noname.md" 'slug: noname'
post "$S/_posts/2024-03-15-seals.md" 'slug: seals'
printf '{"id": "wire-2099", "title": "Wire", "body": "The wire story of the wombat.", "date": "2099-01-01T00:00:00Z"}\n' \
    >"$S/wire.jsonl"

# ids DB: the ids of the articles that mention the wombat, sorted.
ids() {
    nsearch --db "$1" --json --limit 50 wombat | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

run out err nindex --db "$TMP/db" "$S"
check "exit 0: nothing skipped" is "$rc" 0
check "four added, ten ignored" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 10 ignored"
check "only published posts and the wire story indexed" \
    is "$(ids "$TMP/db")" "live pubpast seals wire-2099"
check "future date named" contains "$TMP/err" \
    "content/posts/future.md: ignored: not published yet (date: 2099-01-01T00:00:00Z)"
check "publishDate named" contains "$TMP/err" \
    "content/posts/later.md: ignored: not published yet (publishDate: 2099-06-01T00:00:00Z)"
check "expiryDate named" contains "$TMP/err" \
    "content/posts/expired.md: ignored: expired (expiryDate: 2021-01-01T00:00:00Z)"
check "unpublishdate named" contains "$TMP/err" \
    "content/posts/unpub.md: ignored: expired (unpublishdate: 2021-01-01T00:00:00Z)"
check "headless named" contains "$TMP/err" \
    "content/posts/headless/index.md: ignored: headless (headless: true)"
check "YAML build render never named" contains "$TMP/err" \
    "content/posts/build.md: ignored: never rendered (build: render: never)"
check "TOML [_build] render never named" contains "$TMP/err" \
    "content/posts/never.md: ignored: never rendered (_build: render: never)"
check "_index.md named" contains "$TMP/err" \
    "content/posts/_index.md: ignored: a list page, no article (_index.md)"
check "Jekyll future post named" contains "$TMP/err" \
    "_posts/2099-01-01-budget.md: ignored: not published yet (date: 2099-01-01T08:00:00Z)"
check "Jekyll post dated by its name named" contains "$TMP/err" \
    "_posts/2099-02-01-noname.md: ignored: not published yet (date in its name: 2099-02-01T00:00:00Z)"
check "ignored lines are warnings" lacks "$TMP/err" "error"

# A text file's header says draft too (no generator publishes it: its
# dates are the story's, a future one included).
mkdir -p "$TMP/txt"
post "$TMP/txt/draft.txt" 'id: txtdraft' 'draft: true'
post "$TMP/txt/unpub.txt" 'id: txtunpub' 'published: false'
post "$TMP/txt/later.txt" 'id: txtlater' 'date: 2099-01-01'
run out err nindex --db "$TMP/dbtxt" "$TMP/txt"
check "text: the draft and the unpublished left out" \
    is "$(ids "$TMP/dbtxt")" "txtlater"
check "text: draft named" contains "$TMP/err" \
    "txt/draft.txt: ignored: a draft (draft: true)"
check "text: published false named" contains "$TMP/err" \
    "txt/unpub.txt: ignored: not published (published: false)"

# An expiry date that does not read: skipped, with its line, not indexed.
mkdir -p "$TMP/bad"
post "$TMP/bad/bad.md" 'slug: bad' 'date: 2020-01-01' 'expiryDate: soon'
run out err nindex --db "$TMP/dbbad" "$TMP/bad"
check "bad expiryDate: exit 0" is "$rc" 0
check "bad expiryDate: indexed as if absent, with a warning" contains "$TMP/out" "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored in"
check "bad expiryDate: its line" contains "$TMP/err" \
    "warning: $TMP/bad/bad.md:4: expiryDate: unparsable date 'soon'"

# The update path.  A live post that expires stays without --prune, as a
# draft does, and --prune deletes it; a future post whose date has come
# (here: moved to the past) is added by the next update.
post "$P/live.md" 'slug: live' 'date: 2020-01-01' 'expiryDate: 2021-06-01'
run out err nindex --db "$TMP/db" "$S"
check "update: expired post counted as ignored" contains "$TMP/out" \
    "0 added, 0 replaced, 3 unchanged, 0 deleted, 0 skipped, 11 ignored"
check "update: expired post kept without --prune" \
    is "$(ids "$TMP/db")" "live pubpast seals wire-2099"
# (One of four articles is more than the prune guard's 20%.)
run out err nindex --db "$TMP/db" --prune --max-delete-share 50 "$S"
check "prune: exit 0" is "$rc" 0
check "prune: expired post deleted" contains "$TMP/out" "1 deleted"
check "prune: expired post gone" is "$(ids "$TMP/db")" "pubpast seals wire-2099"
post "$P/future.md" 'slug: future' 'date: 2020-01-01'
run out err nindex --db "$TMP/db" --prune "$S"
check "time come: the post added" contains "$TMP/out" \
    "1 added, 0 replaced, 3 unchanged, 0 deleted, 0 skipped, 10 ignored"
check "time come: searchable" is "$(ids "$TMP/db")" "future pubpast seals wire-2099"
finish
