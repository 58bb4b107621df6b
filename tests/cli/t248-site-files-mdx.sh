#!/bin/sh
# t248-site-files-mdx.sh - A site's sources as nindex walks them.  Every
# image, style sheet, script, font and configuration file of a site was
# read, found of no known format and said, one warning a file every night
# (150 photos beside a post: 150 lines, uncapped, where --quiet hid the
# warnings that matter too).  Now they are passed over by their extension
# and counted in one line, named under --verbose.  And .mdx posts (Astro,
# Eleventy) are Markdown whose top-level import and export blocks are
# code, not text: they were indexed.
. "$(dirname "$0")/lib.sh"

ids() {
    nsearch --db "$1" --json -n 100 "${2:-}" | python3 -c '
import json, sys
for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"]):
    print(h["id"])'
}
none() { [ -z "$(ids "$1" "$2")" ]; }

# 1. Site files.
I=$TMP/imgs
mkdir -p "$I/post" "$I/assets"
i=1
while [ $i -le 150 ]; do
    printf x >"$I/post/img$i.jpg"
    i=$((i + 1))
done
printf -- '---\ntitle: Photo post\ndate: 2024-05-01\n---\nPhotopostword.\n' >"$I/post/index.md"
printf 'body{}' >"$I/assets/main.css"
printf 'x' >"$I/assets/logo.SVG"
printf 'baseURL = "https://example.org/"\n' >"$I/hugo.toml"
printf 'title: Blog\n' >"$I/_config.yml"
printf 'notes\n' >"$I/assets/README"
run out err nindex --db "$TMP/db" --prune "$I"
check "site files: exit 0" is "$rc" 0
check "site files: the post indexed" contains "$TMP/out" "1 added"
check "site files: not counted ignored, but the one unknown file" \
    contains "$TMP/out" "0 skipped, 1 ignored"
check "site files: no warning a file" lacks "$TMP/err" "img1.jpg"
check "site files: one warning line, the README's" \
    test "$(grep -c 'warning' "$TMP/err")" -le 1
check "site files: one line counts them" \
    contains "$TMP/err" "passed over 154 site files"
check "site files: the unknown file still said" \
    contains "$TMP/err" "assets/README: ignored: no known extension"
run out err nindex --db "$TMP/db" --verbose "$I"
check "site files, --verbose: each named" \
    contains "$TMP/err" "post/img150.jpg: not read: a site's image"
check "site files, --verbose: configuration named" \
    contains "$TMP/err" "hugo.toml: not read: a site's image"
run out err nindex --db "$TMP/db" --quiet "$I"
check "site files, --quiet: no count" lacks "$TMP/err" "passed over"

# 2. MDX.
M=$TMP/mdx
mkdir -p "$M"
cat >"$M/chart.mdx" <<'EOF'
---
title: Chart post
date: 2024-06-01
---
import Chart from '../components/Chartcomponent.astro'
export const meta = {
  caption: 'Metacaptionword',
}

Mdxbodyword with a chart.

<Chart />

```js
import Codeimportword from 'x'
```
EOF
cat >"$M/plain.mdx" <<'EOF'
# Plain mdx

Plainmdxword.
EOF
run out err nindex --db "$TMP/mdx-db" "$M"
check "mdx: exit 0" is "$rc" 0
check "mdx: both read" contains "$TMP/out" "2 added"
check "mdx: no header is read as Markdown too" \
    test "$(ids "$TMP/mdx-db" plainmdxword)" = plain.mdx
check "mdx: the body is found" test "$(ids "$TMP/mdx-db" mdxbodyword)" = chart.mdx
check "mdx: an import is no text" none "$TMP/mdx-db" chartcomponent
check "mdx: an export block is no text" none "$TMP/mdx-db" metacaptionword
check "mdx: an import in a code block is text" \
    test "$(ids "$TMP/mdx-db" codeimportword)" = chart.mdx

finish
