#!/bin/sh
# t279-frontmatter-bad-publish-date.sh - README "Markdown": a publish or
# expiry date of front matter that does not read (publishDate: soon) is a
# warning naming the file, the key's line and the value, and the post is
# indexed as if that key were absent, as a "date" that does not read
# leaves it undated (t258).  Before, the whole file was skipped (exit 3).
. "$(dirname "$0")/lib.sh"
# hits QUERY: how many articles QUERY finds.
hits() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
D=$TMP/site
mkdir -p "$D"
printf -- '---\ntitle: Harbour cafe\ndate: 2024-03-01\npublishDate: soon\n---\nThe harbour cafe opens with herring.\n' >"$D/a.md"
printf -- '---\ntitle: Ferry news\nexpiryDate: never-ish\n---\nThe ferry timetable changes.\n' >"$D/b.md"
printf -- '---\ntitle: Road works\nunpublishdate: "2O24-01-01"\n---\nThe road is paved with asphalt.\n' >"$D/c.md"
# A bad publish date beside an expiry date that has passed: still expired.
printf -- '---\ntitle: Old tunnel\npubdate: later\nexpiryDate: 2001-01-01\n---\nThe tunnel closes.\n' >"$D/d.md"

run out err nindex --db "$TMP/db" "$D"
check "exit 0" is "$rc" 0
check "three posts added, the expired one ignored, none skipped" \
    contains "$TMP/out" "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 1 ignored"
check "three warnings counted" contains "$TMP/out" "; 3 warnings"
check "publishDate: the file, the key's line and the value" contains "$TMP/err" \
    "warning: $D/a.md:4: publishDate: unparsable date 'soon'"
check "expiryDate: said" contains "$TMP/err" \
    "warning: $D/b.md:3: expiryDate: unparsable date 'never-ish'"
check "unpublishdate: said" contains "$TMP/err" \
    "warning: $D/c.md:3: unpublishdate: unparsable date '2O24-01-01'"
check "expired post ignored" contains "$TMP/err" "d.md: ignored: expired"
check "herring found" is "$(hits herring)" 1
check "timetable found" is "$(hits timetable)" 1
check "asphalt found" is "$(hits asphalt)" 1
check "the post keeps its date" \
    is "$(nsearch --db "$TMP/db" --show a.md --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["date"])')" \
    "2024-03-01T00:00:00Z"
finish
