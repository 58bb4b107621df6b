#!/bin/sh
# t252-site-roots.sh - A Hugo site's root given as the SOURCE is read as
# Hugo reads it: content/ alone (README "Directories"), not its built
# pages (public/), templates (archetypes/, layouts/), themes' example
# sites or README; and a site's tools' files (package.json, Gemfile) are
# passed over by name, in any site or archive, instead of a record
# without an id every night (exit 3, and no --prune).
. "$(dirname "$0")/lib.sh"

s=$TMP/hugo
mkdir -p "$s/content/news" "$s/public/news" "$s/layouts/_default" \
    "$s/archetypes" "$s/themes/t/exampleSite/content"
printf 'baseURL = "https://example.org/"\n' >"$s/hugo.toml"
printf -- '---\ntitle: Harbour story\ndate: 2024-01-01\n---\nHarbourword text.\n' \
    >"$s/content/news/harbour.md"
printf '<html><head><title>Harbour story</title></head><body><article><p>Harbourword text.</p></article></body></html>' \
    >"$s/public/news/index.html"
printf -- '---\ntitle: "{{ replace .Name "-" " " }}"\ndate: {{ .Date }}\n---\n' \
    >"$s/archetypes/default.md"
printf '<html><body>{{ .Content }}</body></html>' >"$s/layouts/_default/single.html"
printf -- '---\ntitle: Theme demo\n---\nThemedemoword.\n' \
    >"$s/themes/t/exampleSite/content/demo.md"
printf '{"name": "site", "version": "1.0.0"}\n' >"$s/package.json"
printf '# My site\nReadmeword: build it with hugo.\n' >"$s/README.md"

run out err nindex --db "$TMP/db" "$s"
check "a Hugo root: exit 0" is "$rc" 0
check "one article" contains "$TMP/out" "1 added"
check "nothing skipped" contains "$TMP/out" "0 skipped"
total() {
    nsearch --db "$TMP/db" --json -n 0 --related 0 --no-suggest \
        --no-collapse "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check "the post: one copy, not public/'s too" is "$(total harbourword)" 1
check "no theme's example" is "$(total themedemoword)" 0
check "no README" is "$(total readmeword)" 0
run out err nindex --db "$TMP/db" --verbose "$s"
check "--verbose names public/" contains "$TMP/err" "public/: not read: a Hugo site's own"
check "... and package.json" contains "$TMP/err" "package.json: not read"
check "a prune after it keeps the post" nindex --quiet --db "$TMP/db" --prune "$s"
check "... still there" is "$(total harbourword)" 1

# Without content/ beside it, a config.toml is an archive's file: the
# walk reads the directory as before.
a=$TMP/archive
mkdir -p "$a/2024"
printf 'x = 1\n' >"$a/config.toml"
printf -- '---\ntitle: Archive story\n---\nArchiveword.\n' >"$a/2024/a.md"
printf -- '---\ntitle: Root story\n---\nRootword.\n' >"$a/root.md"
check "an archive with config.toml" nindex --quiet --db "$TMP/adb" "$a"
check "... its root's story read" is \
    "$(nsearch --db "$TMP/adb" --json -n 0 --related 0 --no-suggest rootword |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 1

# A Jekyll site: package.json and Gemfile beside _posts.
j=$TMP/jekyll
mkdir -p "$j/_posts"
printf 'title: x\n' >"$j/_config.yml"
printf -- '---\ntitle: Jekyll post\n---\nJekyllword.\n' >"$j/_posts/2024-01-01-a.md"
printf '{"name": "site"}\n' >"$j/package.json"
printf 'source "https://rubygems.org"\n' >"$j/Gemfile"
run out err nindex --db "$TMP/jdb" "$j"
check "a Jekyll root with package.json: exit 0" is "$rc" 0
check "... no record skipped" contains "$TMP/out" "0 skipped"
finish
