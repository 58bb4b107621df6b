#!/bin/sh
# t312-frontmatter-date-warnings.sh - README "Markdown": a front-matter
# date that does not read is said on its key's own line, and a Hugo
# "published" date that does not read is said as publishDate's is (t279).
# Before, "date: circa 1910" on line 5 was said to be on line 1, and
# "published: sometime soon" was passed over with no word.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf -- '---\ntitle: Old photograph\nsection: Archive\nauthor: Kari Nordmann\ndate: circa 1910\n---\nA photograph of the pier.\n' >"$D/a.md"
printf -- '+++\ntitle = "Old map"\n\ndate = "about 1850"\n+++\nA map of the harbour.\n' >"$D/b.md"
printf -- '---\ntitle: Ferry timetable\ndate: 2024-03-01\nsection: Transport\nlastmod: whenever\n---\nThe ferry timetable changes.\n' >"$D/c.md"
printf -- '---\ntitle: New pier\nsection: Harbour\npublished: sometime soon\n---\nA pier of oak is built.\n' >"$D/d.md"

run out err nindex --db "$TMP/db" "$D"
check "date: said on its own line (5), not the file's first" contains "$TMP/err" \
    "warning: $D/a.md:5: unparsable date 'circa 1910'"
check "TOML date: said on its line (4)" contains "$TMP/err" \
    "warning: $D/b.md:4: unparsable date 'about 1850'"
check "lastmod: said on its line (5)" contains "$TMP/err" \
    "warning: $D/c.md:5: field 'lastmod': unparsable date 'whenever'"
check "published: said on its line, as publishDate is" contains "$TMP/err" \
    "warning: $D/d.md:4: published: unparsable date 'sometime soon'; not read"
check "four warnings counted, one for each post" contains "$TMP/out" "; 4 warnings"
finish
