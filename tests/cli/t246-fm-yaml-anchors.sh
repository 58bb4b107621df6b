#!/bin/sh
# t246-fm-yaml-anchors.sh - YAML anchors, aliases and tags were read as
# text: "title: &t Harbour news" was the title "&t Harbour news",
# "tags: !!seq [a, b]" the tags "!!seq [a" and "b]", and a mapping given
# an anchor ("defaults: &defaults" over indented keys) skipped the post,
# exit 3, after which every "--prune" refused.  Now an anchor and a tag
# are no part of the value, an alias is no value, and an anchored
# mapping is passed over as any other.  And a title taken from the body
# passes over lines with no words: thematic breaks, HTML tags alone.
. "$(dirname "$0")/lib.sh"

site=$TMP/site
mkdir -p "$site"
db=$TMP/db
hits() {
    nsearch --db "$db" --json --limit 0 --related 0 --no-collapse "$1" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}
# field ID NAME: field NAME of article ID as stored (a list joined by |).
field() {
    nsearch --db "$db" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys
for h in json.load(sys.stdin)['hits']:
    if h['id'] == '$1':
        v = h.get('$2') or ''
        print('|'.join(v) if isinstance(v, list) else v)"
}

cat >"$site/anchor.md" <<'MD'
---
title: &t Harbour news
og_title: *t
author: !!str Kari Nordmann
tags: !!seq [seals, &f fjord, *f]
---
Anchorword text.
MD
cat >"$site/num.md" <<'MD'
---
title: !!str 2024
section: !local Local # a local tag
categories:
  - !!str Nature
  - &w Weather
  - *w
---
Numword text.
MD
cat >"$site/defaults.md" <<'MD'
---
title: Defaults post
defaults: &defaults
  layout: post
  comments: true
post:
  <<: *defaults
author: &a Ola Nordmann
---
Defaultsword text.
MD
# Titles from the body.
printf -- '***\n\nStarword headline here\n\nText.\n' >"$site/star.md"
printf -- '<img src="x.jpg" alt="x">\n\nImageword headline\n\nText.\n' >"$site/img.md"
printf -- '---\ndate: 2024-01-01\n---\n---\n\nBreakword headline\n\nText.\n' >"$site/brk.md"
printf -- '<p align="center"><a href="/"><img src="logo.png"></a></p>\n_ _ _\n\nTagsword headline\n' >"$site/tags.md"
# A line with words in HTML is still the title (the tags go).
printf -- '<b>Boldword headline</b>\n\nText.\n' >"$site/bold.md"

run out err nindex --db "$db" "$site"
check "exit 0" is "$rc" 0
check "all eight added, none skipped" contains "$TMP/out" \
    "8 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "anchor: title without it" is "$(field anchor.md title)" "Harbour news"
check "tag: author without it" is "$(field anchor.md author)" "Kari Nordmann"
check "tagged flow list: its items" is "$(field anchor.md tags)" "seals|fjord"
check "!!str 2024 is the title 2024" is "$(field num.md title)" "2024"
check "a local tag: section without it" is "$(field num.md section)" "Local"
check "block list: tags and anchors gone, alias no item" \
    is "$(field num.md tags)" "Nature|Weather"
check "no '&' or '*' or '!!' text indexed" is "$(hits '"!!str"')" 0
check "anchored mapping: the post indexed" is "$(hits defaultsword)" 1
check "anchored mapping: title read" is "$(field defaults.md title)" "Defaults post"
check "anchored mapping: author after it read" \
    is "$(field defaults.md author)" "Ola Nordmann"
check "no line error" lacks "$TMP/err" "indented under a key"
run out err nindex --db "$db" --prune "$site"
check "--prune: exit 0" is "$rc" 0
check "--prune: not refused" lacks "$TMP/err" "not pruning"

check "title after ***" is "$(field star.md title)" "Starword headline here"
check "title after an image tag" is "$(field img.md title)" "Imageword headline"
check "title after a --- break" is "$(field brk.md title)" "Breakword headline"
check "title after tags and _ _ _" is "$(field tags.md title)" "Tagsword headline"
check "HTML with words: its words" is "$(field bold.md title)" "Boldword headline"
finish
