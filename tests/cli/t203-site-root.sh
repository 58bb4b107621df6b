#!/bin/sh
# t203-site-root.sh - A Jekyll site's root given as a SOURCE was read
# whole: _site/ (each post again, as built), _layouts/ and _includes/
# (templates), node_modules/ and vendor/, and 404.html: every night a
# run of bad records, exit 3.  Now a walk does not read node_modules, nor,
# inside a Jekyll site (below a directory holding _config.yml), a
# directory whose name begins with "_" (but _posts and _drafts) or
# vendor, and says so with --verbose; an HTML file that opens with front
# matter is a generator's source, ignored.  An archive that is no Jekyll
# site keeps its _2019/ and vendor/ articles, across a --prune too.
. "$(dirname "$0")/lib.sh"

J=$TMP/site
mkdir -p "$J/_posts" "$J/_drafts" "$J/_layouts" "$J/_includes" "$J/_data" \
    "$J/_site/2024/03/15" "$J/node_modules/pkg" "$J/vendor/bundle/gem" \
    "$J/news/_old"
printf -- 'title: Seals and otters\n' >"$J/_config.yml"
printf -- '---\ntitle: Seals\n---\nSeals are back in the fjord.\n' \
    >"$J/_posts/2024-03-15-seals.md"
printf -- '---\ntitle: Otters\n---\nOtters, a draft.\n' >"$J/_drafts/otters.md"
printf -- '---\nlayout: default\n---\n<article>{{ content }}</article>\n' \
    >"$J/_layouts/post.html"
printf -- '<footer>{{ site.title }}</footer>\n' >"$J/_includes/footer.html"
printf -- '<html><head><title>Seals</title></head><body><article><h1>Seals</h1><p>Seals are back in the fjord.</p></article></body></html>\n' \
    >"$J/_site/2024/03/15/seals.html"
printf -- '- name: home\n' >"$J/_data/nav.yml"
printf -- '{"name":"pkg","version":"1.0.0"}\n' >"$J/node_modules/pkg/package.json"
printf -- '# gem\nA gem.\n' >"$J/vendor/bundle/gem/README.md"
printf -- '---\npermalink: /404.html\nlayout: default\n---\n<h1>404</h1>\n<p>Page not found</p>\n' \
    >"$J/404.html"
printf -- '---\ntitle: Walrus\n---\nA walrus in the news.\n' >"$J/news/walrus.md"
printf -- '---\ntitle: Old walrus\n---\nAn old walrus.\n' >"$J/news/_old/walrus.md"

run out err nindex --db "$TMP/db" "$J"
check "site root: exit 0" is "$rc" 0
check "site root: no bad record" contains "$TMP/out" "0 skipped"
check "site root: the post and the news article added" contains "$TMP/out" "2 added"
check "site root: no _site page" lacks "$TMP/err" "_site"
check "site root: no layout" lacks "$TMP/err" "_layouts"
check "site root: no package" lacks "$TMP/err" "node_modules"
check "site root: _drafts still read, its draft said" \
    contains "$TMP/err" "_drafts/otters.md: ignored: a draft"
check "site root: 404.html is a page source, ignored" \
    contains "$TMP/err" "404.html: ignored: a site generator's template or page source (front matter), not a page"
check "site root: no _-directory said without --verbose" lacks "$TMP/err" "not read"
run out err nsearch --db "$TMP/db" --json -n 10 ''
check "site root: the post indexed once" is "$(grep -o '"id":"[^"]*"' "$TMP/out" | sort | tr '\n' ' ')" \
    '"id":"_posts/2024-03-15-seals.md" "id":"news/walrus.md" '

run out err nindex --db "$TMP/db2" --verbose "$J"
for d in _data _includes _layouts _site news/_old; do
    check "--verbose: $d said" \
        contains "$TMP/err" "$J/$d/: not read: a name beginning with '_' in a Jekyll site (_config.yml): its build output, layouts or data; of such directories only _posts and _drafts are read"
done
check "--verbose: node_modules said" \
    contains "$TMP/err" "$J/node_modules/: not read: a package manager's (node_modules)"
check "--verbose: vendor said" \
    contains "$TMP/err" "$J/vendor/: not read: a package manager's (vendor, in a Jekyll site)"

check "--verbose: _posts not said" lacks "$TMP/err" "_posts/: not read"

# A directory given as the SOURCE itself is read, whatever its name.
run out err nindex --db "$TMP/db3" "$J/_site"
check "_site as the SOURCE: its page indexed" contains "$TMP/out" "1 added"

# A directory holding the site is no site: the rules hold from the
# directory with _config.yml down.
run out err nindex --db "$TMP/db4" --verbose "$TMP"
check "site below the SOURCE: its _site not read" \
    contains "$TMP/err" "$J/_site/: not read: a name beginning with '_'"
check "site below the SOURCE: its news/_old not read" \
    contains "$TMP/err" "$J/news/_old/: not read: a name beginning with '_'"

# An archive that is no Jekyll site: _2019/ and vendor/ are its own
# folders, read, and kept across a --prune.  node_modules is still not
# read.
A=$TMP/archive
mkdir -p "$A/2020" "$A/_2019" "$A/vendor/reuters" "$A/node_modules/pkg"
printf -- '---\ntitle: Ferry\n---\nA new ferry.\n' >"$A/2020/ferry.md"
printf -- '---\ntitle: Bridge\n---\nThe old bridge.\n' >"$A/_2019/bridge.md"
printf -- '---\ntitle: Wire\n---\nA wire story.\n' >"$A/vendor/reuters/wire.md"
printf -- '# pkg\nA package.\n' >"$A/node_modules/pkg/README.md"
run out err nindex --db "$TMP/adb" --verbose "$A"
check "archive: exit 0" is "$rc" 0
check "archive: _2019 and vendor read" contains "$TMP/out" "3 added"
check "archive: _2019 not passed over" lacks "$TMP/err" "_2019/: not read"
check "archive: vendor not passed over" lacks "$TMP/err" "vendor/: not read"
check "archive: node_modules still not read" \
    contains "$TMP/err" "$A/node_modules/: not read: a package manager's (node_modules)"
run out err nindex --db "$TMP/adb" --prune --force "$A"
check "archive --prune: exit 0" is "$rc" 0
check "archive --prune: nothing deleted" \
    contains "$TMP/out" "0 added, 0 replaced, 3 unchanged, 0 deleted"
run out err nsearch --db "$TMP/adb" --json -n 10 ''
check "archive --prune: all three kept" \
    is "$(grep -o '"id":"[^"]*"' "$TMP/out" | sort | tr '\n' ' ')" \
    '"id":"2020/ferry.md" "id":"_2019/bridge.md" "id":"vendor/reuters/wire.md" '

finish
