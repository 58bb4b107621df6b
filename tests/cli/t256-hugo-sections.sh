#!/bin/sh
# t256-hugo-sections.sh - A Hugo site's page without a section in its
# front matter is in the section of its first directory under content/,
# as Hugo puts it (README "Text and Markdown"): section:news and the
# section facet find content/news/local/ferry.md.  What the front matter
# names wins; a page at the top of content/, or a leaf bundle there, has
# none; and a plain directory of Markdown files, no Hugo site, takes no
# section from its directories.
. "$(dirname "$0")/lib.sh"

s=$TMP/site
mkdir -p "$s/content/news/local" "$s/content/sport" "$s/content/opinion" \
    "$s/content/about"
printf 'baseURL = "https://example.org/"\n' >"$s/hugo.toml"
printf -- '---\ntitle: Ferry cancelled\ndate: 2024-01-01\n---\nFerryword text.\n' \
    >"$s/content/news/local/ferry.md"
printf -- '---\ntitle: Cup final\nsection: Football\n---\nMatchword text.\n' \
    >"$s/content/sport/match.md"
printf -- '---\ntitle: A column\ncategories: [Comment, Harbour]\n---\nColumnword.\n' \
    >"$s/content/opinion/column.md"
printf -- '---\ntitle: Contact\n---\nContactword.\n' >"$s/content/contact.md"
printf -- '---\ntitle: About us\n---\nAboutword.\n' >"$s/content/about/index.md"

# total DB QUERY: the articles QUERY finds.
total() {
    nsearch --db "$1" --json -n 0 --related 0 --no-suggest --no-collapse "$2" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
# section DB ID: the stored section of ID, "-" for none.
section() {
    nsearch --db "$1" --show "$2" --json |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get("section") or "-")'
}

run out err nindex --db "$TMP/db" "$s"
check "the site indexed: exit 0" is "$rc" 0
check "section:news finds the post in content/news/local/" \
    is "$(total "$TMP/db" "section:news")" 1
check "... with its words" is "$(total "$TMP/db" "section:news ferryword")" 1
check "its stored section is news" \
    is "$(section "$TMP/db" content/news/local/ferry.md)" news
nsearch --db "$TMP/db" --json -n 0 --related 0 --facets section "" \
    >"$TMP/facets.json"
check "the section facet lists news, once" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["facets"]["section"]
sys.exit(0 if {"value": "news", "count": 1} in f else 1)' "$TMP/facets.json"
check "front matter's section wins" is "$(total "$TMP/db" "section:Football")" 1
check "... not its directory's" is "$(total "$TMP/db" "section:sport")" 0
check "categories win too" \
    is "$(section "$TMP/db" content/opinion/column.md)" Comment
check "a page at the top of content/ has none" \
    is "$(section "$TMP/db" content/contact.md)" -
check "nor a leaf bundle there" \
    is "$(section "$TMP/db" content/about/index.md)" -

# The site's content/, or a section of it, given as the SOURCE: the
# section is still the first directory under content/.
check "content/ as the SOURCE" nindex --quiet --db "$TMP/cdb" "$s/content"
check "... section:news" is "$(total "$TMP/cdb" "section:news ferryword")" 1
check "content/news/ as the SOURCE" nindex --quiet --db "$TMP/ndb" \
    "$s/content/news/"
check "... section:news, not local" \
    is "$(total "$TMP/ndb" "section:news ferryword")" 1

# A plain directory of Markdown files is no site: an archive by year
# keeps its articles without a section "2024".
a=$TMP/archive
mkdir -p "$a/2024"
printf -- '---\ntitle: Archive story\n---\nArchiveword.\n' >"$a/2024/a.md"
check "a plain directory" nindex --quiet --db "$TMP/adb" "$a"
check "... no section from its directory" is "$(section "$TMP/adb" 2024/a.md)" -
check "... section:2024 finds nothing" is "$(total "$TMP/adb" "section:2024")" 0
finish
