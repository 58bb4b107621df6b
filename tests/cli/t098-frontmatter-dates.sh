#!/bin/sh
# t098-frontmatter-dates.sh - The keys that date a front-matter post:
# Astro's pubDate ("Jul 08 2022", as its blog starter writes it), Hugo's
# pubdate and published (a date; Jekyll's published: true or false is
# not), and Eleventy's "date: Last Modified" and "Created" (also from
# git), which are the file's modification time.  Before, such posts were
# indexed undated, or skipped with "unparsable date".
. "$(dirname "$0")/lib.sh"
S=$TMP/site
mkdir -p "$S/blog" "$S/notes"

post() { # post FILE HEADER-LINES... : a YAML post whose body names FILE
    f=$1
    shift
    {
        echo ---
        for l in "$@"; do echo "$l"; done
        echo ---
        echo "The $(basename "$f" .md | tr -dc a-z) story of the seal."
    } >"$f"
}
post "$S/blog/first-post.md" "title: 'Harbour seals return to the fjord'" \
    "pubDate: 'Jul 08 2022'"
post "$S/blog/second-post.md" "title: 'Second'" "pubDate: 'July 15, 2022'"
post "$S/blog/third-post.md" "title: 'Third'" "pubDate: '2022-07-22'" \
    "updatedDate: 'Jul 23 2022'"
post "$S/pubdate.md" 'pubdate: 2025-03-01'
post "$S/pubdate-camel.md" 'pubDate: 2024-03-15'
post "$S/published.md" 'published: 2025-03-02'
post "$S/jekyll.md" 'published: true' 'lastmod: 2025-03-04'
post "$S/order.md" 'lastmod: 2025-01-01' 'pubDate: 2025-02-02' \
    'date: 2025-01-15'
post "$S/notes/modified.md" 'date: Last Modified'
post "$S/notes/created.md" 'date: Created'
post "$S/notes/git-modified.md" 'date: git Last Modified'
post "$S/notes/git-created.md" 'date: "git Created"'
touch -d 2023-04-05T06:07:08Z "$S"/notes/*.md

# has_word LIST WORD: the space-separated LIST holds WORD.
has_word() { case " $1 " in *" $2 "*) return 0 ;; esac; return 1; }

# dates DB: "id=date" of each article that mentions the seal, sorted.
dates() {
    nsearch --db "$1" --json --limit 50 seal | python3 -c 'import json, sys
print(" ".join(sorted("%s=%s" % (h["id"], h.get("date", "-"))
                      for h in json.load(sys.stdin)["hits"])))'
}

run out err nindex --db "$TMP/db" "$S"
check "exit 0: nothing skipped" is "$rc" 0
check "twelve added, none skipped" contains "$TMP/out" \
    "12 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "no unparsable date" lacks "$TMP/err" "unparsable"
d=$(dates "$TMP/db")
for want in blog/first-post.md=2022-07-08T00:00:00Z \
    blog/second-post.md=2022-07-15T00:00:00Z \
    blog/third-post.md=2022-07-22T00:00:00Z \
    pubdate.md=2025-03-01T00:00:00Z pubdate-camel.md=2024-03-15T00:00:00Z \
    published.md=2025-03-02T00:00:00Z jekyll.md=2025-03-04T00:00:00Z \
    order.md=2025-01-15T00:00:00Z \
    notes/modified.md=2023-04-05T06:07:08Z \
    notes/created.md=2023-04-05T06:07:08Z \
    notes/git-modified.md=2023-04-05T06:07:08Z \
    notes/git-created.md=2023-04-05T06:07:08Z; do
    check "dated: $want" has_word "$d" "$want"
done

# A post of Astro's starter can be found by its date.
run out err nsearch --db "$TMP/db" --json 'seal date:2022-07-01..2022-07-10'
check "the Astro post is found by its date" contains "$TMP/out" \
    '"blog/first-post.md"'

# A pubDate that does not read is a warning on its line, and the post is
# indexed as if it had none.
post "$S/blog/bad.md" "pubDate: 'someday'"
run out err nindex --db "$TMP/db" --prune "$S"
check "bad pubDate: exit 0, the prune done" is "$rc" 0
check "bad pubDate named" contains "$TMP/err" \
    "blog/bad.md:2: pubDate: unparsable date 'someday'"
rm "$S/blog/bad.md"

# And Jekyll's published: false still keeps a post out.
post "$S/embargo.md" 'published: false' 'date: 2020-01-01'
run out err nindex --db "$TMP/db" --prune "$S"
check "prune runs: exit 0" is "$rc" 0
check "published: false still ignored" contains "$TMP/err" \
    "embargo.md: ignored: not published (published: false)"

finish
