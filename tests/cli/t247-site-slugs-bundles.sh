#!/bin/sh
# t247-site-slugs-bundles.sh - A Hugo site's pages as the site has them.
# Two posts of one walk with the same slug in different sections
# (news/roundup.md and sport/roundup.md, both "slug: weekly-roundup") were
# one id: one replaced the other every night, and the first was never
# found.  Now each takes its directory's path before the slug
# (news/weekly-roundup), as Hugo's URL does, whatever the walk order,
# and a slug no other post gives keeps its id.  And a leaf bundle's
# resources (the other .md files beside an index.md with front matter,
# in a directory with no _index.md) and a headless bundle's blocks were
# indexed as articles of pages that do not exist: now passed over, named
# under --verbose, with no harm to --prune.
. "$(dirname "$0")/lib.sh"

# The ids of the hits for QUERY (every article for ''), sorted.
ids() {
    nsearch --db "$1" --json -n 100 "${2:-}" | python3 -c '
import json, sys
for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"]):
    print(h["id"])'
}
# has DB QUERY ID: ID is a hit for QUERY; none DB QUERY: nothing is.
has() { ids "$1" "$2" | grep -qx -- "$3"; }
none() { [ -z "$(ids "$1" "$2")" ]; }
some() { ! none "$@"; }

# 1. Two sections, one slug.
S=$TMP/slug
mkdir -p "$S/news" "$S/sport"
printf -- '---\ntitle: Weekly roundup news\nslug: weekly-roundup\ndate: 2024-03-01\n---\nNewsroundupword.\n' >"$S/news/roundup.md"
printf -- '---\ntitle: Weekly roundup sport\nslug: weekly-roundup\ndate: 2024-03-02\n---\nSportroundupword.\n' >"$S/sport/roundup.md"
printf -- '---\ntitle: Harbour\nslug: harbour\ndate: 2024-03-02\n---\nHarbourword.\n' >"$S/news/harbour.md"
run out err nindex --db "$TMP/db-slug" "$S"
check "slugs: exit 0" is "$rc" 0

check "slugs: 3 added, none replaced" contains "$TMP/out" "3 added, 0 replaced"
check "slugs: the news post is found" \
    has "$TMP/db-slug" newsroundupword news/weekly-roundup
check "slugs: the sport post is found" \
    has "$TMP/db-slug" sportroundupword sport/weekly-roundup
check "slugs: a slug of its own keeps its id" \
    has "$TMP/db-slug" harbourword harbour
check "slugs: the warning names both files" \
    contains "$TMP/err" "news/roundup.md:1: slug 'weekly-roundup' is also that of sport/roundup.md: indexed as 'news/weekly-roundup'"
run out err nindex --db "$TMP/db-slug" "$S"
check "slugs, again: nothing replaced" contains "$TMP/out" "0 added, 0 replaced, 3 unchanged"

# A bundle's index.md is the page of its directory's name: the slug
# takes that name's place (world/weekly-roundup); two in one directory
# take their paths.
mkdir -p "$S/world/storm"
printf -- '---\ntitle: World roundup\nslug: weekly-roundup\n---\nWorldroundupword.\n' >"$S/world/storm/index.md"
printf -- '---\ntitle: Other sport roundup\nslug: weekly-roundup\n---\nOtherroundupword.\n' >"$S/sport/other.md"
run out err nindex --db "$TMP/db-slug2" "$S"
ids "$TMP/db-slug2" >"$TMP/ids"
cat >"$TMP/want" <<'EOF'
harbour
news/weekly-roundup
sport/other.md
sport/roundup.md
world/weekly-roundup
EOF
check "slugs: bundles by directory, one directory by path" cmp "$TMP/ids" "$TMP/want"
check "slugs: 5 added" contains "$TMP/out" "5 added, 0 replaced"

# 2. Page bundles.
H=$TMP/h2/content
mkdir -p "$H/posts/bundle" "$H/sidebar" "$H/archive" "$H/section"
printf -- '---\ntitle: Bundle post\ndate: 2024-05-01\n---\nBundlemainword.\n' >"$H/posts/bundle/index.md"
printf -- '---\ntitle: Bundle resource snippet\n---\nResourcesnippetword.\n' >"$H/posts/bundle/extra.md"
printf -- '---\nheadless: true\n---\n' >"$H/sidebar/index.md"
printf -- '---\ntitle: Sidebar block\n---\nSidebarblockword.\n' >"$H/sidebar/block1.md"
# A plain index.md (no front matter) makes no bundle; nor does one
# beside an _index.md (a section's list page).
printf '# Archive index\n\nArchiveindexword.\n' >"$H/archive/index.md"
printf -- '---\ntitle: Archived\n---\nArchivedpostword.\n' >"$H/archive/old.md"
printf -- '---\ntitle: Section\n---\n' >"$H/section/_index.md"
printf -- '---\ntitle: Section index\n---\nSectionindexword.\n' >"$H/section/index.md"
printf -- '---\ntitle: Section page\n---\nSectionpageword.\n' >"$H/section/page.md"
run out err nindex --db "$TMP/db-h2" --prune "$TMP/h2"
check "bundles: exit 0" is "$rc" 0
check "bundles: the bundle's page is found" \
    has "$TMP/db-h2" bundlemainword content/posts/bundle/index.md
check "bundles: a resource is no article" \
    none "$TMP/db-h2" resourcesnippetword
check "bundles: a headless bundle's block is no article" \
    none "$TMP/db-h2" sidebarblockword
check "bundles: a plain index.md's neighbours are read" \
    some "$TMP/db-h2" archivedpostword
check "bundles: a section's pages are read" \
    some "$TMP/db-h2" sectionpageword
check "bundles: 5 added, 2 ignored (headless, list page)" \
    contains "$TMP/out" "5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 2 ignored"
check "bundles: resources not said without --verbose" lacks "$TMP/err" "extra.md"
run out err nindex --db "$TMP/db-h2" --prune --verbose "$TMP/h2"
check "bundles, --verbose: the resource named" \
    contains "$TMP/err" "posts/bundle/extra.md: not read: a page bundle's resource"
check "bundles, --verbose: the block named" \
    contains "$TMP/err" "sidebar/block1.md: not read: a page bundle's resource"

finish
