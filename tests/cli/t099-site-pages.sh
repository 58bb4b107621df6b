#!/bin/sh
# t099-site-pages.sh - A built static site (Hugo's public/) holds pages
# that are no articles: the redirect Hugo writes for page/1/ and for every
# alias, and pages that ask search engines to leave them out (robots
# noindex).  They are ignored and counted, as drafts are, not skipped:
# before, each redirect was "no article text", a skipped record, and
# --prune of the site was refused every night.
. "$(dirname "$0")/lib.sh"
S=$TMP/public
mkdir -p "$S/page/1" "$S/old-harbour" "$S/2025/harbour" "$S/2025/quay" \
    "$S/tags" "$S/live" "$S/draft"

# story FILE TITLE [HEAD]: an article page about the harbour.
story() {
    printf '<!DOCTYPE html><html lang="en"><head><title>%s</title>%s</head><body><article><h1>%s</h1><p>The %s story of the harbour crane and the tide.</p></article></body></html>\n' \
        "$2" "${3:-}" "$2" "$2" >"$1"
}
# redirect FILE URL: the page Hugo writes for an alias, and for page/1/.
redirect() {
    printf '<!DOCTYPE html><html lang="en-us"><head><title>%s</title><link rel="canonical" href="%s"><meta name="robots" content="noindex"><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=%s"></head></html>\n' \
        "$2" "$2" "$2" >"$1"
}
story "$S/2025/harbour/index.html" crane
story "$S/2025/quay/index.html" quay
# Pages that reload themselves are read: no URL, or a long wait.
story "$S/live/index.html" live '<meta http-equiv="refresh" content="300">'
story "$S/index.html" front \
    '<meta http-equiv="Refresh" content="600; url=https://harbour.example/">'
redirect "$S/page/1/index.html" https://harbour.example/
redirect "$S/old-harbour/index.html" https://harbour.example/2025/harbour/
# Noindex with article text: the site does not want it found.
story "$S/draft/index.html" hidden \
    '<meta name="robots" content="index, follow"><meta name="robots" content="NOINDEX,NOFOLLOW">'
story "$S/tags/index.html" tagged '<meta name="googlebot" content="none">'

# ids DB: the ids of the articles that mention the harbour, sorted.
ids() {
    nsearch --db "$1" --json --limit 50 harbour | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

run out err nindex --db "$TMP/db" "$S"
check "exit 0: nothing skipped" is "$rc" 0
check "four added, four ignored" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 4 ignored"
check "only the articles indexed" is "$(ids "$TMP/db")" \
    "2025/harbour/index.html 2025/quay/index.html index.html live/index.html"
check "page/1 named as a redirect" contains "$TMP/err" \
    "page/1/index.html: ignored: a redirect to https://harbour.example/"
check "alias named as a redirect" contains "$TMP/err" \
    "old-harbour/index.html: ignored: a redirect to https://harbour.example/2025/harbour/"
check "noindex named" contains "$TMP/err" \
    "draft/index.html: ignored: the page asks not to be indexed (robots noindex)"
check "googlebot none named" contains "$TMP/err" \
    "tags/index.html: ignored: the page asks not to be indexed (googlebot none)"
check "no article text said of none" lacks "$TMP/err" "no article text"

# The nightly prune goes on: a story taken down is deleted (its
# directory with it, as a site build does: an empty directory left in a
# SOURCE stops a prune, t104).
rm -r "$S/2025/quay"
run out err nindex --db "$TMP/db" --prune --max-delete-share 50 "$S"
check "prune: exit 0" is "$rc" 0
check "prune: not refused" lacks "$TMP/err" "not pruning"
check "prune: the story taken down deleted" contains "$TMP/out" \
    "0 added, 0 replaced, 3 unchanged, 1 deleted, 0 skipped, 4 ignored"
check "prune: the rest stays" is "$(ids "$TMP/db")" \
    "2025/harbour/index.html index.html live/index.html"
finish
